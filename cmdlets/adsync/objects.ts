/**
 * The objects the ADSync cmdlets emit: connect/ returns plain data, these wrap it with the .NET type names the
 * real module (or Windows PowerShell, for the event log) uses, so views, Get-Member and ConvertTo-Json see them.
 * Where the real type name is unknown the choice is listed in docs/adsync-cmdlets.md.
 */
import type {
  CertificateCredentialView, ConfigurationReport, ConnectorCredentialView, EventLogEntry, ForeignCredential,
  RegistrationResult, RunProfileResult, RunStatus, SchedulerView,
} from '../../connect/index.js';
import { PSObject } from '../../runtime/values/psobject.js';
import { PSDateTime } from '../../runtime/values/datetime.js';
import { PSTimeSpan } from '../../runtime/values/timespan.js';

const OM = 'Microsoft.IdentityManagement.PowerShell.ObjectModel';
export const TYPES = {
  credential: `${OM}.EntraConnectorCredential`,
  certificateCredential: `${OM}.EntraCertificateCredential`,
  scheduler: `${OM}.SchedulerSettings`,
  syncCycleResult: `${OM}.SyncCycleResult`,
  runStatus: `${OM}.ConnectorRunStatus`,
  runProfileResult: `${OM}.RunProfileResult`,
  runStepResult: `${OM}.RunStepResult`,
  registration: `${OM}.ApplicationRegistrationResult`,
  configuration: `${OM}.CurrentConfiguration`,
  foreignCredential: 'SyncShell.ADSync.ForeignApplicationCredential',
  eventLogEntry: 'System.Diagnostics.EventLogEntry',
  eventLogRecord: 'System.Diagnostics.Eventing.Reader.EventLogRecord',
  emulatorClock: 'SyncShell.Emulator.ClockInfo',
  emulatorAdvance: 'SyncShell.Emulator.ClockAdvance',
  emulatorFaults: 'SyncShell.Emulator.FaultState',
} as const;

export const utc = (d: Date | string | null): PSDateTime | null => (d === null ? null : PSDateTime.fromDate(new Date(d), 'Utc'));
export const local = (d: Date | string): PSDateTime => PSDateTime.fromDate(new Date(d), 'Local');
const span = (ms: number | null): PSTimeSpan | null => (ms === null ? null : PSTimeSpan.fromMs(ms));

export function certificateCredentialObject(c: CertificateCredentialView): PSObject {
  const o = PSObject.typed(TYPES.certificateCredential, {
    CertificateSHA256Hash: c.CertificateSHA256Hash, ApplicationManagedBy: c.ApplicationManagedBy,
    CertificateManagedBy: c.CertificateManagedBy, Id: c.Id, CertificateThumbprint: c.CertificateThumbprint,
    ExpiryTime: utc(c.ExpiryTime), StartTime: utc(c.StartTime), Issuer: c.Issuer, Subject: c.Subject, SerialNumber: c.SerialNumber,
  });
  // A nested object in a list prints its ToString(): show what identifies the certificate.
  o.toStringImpl = () => `${c.Subject} (Thumbprint ${c.CertificateThumbprint}, expires ${utc(c.ExpiryTime)!.toString()})`;
  return o;
}

export function credentialObject(v: ConnectorCredentialView): PSObject {
  return PSObject.typed(TYPES.credential, {
    ConnectorIdentityType: v.ConnectorIdentityType, UserName: v.UserName, ApplicationId: v.ApplicationId,
    ServiceAccountName: v.ServiceAccountName,
    CertificateCredential: v.CertificateCredential ? certificateCredentialObject(v.CertificateCredential) : null,
  });
}

export function schedulerObject(v: SchedulerView): PSObject {
  return PSObject.typed(TYPES.scheduler, {
    AllowedSyncCycleInterval: span(v.AllowedSyncCycleInterval),
    CurrentlyEffectiveSyncCycleInterval: span(v.CurrentlyEffectiveSyncCycleInterval),
    CustomizedSyncCycleInterval: span(v.CustomizedSyncCycleInterval),
    NextSyncCyclePolicyType: v.NextSyncCyclePolicyType,
    NextSyncCycleStartTimeInUTC: utc(v.NextSyncCycleStartTimeInUTC),
    PurgeRunHistoryInterval: span(v.PurgeRunHistoryInterval),
    SyncCycleEnabled: v.SyncCycleEnabled, MaintenanceEnabled: v.MaintenanceEnabled,
    StagingModeEnabled: v.StagingModeEnabled, SchedulerSuspended: v.SchedulerSuspended,
    SyncCycleInProgress: v.SyncCycleInProgress,
  });
}

