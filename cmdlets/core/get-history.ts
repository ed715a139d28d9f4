import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { historyInfo, historyOf } from './history.js';

/** Get-History: the command lines entered at the prompt in this session (none under -Command). */
export class GetHistoryCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Get', noun: 'History', module: 'Microsoft.PowerShell.Core', className: 'Microsoft.PowerShell.Commands.GetHistoryCommand',
    parameters: [
      param('Id', T.array(T.Long), { position: 0, valueFromPipeline: true, validateRange: [1, Number.MAX_SAFE_INTEGER], description: 'Specifies an array of the IDs of entries in the session history.' }),
      param('Count', T.Int, { position: 1, validateRange: [0, 32767], description: 'Specifies the number of the most recent history entries that this cmdlet gets.' }),
    ],
    outputType: ['Microsoft.PowerShell.Commands.HistoryInfo'],
    synopsis: 'Gets a list of the commands entered during the current session.',
    description: 'The Get-History cmdlet gets the session history, that is, the list of commands entered at the prompt during the current session.',
    examples: [
      { title: 'Get the session history', code: 'Get-History' },
      { title: 'Get the five most recent entries', code: 'Get-History -Count 5' },
    ],
    aliases: ['h', 'history', 'ghy'],
  };

  Id?: number[];
  Count?: number;

  override async processRecord(): Promise<void> {
    const all = historyOf(this.context)?.entries() ?? [];
    if (this.Id) {
      if (this.Count !== undefined && this.Id.length > 1) {
        this.throwTerminatingError(this.error('The count cannot be combined with multiple Ids.', 'GetHistoryNoCountWithMultipleIds', 'InvalidArgument', this.Count, 'System.ArgumentException'));
      }
      for (const id of this.Id) {
        const at = all.findIndex((e) => e.id === id);
        if (at < 0) {
          this.writeError(this.error(`Cannot locate the history for Id ${id}.`, 'GetHistoryNoHistoryForId', 'ObjectNotFound', id, 'System.ArgumentException'));
          continue;
        }
        // -Id with -Count: that many entries ending at the Id.
        const from = this.Count !== undefined ? Math.max(0, at - this.Count + 1) : at;
        for (const e of all.slice(from, at + 1)) await this.writeObject(historyInfo(e));
      }
      return;
    }
    const list = this.Count !== undefined ? all.slice(Math.max(0, all.length - this.Count)) : all;
    for (const e of list) await this.writeObject(historyInfo(e));
  }
}
