import { createHash } from 'node:crypto';
import { isoSeconds, newGuid } from './encoding.js';
import { hashPassword } from './passwords.js';
import { newSigningKey } from './signing-key.js';
import type { AppRole, PermissionScope, ServicePrincipalRecord, SeedOptions, TenantDoc, UserRecord } from './model.js';
import {
  ADSYNC_SCOPE, APP_ID, APP_ROLE, DEFAULT_DOMAIN, DEFAULT_PASSWORD, DEFAULT_SERVER_NAME, DEFAULT_TENANT_ID,
  GRAPH_APP_ROLES, GRAPH_RESOURCE_NAMES, GRAPH_SCOPES, MICROSOFT_SERVICES_TENANT, ROLE,
} from './well-known.js';

/** The legacy connector account's UPN: Sync_<SERVER>_<12 hex>, the hex derived from server and tenant so it is stable. */
export function serviceAccountUpn(serverName: string, tenantId: string, domain: string): string {
  const hex = createHash('sha256').update(`${serverName.toUpperCase()}|${tenantId}`).digest('hex').slice(0, 12);
  return `Sync_${serverName.toUpperCase()}_${hex}@${domain}`;
}

export function newUser(upn: string, displayName: string, password: string, roles: string[], now: Date, extra: Partial<UserRecord> = {}): UserRecord {
  const [given, ...rest] = displayName.split(' ');
  return {
    id: newGuid(), userPrincipalName: upn, displayName, givenName: extra.isServiceAccount ? null : given ?? null,
    surname: extra.isServiceAccount ? null : rest.join(' ') || null, mail: null, jobTitle: null, accountEnabled: true,
    createdDateTime: isoSeconds(now), roles, rolesEffectiveDateTime: isoSeconds(now), password: hashPassword(password),
    onPremisesSyncEnabled: null, ...extra,
  };
}

const appRole = (id: string, value: string, displayName: string, description: string): AppRole =>
  ({ allowedMemberTypes: ['Application'], description, displayName, id, isEnabled: true, origin: 'Application', value });

const scope = (id: string, value: string): PermissionScope => ({
  adminConsentDescription: `Allows the app to ${value} on behalf of the signed-in user.`, adminConsentDisplayName: value,
  id, isEnabled: true, type: 'Admin', userConsentDescription: null, userConsentDisplayName: null, value,
});

function firstParty(appId: string, displayName: string, now: Date, appRoles: AppRole[], scopes: PermissionScope[], names: string[] = [], publicClient = false): ServicePrincipalRecord {
  return {
    id: newGuid(), appId, displayName, appDisplayName: displayName, appOwnerOrganizationId: MICROSOFT_SERVICES_TENANT,
    accountEnabled: true, appRoleAssignmentRequired: false, appRoles, oauth2PermissionScopes: scopes,
    servicePrincipalNames: [appId, ...names], servicePrincipalType: 'Application', signInAudience: 'AzureADMultipleOrgs',
    tags: [], keyCredentials: [], passwordCredentials: [], createdDateTime: isoSeconds(now), ...(publicClient ? { publicClient: true } : {}),
  };
}

export function seedTenant(opts: SeedOptions, now: Date, serviceAccountPassword?: string): TenantDoc {
  const tenantId = (opts.tenantId ?? DEFAULT_TENANT_ID).toLowerCase();
  const domain = (opts.domain ?? DEFAULT_DOMAIN).toLowerCase();
  const serverName = opts.serverName ?? DEFAULT_SERVER_NAME;
  const password = opts.defaultPassword ?? DEFAULT_PASSWORD;
  const writeback = opts.writeback ?? true;
  const users = [
    newUser(`admin@${domain}`, 'Global Administrator', password, [ROLE.globalAdministrator], now),
    newUser(`hybridadmin@${domain}`, 'Hybrid Identity Administrator', password, [ROLE.hybridIdentityAdministrator], now),
    newUser(`appadmin@${domain}`, 'Application Administrator', password, [ROLE.applicationAdministrator], now),
    newUser(`user@${domain}`, 'Adele Vance', password, [], now),
    newUser(serviceAccountUpn(serverName, tenantId, domain), 'On-Premises Directory Synchronization Service Account',
      serviceAccountPassword ?? password, [ROLE.directorySynchronizationAccounts], now, { isServiceAccount: true }),
  ];
  const sps: ServicePrincipalRecord[] = [
    firstParty(APP_ID.adSync, 'Microsoft Entra AD Synchronization Service', now,
      [appRole(APP_ROLE.adSyncReadWriteAll, 'ADSynchronization.ReadWrite.All', 'Read, write, and manage identity synchronization',
        'Allows the app to read, write, and manage identity data synced with on-premises via Microsoft Entra Connect Sync.')],
      [scope(ADSYNC_SCOPE.id, ADSYNC_SCOPE.value)]),
    firstParty(APP_ID.graph, 'Microsoft Graph', now,
      Object.entries(GRAPH_APP_ROLES).map(([v, id]) => appRole(id, v, v, `Allows the app to ${v} without a signed-in user.`)),
      Object.entries(GRAPH_SCOPES).map(([v, id]) => scope(id, v)), GRAPH_RESOURCE_NAMES.filter((n) => n !== APP_ID.graph)),
    firstParty(APP_ID.graphPowerShell, 'Microsoft Graph Command Line Tools', now, [], [], [], true),
    firstParty(APP_ID.azureAdPowerShell, 'Azure Active Directory PowerShell', now, [], [], [], true),
    firstParty(APP_ID.entraConnect, 'Microsoft Azure Active Directory Connect', now, [], [], [], true),
  ];
  if (writeback) {
    sps.push(firstParty(APP_ID.passwordReset, 'Microsoft password reset service', now, [
      appRole(APP_ROLE.pwOffboardClient, 'PasswordWriteback.OffboardClient.All', 'Read, write and manage Microsoft Entra Connect Sync Agent',
        'Allows the app to uninstall Microsoft Entra Connect Sync Agent and offboard SSPR for the tenant'),
      appRole(APP_ROLE.pwRegisterClientVersion, 'PasswordWriteback.RegisterClientVersion.All', 'Read, write and manage self-service password reset writeback client version',
        'Allows the app to register the on-premises client version for Microsoft self-service password reset.'),
      appRole(APP_ROLE.pwRefreshClient, 'PasswordWriteback.RefreshClient.All', 'Read, write and manage self-service password reset writeback configuration',
        'Allows the app to refresh and recreate on-premises configuration for Microsoft self-service password reset.'),
    ], []));
  }
  return {
    schema: 1, tenantId, displayName: 'Contoso', domains: [domain], serverName, writeback, users,
    applications: [], servicePrincipals: sps, appRoleAssignments: [], audit: [], signingKey: newSigningKey(now), faults: {},
  };
}
