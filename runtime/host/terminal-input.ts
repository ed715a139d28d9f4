import { LineEditor, InterruptedLine, EndOfInput, type Completer, type TerminalIO } from './line-editor.js';
import { LineHistory } from './line-history.js';
import { PipelineStoppedSignal } from '../values/flow.js';

export { InterruptedLine, EndOfInput };
export type { Completer };

/**
 * The terminal as the shell reads it: command lines through the line editor with history,
 * completion and multi-line input; prompts inside a running command (Read-Host, Get-Credential)
 * on the same editor, never recorded; secrets echoed as '*'.
 */
export class TerminalInput {
  private readonly editor: LineEditor;
  private readonly history: LineHistory;
  private onInterrupt: (() => void) | undefined;

  constructor(private readonly completer: Completer, historyFile?: string,
    private readonly isComplete?: (text: string) => boolean, io?: TerminalIO) {
    this.editor = new LineEditor(io);
    this.history = new LineHistory(historyFile);
  }

  /** While a pipeline runs, Ctrl+C calls this. */
  setInterruptHandler(h: (() => void) | undefined): void { this.onInterrupt = h; this.editor.onInterrupt = h; }

  /** Read one command (one or more lines) at the command prompt; recorded in history. */
  readCommandLine(prompt: string, startColumn = 0): Promise<string> {
    return this.editor.read({ prompt, history: this.history, completer: this.completer, isComplete: this.isComplete, startColumn });
  }

  /** A prompt inside a running command. Ctrl+C there stops the command, as in pwsh. */
  async readLine(prompt: string, startColumn = 0): Promise<string> { return this.prompted(prompt, false, startColumn); }

  async readSecret(prompt: string, startColumn = 0): Promise<string> { return this.prompted(prompt, true, startColumn); }

  private async prompted(prompt: string, mask: boolean, startColumn: number): Promise<string> {
    try {
      return await this.editor.read({ prompt, mask, startColumn });
    } catch (e) {
      // Ctrl+C at a prompt stops the command quietly, as pwsh's PipelineStoppedException does.
      if (e instanceof InterruptedLine) { this.onInterrupt?.(); throw new PipelineStoppedSignal(); }
      throw e;
    }
  }

  close(): void { this.editor.close(); }
}
