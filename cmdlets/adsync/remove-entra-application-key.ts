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
    // A malformed id is a binding-time conversion error in the real module: report it before any sign-in.
    if (!/^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i.test(this.CertificateId.trim())) {
      this.writeError(this.error(`Cannot convert value "${this.CertificateId}" to type "System.Guid". Error: "Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)."`,
        'InvalidGuid', 'InvalidArgument', this.CertificateId, 'System.Management.Automation.PSInvalidCastException'));
      return;
    }
    if (!(await this.shouldProcess(this.CertificateId, 'Remove certificate credential from the Connect Sync application'))) return;
    const admin = await this.adminCredential(this.UserPrincipalName, this.Credential);
    try { await this.server().removeEntraApplicationKey(admin, this.CertificateId); } catch (e) { this.fail(e, this.CertificateId); }
  }
}
