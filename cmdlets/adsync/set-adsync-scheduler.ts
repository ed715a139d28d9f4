import type { PolicyType, SchedulerPatch } from '../../connect/index.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { PSTimeSpan } from '../../runtime/values/timespan.js';
import { AdsyncCmdlet } from './adsync-cmdlet.js';
import { CMDLET_NS, MODULE, POLICY_TYPE } from './registration-params.js';

/** Set-ADSyncScheduler: positions and nullable types as the reference documents them; writes nothing on success. */
export class SetADSyncSchedulerCommand extends AdsyncCmdlet {
  static override meta: CmdletMeta = {
    verb: 'Set', noun: 'ADSyncScheduler', module: MODULE, className: `${CMDLET_NS}.SetADSyncSchedulerCommand`,
    parameters: [
      param('CustomizedSyncCycleInterval', T.nullable(T.TimeSpan), { position: 0, valueFromPipeline: true, description: 'd.HH:mm:ss, e.g. 03:00:00. $null clears it (the allowed interval is used). Shorter than AllowedSyncCycleInterval is stored but Allowed wins.' }),
      param('SyncCycleEnabled', T.nullable(T.Bool), { position: 1, valueFromPipeline: true, description: 'Whether the scheduler runs sync cycles (and maintenance).' }),
      param('NextSyncCyclePolicyType', T.nullable(POLICY_TYPE), { position: 2, valueFromPipeline: true, description: 'Unspecified, Delta or Initial.' }),
      param('PurgeRunHistoryInterval', T.nullable(T.TimeSpan), { position: 3, valueFromPipeline: true, description: 'How long run history is kept (default 7.00:00:00).' }),
      param('MaintenanceEnabled', T.nullable(T.Bool), { position: 4, valueFromPipeline: true, description: 'Whether maintenance runs (certificate warnings, automatic rotation, run history purge).' }),
      param('SchedulerSuspended', T.nullable(T.Bool), { position: 5, valueFromPipeline: true, description: 'Unsupported from PowerShell (Connect sets it during upgrades); accepted, as the real cmdlet does.' }),
      param('Force', T.Switch, { position: 6 }),
    ],
    synopsis: 'Sets the current sync cycle settings of the sync scheduler.',
    examples: [
      { title: 'Disable the scheduler', code: 'Set-ADSyncScheduler -SyncCycleEnabled $false' },
      { title: 'Every three hours', code: 'Set-ADSyncScheduler -CustomizedSyncCycleInterval 03:00:00' },
    ],
  };

  CustomizedSyncCycleInterval?: PSTimeSpan | null;
  SyncCycleEnabled?: boolean | null;
  NextSyncCyclePolicyType?: string | null;
  PurgeRunHistoryInterval?: PSTimeSpan | null;
  MaintenanceEnabled?: boolean | null;
  SchedulerSuspended?: boolean | null;

  override async processRecord(): Promise<void> {
    const patch: SchedulerPatch = {};
    if (this.isBound('CustomizedSyncCycleInterval')) {
      patch.customizedSyncCycleIntervalMs = this.CustomizedSyncCycleInterval ? this.CustomizedSyncCycleInterval.totalMilliseconds : null;
    }
    if (typeof this.SyncCycleEnabled === 'boolean') patch.syncCycleEnabled = this.SyncCycleEnabled;
    if (this.NextSyncCyclePolicyType) patch.nextSyncCyclePolicyType = this.NextSyncCyclePolicyType as PolicyType;
    if (this.PurgeRunHistoryInterval) patch.purgeRunHistoryIntervalMs = this.PurgeRunHistoryInterval.totalMilliseconds;
    if (typeof this.MaintenanceEnabled === 'boolean') patch.maintenanceEnabled = this.MaintenanceEnabled;
    if (typeof this.SchedulerSuspended === 'boolean') patch.schedulerSuspended = this.SchedulerSuspended;
    try { await this.server().setScheduler(patch); } catch (e) { this.fail(e); return; }
  }
}
