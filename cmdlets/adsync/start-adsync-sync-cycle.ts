import type { PolicyType } from '../../connect/index.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { PSObject } from '../../runtime/values/psobject.js';
import { AdsyncCmdlet } from './adsync-cmdlet.js';
import { TYPES } from './objects.js';
import { CMDLET_NS, MODULE, POLICY_TYPE } from './registration-params.js';

/**
 * Start-ADSyncSyncCycle: starts a cycle and returns at once with Result Success, or the real busy error while one
 * runs. The cycle's outcome is in Get-ADSyncRunProfileResult and the event log.
 */
export class StartADSyncSyncCycleCommand extends AdsyncCmdlet {
  static override meta: CmdletMeta = {
    verb: 'Start', noun: 'ADSyncSyncCycle', module: MODULE, className: `${CMDLET_NS}.StartADSyncSyncCycle`,
    outputType: [TYPES.syncCycleResult],
    parameters: [
      param('PolicyType', POLICY_TYPE, { position: 0, description: 'Delta (delta import, delta sync, export) or Initial (full import, full sync, export). Default: the scheduler\'s NextSyncCyclePolicyType.' }),
      param('InteractiveMode', T.Bool, { position: 1, description: 'Interactive (command line) or script mode; no effect in the emulator.' }),
    ],
    synopsis: 'Triggers a sync cycle.',
    examples: [{ code: 'Start-ADSyncSyncCycle -PolicyType Delta' }, { code: 'Start-ADSyncSyncCycle -PolicyType Initial' }],
  };

  PolicyType?: string;
  InteractiveMode?: boolean;

  override async processRecord(): Promise<void> {
    let r;
    try { r = await this.server().startSyncCycle(this.PolicyType as PolicyType | undefined); } catch (e) { this.fail(e, 'StartADSyncSyncCycle'); return; }
    await this.writeObject(PSObject.typed(TYPES.syncCycleResult, { Result: r.Result }));
  }
}
