import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { toPSString } from './lang.js';
import { SecureString } from './secure-string.js';

/** Read-Host: one line from the host; -AsSecureString and -MaskInput read without echo. */
export class ReadHostCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Read', noun: 'Host', module: 'Microsoft.PowerShell.Utility', className: 'Microsoft.PowerShell.Commands.ReadHostCommand',
    defaultParameterSet: 'AsString',
    parameters: [
      param('Prompt', T.Object, { position: 0, valueFromRemainingArguments: true, description: 'Specifies the text of the prompt. PowerShell appends a colon (:) to the text that you enter.' }),
      param('AsSecureString', T.Switch, { sets: ['AsSecureString'], description: 'Indicates that the cmdlet displays asterisks (*) in place of the characters that the user types as input and returns a SecureString.' }),
      param('MaskInput', T.Switch, { sets: ['AsString'], description: 'Indicates that the cmdlet displays asterisks (*) in place of the characters that the user types as input, and returns a string.' }),
    ],
    outputType: ['System.String', 'System.Security.SecureString'],
    synopsis: 'Reads a line of input from the console.',
    description: 'The Read-Host cmdlet reads a line of input from the console (stdin). You can use it to prompt a user for input. Because you can save the input as a secure string, you can use this cmdlet to prompt users for secure data, such as passwords.',
    examples: [
      { title: 'Save console input to a variable', code: '$Age = Read-Host "Please enter your age"' },
      { title: 'Save console input as a secure string', code: '$pwd_secure_string = Read-Host "Enter a Password" -AsSecureString' },
    ],
  };

  Prompt: unknown = undefined;
  AsSecureString = false;
  MaskInput = false;

  override async processRecord(): Promise<void> {
    const p = this.Prompt === undefined || this.Prompt === null ? '' : Array.isArray(this.Prompt) ? this.Prompt.map(toPSString).join(' ') : toPSString(this.Prompt);
    const prompt = p === '' ? '' : `${p}: `;
    if (this.AsSecureString) {
      await this.writeObject(new SecureString(await this.context.host.readSecret(prompt)));
    } else if (this.MaskInput) {
      await this.writeObject(await this.context.host.readSecret(prompt));
    } else {
      await this.writeObject(await this.context.host.readLine(prompt));
    }
  }
}
