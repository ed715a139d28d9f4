import type { HostUI } from '../runtime/commands/context.js';
import { nonInteractiveError } from '../runtime/commands/prompts.js';

/** A host for in-process runs: captures everything; prompts answer from a list or fail as -NonInteractive. */
export class CaptureHost implements HostUI {
  out = '';
  other = '';
  constructor(private readonly answers: string[] | undefined, readonly width = 120) {}
  get interactive(): boolean { return this.answers !== undefined; }
  write(t: string): void { this.out += t; }
  writeLine(t = ''): void { this.out += t + '\n'; }
  writeErrorLine(t: string): void { this.other += t + '\n'; }
  writeWarningLine(t: string): void { this.other += `WARNING: ${t}\n`; }
  writeVerboseLine(t: string): void { this.other += `VERBOSE: ${t}\n`; }
  writeDebugLine(t: string): void { this.other += `DEBUG: ${t}\n`; }
  writeProgress(): void {}
  async readLine(prompt: string): Promise<string> {
    if (!this.answers) throw nonInteractiveError();
    const a = this.answers.shift();
    if (a === undefined) throw nonInteractiveError();
    this.other += prompt + a + '\n';
    return a;
  }
  async readSecret(prompt: string): Promise<string> {
    if (!this.answers) throw nonInteractiveError();
    const a = this.answers.shift();
    if (a === undefined) throw nonInteractiveError();
    this.other += prompt + '\n';
    return a;
  }
}

