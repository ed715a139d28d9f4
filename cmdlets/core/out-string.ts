import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { OutStringFormatter } from '../../runtime/format/index.js';

const STREAM = 'StreamFormatting', NONEWLINE = 'NoNewLineFormatting';

/** Out-String: the text Out-Default would show, as one string (or one string per line with -Stream). */
export class OutStringCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Out', noun: 'String', module: 'Microsoft.PowerShell.Utility', className: 'Microsoft.PowerShell.Commands.OutStringCommand',
    defaultParameterSet: NONEWLINE,
    parameters: [
      param('Stream', T.Switch, { sets: [STREAM], description: 'Sends the strings for each object separately, one line at a time.' }),
      param('Width', T.Int, { validateRange: [2, 2147483647], description: 'Specifies the number of characters in each line of output.' }),
      param('NoNewline', T.Switch, { sets: [NONEWLINE], description: 'Removes all newlines from formatted output.' }),
      param('InputObject', T.PSObject, { valueFromPipeline: true, description: 'Specifies the objects to be written to a string.' }),
    ],
    outputType: ['System.String'],
    synopsis: 'Outputs input objects as a string.',
    description: 'The Out-String cmdlet converts input objects into strings, formatted as Out-Default shows them at the console.',
    examples: [
      { title: 'Capture the table as text', code: '$text = Get-ADSyncConnector | Format-Table Name | Out-String' },
      { title: 'One string per line', code: 'Get-ADSyncScheduler | Out-String -Stream' },
    ],
  };

  Stream = false;
  Width?: number;
  NoNewline = false;
  InputObject: unknown = undefined;

  private formatter!: OutStringFormatter;
  private pending: string[] = [];
  private buffer = '';

  override beginProcessing(): void {
    const hostWidth = this.context?.host?.width ?? 120;
    this.formatter = new OutStringFormatter(this.isBound('Width') ? this.Width : undefined, hostWidth, (line) => this.onLine(line));
  }

  override async processRecord(): Promise<void> {
    this.formatter.push(this.InputObject ?? this.currentInput);
    await this.drain();
  }

  override async endProcessing(): Promise<void> {
    this.formatter.end();
    await this.drain();
    if (!this.Stream) await this.writeObject(this.buffer);
  }

  private onLine(line: string): void {
    if (this.Stream) { for (const l of line.split(/\r?\n/)) this.pending.push(l); return; }
    this.buffer += this.NoNewline ? line : line + '\n';
  }

  private async drain(): Promise<void> {
    const lines = this.pending;
    this.pending = [];
    for (const l of lines) await this.writeObject(l);
  }
}
