import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { PSCredential } from '../../runtime/values/secure-string.js';
import { AdsyncCmdlet } from './adsync-cmdlet.js';
import { CMDLET_NS, MODULE } from './registration-params.js';

/** Remove-ADSyncAADServiceAccount: delete a legacy Sync_ account from the tenant (never the one in use). */
export class RemoveADSyncAADServiceAccountCommand extends AdsyncCmdlet {
  static override meta: CmdletMeta = {
    verb: 'Remove', noun: 'ADSyncAADServiceAccount', module: MODULE, className: `${CMDLET_NS}.RemoveADSyncAADServiceAccountCommand`,
    supportsShouldProcess: true, defaultParameterSet: 'ServiceAccount',
    parameters: [
      param('AADCredential', T.Credential, {
        mandatory: true, position: 0, sets: ['ServiceAccount'], credentialAttribute: true,
        description: 'A Hybrid Identity Administrator or Global Administrator. A user name or $null (the documents\' $HACredential) prompts for the credential.',
      }),
      param('Name', T.String, {
        mandatory: true, position: 1, sets: ['ServiceAccount'],
        description: 'The first part of the service account\'s user principal name (for aringdahl@fabrikam.com, aringdahl).',
      }),
    ],
    synopsis: 'Removes a Microsoft Entra connector service account.',
    description: 'Refused while the connector still uses that account (ConnectorIdentityType ServiceAccount): switch to application-based authentication first.',
    examples: [{ title: 'Remove the legacy account', code: 'Remove-ADSyncAADServiceAccount -AADCredential $HACredential -Name Sync_CONNECT01_0123456789ab' }],
  };

  AADCredential!: PSCredential;
  Name!: string;

  override async processRecord(): Promise<void> {
    if (!(await this.shouldProcess(this.Name, 'Remove the Microsoft Entra connector service account'))) return;
    const admin = { userPrincipalName: this.AADCredential.userName, password: this.AADCredential.password.reveal() };
    try { await this.server().removeServiceAccount(admin, this.Name); } catch (e) { this.fail(e, this.Name); return; }
  }
}
