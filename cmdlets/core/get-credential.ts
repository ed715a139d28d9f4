import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { PSCredential } from './ps-credential.js';
import { SecureString } from './secure-string.js';
import { toPSString } from './lang.js';

const DEFAULT_TITLE = 'PowerShell credential request';
const DEFAULT_MESSAGE = 'Enter your credentials.';

/**
 * Prompt for a credential as pwsh's console host does: the title and message lines, 'User: ' unless
 * a user name is known, then a masked 'Password for user <name>: '.
 */
export async function promptForCredential(cmdlet: Cmdlet, opts: { title?: string; message?: string; userName?: string }): Promise<PSCredential | null> {
  const host = cmdlet.context.host;
  host.writeLine(opts.title ?? DEFAULT_TITLE);
  host.writeLine(opts.message ?? DEFAULT_MESSAGE);
  let user = opts.userName ?? '';
  if (!user) user = (await host.readLine('User: ')).trim();
  if (!user) return null;
  const password = await host.readSecret(`Password for user ${user}: `);
  return new PSCredential(user, new SecureString(password));
}

/** Get-Credential: a PSCredential from a masked prompt (or the one given). */
export class GetCredentialCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Get', noun: 'Credential', module: 'Microsoft.PowerShell.Security', className: 'Microsoft.PowerShell.Commands.GetCredentialCommand',
    defaultParameterSet: 'CredentialSet',
    parameters: [
      param('Credential', T.Credential, { position: 0, sets: ['CredentialSet'], credentialAttribute: true, description: 'Specifies a user name for the credential, such as User01 or Domain01\\User01.' }),
      param('Message', T.String, { sets: ['MessageSet'], description: 'Specifies a message that appears in the authentication prompt.' }),
      param('UserName', T.String, { position: 0, sets: ['MessageSet'], description: 'Specifies a user name. The authentication prompt requests a password for the user name.' }),
      param('Title', T.String, { sets: ['MessageSet'], description: 'Sets the text of the title line in the authentication prompt.' }),
    ],
    outputType: ['System.Management.Automation.PSCredential'],
    synopsis: 'Gets a credential object based on a user name and password.',
    description: 'The Get-Credential cmdlet creates a credential object for a specified user name and password. You can use the credential object in security operations. The password is read without echo.',
    examples: [
      { title: 'Get a credential', code: '$c = Get-Credential' },
      { title: 'Prompt with a user name and message', code: '$c = Get-Credential -UserName admin@contoso.onmicrosoft.com -Message "Enter the Hybrid Identity Administrator password"' },
    ],
  };

  Credential: unknown = undefined;
  Message?: string;
  UserName?: string;
  Title?: string;

  override async processRecord(): Promise<void> {
    if (this.Credential instanceof PSCredential) { await this.writeObject(this.Credential); return; }
    const userName = this.UserName ?? (typeof this.Credential === 'string' ? this.Credential : this.Credential ? toPSString(this.Credential) : undefined);
    const cred = await promptForCredential(this, { title: this.Title, message: this.Message, userName });
    if (cred) await this.writeObject(cred);
  }
}
