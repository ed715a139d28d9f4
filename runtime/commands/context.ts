import type { ErrorRecord } from '../values/error-record.js';
import type { ScriptBlock } from '../values/scriptblock.js';

export type MaybePromise<T> = T | Promise<T>;

/** The terminal or a script's standard streams, as the host presents them (PSHostUserInterface). */
export interface HostUI {
  /** Write-Host and prompts: text to the terminal (stderr when stdout is piped). */
  write(text: string): void;
  writeLine(text?: string): void;
  writeErrorLine(text: string): void;
  writeWarningLine(text: string): void;
  writeVerboseLine(text: string): void;
  writeDebugLine(text: string): void;
  writeProgress(activity: string, status: string, percent: number, completed: boolean): void;
  /** Read-Host: one line (from the terminal or stdin). Throws a 'NonInteractive' error record when prompting is not allowed. */
  readLine(prompt: string): Promise<string>;
  /** A masked line: the characters typed are never echoed. */
  readSecret(prompt: string): Promise<string>;
  readonly interactive: boolean;
  /** Console width used by the formatter (120 when not a terminal). */
  readonly width: number;
}

/** Variables and scopes, as Get-Variable / Set-Variable see them. */
export interface SessionVariables {
  get(name: string): unknown;
  has(name: string): boolean;
  set(name: string, value: unknown, scope?: 'Local' | 'Script' | 'Global'): void;
  remove(name: string): boolean;
  /** Visible variables, innermost scope winning. */
  list(): { name: string; value: unknown }[];
  /** Set-StrictMode for the current scope: a version (1, 2, 3) or 0 for off. */
  setStrictMode?(version: number): void;
}

/** Where Write-Error, Write-Warning... of the running command go (redirections and -ErrorVariable attach here). */
export interface StreamSink {
  error(record: ErrorRecord): void;
  warning(message: string): void;
  verbose(message: string): void;
  debug(message: string): void;
  information(data: unknown, tags?: string[]): void;
  progress(activity: string, status: string, percent: number, completed: boolean): void;
}

/** What a running cmdlet can reach. One per session; cmdlets must not keep it beyond their run. */
export interface ExecutionContext {
  readonly host: HostUI;
  readonly variables: SessionVariables;
  /** Evaluate script text in the current scope (Invoke-Expression). */
  evaluate(script: string): Promise<unknown[]>;
  /** Compile text to a script block (for [scriptblock]::Create and calculated properties). */
  compile(script: string): ScriptBlock;
  /** Current location, e.g. 'C:\\' or 'Cert:\\LocalMachine\\My'. */
  location: string;
  /** Whether the user has asked to stop (Ctrl+C); long-running cmdlets poll it. */
  readonly stopping: boolean;
  /** Per-session services (domain gateways) by name, created lazily so a command loads only what it needs. */
  service<T>(name: string): T;
}
