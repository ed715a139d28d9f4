import * as pty from 'node-pty';
import { mainJs } from './cli-runner.js';

/** The interactive shell in a real pseudo-terminal, driven like a person at a keyboard. */
export class PtySession {
  readonly term: pty.IPty;
  screen = '';
  exited: number | undefined;

  constructor(home: string) {
    this.term = pty.spawn(process.execPath, [mainJs, '-NoLogo'], {
      name: 'xterm-256color', cols: 120, rows: 40,
      env: { ...process.env, SYNCSHELL_HOME: home, TERM: 'xterm-256color' } as Record<string, string>,
    });
    this.term.onData((d) => { this.screen += d; });
    this.term.onExit((e) => { this.exited = e.exitCode; });
  }

  /** The screen text without terminal control sequences. */
  plain(from = 0): string {
    // eslint-disable-next-line no-control-regex
    return this.screen.slice(from).replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
  }

  mark(): number { return this.screen.length; }

  async waitFor(pattern: RegExp | string, from = 0, timeoutMs = 20_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const text = this.plain(from);
      if (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text)) return text;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${pattern}; screen was:\n${text}`);
      if (this.exited !== undefined) throw new Error(`Shell exited (${this.exited}) while waiting for ${pattern}; screen:\n${text}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  type(text: string): void { this.term.write(text); }

  /** Type a line, press Enter, wait for the next prompt; returns what appeared in between. */
  async run(line: string, timeoutMs = 20_000): Promise<string> {
    const m = this.mark();
    this.type(line + '\r');
    const text = await this.waitFor(/\nPS [^\n]*> $/, m, timeoutMs);
    return text;
  }

  kill(): void { try { this.term.kill(); } catch { /* gone */ } }
}
