import { setTpmPresent } from '../../pki/index.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { AdsyncCmdlet } from '../adsync/adsync-cmdlet.js';
import { EMULATOR_MODULE, EMULATOR_NS } from './get-emulator-clock.js';

/**
 * Reset-Emulator: a fresh tenant and server (legacy Sync_ account, scheduler defaults, new on-premises directory,
 * empty run history and event log). The clock and the certificate stores are kept (docs/emulator.md).
 */
export class ResetEmulatorCommand extends AdsyncCmdlet {
  static override meta: CmdletMeta = {
    verb: 'Reset', noun: 'Emulator', module: EMULATOR_MODULE, className: `${EMULATOR_NS}.ResetEmulatorCommand`,
    supportsShouldProcess: true, confirmImpact: 'Medium',
    parameters: [
      param('Version', T.String, { description: 'Microsoft Entra Connect version of the fresh server (a.b.c.d); ≥ 2.5.76.0 onboards itself to application authentication within six hours.' }),
      param('TpmPresent', T.Bool, { description: 'Whether the computer has a TPM (default $true). Without one, managed keys go to the Microsoft Software Key Storage Provider and event 1014 is logged.' }),
      param('PasswordWriteback', T.Bool, { description: 'Password writeback enabled on the server (adds the PasswordWriteback permissions to the application).' }),
      param('DirectorySize', T.Int, { validateRange: [0, 1_000_000], description: 'Number of on-premises users and groups (default 300).' }),
    ],
    synopsis: 'Resets the emulated tenant and Connect Sync server to a fresh seed.',
    examples: [
      { code: 'Reset-Emulator' },
      { code: 'Reset-Emulator -Version 2.5.76.0 -TpmPresent $false -DirectorySize 1000' },
    ],
  };

  Version?: string;
  TpmPresent?: boolean;
  PasswordWriteback?: boolean;
  DirectorySize?: number;

  override async processRecord(): Promise<void> {
    if (!(await this.shouldProcess('emulated tenant and Connect Sync server', 'Reset to a fresh seed'))) return;
    const o = this.opened();
    try {
      if (o.tenant) o.tenant.reset();
      else this.writeWarning('The tenant is served by another process (syncshell serve): only the server was reset.');
      setTpmPresent(o.pki, this.TpmPresent ?? true);
      await o.server.reset({ version: this.Version, passwordWriteback: this.PasswordWriteback, directorySize: this.DirectorySize });
    } catch (e) { this.fail(e); return; }
  }
}
