import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { historyOf, type HistoryEntry } from './history.js';

/** Invoke-History (alias r): runs an entry of the session history again, echoing its command line first. */
export class InvokeHistoryCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Invoke', noun: 'History', module: 'Microsoft.PowerShell.Core', className: 'Microsoft.PowerShell.Commands.InvokeHistoryCommand',
    supportsShouldProcess: true,
    parameters: [
      param('Id', T.String, { position: 0, valueFromPipelineByPropertyName: true, description: 'Specifies the Id of a command in the history, or the beginning of its command line. The default is the most recent entry.' }),
    ],
    outputType: [],
    synopsis: 'Runs commands from the session history.',
    description: 'The Invoke-History cmdlet runs commands from the session history. Without -Id it runs the most recent command.',
    examples: [
      { title: 'Run the most recent command', code: 'Invoke-History' },
      { title: 'Run the command with Id 3', code: 'r 3' },
      { title: 'Run the most recent command that starts with Get-Pr', code: 'Invoke-History Get-Pr' },
    ],
    aliases: ['r', 'ihy'],
  };

  Id?: string;

  override async endProcessing(): Promise<void> {
    const history = historyOf(this.context);
    const entry = this.entryToInvoke(history?.entries() ?? []);
    if (!(await this.shouldProcess(entry.commandLine))) return;
    history?.replaceCurrent(entry.commandLine);
    this.context.host.writeLine(entry.commandLine);
    for (const v of await this.context.evaluate(entry.commandLine)) await this.writeObject(v);
  }

  private entryToInvoke(all: readonly HistoryEntry[]): HistoryEntry {
    if (this.Id === undefined) {
      const last = all[all.length - 1];
      if (!last) this.throwTerminatingError(this.error('Cannot locate most recent history.', 'InvokeHistoryNoLastHistoryEntryFound', 'InvalidOperation', null, 'System.InvalidOperationException'));
      return last!;
    }
    const id = /^\s*[+-]?\d+\s*$/.test(this.Id) ? Number(this.Id) : undefined;
    if (id === undefined) {
      for (let i = all.length - 1; i >= 0; i--) if (all[i]!.commandLine.startsWith(this.Id)) return all[i]!;
      this.throwTerminatingError(this.error(`Cannot locate the history for command line ${this.Id}.`, 'InvokeHistoryNoHistoryForCommandline', 'ObjectNotFound', this.Id, 'System.ArgumentException'));
    }
    if (id! <= 0) {
      this.throwTerminatingError(this.error(`The identifier ${id} is not a valid value for a History identifier. Specify a positive number, and then try again.`,
        'InvokeHistoryInvalidIdGetHistory', 'InvalidArgument', id, 'System.ArgumentOutOfRangeException'));
    }
    const hit = all.find((e) => e.id === id);
    if (!hit) this.throwTerminatingError(this.error(`Cannot locate the history for Id ${id}.`, 'InvokeHistoryNoHistoryForId', 'ObjectNotFound', id, 'System.ArgumentException'));
    return hit!;
  }
}
