import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';

/** Out-Null: discards its input. */
export class OutNullCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Out', noun: 'Null', module: 'Microsoft.PowerShell.Core', className: 'Microsoft.PowerShell.Commands.OutNullCommand',
    parameters: [
      param('InputObject', T.PSObject, { valueFromPipeline: true, description: 'Specifies the object to be sent to null (removed from pipeline).' }),
    ],
    outputType: ['None'],
    synopsis: 'Hides the output instead of sending it down the pipeline or displaying it.',
    description: 'The Out-Null cmdlet sends its output to NULL, in effect, removing it from the pipeline and preventing the output from being displayed on screen.',
    examples: [{ title: 'Delete output', code: 'Get-ChildItem | Out-Null' }],
  };

  InputObject: unknown = undefined;

  override processRecord(): void {}
}
