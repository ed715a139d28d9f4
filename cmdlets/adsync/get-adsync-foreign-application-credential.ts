import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { AdsyncCmdlet } from './adsync-cmdlet.js';
import { foreignCredentialObject, TYPES } from './objects.js';
import { CMDLET_NS, MODULE, signInParameters } from './registration-params.js';

/**
 * Get-ADSyncForeignApplicationCredential (emulator addition): the credentials on the Connect Sync application that
 * this server did not put there — what the article's Application Administrator caveat warns about (that role can
 * add a credential to the sync application and impersonate it). Read as an administrator
 * (signed in as the registration cmdlets do).
 */
export class GetADSyncForeignApplicationCredentialCommand extends AdsyncCmdlet {
  static override meta: CmdletMeta = {
    verb: 'Get', noun: 'ADSyncForeignApplicationCredential', module: MODULE, className: `${CMDLET_NS}.GetADSyncForeignApplicationCredentialCommand`,
    outputType: [TYPES.foreignCredential],
    parameters: signInParameters(),
    synopsis: 'Lists certificate credentials on the Connect Sync application that the server did not create (emulator addition).',
    description: 'Empty when every credential on the application was added by this server. Remove an unexpected one with Remove-EntraApplicationKey -CertificateId <KeyId>.',
    examples: [{ code: 'Get-ADSyncForeignApplicationCredential -UserPrincipalName admin@contoso.onmicrosoft.com' }],
  };

  UserPrincipalName?: string;
  Credential?: unknown;

  override async processRecord(): Promise<void> {
    // Reading an application's keyCredentials takes an administrator: the connector cannot read its own registration.
    const admin = await this.adminCredential(this.UserPrincipalName, this.Credential);
    let list;
    try { list = await this.server().listForeignCredentials(admin); } catch (e) { this.fail(e); return; }
    for (const f of list) await this.writeObject(foreignCredentialObject(f));
  }
}
