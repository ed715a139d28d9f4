import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { SecureString } from './secure-string.js';

/** ConvertFrom-SecureString: -AsPlainText reveals the text; the encrypted standard string forms are not emulated. */
export class ConvertFromSecureStringCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'ConvertFrom', noun: 'SecureString', module: 'Microsoft.PowerShell.Security', className: 'Microsoft.PowerShell.Commands.ConvertFromSecureStringCommand',
    defaultParameterSet: 'Secure',
    parameters: [
      param('SecureString', T.SecureString, { mandatory: true, position: 0, valueFromPipeline: true, description: 'Specifies the secure string to convert to an encrypted standard string.' }),
      param('SecureKey', T.SecureString, { sets: ['Secure'], position: 1, description: 'Specifies the encryption key as a secure string.' }),
      param('AsPlainText', T.Switch, { sets: ['AsPlainText'], description: 'Returns the plain text of the secure string.' }),
      param('Key', T.array(T.Byte), { sets: ['Open'], description: 'Specifies the encryption key as a byte array.' }),
    ],
    outputType: ['System.String'],
    synopsis: 'Converts a secure string to an encrypted standard string.',
    description: 'The ConvertFrom-SecureString cmdlet converts a secure string (System.Security.SecureString) into an encrypted standard string (System.String), or with -AsPlainText into its plain text.',
    examples: [{ title: 'Convert a secure string back to plain text', code: '$secure | ConvertFrom-SecureString -AsPlainText' }],
  };

  SecureString?: unknown;
  AsPlainText = false;
  SecureKey?: unknown;
  Key?: number[];

  override async processRecord(): Promise<void> {
    const s = this.SecureString;
    if (!(s instanceof SecureString)) {
      this.writeError(this.error(`Cannot bind parameter 'SecureString'. Cannot convert the "${String(s)}" value of type "${typeof s}" to type "System.Security.SecureString".`,
        'CannotConvertArgumentNoMessage', 'InvalidArgument', s, 'System.Management.Automation.ParameterBindingException'));
      return;
    }
    if (this.AsPlainText) { await this.writeObject(s.reveal()); return; }
    this.writeError(this.error('Converting to an encrypted standard string is not supported by this shell (DPAPI and key-based encryption are not emulated). Use -AsPlainText.',
      'ExportSecureString', 'NotImplemented', null, 'System.PlatformNotSupportedException'));
  }
}
