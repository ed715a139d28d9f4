/**
 * connect/: the emulated Microsoft Entra Connect Sync server. The facade the ADSync and emulator cmdlets import;
 * nothing else in connect/ is public. See docs/connect.md for what the emulator chose where the documents are silent.
 */
export { ConnectServer, type ConnectServerOptions, type ResetOptions, type RunStatus, type AdvanceResult } from './server.js';
export { SteppingClock } from './stepping-clock.js';
export { ConnectError, TenantAuthError, TenantUnreachableError, TenantRequestError } from './errors.js';
export type { AdminCredential } from './admin-session.js';
export type { RegistrationOptions, RegistrationResult } from './registration.js';
export type { ServiceAccountResult } from './service-account.js';
export type { ForeignCredential } from './application-keys.js';
export type { SchedulerView, SchedulerPatch } from './scheduler.js';
export type { ConnectorCredentialView, CertificateCredentialView, ConfigurationReport } from './report.js';
export type { RunProfileResult, RunStepResult } from './run-history.js';
export { AAD_CONNECTOR_ID } from './run-history.js';
export type { EventLogEntry, EventQuery, EntryType } from './event-log.js';
export type { PolicyType, ManagementMode, FaultName, ServerDoc } from './model.js';
export type {
  TenantGateway, KeyStoreGateway, StoredCertificate, CertificateSigner, AdminSession, Actor, ApplicationInfo,
  KeyCredentialInfo, ObjectChange, ExportResult, AccessToken,
} from './gateways.js';
export { CURRENT_VERSION, DEFAULT_DIRECTORY_SIZE } from './seed.js';
export { MANAGED_SUBJECT } from './credential-switch.js';
export { FAULT_NAMES } from './faults.js';
export { ROTATION_WARNING_DAYS, AUTO_ONBOARDING_MIN_VERSION } from './maintenance.js';
export { openConnect, type OpenedConnect, type OpenConnectOptions } from './open.js';
export { MsalTenantGateway } from './adapters/msal-tenant-gateway.js';
export { PkiKeyStore } from './adapters/pki-key-store.js';
