import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { OutDefaultFormatter } from '../../runtime/format/index.js';

/** Out-Host: renders objects to the host as Out-Default does (pwsh has no pager here; -Paging is accepted). */
export class OutHostCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Out', noun: 'Host', module: 'Microsoft.PowerShell.Core', className: 'Microsoft.PowerShell.Commands.OutHostCommand',
    aliases: ['oh'],
    parameters: [
      param('Paging', T.Switch, { description: 'Displays one page of output at a time.' }),
      param('InputObject', T.PSObject, { valueFromPipeline: true, description: 'Specifies the objects that are written to the console.' }),
    ],
    outputType: [],
    synopsis: 'Sends output to the command line.',
    description: 'The Out-Host cmdlet sends output to the PowerShell host for display, formatted as Out-Default formats it.',
    examples: [{ title: 'Show a table on the host', code: 'Get-ADSyncConnector | Out-Host' }],
  };

  Paging = false;
  InputObject: unknown = undefined;

  private formatter!: OutDefaultFormatter;

  override beginProcessing(): void {
    const host = this.context.host;
    this.formatter = new OutDefaultFormatter(host.width, (line) => host.writeLine(line));
  }

  override processRecord(): void { this.formatter.push(this.InputObject ?? this.currentInput); }
  override endProcessing(): void { this.formatter.end(); }
}
