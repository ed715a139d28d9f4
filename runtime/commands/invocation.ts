import type { ErrorPosition } from '../values/error-record.js';
import type { ScriptBlock, MaybePromise } from '../values/scriptblock.js';

/**
 * The evaluator's request to run a pipeline, in the shape PowerShell's CommandAst gives it:
 * parameter tokens and argument values in the order typed; the binder pairs them.
 */
export type CommandArgument =
  /** `-Name`, `-Name:value` (hasValue), or `–Name` typed with an en dash (text keeps what was typed). */
  | { readonly kind: 'parameter'; readonly name: string; readonly text: string; readonly hasValue: boolean; readonly value?: unknown }
  /** Any other argument, already evaluated (bare words are strings). `fromSplat` marks @array splatting. */
  | { readonly kind: 'positional'; readonly value: unknown; readonly fromSplat?: boolean };

export interface Redirection {
  /** 'output' for >, 'error' for 2>, 'warning' 3>, 'verbose' 4>, 'debug' 5>, 'information' 6>, 'all' for *>. */
  readonly stream: 'output' | 'error' | 'warning' | 'verbose' | 'debug' | 'information' | 'all';
  /** Merge into the success stream (2>&1) or write to a file path ($null discards). */
  readonly target: { readonly merge: true } | { readonly file: string | null; readonly append: boolean };
}

export interface CommandElement {
  /** The command name as typed (alias, function or cmdlet); absent when scriptBlock is set. */
  readonly name?: string;
  /** `& { ... }`, `& $sb`, `. { ... }`. */
  readonly scriptBlock?: ScriptBlock;
  readonly dotSource?: boolean;
  /** `&` or `.` when the name came from an expression after that operator (`& "tool.exe"`). */
  readonly invocationOperator?: '&' | '.';
  readonly args: readonly CommandArgument[];
  readonly redirections?: readonly Redirection[];
  /** Where the command starts (for error positions) and the text of the line. */
  readonly position: ErrorPosition;
}

export interface PipelineRequest {
  readonly elements: readonly CommandElement[];
  /** Values the first element receives as pipeline input (from `expr | cmd`); undefined: no pipeline input. */
  readonly input?: Iterable<unknown>;
  /** Where the last element's output goes. */
  readonly sink: (value: unknown) => MaybePromise<void>;
}

export interface PipelineResult {
  /** False when any command wrote an error or failed ($? after the pipeline). */
  readonly succeeded: boolean;
}

/** Implemented by the command layer (runtime/commands/pipeline-runner); called by the evaluator. */
export interface CommandHost {
  runPipeline(req: PipelineRequest): Promise<PipelineResult>;
  /** Does a command of this name exist (alias, function, cmdlet)? For `Get-Command` and completion. */
  hasCommand(name: string): boolean;
}
