import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';

/** Clear-Host: clears the terminal (ANSI erase display + scrollback, cursor home) when interactive. */
export class ClearHostCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Clear', noun: 'Host', module: 'Microsoft.PowerShell.Core', className: 'Microsoft.PowerShell.Commands.ClearHostCommand',
    parameters: [],
    outputType: ['None'],
    synopsis: 'Clears the display in the host program.',
    description: 'The Clear-Host function removes all text from the current display, including commands and output that might have accumulated. When complete, it displays the command prompt.',
    examples: [{ title: 'Clear the display', code: 'Clear-Host' }],
    aliases: ['cls', 'clear'],
  };

  override processRecord(): void {
    if (this.context.host.interactive) this.context.host.write('\x1b[H\x1b[2J\x1b[3J');
  }
}
