import type { Caller } from './graph/caller.js';
import { checkProof, validKeys } from './graph/roll-key.js';
import { Directory } from './directory.js';
import { graph, syncApi } from './errors.js';
import { isGuid, isoSeconds, newAssignmentId, newGuid } from './encoding.js';
import { graphJson, type RequestContext, type TenantResponse } from './http.js';
import { keyCredentialFromInput, type KeyCredentialInput } from './key-credentials.js';
import type { ApplicationRecord, KeyCredentialRecord, ServicePrincipalRecord, TenantDoc } from './model.js';
import { parseBody } from './graph/odata.js';
import { APP_ID, ROLE } from './well-known.js';

export const APP_PREFIX = 'ConnectSyncProvisioning_';
const SYNC_ROLE = 'ADSynchronization.ReadWrite.All';
const WRITEBACK_ROLES = ['PasswordWriteback.OffboardClient.All', 'PasswordWriteback.RegisterClientVersion.All', 'PasswordWriteback.RefreshClient.All'];

/**
 * Only the legacy connector itself (a user token of an account holding Directory Synchronization Accounts, role
 * effective) may provision: this is the backend step the real service does for automatic onboarding (seed 001).
 * Returns the server name from its Sync_<SERVER>_<hex> name, which scopes what it may touch.
 */
function requireConnector(caller: Caller, now: Date): string {
  if (caller.kind !== 'user' || !caller.user || !caller.wids.includes(ROLE.directorySynchronizationAccounts)) throw syncApi.connectorRequired();
  if (new Date(caller.user.rolesEffectiveDateTime) > now) throw syncApi.notYetEffective();
  const m = /^Sync_([A-Za-z0-9-]{1,15})_/i.exec(caller.user.userPrincipalName);
  if (!m) throw syncApi.connectorRequired();
  return m[1].toUpperCase();
}

const ownedBy = (server: string) => (a: ApplicationRecord) => a.displayName.toUpperCase().startsWith(`${APP_PREFIX}${server}_`.toUpperCase());

function view(doc: TenantDoc, app: ApplicationRecord, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const sp = Directory.sp(doc, app.appId);
  const assigned = sp ? doc.appRoleAssignments.filter((a) => a.principalId === sp.id).map((a) => {
    const res = Directory.spById(doc, a.resourceId);
    return res?.appRoles.find((r) => r.id === a.appRoleId)?.value ?? a.appRoleId;
  }) : [];
  return {
    id: app.id, appId: app.appId, displayName: app.displayName, servicePrincipalId: sp?.id ?? null,
    keyCredentials: app.keyCredentials.map((k) => ({ keyId: k.keyId, thumbprint: k.thumbprint, displayName: k.displayName, startDateTime: k.startDateTime, endDateTime: k.endDateTime,
      provisioned: (app.provisionedKeyIds ?? []).includes(k.keyId) })),
    assignedRoles: assigned, ...extra,
  };
}

/**
 *   GET  /syncapi/v1.0/{tenant}/applicationProvisioning/{appId}   the server's application (connector only)
 *   POST /syncapi/v1.0/{tenant}/applicationProvisioning           body {displayName | appId, keyCredential?, proof?, passwordWriteback?}
 * POST creates ConnectSyncProvisioning_<SERVER>_<id> and its service principal when absent, adds the certificate
 * (proof of possession required once the application has a valid key, as addKey), and assigns the roles the
 * interactive path assigns. Idempotent: an existing application, key (same thumbprint) or assignment is reused.
 * `removeKeyId` takes off a key this route provisioned on that application (and only such a key): how a server whose
 * switch failed after its key was added undoes it, since it cannot sign a removeKey proof with a key it never used.
 * Keys this route added are flagged `provisioned` in the view.
 */
