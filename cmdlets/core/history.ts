/**
 * The session's command history as Get-History / Invoke-History / Clear-History see it. The
 * interactive host provides it as the session service 'history' (one entry per command line run at
 * the prompt, as pwsh's console adds them); -Command and scripts have none, so the list is empty.
 */
import type { ExecutionContext } from '../../runtime/commands/context.js';
import { PSObject } from '../../runtime/values/psobject.js';
import { PSDateTime } from '../../runtime/values/datetime.js';
import { PSTimeSpan } from '../../runtime/values/timespan.js';
import { registerView, tableView } from '../../runtime/format/index.js';

export interface HistoryEntry {
  readonly id: number;
  readonly commandLine: string;
  /** PipelineState: 'Completed', 'Failed' or 'Stopped'. */
  readonly executionStatus: string;
  /** Epoch milliseconds. */
  readonly start: number;
  readonly end: number;
}

export interface HistoryService {
  entries(): readonly HistoryEntry[];
  /** Removes all entries; returns how many there were. */
  clear(): number;
  /** Invoke-History: the running command line is recorded as the line it re-ran. */
  replaceCurrent(commandLine: string): void;
}

export function historyOf(ctx: ExecutionContext): HistoryService | undefined {
  try { return ctx.service<HistoryService>('history'); } catch { return undefined; }
}

const HISTORY_INFO = 'Microsoft.PowerShell.Commands.HistoryInfo';

// pwsh 7's HistoryInfo table: Id, Duration (seconds, or minutes:seconds), CommandLine.
registerView(HISTORY_INFO, tableView([
  { label: 'Id', property: 'Id', width: 4, alignment: 'right' },
  { label: 'Duration', value: (o: unknown) => durationText((o as PSObject).get('Duration') as PSTimeSpan), width: 12, alignment: 'right' },
  { label: 'CommandLine', property: 'CommandLine' },
]));

function durationText(d: PSTimeSpan): string {
  const ms = Math.round(d.ticks / PSTimeSpan.TicksPerMs);
  const pad = (n: number, w = 2) => String(Math.floor(n)).padStart(w, '0');
  const sec = Math.floor(ms / 1000) % 60, min = Math.floor(ms / 60000) % 60, hours = Math.floor(ms / 3600000);
  const frac = pad(ms % 1000, 3);
  if (hours >= 1) return `${hours}:${pad(min)}:${pad(sec)}.${frac}`;
  if (min >= 1) return `${min}:${pad(sec)}.${frac}`;
  return `${sec}.${frac}`;
}

/** A HistoryInfo object. */
export function historyInfo(e: HistoryEntry): PSObject {
  const o = PSObject.typed(HISTORY_INFO);
  o.addGetter('Id', () => e.id, 'long');
  o.addGetter('CommandLine', () => e.commandLine, 'string');
  o.addGetter('ExecutionStatus', () => e.executionStatus, 'System.Management.Automation.Runspaces.PipelineState');
  o.addGetter('StartExecutionTime', () => new PSDateTime(e.start, 'Local'), 'datetime');
  o.addGetter('EndExecutionTime', () => new PSDateTime(e.end, 'Local'), 'datetime');
  o.addGetter('Duration', () => new PSTimeSpan((e.end - e.start) * PSTimeSpan.TicksPerMs), 'timespan');
  o.toStringImpl = () => e.commandLine;
  return o;
}
