import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';

/** Write-Information: data on the information stream (shown when $InformationPreference is Continue). */
export class WriteInformationCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Write', noun: 'Information', module: 'Microsoft.PowerShell.Utility', className: 'Microsoft.PowerShell.Commands.WriteInformationCommand',
    parameters: [
      param('MessageData', T.Object, { mandatory: true, position: 0, aliases: ['Msg', 'Message'], description: 'Specifies an informational message that you want to display to users.' }),
      param('Tags', T.array(T.String), { position: 1, description: 'One or more strings that you can use to sort and filter the messages.' }),
    ],
    outputType: ['None'],
    synopsis: 'Specifies how PowerShell handles information stream data for a command.',
    description: 'The Write-Information cmdlet specifies how PowerShell handles information stream data for a command.',
    examples: [{ title: 'Write information for Get- results', code: 'Write-Information -MessageData "Got your features!" -InformationAction Continue' }],
  };

  MessageData: unknown = null;
  Tags?: string[];

  override processRecord(): void {
    this.writeInformation(this.MessageData, this.Tags);
  }
}
