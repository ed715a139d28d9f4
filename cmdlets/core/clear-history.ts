import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { historyOf } from './history.js';

/** Clear-History: empties the session history (the line editor's recall list is the terminal's own). */
export class ClearHistoryCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Clear', noun: 'History', module: 'Microsoft.PowerShell.Core', className: 'Microsoft.PowerShell.Commands.ClearHistoryCommand',
    supportsShouldProcess: true,
    parameters: [],
    outputType: [],
    synopsis: 'Deletes entries from the session history.',
    description: 'The Clear-History cmdlet deletes commands from the session history, that is, the list of commands entered during the current session.',
    examples: [{ title: 'Delete all entries from the session history', code: 'Clear-History' }],
    aliases: ['clhy'],
  };

  override async endProcessing(): Promise<void> {
    if (!(await this.shouldProcess('This command will clear all the entries from the session history.'))) return;
    const n = historyOf(this.context)?.clear() ?? 0;
    this.writeVerbose(`Note: ${n} entries were cleared from the session history.`);
  }
}
