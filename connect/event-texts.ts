import type { NewEvent } from './event-log.js';
import type { CertificateRecord } from './model.js';

/**
 * Every event the server writes, with its ID, level, source and text in one place. IDs 904, 906, 1011, 1012,
 * 1014, 106/115 and 6100 come from the documents and the reference; 1013 and 1015-1019 are the emulator's
 * own choice for what the documents only describe ("an error event appears"), see docs/connect.md.
 */
const DS = 'Directory Synchronization';
const ADSYNC = 'ADSync';

const day = (d: string | Date) => new Date(d).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');

function certText(appId: string, c: CertificateRecord): string {
  return `ApplicationId: ${appId}, CertificateId: ${c.keyId}, Thumbprint: ${c.thumbprint}, SHA256: ${c.sha256}, NotAfter: ${day(c.notAfter)}`;
}

export const ev = {
  cycleStarted: (t: Date, policy: string, runNumber: number): NewEvent => ({
    TimeGenerated: t, EntryType: 'Information', Source: DS, EventID: 904,
    Message: `Scheduler::SchedulerThreadMain : Started sync cycle (PolicyType: ${policy}, RunNumber: ${runNumber}).`,
    ReplacementStrings: ['Started', policy],
  }),
  cycleFinished: (t: Date, policy: string, result: string): NewEvent => ({
    TimeGenerated: t, EntryType: 'Information', Source: DS, EventID: 904,
    Message: `Scheduler::SchedulerThreadMain : Finished sync cycle (PolicyType: ${policy}). Result: ${result}.`,
    ReplacementStrings: ['Finished', policy, result],
  }),
  schedulerSettingsChanged: (t: Date, what: string): NewEvent => ({
    TimeGenerated: t, EntryType: 'Information', Source: DS, EventID: 904,
    Message: `Scheduler::SetSchedulerSettings : Scheduler settings changed: ${what}.`,
    ReplacementStrings: ['SettingsChanged'],
  }),
  runHistoryPurged: (t: Date, count: number): NewEvent => ({
    TimeGenerated: t, EntryType: 'Information', Source: DS, EventID: 904,
    Message: `Scheduler::PurgeRunHistory : Purged ${count} run history entries.`,
    ReplacementStrings: ['PurgeRunHistory'],
  }),
  tokenFailedCertificate: (t: Date, aadstsText: string): NewEvent => ({
    TimeGenerated: t, EntryType: 'Error', Source: DS, EventID: 906,
    Message: '[MSAL] AcquireTokenWithCertificate: Exception caught while acquiring token via certificate. [invalid_client] - '
      + 'A configuration issue is preventing authentication - check the error message from the server for details. '
      + 'You can modify the configuration in the application registration portal. See https://aka.ms/msal-net-invalid-client for details.  '
      + `Original exception: ${aadstsText}`,
  }),
  tokenFailedPassword: (t: Date, aadstsText: string): NewEvent => ({
    TimeGenerated: t, EntryType: 'Error', Source: DS, EventID: 906,
    Message: `[MSAL] AcquireTokenByUsernamePassword: Exception caught while acquiring token. Original exception: ${aadstsText}`,
  }),
  /** The documents' text for a connector account whose password changed in Entra (how-to-connect-azureadaccount). */
  passwordPolicySyncFailed: (t: Date, aadstsText: string): NewEvent => ({
    TimeGenerated: t, EntryType: 'Error', Source: DS, EventID: 659,
    Message: `Error while retrieving password policy sync configuration. Microsoft.IdentityModel.Clients.ActiveDirectory.AdalServiceException: ${aadstsText}`,
  }),
  accessDenied: (t: Date, detail: string): NewEvent[] => [
    { TimeGenerated: t, EntryType: 'Error', Source: DS, EventID: 106,
      Message: `Unable to export to Microsoft Entra ID. Access Denied. ${detail}` },
    { TimeGenerated: t, EntryType: 'Information', Source: DS, EventID: 115,
      Message: 'Access to Azure Active Directory has been denied.' },
  ],
  runProfileError: (t: Date, connector: string, profile: string, result: string, detail: string): NewEvent => ({
    TimeGenerated: t, EntryType: 'Error', Source: ADSYNC, EventID: 6100,
    Message: `The management agent "${connector}" step execution completed on run profile "${profile}" but the step status was "${result}". ${detail}`.trim(),
  }),
  exportErrors: (t: Date, connector: string, count: number): NewEvent => ({
    TimeGenerated: t, EntryType: 'Error', Source: ADSYNC, EventID: 6803,
    Message: `The management agent "${connector}" export step completed with ${count} error(s). See the run history for the objects that failed.`,
  }),
  rotationDue: (t: Date, appId: string, c: CertificateRecord, daysLeft: number): NewEvent => ({
    TimeGenerated: t, EntryType: 'Warning', Source: DS, EventID: 1011,
    Message: `The certificate used by Microsoft Entra Connect Sync to authenticate to Microsoft Entra ID is due for rotation: it expires in ${daysLeft} day(s). `
      + `Rotate the certificate with Invoke-ADSyncApplicationCredentialRotation. ${certText(appId, c)}`,
  }),
  expired: (t: Date, appId: string, c: CertificateRecord): NewEvent => ({
    TimeGenerated: t, EntryType: 'Error', Source: DS, EventID: 1012,
    Message: `The certificate used by Microsoft Entra Connect Sync to authenticate to Microsoft Entra ID has expired. `
      + `Rotate the certificate with Invoke-ADSyncApplicationCredentialRotation. ${certText(appId, c)}`,
  }),
  rotated: (t: Date, appId: string, oldC: CertificateRecord, newC: CertificateRecord, how: string): NewEvent => ({
    TimeGenerated: t, EntryType: 'Information', Source: DS, EventID: 1013,
    Message: `${how} certificate rotation completed. Old CertificateId: ${oldC.keyId} (Thumbprint: ${oldC.thumbprint}). New: ${certText(appId, newC)}`,
  }),
  notTpm: (t: Date, appId: string, c: CertificateRecord): NewEvent => ({
    TimeGenerated: t, EntryType: 'Warning', Source: DS, EventID: 1014,
    Message: `The private key of the certificate used by Microsoft Entra Connect Sync is not protected by a Trusted Platform Module (TPM) `
      + `(key storage provider: ${c.provider}). Use a TPM-backed key for a hardware-based security boundary. ${certText(appId, c)}`,
  }),
  oldKeyRemovalFailed: (t: Date, appId: string, keyId: string, reason: string): NewEvent => ({
    TimeGenerated: t, EntryType: 'Error', Source: DS, EventID: 1015,
    Message: `Failed to remove the old certificate credential from application ${appId}. CertificateId: ${keyId}. ${reason} `
      + `Run Remove-EntraApplicationKey -CertificateId ${keyId} to remove it.`,
    ReplacementStrings: [keyId],
  }),
  leftoverKeyNotRemoved: (t: Date, appId: string, keyId: string, reason: string): NewEvent => ({
    TimeGenerated: t, EntryType: 'Error', Source: DS, EventID: 1015,
    Message: `Failed to remove the certificate credential added to application ${appId} for a credential change that did not complete. CertificateId: ${keyId}. ${reason} `
      + `The server retries with it or removes it at its next attempt; run Remove-EntraApplicationKey -CertificateId ${keyId} to remove it now.`,
    ReplacementStrings: [keyId],
  }),
  rotationFailed: (t: Date, appId: string, reason: string): NewEvent => ({
    TimeGenerated: t, EntryType: 'Error', Source: DS, EventID: 1017,
    Message: `Automatic certificate rotation for application ${appId} failed: ${reason}`,
  }),
  onboarded: (t: Date, appId: string, displayName: string, how: string): NewEvent => ({
    TimeGenerated: t, EntryType: 'Information', Source: DS, EventID: 1018,
    Message: `${how}: the Microsoft Entra connector now authenticates with application ${displayName} (${appId}). ConnectorIdentityType: Application.`,
  }),
  onboardingFailed: (t: Date, reason: string): NewEvent => ({
    TimeGenerated: t, EntryType: 'Error', Source: DS, EventID: 1019,
    Message: `Automatic configuration of application-based authentication failed: ${reason}`,
  }),
  credentialSwitched: (t: Date, to: string): NewEvent => ({
    TimeGenerated: t, EntryType: 'Information', Source: DS, EventID: 1016,
    Message: `The Microsoft Entra connector credential was changed. ConnectorIdentityType: ${to}.`,
  }),
};
