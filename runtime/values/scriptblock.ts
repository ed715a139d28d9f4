import type { ParameterMeta } from '../commands/parameter.js';

/** Output of a script: objects written to the success stream, in order. */
export type Output = unknown[];
export type MaybePromise<T> = T | Promise<T>;

export interface ScriptBlockInvocation {
  /** Value of $_ / $PSItem during the call. */
  dollarUnder?: unknown;
  /** $args (and positional values for a param() block when invoked as a plain script block). */
  args?: unknown[];
  /** Named values for the param() block, already bound and converted by the binder. */
  boundParameters?: Map<string, unknown>;
  /** $input for an end block / a script without named blocks. */
  input?: unknown[];
  /** false: run in the caller's scope (dot-sourced: ForEach-Object, Where-Object); default true: a child scope. */
  newScope?: boolean;
  /** Where objects the block writes go; if absent, they are collected and returned. */
  sink?: (value: unknown) => MaybePromise<void>;
}

/**
 * A { ... } script block, made by the evaluator. Cmdlets call it; the evaluator runs it.
 * `isPure` blocks (no command calls, nothing that can await) run synchronously, which is what keeps
 * Where-Object and ForEach-Object fast on large inputs.
 */
export interface ScriptBlock {
  readonly kind: 'ScriptBlock';
  readonly text: string;
  readonly isPure: boolean;
  /** Parameters declared by a param() block (empty when none), for binding a function call. */
  readonly parameters: ParameterMeta[];
  /** True when the body has begin/process/end blocks. */
  readonly hasNamedBlocks: boolean;
  /** Run the whole block (or its end block). Returns the collected output when no sink is given. */
  invoke(opts?: ScriptBlockInvocation): MaybePromise<Output>;
  /** Run one named block of a function (begin/process/end) in a scope prepared by beginScope(). */
  invokeNamedBlock(block: 'begin' | 'process' | 'end', scope: unknown, opts?: ScriptBlockInvocation): MaybePromise<Output>;
  /** A fresh function scope with the bound parameters and defaults set; pass it to invokeNamedBlock. */
  beginScope(opts: ScriptBlockInvocation): MaybePromise<unknown>;
  /**
   * The block as a per-object function for Where-Object / ForEach-Object: runs in the caller's scope with
   * $_ = item, synchronously. Its result holds the output as the pipeline unrolls it: undefined for none,
   * an array (or byte array) whose elements are the objects written, any other value for one object.
   * Null (or absent) when the block may run commands: use invoke().
   */
  itemFunction?(): ((item: unknown) => unknown) | null;
  /** itemFunction() as Where-Object uses it: LanguagePrimitives.IsTrue of the output (false after a reported error). */
  itemTest?(): ((item: unknown) => boolean) | null;
  toString(): string;
}

export function isScriptBlock(v: unknown): v is ScriptBlock {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'ScriptBlock';
}