export function runStatusObject(r: RunStatus): PSObject {
  return PSObject.typed(TYPES.runStatus, { ConnectorIdentifier: r.ConnectorIdentifier, ConnectorName: r.ConnectorName, RunState: r.RunState });
}

export function runProfileResultObject(r: RunProfileResult, withSteps: boolean): PSObject {
  const steps = r.RunStepResults.map((s) => {
    const o = PSObject.typed(TYPES.runStepResult, {});
    for (const [k, v] of Object.entries(s)) o.addNote(k, k === 'StartDate' || k === 'EndDate' ? utc(v as string) : v);
    return o;
  });
  const o = PSObject.typed(TYPES.runProfileResult, {
    RunHistoryId: r.RunHistoryId, ConnectorId: r.ConnectorId, ConnectorName: r.ConnectorName,
    RunProfileId: r.RunProfileId, RunProfileName: r.RunProfileName, RunNumber: r.RunNumber, Username: r.Username,
    IsRunComplete: r.IsRunComplete, Result: r.Result, CurrentStepNumber: r.CurrentStepNumber, TotalSteps: r.TotalSteps,
    StartDate: utc(r.StartDate), EndDate: utc(r.EndDate), RunStepResults: withSteps ? steps : [],
  });
  return o;
}

export function registrationObject(r: RegistrationResult): PSObject {
  return PSObject.typed(TYPES.registration, { ...r });
}

export function configurationObject(c: ConfigurationReport): PSObject {
  const o = PSObject.typed(TYPES.configuration, {});
  for (const [k, v] of Object.entries(c)) o.addNote(k, v instanceof Date ? utc(v) : v);
  return o;
}

export function foreignCredentialObject(f: ForeignCredential): PSObject {
  return PSObject.typed(TYPES.foreignCredential, {
    ApplicationId: f.ApplicationId, KeyId: f.keyId, DisplayName: f.displayName, Thumbprint: f.thumbprint,
    StartDateTime: utc(f.startDateTime), EndDateTime: utc(f.endDateTime), InUse: f.InUse,
  });
}

/** Get-EventLog's System.Diagnostics.EventLogEntry (TimeGenerated / TimeWritten in local time, as Windows gives). */
export function eventLogEntryObject(e: EventLogEntry): PSObject {
  const o = PSObject.typed([TYPES.eventLogEntry, 'System.ComponentModel.Component', 'System.MarshalByRefObject'], {
    EventID: e.EventID, MachineName: e.MachineName, Data: new Uint8Array(0), Index: e.Index, Category: e.Category,
    CategoryNumber: 0, EntryType: e.EntryType, Message: e.Message, Source: e.Source, ReplacementStrings: [...e.ReplacementStrings],
    InstanceId: e.InstanceId, TimeGenerated: local(e.TimeGenerated), TimeWritten: local(e.TimeGenerated), UserName: null,
  });
  o.toStringImpl = () => TYPES.eventLogEntry;
  return o;
}

const LEVELS: Record<string, [number, string]> = { Error: [2, 'Error'], Warning: [3, 'Warning'], Information: [4, 'Information'] };

/** Get-WinEvent's EventLogRecord. */
export function eventLogRecordObject(e: EventLogEntry): PSObject {
  const [level, levelName] = LEVELS[e.EntryType] ?? [4, 'Information'];
  const o = PSObject.typed([TYPES.eventLogRecord, 'System.Diagnostics.Eventing.Reader.EventRecord'], {
    Message: e.Message, Id: e.EventID, Version: 0, Qualifiers: 0, Level: level, Task: 0, Opcode: null, Keywords: null,
    RecordId: e.Index, ProviderName: e.Source, ProviderId: null, LogName: 'Application', ProcessId: null, ThreadId: null,
    MachineName: e.MachineName, UserId: null, TimeCreated: local(e.TimeGenerated), LevelDisplayName: levelName,
    OpcodeDisplayName: 'Info', TaskDisplayName: null, KeywordsDisplayNames: ['Classic'],
    Properties: e.ReplacementStrings.map((s) => PSObject.typed('System.Diagnostics.Eventing.Reader.EventProperty', { Value: s })),
  });
  o.toStringImpl = () => TYPES.eventLogRecord;
  return o;
}