export function handleAppProvisioning(directory: Directory, ctx: RequestContext, doc: TenantDoc, caller: Caller, key: string | undefined): TenantResponse {
  const server = requireConnector(caller, ctx.now);
  const mine = ownedBy(server);
  if (ctx.method === 'GET') {
    if (key === undefined || !isGuid(key)) throw graph.segment(key ?? 'applicationProvisioning');
    const app = Directory.app(doc, key.toLowerCase());
    if (!app || !mine(app)) throw syncApi.accountNotFound(key);
    return graphJson(ctx, 200, view(doc, app));
  }
  if (ctx.method !== 'POST') throw graph.methodNotAllowed(ctx.method);
  if (key !== undefined) throw graph.segment(key);
  const body = parseBody(ctx);
  const appIdIn = typeof body.appId === 'string' ? body.appId.toLowerCase() : undefined;
  const nameIn = typeof body.displayName === 'string' ? body.displayName : undefined;
  if (appIdIn === undefined && nameIn === undefined) throw syncApi.badExport("'displayName' or 'appId' is required.");
  if (appIdIn !== undefined && !isGuid(appIdIn)) throw graph.invalidValue('appId', 'applicationProvisioning');
  if (nameIn !== undefined && (!/^[A-Za-z0-9_-]{1,120}$/.test(nameIn) || !nameIn.toUpperCase().startsWith(`${APP_PREFIX}${server}_`.toUpperCase()))) {
    throw syncApi.notOwnApplication(nameIn, server);
  }
  const removeKeyId = typeof body.removeKeyId === 'string' ? body.removeKeyId.toLowerCase() : undefined;
  if (body.removeKeyId !== undefined && (removeKeyId === undefined || !isGuid(removeKeyId) || appIdIn === undefined)) throw graph.invalidValue('removeKeyId', 'applicationProvisioning');
  const writeback = body.passwordWriteback === true;
  const kc = body.keyCredential;
  const rec: KeyCredentialRecord | undefined = kc === undefined || kc === null ? undefined
    : typeof kc === 'object' ? keyCredentialFromInput(kc as KeyCredentialInput) : (() => { throw graph.invalidValue('keyCredential', 'applicationProvisioning'); })();
  if (rec && rec.type !== 'AsymmetricX509Cert') throw graph.invalidType();

  let addedKeyId: string | null = null;
  let createdApp = false;
  const out = directory.update(caller.actor, (d, audit) => {
    let app = appIdIn ? Directory.app(d, appIdIn) : d.applications.find((a) => a.displayName.toLowerCase() === nameIn!.toLowerCase());
    if (app && !mine(app)) throw syncApi.notOwnApplication(app.displayName, server);
    if (!app && appIdIn) throw syncApi.accountNotFound(appIdIn);
    if (!app) {
      app = {
        id: newGuid(), appId: newGuid(), displayName: nameIn!, description: null, notes: null,
        createdDateTime: isoSeconds(ctx.now), signInAudience: 'AzureADMyOrg', publisherDomain: d.domains[0], identifierUris: [], tags: [],
        isFallbackPublicClient: null, appRoles: [], keyCredentials: [], passwordCredentials: [], requiredResourceAccess: [],
        api: { requestedAccessTokenVersion: null, oauth2PermissionScopes: [] }, web: { redirectUris: [], homePageUrl: null, logoutUrl: null },
        publicClient: { redirectUris: [] }, info: { marketingUrl: null, privacyStatementUrl: null, supportUrl: null, termsOfServiceUrl: null },
        owners: [caller.id],
      };
      d.applications.push(app);
      createdApp = true;
      audit('Add application', 'ApplicationManagement', [{ id: app.id, displayName: app.displayName, type: 'Application' }]);
    }
    const target = app;
    if (removeKeyId !== undefined) {
      if (!target.keyCredentials.some((k) => k.keyId === removeKeyId)) throw syncApi.accountNotFound(removeKeyId);
      if (!(target.provisionedKeyIds ?? []).includes(removeKeyId)) throw syncApi.notProvisionedKey(removeKeyId, target.displayName);
      target.keyCredentials = target.keyCredentials.filter((k) => k.keyId !== removeKeyId);
      target.provisionedKeyIds = (target.provisionedKeyIds ?? []).filter((k) => k !== removeKeyId);
      audit('Update application – Certificates and secrets management ', 'ApplicationManagement', [{ id: target.id, displayName: target.displayName, type: 'Application' }],
        { removedKeyId: removeKeyId });
    }
    let sp = Directory.sp(d, target.appId);
    if (!sp) {
      sp = {
        id: newGuid(), appId: target.appId, displayName: target.displayName, appDisplayName: target.displayName, appOwnerOrganizationId: d.tenantId,
        accountEnabled: true, appRoleAssignmentRequired: false, appRoles: target.appRoles, oauth2PermissionScopes: target.api.oauth2PermissionScopes,
        servicePrincipalNames: [target.appId, ...target.identifierUris], servicePrincipalType: 'Application', signInAudience: target.signInAudience,
        tags: [], keyCredentials: [], passwordCredentials: [], createdDateTime: isoSeconds(ctx.now),
      } satisfies ServicePrincipalRecord;
      d.servicePrincipals.push(sp);
      audit('Add service principal', 'ApplicationManagement', [{ id: sp.id, displayName: sp.displayName, type: 'ServicePrincipal' }]);
    }
    if (rec) {
      const same = target.keyCredentials.find((k) => k.thumbprint === rec.thumbprint);
      if (same) addedKeyId = same.keyId;
      else {
        // The same rule as addKey: once the application has a usable certificate, a new one needs a proof signed by it.
        if (validKeys(target, ctx.now).length > 0) checkProof(ctx, target, body.proof);
        if (target.keyCredentials.some((k) => k.keyId === rec.keyId)) throw graph.invalidKey(`A credential with keyId '${rec.keyId}' already exists.`);
        target.keyCredentials.push(rec);
        target.provisionedKeyIds = [...(target.provisionedKeyIds ?? []).filter((k) => target.keyCredentials.some((x) => x.keyId === k)), rec.keyId];
        addedKeyId = rec.keyId;
        audit('Update application – Certificates and secrets management ', 'ApplicationManagement', [{ id: target.id, displayName: target.displayName, type: 'Application' }]);
      }
    }
    const wanted: { resourceAppId: string; value: string }[] = [{ resourceAppId: APP_ID.adSync, value: SYNC_ROLE }];
    if (writeback) for (const value of WRITEBACK_ROLES) wanted.push({ resourceAppId: APP_ID.passwordReset, value });
    for (const w of wanted) {
      const resource = Directory.sp(d, w.resourceAppId);
      // The password reset service principal "might not exist in the tenant" (seed 001): nothing to assign then.
      const role = resource?.appRoles.find((r) => r.value === w.value && r.isEnabled);
      if (!resource || !role) continue;
      if (d.appRoleAssignments.some((a) => a.principalId === sp!.id && a.resourceId === resource.id && a.appRoleId === role.id)) continue;
      d.appRoleAssignments.push({
        id: newAssignmentId(), appRoleId: role.id, createdDateTime: isoSeconds(ctx.now), principalDisplayName: sp.displayName,
        principalId: sp.id, principalType: 'ServicePrincipal', resourceDisplayName: resource.displayName, resourceId: resource.id,
      });
      audit('Add app role assignment to service principal', 'ApplicationManagement',
        [{ id: sp.id, displayName: sp.displayName, type: 'ServicePrincipal' }, { id: resource.id, displayName: resource.displayName, type: 'ServicePrincipal' }],
        { appRoleId: role.id, appRoleValue: role.value });
    }
    return view(d, target, { addedKeyId });
  });
  return graphJson(ctx, createdApp ? 201 : 200, out);
}
