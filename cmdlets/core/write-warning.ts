import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';

/** Write-Warning: one message to the warning stream. */
export class WriteWarningCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Write', noun: 'Warning', module: 'Microsoft.PowerShell.Utility', className: 'Microsoft.PowerShell.Commands.WriteWarningCommand',
    parameters: [
      param('Message', T.String, { mandatory: true, position: 0, valueFromPipeline: true, aliases: ['Msg'], description: 'Specifies the message to send.' }),
    ],
    outputType: ['None'],
    synopsis: 'Writes a warning message.',
    description: 'The Write-Warning cmdlet writes a warning message to the PowerShell host. The response to the warning depends on the value of the user\'s $WarningPreference variable and the use of the WarningAction common parameter.',
    examples: [{ title: 'Write a message', code: 'Write-Warning "This is only a test warning."' }],
  };

  Message = '';

  override processRecord(): void {
    this.writeWarning(this.Message ?? '');
  }
}
