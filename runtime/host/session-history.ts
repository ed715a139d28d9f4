/**
 * The session history behind Get-History / Invoke-History (service 'history'): one entry per command
 * line run at the interactive prompt, as pwsh's console host adds them. Structurally the
 * HistoryService of cmdlets/core/history.ts; the runtime does not import the cmdlets.
 */
export interface SessionHistoryEntry {
  readonly id: number;
  readonly commandLine: string;
  readonly executionStatus: string;
  readonly start: number;
  readonly end: number;
}

export class SessionHistory {
  private readonly list: SessionHistoryEntry[] = [];
  private nextId = 1;
  private replacement?: string;

  entries(): readonly SessionHistoryEntry[] { return this.list; }

  clear(): number { const n = this.list.length; this.list.length = 0; return n; }

  /** Invoke-History re-ran a line: the running command line is recorded as that line. */
  replaceCurrent(commandLine: string): void { this.replacement = commandLine; }

  /** Record a finished command line. pwsh keeps the Id sequence going after Clear-History. */
  add(commandLine: string, executionStatus: 'Completed' | 'Failed' | 'Stopped', start: number, end: number): void {
    const line = this.replacement ?? commandLine;
    this.replacement = undefined;
    this.list.push({ id: this.nextId++, commandLine: line, executionStatus, start, end });
    if (this.list.length > 4096) this.list.shift(); // $MaximumHistoryCount
  }
}
