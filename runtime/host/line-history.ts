import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * PSReadLine's history: what Up/Down walk through, kept across sessions in a file. As PSReadLine
 * writes ConsoleHost_history.txt, a multi-line entry is stored one line per line with a backtick
 * ending each line but the last; a line that looks like it carries a secret is kept in memory only
 * (PSReadLine's default AddToHistoryHandler).
 */
export class LineHistory {
  private items: string[] = [];
  static readonly MAXIMUM = 4096; // PSReadLine's MaximumHistoryCount default

  constructor(private readonly file?: string) {
    if (!file) return;
    let text: string;
    try { text = fs.readFileSync(file, 'utf8'); } catch { return; }
    const all: string[] = [];
    let pending: string[] = [];
    for (const line of text.split('\n')) {
      if (line.endsWith('`')) { pending.push(line.slice(0, -1)); continue; }
      pending.push(line);
      const item = pending.join('\n');
      pending = [];
      if (item.trim()) all.push(item);
    }
    // The file only grows; keep the newest MAXIMUM distinct entries, each at its last place.
    const seen = new Set<string>();
    for (let i = all.length - 1; i >= 0 && this.items.length < LineHistory.MAXIMUM; i--) {
      if (!seen.has(all[i]!)) { seen.add(all[i]!); this.items.push(all[i]!); }
    }
    this.items.reverse();
  }

  get entries(): readonly string[] { return this.items; }

  /** Add a finished command line: to memory always, to the file unless it looks sensitive. */
  add(item: string): void {
    if (!item.trim()) return;
    this.remember(item);
    if (!this.file || isSensitive(item)) return;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.appendFileSync(this.file, item.split('\n').join('`\n') + '\n', { mode: 0o600 });
    } catch { /* history is best effort, as in PSReadLine */ }
  }

  /** HistoryNoDuplicates: an entry typed again moves to the end instead of appearing twice. */
  private remember(item: string): void {
    const i = this.items.indexOf(item);
    if (i >= 0) this.items.splice(i, 1);
    this.items.push(item);
    if (this.items.length > LineHistory.MAXIMUM) this.items.shift();
  }
}

/** PSReadLine's sensitive-history pattern (its default handler keeps such lines out of the file). */
export function isSensitive(line: string): boolean {
  return /password|asplaintext|token|apikey|secret/i.test(line);
}
