import type { HostUI } from '../commands/context.js';
import { nonInteractiveError } from '../commands/prompts.js';
import type { StdinLines } from './stdin-lines.js';
import type { TerminalInput } from './terminal-input.js';

export interface ConsoleHostOptions {
  /** -NonInteractive: every prompt is an error. */
  nonInteractive: boolean;
  /** Present when stdin is a terminal. */
  terminal?: TerminalInput;
  /** Present when stdin is a pipe or file. */
  stdinLines?: StdinLines;
  /** Json output mode keeps stdout for objects only. */
  hostTextToStderr: boolean;
}

/** The console as PSHostUserInterface: text to stdout/stderr, prompts from the terminal or stdin. */
export class ConsoleHost implements HostUI {
  transcript: ((text: string) => void) | undefined;
  /** The terminal cursor's column after what was written (prompts start there, as PSReadLine's do). */
  column = 0;

  constructor(private readonly opts: ConsoleHostOptions) {}

  get interactive(): boolean { return !this.opts.nonInteractive; }
  get width(): number { return process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : 120; }

  private out(text: string): void {
    (this.opts.hostTextToStderr ? process.stderr : process.stdout).write(text);
    this.track(text);
    this.transcript?.(text);
  }
  private err(text: string): void { process.stderr.write(text); this.track(text); this.transcript?.(text); }

  private track(text: string): void {
    // eslint-disable-next-line no-control-regex
    const plain = text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
    const cut = Math.max(plain.lastIndexOf('\n'), plain.lastIndexOf('\r'));
    this.column = cut >= 0 ? plain.length - cut - 1 : this.column + plain.length;
  }

  write(text: string): void { this.out(text); }
  writeLine(text = ''): void { this.out(text + '\n'); }
  writeErrorLine(text: string): void { this.err(text + '\n'); }
  writeWarningLine(text: string): void { this.err(`WARNING: ${text}\n`); }
  writeVerboseLine(text: string): void { this.err(`VERBOSE: ${text}\n`); }
  writeDebugLine(text: string): void { this.err(`DEBUG: ${text}\n`); }
  writeProgress(activity: string, status: string, percent: number, completed: boolean): void {
    if (!process.stderr.isTTY) return;
    if (completed) { process.stderr.write('\r\x1b[K'); this.column = 0; return; }
    const pct = percent >= 0 ? ` [${percent}%]` : '';
    process.stderr.write(`\r\x1b[K${activity}: ${status}${pct}`);
    this.column = activity.length + 2 + status.length + pct.length;
  }

  /** Write the object stream's text (formatted output). */
  writeOutput(text: string): void { process.stdout.write(text); this.track(text); this.transcript?.(text); }

  async readLine(prompt: string): Promise<string> {
    if (this.opts.nonInteractive) throw nonInteractiveError();
    if (this.opts.terminal) {
      const line = await this.onTerminal((col) => this.opts.terminal!.readLine(prompt, col));
      this.transcript?.(prompt + line + '\n');
      return line;
    }
    return this.answerFromStdin(prompt);
  }

  async readSecret(prompt: string): Promise<string> {
    if (this.opts.nonInteractive) throw nonInteractiveError();
    if (this.opts.terminal) {
      const line = await this.onTerminal((col) => this.opts.terminal!.readSecret(prompt, col));
      this.transcript?.(prompt + '*'.repeat(line.length) + '\n');
      return line;
    }
    return this.answerFromStdin(prompt);
  }

  /** A read at the terminal starts at the current column and always ends at the start of a row. */
  private async onTerminal(read: (column: number) => Promise<string>): Promise<string> {
    try { return await read(this.column); } finally { this.column = 0; }
  }

  /** Without a terminal a prompt takes the next line of stdin; the prompt itself goes to stderr. */
  private async answerFromStdin(prompt: string): Promise<string> {
    process.stderr.write(prompt);
    const line = (await this.opts.stdinLines?.next()) ?? null;
    if (line === null) throw nonInteractiveError();
    process.stderr.write('\n');
    return line;
  }
}
