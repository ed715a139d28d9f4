/** The persisted shape of the emulated Connect Sync server (document 'server'). Dates are ISO strings. */

export type IdentityType = 'ServiceAccount' | 'Application';
export type ManagementMode = 'Managed' | 'BYOC' | 'BYOA';
export type PolicyType = 'Unspecified' | 'Delta' | 'Initial';

/** Facts about the certificate the connector signs with, as Get-ADSyncEntraConnectorCredential shows them. */
export interface CertificateRecord {
  keyId: string;              // the keyCredential id on the application = CertificateId
  thumbprint: string;         // upper-case hex SHA-1 of the DER
  sha256: string;             // upper-case hex SHA-256 of the DER
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  provider: string;           // key storage provider name
  tpmBacked: boolean;
  store: string;              // e.g. 'CurrentUser\\My'
}

export interface ServiceAccountCredential {
  type: 'ServiceAccount';
  name: string;               // Sync_<SERVER>_<12 hex>
  userPrincipalName: string;
  password: string;
}

export interface ApplicationCredential {
  type: 'Application';
  mode: ManagementMode;
  appId: string;
  appObjectId: string;
  displayName: string;
  automaticRotation: boolean;
  certificate: CertificateRecord;
}

export type ConnectorCredential = ServiceAccountCredential | ApplicationCredential;

export interface SchedulerState {
  syncCycleEnabled: boolean;
  maintenanceEnabled: boolean;
  schedulerSuspended: boolean;
  stagingModeEnabled: boolean;
  allowedSyncCycleIntervalMs: number;
  customizedSyncCycleIntervalMs: number | null;
  nextSyncCyclePolicyType: PolicyType;
  nextSyncCycleStartTime: string;
  purgeRunHistoryIntervalMs: number;
}

export interface EmulatorFaults {
  /** removeKey on the tenant fails during automatic rotation (the documented cleanup path). */
  keyRemovalFails: boolean;
  /** every call to the tenant fails as if the network were down. */
  tenantUnreachable: boolean;
  /** the steps of a switch to a certificate credential (connect/faults.ts); absent in documents written before them */
  applicationCreationFails?: boolean;
  roleAssignmentFails?: boolean;
  keyAdditionFails?: boolean;
  newKeyRejected?: boolean;
}

export type FaultName = keyof EmulatorFaults;

/** The legacy account as this server last knew it; kept after a switch so rollback and removal can find it. */
export interface LegacyAccountRecord {
  name: string;
  userPrincipalName: string;
  password: string;
  createdAt: string;          // creation (or re-creation) time: "Access Denied" for up to 15 minutes after
  removed: boolean;
}

/** A registration made by Add-EntraApplicationRegistration and not yet linked by Add-ADSyncApplicationRegistration. */
export interface PendingRegistration {
  mode: ManagementMode;
  appId: string;
  appObjectId: string;
  displayName: string;
  certificate: CertificateRecord;
  createdAt: string;
}

/**
 * A certificate credential the server added to its own application for a switch that did not complete, and could
 * not take off again at the time. The next switch finishes with it (the server kept the private key) or removes it.
 */
export interface StrandedKey {
  appId: string;
  keyId: string;
  thumbprint: string;
  sha256: string;
  /** the server created the certificate (CN=Entra Connect Sync Provisioning in CurrentUser\\My) and may reuse it */
  managed: boolean;
  at: string;
}

export interface CachedToken {
  /** which credential the token belongs to (appId+sha256 or UPN): a switch invalidates it */
  subject: string;
  accessToken: string;
  expiresOn: string;
}

export interface ServerDoc {
  schema: 1;
  serverName: string;
  syncMachineIdentifier: string;      // 32 hex, as the registry value
  version: string;
  passwordWriteback: boolean;
  tenantDomain: string;
  adForest: string;
  credential: ConnectorCredential;
  legacyAccount: LegacyAccountRecord;
  pendingRegistration: PendingRegistration | null;
  /** keyIds this server put on its application: anything else there was added by someone else */
  createdKeyIds: string[];
  /** the application this server created, remembered even when a later step failed, so a retry reuses it */
  ownAppId?: string | null;
  /** keys left on the application by failed switches (absent in older documents) */
  strandedKeys?: StrandedKey[];
  scheduler: SchedulerState;
  faults: EmulatorFaults;
  autoOnboardingDueAt: string | null;
  last1014At: string | null;
  token: CachedToken | null;
  runNumber: number;
  cycleInProgressUntil: string | null;
  /** incremented on every change: lets tests see that no update was lost */
  revision: number;
}
