import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';

/** Invoke-Expression: runs text as a command in the current scope and writes what it outputs. */
export class InvokeExpressionCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Invoke', noun: 'Expression', module: 'Microsoft.PowerShell.Utility', className: 'Microsoft.PowerShell.Commands.InvokeExpressionCommand',
    parameters: [
      param('Command', T.String, { mandatory: true, position: 0, valueFromPipeline: true, description: 'Specifies the command or expression to run.' }),
    ],
    outputType: ['System.Object'],
    synopsis: 'Runs commands or expressions on the local computer.',
    description: 'The Invoke-Expression cmdlet evaluates or runs a specified string as a command and returns the results of the expression or command. Without Invoke-Expression, a string submitted at the command line is returned (echoed) unchanged.',
    examples: [{ title: 'Evaluate an expression', code: '$Command = "Get-Process"; Invoke-Expression $Command' }],
    aliases: ['iex'],
  };

  Command = '';

  override async processRecord(): Promise<void> {
    const out = await this.context.evaluate(this.Command);
    for (const o of out) await this.writeObject(o);
  }
}
