import * as readline from 'node:readline';
import * as fs from 'node:fs';
import * as path from 'node:path';

export type Completer = (line: string) => Promise<[string[], string]>;

/**
 * The terminal line editor: Node's readline gives editing keys, history and completion; secrets are
 * read on the same interface with echo replaced by '*', so the typed text never reaches the screen.
 */
export class TerminalInput {
  readonly rl: readline.Interface;
  private masking = false;
  private maskPrompt = '';
  private onInterrupt: (() => void) | undefined;
  private pendingReject: ((e: Error) => void) | undefined;

  constructor(completer: Completer, private readonly historyFile?: string) {
    let history: string[] = [];
    if (historyFile) {
      try { history = fs.readFileSync(historyFile, 'utf8').split('\n').filter(Boolean).reverse().slice(0, 1000); } catch { /* first run */ }
    }
    this.rl = readline.createInterface({
      input: process.stdin,
      output: process.stdout,
      terminal: true,
      history,
      historySize: 1000,
      removeHistoryDuplicates: true,
      tabSize: 4,
      completer: (line: string, cb: (err: Error | null, result: [string[], string]) => void) => {
        completer(line).then((r) => cb(null, r), () => cb(null, [[], line]));
      },
    });
    const rlAny = this.rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
    const original = rlAny._writeToOutput.bind(this.rl);
    rlAny._writeToOutput = (s: string) => {
      if (!this.masking) { original(s); return; }
      // Keep the prompt and line control sequences; replace typed characters with '*'.
      if (s === '\r\n' || s === '\n' || s.startsWith('\x1b')) { original(s); return; }
      // readline redraws the prompt with the line: keep the prompt, star the typed part.
      if (this.maskPrompt && s.startsWith(this.maskPrompt)) { original(this.maskPrompt + s.slice(this.maskPrompt.length).replace(/[^\r\n]/g, '*')); return; }
      original(s.replace(/[^\r\n]/g, '*'));
    };
    this.rl.on('SIGINT', () => {
      if (this.onInterrupt) { this.onInterrupt(); return; }
      if (this.pendingReject) { const r = this.pendingReject; this.pendingReject = undefined; r(new InterruptedLine()); }
    });
  }

  /** While a pipeline runs, Ctrl+C calls this instead of cancelling a line. */
  setInterruptHandler(h: (() => void) | undefined): void { this.onInterrupt = h; }

  private ask(prompt: string): Promise<string> {
    return new Promise((resolve, reject) => {
      this.pendingReject = reject;
      this.rl.question(prompt, (answer) => { this.pendingReject = undefined; resolve(answer); });
    });
  }

  /** Read one line at the command prompt (recorded in history). */
  async readCommandLine(prompt: string): Promise<string> {
    const saved = this.onInterrupt;
    this.onInterrupt = undefined;
    try {
      const line = await this.ask(prompt);
      if (line.trim() && this.historyFile) {
        try { fs.mkdirSync(path.dirname(this.historyFile), { recursive: true }); fs.appendFileSync(this.historyFile, line.replace(/\n/g, ' ') + '\n', { mode: 0o600 }); } catch { /* history is best effort */ }
      }
      return line;
    } finally { this.onInterrupt = saved; }
  }

  /** A prompt inside a running command (Read-Host, mandatory parameter). Not kept in history. */
  async readLine(prompt: string): Promise<string> {
    const saved = this.onInterrupt;
    this.onInterrupt = undefined;
    try {
      const line = await this.ask(prompt);
      this.dropLastHistory(line);
      return line;
    } catch (e) {
      if (e instanceof InterruptedLine) { saved?.(); throw e; }
      throw e;
    } finally { this.onInterrupt = saved; }
  }

  async readSecret(prompt: string): Promise<string> {
    const saved = this.onInterrupt;
    this.onInterrupt = undefined;
    const rlAny = this.rl as unknown as { history: string[] };
    const historyBefore = [...rlAny.history];
    try {
      this.maskPrompt = prompt;
      this.masking = true;
      const line = await this.ask(prompt);
      return line;
    } catch (e) {
      if (e instanceof InterruptedLine) saved?.();
      throw e;
    } finally {
      this.masking = false;
      this.maskPrompt = '';
      rlAny.history.splice(0, rlAny.history.length, ...historyBefore);
      this.onInterrupt = saved;
    }
  }

  private dropLastHistory(line: string): void {
    const h = (this.rl as unknown as { history: string[] }).history;
    if (h[0] === line) h.shift();
  }

  close(): void { this.rl.close(); }
}

/** Ctrl+C while a line was being typed. */
export class InterruptedLine extends Error {
  constructor() { super('Interrupted'); this.name = 'InterruptedLine'; }
}
