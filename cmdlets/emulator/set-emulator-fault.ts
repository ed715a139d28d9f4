import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { AdsyncCmdlet } from '../adsync/adsync-cmdlet.js';
import { EMULATOR_MODULE, EMULATOR_NS } from './get-emulator-clock.js';
import { FAULT_NAMES as CONNECT_FAULT_NAMES } from '../../connect/index.js';

/** connect/'s faults, as PowerShell spells them (connect/faults.ts holds the list and what each one does). */
export const FAULT_NAMES = CONNECT_FAULT_NAMES;

/** Set-EmulatorFault: make the emulated world fail in a documented way until Clear-EmulatorFault. */
export class SetEmulatorFaultCommand extends AdsyncCmdlet {
  static override meta: CmdletMeta = {
    verb: 'Set', noun: 'EmulatorFault', module: EMULATOR_MODULE, className: `${EMULATOR_NS}.SetEmulatorFaultCommand`,
    parameters: [param('Name', T.array(T.String), { mandatory: true, position: 0, validateSet: FAULT_NAMES, description: 'KeyRemovalFails: the server cannot remove a certificate credential itself (after a rotation event 1015 names its CertificateId). TenantUnreachable: every call to the tenant fails. ApplicationCreationFails, RoleAssignmentFails, KeyAdditionFails, NewKeyRejected: one step of a switch to a certificate credential fails.' })],
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
