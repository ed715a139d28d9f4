import * as fs from 'node:fs';
import type { StreamSink, MaybePromise } from './context.js';
import type { Redirection } from './invocation.js';
import type { ErrorRecord } from '../values/error-record.js';

/**
 * A command's redirections: `2>&1` merges records into the success stream, `2>$null` drops them,
 * `> file` / `2> file` write their text to a file (UTF-8, as pwsh 7).
 */
export class RedirectedStreams {
  private readonly files = new Map<string, { path: string; lines: string[]; append: boolean }>();

  constructor(
    private readonly redirections: readonly Redirection[],
    private readonly outer: StreamSink,
    private readonly successOut: (v: unknown) => MaybePromise<void>,
  ) {}

  private rule(stream: Redirection['stream']): Redirection['target'] | undefined {
    let found: Redirection['target'] | undefined;
    for (const r of this.redirections) if (r.stream === stream || r.stream === 'all') found = r.target;
    return found;
  }

  private toFile(target: { file: string | null; append: boolean }, text: string): void {
    if (target.file === null) return;
    let f = this.files.get(target.file);
    if (!f) { f = { path: target.file, lines: [], append: target.append }; this.files.set(target.file, f); }
    f.lines.push(text);
  }

  /** Where the success stream goes: on, or to a file. */
  output(next: (v: unknown) => MaybePromise<void>): (v: unknown) => MaybePromise<void> {
    const t = this.rule('output');
    if (!t || 'merge' in t) return next;
    return (v) => { this.toFile(t, String(v)); };
  }

  streams(): StreamSink {
    const pick = (stream: Redirection['stream'], merged: (v: unknown) => void, text: string, passOn: () => void) => {
      const t = this.rule(stream);
      if (!t) return passOn();
      if ('merge' in t) return merged(text);
      this.toFile(t, text);
    };
    return {
      error: (r: ErrorRecord) => pick('error', () => { void this.successOut(r); }, r.message, () => this.outer.error(r)),
      warning: (m) => pick('warning', () => { void this.successOut(m); }, m, () => this.outer.warning(m)),
      verbose: (m) => pick('verbose', () => { void this.successOut(m); }, m, () => this.outer.verbose(m)),
      debug: (m) => pick('debug', () => { void this.successOut(m); }, m, () => this.outer.debug(m)),
      information: (d, tags) => pick('information', () => { void this.successOut(d); }, String(d), () => this.outer.information(d, tags)),
      progress: (a, s, p, c) => this.outer.progress(a, s, p, c),
    };
  }

  close(): void {
    for (const f of this.files.values()) {
      const text = f.lines.map((l) => l + '\n').join('');
      if (f.append) fs.appendFileSync(f.path, text); else fs.writeFileSync(f.path, text);
    }
  }
}
