/** The persisted directory (state document 'tenant'). Graph-visible fields keep Graph's names. */

export interface PasswordHash { salt: string; hash: string; iterations: number }

export interface UserRecord {
  id: string;
  userPrincipalName: string;
  displayName: string;
  givenName: string | null;
  surname: string | null;
  mail: string | null;
  jobTitle: string | null;
  accountEnabled: boolean;
  createdDateTime: string;
  /** Directory role template ids (what `wids` carries). */
  roles: string[];
  /** When the role assignments take effect (a re-created connector account waits up to 15 minutes). */
  rolesEffectiveDateTime: string;
  password: PasswordHash;
  /** The passwords this one replaced, newest first: signing in with one of them is AADSTS50054 ("Old password"). */
  previousPasswords?: PasswordHash[];
  onPremisesSyncEnabled: boolean | null;
  /** Set for Sync_<server>_<hex> connector accounts. */
  isServiceAccount?: boolean;
}

export interface KeyCredentialRecord {
  keyId: string;
  type: string;
  usage: string;
  displayName: string | null;
  startDateTime: string;
  endDateTime: string;
  /** Base64 of the identifier bytes (Edm.Binary as Graph's JSON renders it). */
  customKeyIdentifier: string | null;
  /** Base64 DER of the certificate. */
  key: string;
  /** Upper-case hex SHA-1 and SHA-256 of the DER, and base64 SPKI: derived once when the key is registered. */
  thumbprint: string;
  sha256: string;
  spki: string;
}

export interface ResourceAccess { id: string; type: 'Role' | 'Scope' | string }
export interface RequiredResourceAccess { resourceAppId: string; resourceAccess: ResourceAccess[] }

export interface AppRole {
  allowedMemberTypes: string[];
  description: string;
  displayName: string;
  id: string;
  isEnabled: boolean;
  origin: string;
  value: string;
}

export interface PermissionScope {
  adminConsentDescription: string;
  adminConsentDisplayName: string;
  id: string;
  isEnabled: boolean;
  type: string;
  userConsentDescription: string | null;
  userConsentDisplayName: string | null;
  value: string;
}

export interface ApplicationRecord {
  id: string;
  appId: string;
  displayName: string;
  description: string | null;
  notes: string | null;
  createdDateTime: string;
  signInAudience: string;
  publisherDomain: string;
  identifierUris: string[];
  tags: string[];
  isFallbackPublicClient: boolean | null;
  appRoles: AppRole[];
  keyCredentials: KeyCredentialRecord[];
  passwordCredentials: unknown[];
  requiredResourceAccess: RequiredResourceAccess[];
  api: { requestedAccessTokenVersion: number | null; oauth2PermissionScopes: PermissionScope[] };
  web: { redirectUris: string[]; homePageUrl: string | null; logoutUrl: string | null };
  publicClient: { redirectUris: string[] };
  info: { marketingUrl: string | null; privacyStatementUrl: string | null; supportUrl: string | null; termsOfServiceUrl: string | null };
  /** Object ids of owning users/service principals (the directory's ownership rule). */
  owners: string[];
  /** keyIds the sync API's applicationProvisioning route added for the server's own connector (it may remove those). */
  provisionedKeyIds?: string[];
}

export interface ServicePrincipalRecord {
  id: string;
  appId: string;
  displayName: string;
  appDisplayName: string;
  appOwnerOrganizationId: string;
  accountEnabled: boolean;
  appRoleAssignmentRequired: boolean;
  appRoles: AppRole[];
  oauth2PermissionScopes: PermissionScope[];
  servicePrincipalNames: string[];
  servicePrincipalType: string;
  signInAudience: string;
  tags: string[];
  keyCredentials: KeyCredentialRecord[];
  passwordCredentials: unknown[];
  createdDateTime: string;
  /** First-party public clients accept the password grant without a credential. */
  publicClient?: boolean;
}

export interface AppRoleAssignmentRecord {
  id: string;
  appRoleId: string;
  createdDateTime: string;
  principalDisplayName: string;
  principalId: string;
  principalType: 'ServicePrincipal' | 'User' | 'Group';
  resourceDisplayName: string;
  resourceId: string;
}

export interface AuditActor { user?: { id: string; userPrincipalName: string }; app?: { appId: string; displayName: string; servicePrincipalId: string | null } }

export interface AuditRecord {
  id: string;
  activityDateTime: string;
  activityDisplayName: string;
  category: string;
  initiatedBy: AuditActor;
  targetResources: { id: string; displayName: string | null; type: string }[];
  result: 'success';
  loggedByService: 'Core Directory';
  details?: Record<string, string>;
}

export interface SigningKeyRecord { kid: string; privateKeyPem: string; n: string; e: string; x5c: string | null; createdDateTime: string }

export interface TenantDoc {
  schema: 1;
  tenantId: string;
  displayName: string;
  domains: string[];
  serverName: string;
  writeback: boolean;
  users: UserRecord[];
  applications: ApplicationRecord[];
  servicePrincipals: ServicePrincipalRecord[];
  appRoleAssignments: AppRoleAssignmentRecord[];
  audit: AuditRecord[];
  signingKey: SigningKeyRecord;
  /** Emulator faults (Set-EmulatorFault): named failure switches the handlers consult. */
  faults: Record<string, boolean>;
}

export interface SeedOptions {
  tenantId?: string;
  domain?: string;
  /** The Connect server whose legacy connector account is seeded (Sync_<SERVER>_<hex>). */
  serverName?: string;
  /** False seeds no Microsoft password reset service principal (a tenant without writeback). */
  writeback?: boolean;
  defaultPassword?: string;
}
