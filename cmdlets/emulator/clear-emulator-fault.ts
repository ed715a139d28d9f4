import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { AdsyncCmdlet } from '../adsync/adsync-cmdlet.js';
import { EMULATOR_MODULE, EMULATOR_NS } from './get-emulator-clock.js';
import { FAULT_NAMES } from './set-emulator-fault.js';

/** Clear-EmulatorFault: turn off the named faults, or all of them. */
export class ClearEmulatorFaultCommand extends AdsyncCmdlet {
  static override meta: CmdletMeta = {
    verb: 'Clear', noun: 'EmulatorFault', module: EMULATOR_MODULE, className: `${EMULATOR_NS}.ClearEmulatorFaultCommand`,
    parameters: [param('Name', T.array(T.String), { position: 0, validateSet: FAULT_NAMES, description: 'The faults to clear; all when absent.' })],
    synopsis: 'Turns off emulator faults.',
    examples: [{ code: 'Clear-EmulatorFault' }, { code: 'Clear-EmulatorFault -Name TenantUnreachable' }],
  };

  Name?: string[];

  override async processRecord(): Promise<void> {
    try {
      if (!this.Name) await this.server().clearFaults();
      else for (const n of this.Name) await this.server().setFault(n, false);
    } catch (e) { this.fail(e); return; }
  }
}
