import * as fs from 'node:fs';
import * as path from 'node:path';
import type { StateStore } from '../state/index.js';
import { writeFileAtomic } from '../state/index.js';

export type EntryType = 'Information' | 'Warning' | 'Error';

/** One Application-log entry with the property names Get-EventLog gives (EventLogEntry). */
export interface EventLogEntry {
  Index: number;
  TimeGenerated: string;
  EntryType: EntryType;
  Source: string;
  InstanceId: number;
  EventID: number;
  Category: string;
  MachineName: string;
  Message: string;
  /** the event's data strings (Get-WinEvent's Data filter matches these) */
  ReplacementStrings: string[];
}

export type NewEvent = Pick<EventLogEntry, 'EntryType' | 'Source' | 'EventID' | 'Message'> & { TimeGenerated: Date; ReplacementStrings?: string[] };

export interface EventQuery {
  source?: string[];
  entryType?: EntryType[];
  instanceId?: number[];
  newest?: number;
  after?: Date;
  before?: Date;
  data?: string;
}

/**
 * The Application event log: append-only JSON lines beside the state documents, because a virtual year
 * produces tens of thousands of entries and rewriting one JSON document per event would not scale.
 * Like the real log (maximum size 20,480 KB, "overwrite events as needed, oldest events first") it drops the
 * oldest entries when full: down to 90% of the maximum, so a full log is not rewritten at every append.
 * A line torn by a crash is dropped.
 */
export class EventLog {
  /** Windows' default maximum size of the Application log; settable for tests. */
  static maxBytes = 20_480 * 1024;
  readonly file: string;

  constructor(private readonly store: StateStore, private readonly machineName: () => string) {
    this.file = path.join(store.home, 'eventlog-application.jsonl');
  }

  append(events: NewEvent[]): EventLogEntry[] {
    if (events.length === 0) return [];
    return this.store.lock.withLock(() => {
      this.repairTornTail();
      let index = this.lastIndex();
      const machine = this.machineName();
      const entries = events.map((e): EventLogEntry => ({
        Index: ++index,
        TimeGenerated: e.TimeGenerated.toISOString(),
        EntryType: e.EntryType,
        Source: e.Source,
        InstanceId: e.EventID,
        EventID: e.EventID,
        Category: '(0)',
        MachineName: machine,
        Message: e.Message,
        ReplacementStrings: e.ReplacementStrings ?? [],
      }));
      const text = entries.map((x) => JSON.stringify(x)).join('\n') + '\n';
      fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
      const fd = fs.openSync(this.file, 'a', 0o600);
      let size: number;
      try { fs.writeSync(fd, text); fs.fsyncSync(fd); size = fs.fstatSync(fd).size; } finally { fs.closeSync(fd); }
      if (size > EventLog.maxBytes) this.trim();
      return entries;
    });
  }

  /** Entries matching the query, newest first (as Get-EventLog returns them). */
  query(q: EventQuery = {}): EventLogEntry[] {
    const all = this.readAll();
    const out: EventLogEntry[] = [];
    const lc = (s: string) => s.toLowerCase();
    const sources = q.source?.map(lc);
    for (let i = all.length - 1; i >= 0; i--) {
      const e = all[i];
      if (sources && !sources.includes(lc(e.Source))) continue;
      if (q.entryType && !q.entryType.includes(e.EntryType)) continue;
      if (q.instanceId && !q.instanceId.includes(e.InstanceId)) continue;
      if (q.after && !(new Date(e.TimeGenerated) > q.after)) continue;
      if (q.before && !(new Date(e.TimeGenerated) < q.before)) continue;
      if (q.data !== undefined && !e.ReplacementStrings.some((s) => lc(s) === lc(q.data!))) continue;
      out.push(e);
      if (q.newest !== undefined && out.length >= q.newest) break;
    }
    return out;
  }

  clear(): void {
    this.store.lock.withLock(() => { try { fs.unlinkSync(this.file); } catch { /* absent */ } });
  }

  readAll(): EventLogEntry[] {
    let text: string;
    try { text = fs.readFileSync(this.file, 'utf8'); } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    const out: EventLogEntry[] = [];
    for (const line of text.split('\n')) {
      if (!line) continue;
      try { out.push(JSON.parse(line) as EventLogEntry); } catch { /* torn by a crash mid-append */ }
    }
    return out;
  }

  private repairTornTail(): void {
    let size: number;
    try { size = fs.statSync(this.file).size; } catch { return; }
    if (size === 0) return;
    // the usual case, a clean last line, costs one byte
    if (this.readTail(1) === '\n') return;
    const tail = this.readTail(Math.min(size, 1 << 20));
    if (tail.endsWith('\n')) return;
    const cut = tail.lastIndexOf('\n');
    fs.truncateSync(this.file, cut < 0 ? size - Buffer.byteLength(tail) : size - Buffer.byteLength(tail.slice(cut + 1)));
  }

  private readTail(bytes: number): string {
    const fd = fs.openSync(this.file, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      const n = Math.min(bytes, size);
      const buf = Buffer.alloc(n);
      fs.readSync(fd, buf, 0, n, size - n);
      return buf.toString('utf8');
    } finally { fs.closeSync(fd); }
  }

  private lastIndex(): number {
    let size: number;
    try { size = fs.statSync(this.file).size; } catch { return 0; }
    if (size === 0) return 0;
    const lines = this.readTail(Math.min(size, 64 * 1024)).split('\n').filter(Boolean);
    for (let i = lines.length - 1; i >= 0; i--) {
      try { return (JSON.parse(lines[i]) as EventLogEntry).Index; } catch { /* partial first line of the tail */ }
    }
    return 0;
  }

  /** Keep the newest lines that fit in 90% of the maximum size; indexes go on from where they were. */
  private trim(): void {
    const text = fs.readFileSync(this.file, 'utf8');
    const budget = Math.floor(EventLog.maxBytes * 0.9);
    let start = text.length;
    let bytes = 0;
    for (;;) {
      const prev = text.lastIndexOf('\n', start - 2);
      const line = Buffer.byteLength(text.slice(prev + 1, start));
      if (bytes + line > budget || start <= 0) break;
      bytes += line;
      start = prev + 1;
      if (prev < 0) break;
    }
    writeFileAtomic(this.file, text.slice(start));
  }
}
