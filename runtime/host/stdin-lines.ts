/**
 * Standard input as a queue of lines, shared by `-Command -` (the script) and by prompts
 * (Read-Host, Get-Credential) when stdin is not a terminal — so a script's answers can follow it.
 */
export class StdinLines {
  private buffer = '';
  private readonly lines: string[] = [];
  private ended = false;
  private waiters: (() => void)[] = [];
  private started = false;

  constructor(private readonly stream: NodeJS.ReadableStream = process.stdin) {}

  private start(): void {
    if (this.started) return;
    this.started = true;
    this.stream.setEncoding?.('utf8');
    this.stream.on('data', (chunk: string | Buffer) => {
      this.buffer += chunk.toString();
      let i: number;
      while ((i = this.buffer.indexOf('\n')) >= 0) {
        this.lines.push(this.buffer.slice(0, i).replace(/\r$/, ''));
        this.buffer = this.buffer.slice(i + 1);
      }
      this.wake();
    });
    this.stream.on('end', () => {
      if (this.buffer.length) { this.lines.push(this.buffer.replace(/\r$/, '')); this.buffer = ''; }
      this.ended = true;
      this.wake();
    });
    this.stream.on('error', () => { this.ended = true; this.wake(); });
  }

  private wake(): void { const w = this.waiters; this.waiters = []; for (const f of w) f(); }

  /** The next line, or null at end of input. */
  async next(): Promise<string | null> {
    this.start();
    for (;;) {
      if (this.lines.length) return this.lines.shift()!;
      if (this.ended) return null;
      await new Promise<void>((r) => this.waiters.push(r));
    }
  }

  async readAll(): Promise<string> {
    const out: string[] = [];
    for (let l = await this.next(); l !== null; l = await this.next()) out.push(l);
    return out.join('\n');
  }

  pause(): void { if (this.started) (this.stream as NodeJS.ReadStream).pause?.(); }
}
