import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { AdsyncCmdlet } from '../adsync/adsync-cmdlet.js';
import { EMULATOR_MODULE, EMULATOR_NS } from './get-emulator-clock.js';

/** connect/'s FaultName values, as PowerShell spells them. */
export const FAULT_NAMES = ['KeyRemovalFails', 'TenantUnreachable'] as const;

/** Set-EmulatorFault: make the emulated world fail in a documented way until Clear-EmulatorFault. */
export class SetEmulatorFaultCommand extends AdsyncCmdlet {
  static override meta: CmdletMeta = {
    verb: 'Set', noun: 'EmulatorFault', module: EMULATOR_MODULE, className: `${EMULATOR_NS}.SetEmulatorFaultCommand`,
    parameters: [param('Name', T.array(T.String), { mandatory: true, position: 0, validateSet: FAULT_NAMES, description: 'KeyRemovalFails: removing the old certificate credential after a rotation fails (event 1015 names its CertificateId). TenantUnreachable: every call to the tenant fails.' })],
    synopsis: 'Turns on an emulator fault.',
    examples: [{ code: 'Set-EmulatorFault -Name KeyRemovalFails' }],
  };

  Name!: string[];

  override async processRecord(): Promise<void> {
    for (const n of this.Name) {
      try { await this.server().setFault(n, true); } catch (e) { this.fail(e, n); }
    }
  }
}
