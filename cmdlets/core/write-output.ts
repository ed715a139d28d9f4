import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import type { MaybePromise } from '../../runtime/commands/context.js';

/** Write-Output: sends its arguments (enumerated unless -NoEnumerate) down the pipeline. */
export class WriteOutputCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Write', noun: 'Output', module: 'Microsoft.PowerShell.Utility', className: 'Microsoft.PowerShell.Commands.WriteOutputCommand',
    parameters: [
      param('InputObject', T.array(T.PSObject), { mandatory: true, position: 0, valueFromPipeline: true, valueFromRemainingArguments: true, description: 'Specifies the objects to send down the pipeline.' }),
      param('NoEnumerate', T.Switch, { description: 'By default, the Write-Output cmdlet always enumerates its output. The NoEnumerate parameter suppresses the default behavior.' }),
    ],
    outputType: ['System.Management.Automation.PSObject'],
    synopsis: 'Writes the specified objects to the pipeline.',
    description: 'Writes the specified objects to the pipeline. If Write-Output is the last command in the pipeline, the objects are displayed in the console.',
    examples: [
      { title: 'Get objects and write them to the console', code: '$P = Get-Process; Write-Output $P' },
      { title: 'Suppress enumeration in output', code: 'Write-Output 1,2,3 -NoEnumerate | Measure-Object' },
    ],
    aliases: ['echo', 'write'],
  };

  InputObject: unknown = undefined;
  NoEnumerate = false;

  override processRecord(): MaybePromise<void> {
    if (this.InputObject === undefined) return;
    return this.writeObject(this.InputObject, !this.NoEnumerate);
  }
}
