import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { AdsyncCmdlet } from './adsync-cmdlet.js';
import { schedulerObject, TYPES } from './objects.js';
import { CMDLET_NS, MODULE } from './registration-params.js';

/** Get-ADSyncScheduler: the built-in scheduler's settings and state. */
export class GetADSyncSchedulerCommand extends AdsyncCmdlet {
  static override meta: CmdletMeta = {
    verb: 'Get', noun: 'ADSyncScheduler', module: MODULE, className: `${CMDLET_NS}.GetADSyncSchedulerCommand`,
    outputType: [TYPES.scheduler], parameters: [],
    synopsis: 'Gets the current sync cycle settings of the sync scheduler.',
    description: 'Intervals are TimeSpans (CustomizedSyncCycleInterval is empty when unset); NextSyncCycleStartTimeInUTC is on the emulator clock. SyncCycleInProgress is True while a cycle runs.',
    examples: [
      { code: 'Get-ADSyncScheduler' },
      { title: 'Is the scheduler suspended?', code: '(Get-ADSyncScheduler).SchedulerSuspended' },
    ],
  };

  override async processRecord(): Promise<void> {
    let v;
    try { v = this.server().getScheduler(); } catch (e) { this.fail(e); return; }
    await this.writeObject(schedulerObject(v));
  }
}
