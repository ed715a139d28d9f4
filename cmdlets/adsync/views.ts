import { listView, registerView, tableView } from '../../runtime/format/views.js';
import { PSObject } from '../../runtime/values/psobject.js';
import { PSDateTime } from '../../runtime/values/datetime.js';
import { TYPES } from './objects.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Get-EventLog's Time column: $_.TimeGenerated.ToString('MMM dd HH:mm'). */
function shortTime(o: unknown): unknown {
  const t = o instanceof PSObject ? o.get('TimeGenerated') : undefined;
  if (!(t instanceof PSDateTime)) return t;
  const f = t.fields();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${MONTHS[f.month - 1]} ${p(f.day)} ${p(f.hour)}:${p(f.minute)}`;
}

let registered = false;

/** The default views of the ADSync module's objects, of the event log objects and of the emulator's. */
export function registerAdsyncViews(): void {
  if (registered) return;
  registered = true;
  // Captured as a list, in this order (reference §1).
  registerView(TYPES.scheduler, listView([
    'AllowedSyncCycleInterval', 'CurrentlyEffectiveSyncCycleInterval', 'CustomizedSyncCycleInterval', 'NextSyncCyclePolicyType',
    'NextSyncCycleStartTimeInUTC', 'PurgeRunHistoryInterval', 'SyncCycleEnabled', 'MaintenanceEnabled', 'StagingModeEnabled',
    'SchedulerSuspended', 'SyncCycleInProgress',
  ]));
  registerView(TYPES.syncCycleResult, tableView([{ property: 'Result' }]));
  registerView(TYPES.runStatus, tableView([{ property: 'ConnectorIdentifier' }, { property: 'ConnectorName' }, { property: 'RunState' }]));
  registerView(TYPES.credential, listView(['ConnectorIdentityType', 'UserName', 'ApplicationId', 'ServiceAccountName', 'CertificateCredential']));
  registerView(TYPES.certificateCredential, listView([
    'CertificateSHA256Hash', 'ApplicationManagedBy', 'CertificateManagedBy', 'Id', 'CertificateThumbprint', 'ExpiryTime', 'StartTime',
    'Issuer', 'Subject', 'SerialNumber',
  ]));
  registerView(TYPES.runProfileResult, listView([
    'RunHistoryId', 'ConnectorId', 'ConnectorName', 'RunProfileId', 'RunProfileName', 'RunNumber', 'Username', 'IsRunComplete',
    'Result', 'CurrentStepNumber', 'TotalSteps', 'StartDate', 'EndDate', 'RunStepResults',
  ]));
  registerView(TYPES.registration, listView([
    'ConnectorIdentityType', 'ApplicationId', 'ApplicationDisplayName', 'ApplicationManagedBy', 'CertificateManagedBy',
    'CertificateId', 'CertificateThumbprint', 'CertificateSHA256Hash', 'Linked',
  ]));
  registerView(TYPES.foreignCredential, tableView([
    { property: 'KeyId' }, { property: 'DisplayName' }, { property: 'Thumbprint' }, { property: 'EndDateTime' }, { property: 'InUse' },
  ]));
  // Windows PowerShell's DotNetTypes.format.ps1xml / Event.format.ps1xml.
  registerView(TYPES.eventLogEntry, tableView([
    { label: 'Index', property: 'Index', width: 8, alignment: 'right' },
    { label: 'Time', value: shortTime, width: 13 },
    { label: 'EntryType', property: 'EntryType', width: 11 },
    { label: 'Source', property: 'Source', width: 20 },
    { label: 'InstanceID', property: 'InstanceId', width: 12, alignment: 'right' },
    { label: 'Message', property: 'Message' },
  ]));
  registerView(TYPES.eventLogRecord, tableView([
    { label: 'TimeCreated', property: 'TimeCreated', width: 25 },
    { label: 'Id', property: 'Id', width: 8, alignment: 'right' },
    { label: 'LevelDisplayName', property: 'LevelDisplayName', width: 16 },
    { label: 'Message', property: 'Message' },
  ], { groupBy: { label: 'ProviderName', property: 'ProviderName' } }));
  registerView(TYPES.emulatorClock, listView(['Now', 'RealTime', 'Offset', 'NextSyncCycleStartTimeInUTC']));
  registerView(TYPES.emulatorAdvance, tableView([{ property: 'From' }, { property: 'To' }, { property: 'CyclesRun' }]));
}
