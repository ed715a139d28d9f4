import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';

/** Write-Debug: one message to the debug stream. */
export class WriteDebugCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Write', noun: 'Debug', module: 'Microsoft.PowerShell.Utility', className: 'Microsoft.PowerShell.Commands.WriteDebugCommand',
    parameters: [
      param('Message', T.String, { mandatory: true, position: 0, valueFromPipeline: true, aliases: ['Msg'], description: 'Specifies the message to send.' }),
    ],
    outputType: ['None'],
    synopsis: 'Writes a debug message to the console.',
    description: 'The Write-Debug cmdlet writes debug messages to the host from a script or command. Debug messages are displayed when $DebugPreference is Continue or the Debug common parameter is used.',
    examples: [{ title: 'Write a message', code: 'Write-Debug "Cannot open file." -Debug' }],
  };

  Message = '';

  override processRecord(): void {
    this.writeDebug(this.Message ?? '');
  }
}
