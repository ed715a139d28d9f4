import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { AdsyncCmdlet } from './adsync-cmdlet.js';
import { schedulerObject, TYPES } from './objects.js';
import { CMDLET_NS, MODULE } from './registration-params.js';

/**
 * Get-ADSyncSchedulerSettings: the name the article uses to check whether the scheduler is suspended or maintenance
 * disabled. No real build is known to ship it (the real cmdlet is Get-ADSyncScheduler); the emulator answers it
 * with the same object so the documented step works. See docs/adsync-cmdlets.md.
 */
export class GetADSyncSchedulerSettingsCommand extends AdsyncCmdlet {
  static override meta: CmdletMeta = {
    verb: 'Get', noun: 'ADSyncSchedulerSettings', module: MODULE, className: `${CMDLET_NS}.GetADSyncSchedulerSettingsCommand`,
    outputType: [TYPES.scheduler], parameters: [],
    synopsis: 'Gets the scheduler settings (same object as Get-ADSyncScheduler).',
    description: 'The documents say: run Get-ADSyncSchedulerSettings to see if the scheduler is suspended or maintenance is enabled or disabled. Look at SchedulerSuspended and MaintenanceEnabled.',
    examples: [{ code: 'Get-ADSyncSchedulerSettings | Select-Object SchedulerSuspended, MaintenanceEnabled' }],
  };

  override async processRecord(): Promise<void> {
    let v;
    try { v = this.server().getScheduler(); } catch (e) { this.fail(e); return; }
    await this.writeObject(schedulerObject(v));
  }
}
