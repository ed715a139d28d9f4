import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';

/** Write-Verbose: one message to the verbose stream. */
export class WriteVerboseCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Write', noun: 'Verbose', module: 'Microsoft.PowerShell.Utility', className: 'Microsoft.PowerShell.Commands.WriteVerboseCommand',
    parameters: [
      param('Message', T.String, { mandatory: true, position: 0, valueFromPipeline: true, aliases: ['Msg'], description: 'Specifies the message to send.' }),
    ],
    outputType: ['None'],
    synopsis: 'Writes text to the verbose message stream.',
    description: 'The Write-Verbose cmdlet writes text to the verbose message stream in PowerShell. Verbose messages are displayed when $VerbosePreference is Continue or the Verbose common parameter is used.',
    examples: [{ title: 'Write a message', code: 'Write-Verbose -Message "Searching the Application Event Log." -Verbose' }],
  };

  Message = '';

  override processRecord(): void {
    this.writeVerbose(this.Message ?? '');
  }
}
