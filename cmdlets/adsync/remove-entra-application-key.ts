import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { AdsyncCmdlet } from './adsync-cmdlet.js';
import { CMDLET_NS, MODULE, signInParameters } from './registration-params.js';

/** Remove-EntraApplicationKey: the documented cleanup when the old certificate credential could not be removed. */
export class RemoveEntraApplicationKeyCommand extends AdsyncCmdlet {
  static override meta: CmdletMeta = {
    verb: 'Remove', noun: 'EntraApplicationKey', module: MODULE, className: `${CMDLET_NS}.RemoveEntraApplicationKeyCommand`,
    supportsShouldProcess: true, confirmImpact: 'Medium',
    parameters: [
      param('CertificateId', T.String, {
        mandatory: true, position: 0, valueFromPipelineByPropertyName: true, aliases: ['KeyId', 'Id'],
        description: 'The CertificateId (keyCredential id) to remove from the Connect Sync application, as the error event or the Microsoft Entra admin center shows it. The credential in use cannot be removed.',
      }),
      ...signInParameters(false),
    ],
    synopsis: 'Removes a certificate credential from the Connect Sync application.',
    examples: [{ title: 'Clean up an old certificate credential', code: 'Remove-EntraApplicationKey -CertificateId 6f1b6a1e-3c1e-4a8e-9d0f-2b7c0c6e9a11' }],
  };

  CertificateId!: string;
  UserPrincipalName?: string;
  Credential?: unknown;

  override async processRecord(): Promise<void> {
    if (!(await this.shouldProcess(this.CertificateId, 'Remove certificate credential from the Connect Sync application'))) return;
    const admin = await this.adminCredential(this.UserPrincipalName, this.Credential);
    try { await this.server().removeEntraApplicationKey(admin, this.CertificateId); } catch (e) { this.fail(e, this.CertificateId); }
  }
}
