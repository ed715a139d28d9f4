import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { enumerate, isEnumerable, toPSString } from './lang.js';

export const ConsoleColors = ['Black', 'DarkBlue', 'DarkGreen', 'DarkCyan', 'DarkRed', 'DarkMagenta', 'DarkYellow', 'Gray', 'DarkGray', 'Blue', 'Green', 'Cyan', 'Red', 'Magenta', 'Yellow', 'White'];
const ConsoleColor = T.enum('System.ConsoleColor', ConsoleColors);

/** Write-Host: text to the host (colors accepted and ignored: the emulator writes plain text). */
export class WriteHostCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Write', noun: 'Host', module: 'Microsoft.PowerShell.Utility', className: 'Microsoft.PowerShell.Commands.WriteHostCommand',
    parameters: [
      param('Object', T.Object, { position: 0, valueFromPipeline: true, valueFromRemainingArguments: true, aliases: ['Msg', 'Message'], description: 'Objects to display in the host.' }),
      param('NoNewline', T.Switch, { description: 'The string representations of the input objects are concatenated to form the output. No newline is added after the last output string.' }),
      param('Separator', T.Object, { description: 'Specifies a separator string to insert between objects displayed by the host.', defaultValue: 'Space character' }),
      param('ForegroundColor', ConsoleColor, { description: 'Specifies the text color.' }),
      param('BackgroundColor', ConsoleColor, { description: 'Specifies the background color.' }),
    ],
    outputType: ['None'],
    synopsis: 'Writes customized output to a host.',
    description: 'The Write-Host cmdlet customizes output. You can specify the color of text by using the ForegroundColor parameter, and you can specify the background color by using the BackgroundColor parameter. The Separator parameter lets you specify a string to use to separate displayed objects.',
    examples: [
      { title: 'Write to the console without adding a new line', code: 'Write-Host "no newline test " -NoNewline' },
      { title: 'Add a separator string', code: 'Write-Host (2,4,6,8,10,12) -Separator ", -> "' },
    ],
  };

  Object: unknown = undefined;
  NoNewline = false;
  Separator: unknown = ' ';
  ForegroundColor?: string;
  BackgroundColor?: string;

  override processRecord(): void {
    const sep = toPSString(this.Separator);
    const text = this.render(this.Object, sep);
    if (this.NoNewline) this.context.host.write(text);
    else this.context.host.writeLine(text);
  }

  /** Collections are flattened and joined with the separator, as the real cmdlet's ProcessObject does. */
  private render(o: unknown, sep: string): string {
    if (o === undefined || o === null) return '';
    if (typeof o === 'string') return o;
    if (isEnumerable(o)) return enumerate(o).map((e) => this.render(e, sep)).filter((s) => s !== '' ).join(sep);
    return toPSString(o);
  }
}
