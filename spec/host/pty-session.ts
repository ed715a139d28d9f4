import * as pty from 'node-pty';
import { mainJs } from './cli-runner.js';
import { VirtualScreen } from './virtual-screen.js';

export interface PtyOptions {
  cols?: number; rows?: number; cwd?: string; args?: string[];
  /** Redirect the shell's stdout to this file (stdin and stderr stay on the terminal), as `syncshell > file` does. */
  stdoutTo?: string;
}

/** Keys as a terminal sends them (xterm). */
export const KEY = {
  enter: '\r', tab: '\t', backspace: '\x7f', delete: '\x1b[3~',
  left: '\x1b[D', right: '\x1b[C', up: '\x1b[A', down: '\x1b[B', home: '\x1b[H', end: '\x1b[F',
  ctrlA: '\x01', ctrlC: '\x03', ctrlD: '\x04', ctrlE: '\x05', ctrlK: '\x0b', ctrlL: '\x0c', ctrlR: '\x12',
  ctrlU: '\x15', ctrlW: '\x17', ctrlY: '\x19', ctrlUndo: '\x1f', altB: '\x1bb', altF: '\x1bf', altEquals: '\x1b=',
} as const;

const PROMPT_AT_END = /\nPS [^\n]*> $/;

/** The interactive shell in a real pseudo-terminal, driven like a person at a keyboard. */
export class PtySession {
  readonly term: pty.IPty;
  readonly screenModel: VirtualScreen;
  screen = '';
  exited: number | undefined;

  constructor(home: string, opts: PtyOptions = {}) {
    const cols = opts.cols ?? 120;
    this.screenModel = new VirtualScreen(cols);
    const args = [mainJs, ...(opts.args ?? ['-NoLogo'])];
    const quote = (a: string) => `'${a.replace(/'/g, `'\\''`)}'`;
    const [file, argv] = opts.stdoutTo
      ? ['/bin/sh', ['-c', `exec ${[process.execPath, ...args].map(quote).join(' ')} > ${quote(opts.stdoutTo)}`]]
      : [process.execPath, args];
    this.term = pty.spawn(file, argv, {
      name: 'xterm-256color', cols, rows: opts.rows ?? 40, cwd: opts.cwd,
      env: { ...process.env, SYNCSHELL_HOME: home, TERM: 'xterm-256color' } as Record<string, string>,
    });
    this.term.onData((d) => { this.screen += d; this.screenModel.feed(d); });
    this.term.onExit((e) => { this.exited = e.exitCode; });
  }

  /** The screen text without terminal control sequences. */
  plain(from = 0): string {
    // eslint-disable-next-line no-control-regex
    return this.screen.slice(from).replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
  }

  /** What the screen shows now, row by row, as a person sees it. */
  visible(): string { return this.screenModel.text(); }
  /** The row the cursor is on. */
  cursorLine(): string { return this.screenModel.cursorLine(); }

  mark(): number { return this.screen.length; }

  async waitFor(pattern: RegExp | string, from = 0, timeoutMs = 20_000): Promise<string> {
    return this.waitUntil(() => this.plain(from), pattern, timeoutMs);
  }

  /** Wait until the visible screen (not the byte stream) matches. */
  async waitForScreen(pattern: RegExp | string, timeoutMs = 20_000): Promise<string> {
    return this.waitUntil(() => this.visible(), pattern, timeoutMs);
  }

  private async waitUntil(read: () => string, pattern: RegExp | string, timeoutMs: number): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const text = read();
      if (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text)) return text;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${pattern}; screen was:\n${text}`);
      if (this.exited !== undefined) throw new Error(`Shell exited (${this.exited}) while waiting for ${pattern}; screen:\n${text}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Wait for the process to end; its exit code. */
  async waitForExit(timeoutMs = 20_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (this.exited === undefined) {
      if (Date.now() > deadline) throw new Error(`The shell did not exit; screen:\n${this.visible()}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    return this.exited;
  }

  type(text: string): void { this.term.write(text); }

  /** Type keys one write at a time, as separate keystrokes. */
  keys(...keys: string[]): void { for (const k of keys) this.term.write(k); }

  /** Type a line, press Enter, wait for the next prompt; returns what appeared in between. */
  async run(line: string, timeoutMs = 20_000): Promise<string> {
    const m = this.mark();
    this.type(line + '\r');
    const text = await this.waitFor(PROMPT_AT_END, m, timeoutMs);
    return text;
  }

  /** Wait for the next prompt after `mark`. */
  async prompt(mark: number, timeoutMs = 20_000): Promise<string> { return this.waitFor(PROMPT_AT_END, mark, timeoutMs); }

  resize(cols: number, rows = 40): void { this.term.resize(cols, rows); this.screenModel.resize(cols); }

  kill(): void { try { this.term.kill(); } catch { /* gone */ } }
}
