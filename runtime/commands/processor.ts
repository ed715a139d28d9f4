import type { MaybePromise } from './context.js';

/**
 * Where a stage's output goes: the next stage's queue or the pipeline's sink. An object with a method,
 * not a closure, so that the call from a cmdlet's writeObject is monomorphic and V8 inlines it.
 */
export interface Downstream {
  push(value: unknown): MaybePromise<void>;
}

/** One stage of a running pipeline. */
export interface CommandProcessor {
  readonly name: string;
  /** True when this stage has a parameter that takes pipeline input. */
  begin(): MaybePromise<void>;
  /** Called once per input object, or once with no input for the first command of a pipeline without input. */
  process(input: unknown, hasInput: boolean): MaybePromise<void>;
  end(): MaybePromise<void>;
  stop(): void;
  /** Whether this command wrote an error or failed. */
  readonly failed: boolean;
}

export function isPromise(v: unknown): v is Promise<unknown> {
  return typeof v === 'object' && v !== null && typeof (v as { then?: unknown }).then === 'function';
}
