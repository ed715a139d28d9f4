/**
 * What the server needs from the outside world, kept narrow so the server logic can be tested with small
 * fakes and wired to the real tenant (msal-node + Graph + sync endpoint) and pki (key providers, stores)
 * through one adapter each.
 */

/** An access token as the server caches it; expiresOn is on the emulator's virtual clock. */
export interface AccessToken { accessToken: string; expiresOn: Date }

export interface AdminSession {
  userPrincipalName: string;
  /** directory role display names, e.g. 'Hybrid Identity Administrator' */
  roles: string[];
  accessToken: string;
  expiresOn: Date;
}

/** Who asks the tenant to change the directory: a signed-in admin, or the connector itself (automatic onboarding). */
export type Actor = { kind: 'admin'; session: AdminSession } | ConnectorActor;

/**
 * The connector acting for itself: its sync token, and what it needs to act on Graph — its certificate (addKey /
 * removeKey with a proof of possession) or the legacy account's password.
 */
export interface ConnectorActor {
  kind: 'connector';
  accessToken: string;
  appObjectId?: string;
  /** resolved at call time: after a switch, the proof is signed by the new current certificate */
  signer?: () => CertificateSigner;
  userPrincipalName?: string;
  password?: string;
}

export interface KeyCredentialInfo {
  keyId: string;
  /** upper-case hex SHA-1 of the certificate (customKeyIdentifier) */
  thumbprint: string;
  displayName: string;
  startDateTime: string;
  endDateTime: string;
  /** the tenant's sync API added it for this server's legacy connector (automatic onboarding); undefined when not known */
  provisionedByConnector?: boolean;
}

export interface ApplicationInfo {
  appId: string;
  objectId: string;
  displayName: string;
  keyCredentials: KeyCredentialInfo[];
  /** app role values assigned to the application's service principal, e.g. 'ADSynchronization.ReadWrite.All' */
  assignedRoles: string[];
}

/** A certificate registered on an application: the DER is what Graph stores as keyCredential.key. */
export interface CertificateUpload { der: Uint8Array; displayName: string }

export interface ObjectChange {
  op: 'add' | 'update' | 'delete';
  anchor: string;                    // sourceAnchor (ms-DS-ConsistencyGuid, base64)
  objectType: 'user' | 'group';
  attributes: Record<string, unknown>;
}

export interface ExportResult {
  added: number;
  updated: number;
  deleted: number;
  errors: { anchor: string; code: string; message: string }[];
}

export interface CertificateSigner {
  appId: string;
  thumbprint: string;    // upper hex SHA-1
  sha256: string;        // upper hex SHA-256
  der: Uint8Array;
  /** sign with the certificate's private key (never exported): RSASSA-PKCS1-v1_5 or PSS over SHA-256 */
  sign(data: Uint8Array, padding: 'pkcs1' | 'pss'): Promise<Uint8Array>;
}

export interface TenantGateway {
  readonly tenantDomain: string;
  readonly tenantId: string;
  /** the legacy connector account the tenant was seeded with, so a fresh server starts on it */
  seededSyncAccount(): { serverName: string; userPrincipalName: string; password: string } | undefined;
  /** Resource-owner sign-in of an admin (the browser sign-in of the real cmdlets). Throws TenantAuthError. */
  signInAdmin(userPrincipalName: string, password: string): Promise<AdminSession>;
  createApplication(actor: Actor, displayName: string): Promise<ApplicationInfo>;
  getApplication(actor: Actor, appId: string): Promise<ApplicationInfo | undefined>;
  addKeyCredential(actor: Actor, appId: string, cert: CertificateUpload): Promise<KeyCredentialInfo>;
  removeKeyCredential(actor: Actor, appId: string, keyId: string): Promise<void>;
  /** assign application permissions (app roles) of well-known resource apps to the app's service principal */
  assignAppRoles(actor: Actor, appId: string, roles: { resourceAppId: string; value: string }[]): Promise<void>;
  /** create the legacy connector account, or reset its password when it exists; returns the password */
  upsertSyncAccount(actor: Actor, name: string): Promise<{ userPrincipalName: string; password: string; created: boolean }>;
  deleteUser(actor: Actor, userPrincipalName: string): Promise<boolean>;
  /** client credentials with a certificate assertion (msal-node in the real adapter). Throws TenantAuthError. */
  acquireTokenWithCertificate(signer: CertificateSigner): Promise<AccessToken>;
  /** username/password of the legacy connector account. Throws TenantAuthError. */
  acquireTokenWithPassword(userPrincipalName: string, password: string): Promise<AccessToken>;
  /** the sync (provisioning) endpoint: throws TenantRequestError when the token is refused as a whole */
  exportChanges(accessToken: string, changes: ObjectChange[]): Promise<ExportResult>;
}

/** A certificate as the server sees it in a Windows certificate store. */
export interface StoredCertificate {
  der: Uint8Array;
  thumbprint: string;
  sha256: string;
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  keyAlgorithm: string;          // 'RSA', 'ECDSA_nistP256'...
  keyLength: number;
  signatureHashAlgorithm: string;// 'SHA256', 'SHA1'...
  hasPrivateKey: boolean;
  exportable: boolean;
  provider: string;
  tpmBacked: boolean;
  store: string;                 // 'LocalMachine\\My' | 'CurrentUser\\My'
  /** false when the sync service account (NT SERVICE\\ADSync) is not on the private key's ACL */
  syncAccountCanSign?: boolean;
}

export interface KeyStoreGateway {
  tpmPresent(): boolean;
  /** Reset-Emulator's TPM present/absent option */
  setTpmPresent?(present: boolean): void;
  /** a new non-exportable RSA 2048 key in the TPM (or the software KSP) and a self-signed certificate in CurrentUser\My */
  createManagedCertificate(opts: { subject: string; notBefore: Date; notAfter: Date; useTpm: boolean }): Promise<StoredCertificate>;
  /** every stored certificate with this hash, in any store */
  findBySha256(sha256: string): StoredCertificate[];
  findByThumbprint(thumbprint: string): StoredCertificate[];
  sign(cert: StoredCertificate, data: Uint8Array, padding: 'pkcs1' | 'pss'): Promise<Uint8Array>;
  removeCertificate(cert: StoredCertificate): Promise<void>;
}

/** The names the server uses for the two well-known resource applications (seed 001). */
export const SYNC_SERVICE_APP_ID = '6bf85cfa-ac8a-4be5-b5de-425a0d0dc016';
export const PASSWORD_RESET_APP_ID = '93625bc8-bfe2-437a-97e0-3d0060024faa';
export const SYNC_ROLE = 'ADSynchronization.ReadWrite.All';
export const WRITEBACK_ROLES = ['PasswordWriteback.OffboardClient.All', 'PasswordWriteback.RegisterClientVersion.All', 'PasswordWriteback.RefreshClient.All'];
export const TPM_PROVIDER = 'Microsoft Platform Crypto Provider';
export const SOFTWARE_PROVIDER = 'Microsoft Software Key Storage Provider';
