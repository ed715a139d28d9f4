import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { promptForCredential } from '../../runtime/commands/prompts.js';
import { PSCredential } from '../../runtime/values/secure-string.js';
import { AdsyncCmdlet } from './adsync-cmdlet.js';
import { CMDLET_NS, MODULE } from './registration-params.js';

/**
 * Add-ADSyncAADServiceAccount: reset the password of the legacy Sync_ account (create it when it does not exist) and
 * point the connector at it — the fix for a stale connector password (AADSTS50054) and the rollback from
 * application-based authentication. Without -AADCredential the administrator is prompted for (the published
 * article's form, and the older builds' pop-up). Prints nothing on success, like the real one.
 */
export class AddADSyncAADServiceAccountCommand extends AdsyncCmdlet {
  static override meta: CmdletMeta = {
    verb: 'Add', noun: 'ADSyncAADServiceAccount', module: MODULE, className: `${CMDLET_NS}.AddADSyncAADServiceAccountCommand`,
    supportsShouldProcess: true,
    parameters: [
      param('AADCredential', T.Credential, {
        position: 0, valueFromPipelineByPropertyName: true, credentialAttribute: true,
        description: 'A Hybrid Identity Administrator or Global Administrator. A user name or $null prompts for the credential; absent, the cmdlet prompts.',
      }),
      param('Name', T.String, {
        position: 1,
        description: 'The service account name without the domain suffix (e.g. Sync_CONNECT01_0123456789ab): its password is reset when it exists, otherwise it is created. Without it, the password of the server\'s own Sync_ account is reset (the account is re-created if it was removed).',
      }),
    ],
    synopsis: 'Resets the password of (or creates) the Microsoft Entra connector service account and makes the connector use it.',
    description: 'Fixes "AADSTS70002: Error validating credentials. AADSTS50054: Old password is used for authentication." (events 906/659) after the account\'s password changed in Microsoft Entra ID: the account keeps its object and role and works at once. A re-created account (one that had been removed) takes up to 15 minutes to take effect: exports in between fail with "Access Denied".',
    examples: [
      { title: 'Roll back to the legacy account', code: 'Add-ADSyncAADServiceAccount' },
      { title: 'With a credential', code: 'Add-ADSyncAADServiceAccount -AADCredential $HACredential' },
      { title: 'Reset the connector account\'s password after AADSTS50054', code: '$cred = Get-Credential\nAdd-ADSyncAADServiceAccount -AADCredential $cred' },
    ],
  };

  AADCredential?: unknown;
  Name?: string;

  override async processRecord(): Promise<void> {
    let cred = this.AADCredential;
    if (!(cred instanceof PSCredential)) {
      const answer = await promptForCredential(this.context.host, null, 'Enter the credentials of a Microsoft Entra Hybrid Identity Administrator or Global Administrator.');
      cred = answer;
    }
    const admin = cred instanceof PSCredential
      ? { userPrincipalName: cred.userName, password: cred.password.reveal() }
      : { userPrincipalName: (cred as { userName: string }).userName, password: (cred as { password: string }).password };
    const target = this.Name ?? 'Microsoft Entra connector service account';
    if (!(await this.shouldProcess(target, 'Add or update the Microsoft Entra connector service account'))) return;
    try { await this.server().addServiceAccount(admin, this.Name); } catch (e) { this.fail(e, this.Name ?? null); return; }
  }
}
