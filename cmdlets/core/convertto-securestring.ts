import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { SecureString } from './secure-string.js';

/**
 * ConvertTo-SecureString: -AsPlainText makes a SecureString from text (pwsh 7 no longer requires
 * -Force). The encrypted-standard-string forms (DPAPI or -Key) are not emulated and fail clearly.
 */
export class ConvertToSecureStringCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'ConvertTo', noun: 'SecureString', module: 'Microsoft.PowerShell.Security', className: 'Microsoft.PowerShell.Commands.ConvertToSecureStringCommand',
    defaultParameterSet: 'Secure',
    parameters: [
      param('String', T.String, { mandatory: true, position: 0, valueFromPipeline: true, description: 'Specifies the string to convert to a secure string.' }),
      param('SecureKey', T.SecureString, { sets: ['Secure'], position: 1, description: 'Specifies the encryption key as a secure string.' }),
      param('AsPlainText', T.Switch, { sets: ['PlainText'], position: 1, description: 'Specifies a plain text string to convert to a secure string.' }),
      param('Force', T.Switch, { sets: ['PlainText'], position: 2, description: 'Confirms that you understand the implications of using the AsPlainText parameter and still want to use it.' }),
      param('Key', T.array(T.Byte), { sets: ['Open'], description: 'Specifies the encryption key used to convert the original secure string into the encrypted standard string.' }),
    ],
    outputType: ['System.Security.SecureString'],
    synopsis: 'Converts plain text or encrypted strings to secure strings.',
    description: 'The ConvertTo-SecureString cmdlet converts encrypted standard strings into secure strings. It can also convert plain text to secure strings. It is used with ConvertFrom-SecureString and Read-Host.',
    examples: [{ title: 'Convert a plain text string to a secure string', code: '$Secure = ConvertTo-SecureString -String "P@ssW0rD!" -AsPlainText -Force' }],
  };

  String = '';
  AsPlainText = false;
  Force = false;
  SecureKey?: unknown;
  Key?: number[];

  override async processRecord(): Promise<void> {
    if (this.AsPlainText) { await this.writeObject(new SecureString(this.String)); return; }
    this.writeError(this.error('Converting an encrypted standard string is not supported by this shell (DPAPI and key-based encryption are not emulated). Use -AsPlainText.',
      'ImportSecureString', 'NotImplemented', this.String, 'System.PlatformNotSupportedException'));
  }
}
