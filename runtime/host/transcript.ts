import * as fs from 'node:fs';
import * as path from 'node:path';
import { PSDateTime } from '../values/datetime.js';

/**
 * Start-Transcript / Stop-Transcript: everything the host shows is copied to a file, between the
 * header and footer blocks pwsh writes.
 */
export class Transcript {
  private file: string | undefined;

  constructor(private readonly attach: (sink: ((text: string) => void) | undefined) => void, private readonly defaultDir: string) {}

  start(file: string, append: boolean): string {
    if (this.file) this.stop();
    const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
    const target = file ? path.resolve(file) : path.join(this.defaultDir, `PowerShell_transcript.${stamp}.txt`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const header = `**********************\nPowerShell transcript start\nStart time: ${stamp}\n**********************\n`;
    if (append) fs.appendFileSync(target, header); else fs.writeFileSync(target, header);
    this.file = target;
    this.attach((text) => { if (this.file) fs.appendFileSync(this.file, text); });
    return target;
  }

  stop(): string {
    if (!this.file) throw new Error('An error occurred stopping transcription: The host is not currently transcribing.');
    const f = this.file;
    this.attach(undefined);
    this.file = undefined;
    const stamp = PSDateTime.fromDate(new Date()).toString();
    fs.appendFileSync(f, `**********************\nPowerShell transcript end\nEnd time: ${stamp}\n**********************\n`);
    return f;
  }
}
