import type { BinderServices } from './binder.js';
import type { ExecutionContext, HostUI, StreamSink } from './context.js';
import type { CommandRegistry } from './registry.js';
import type { ScriptBlock } from '../values/scriptblock.js';
import type { ErrorRecord } from '../values/error-record.js';

/** What the pipeline runner needs from the engine. */
export interface RunnerServices {
  readonly registry: CommandRegistry;
  readonly binder: BinderServices;
  readonly host: HostUI;
  readonly context: ExecutionContext;
  getFunction(name: string): ScriptBlock | undefined;
  getVariable(name: string): unknown;
  setVariable(name: string, value: unknown): void;
  /** Add to $Error (newest first). */
  recordError(record: ErrorRecord): void;
  /** The stream target in effect (the host, or an enclosing redirection). */
  currentStreams(): StreamSink;
  /** Run fn with a different stream target in effect (a function call with redirections). */
  withStreams<T>(streams: StreamSink, fn: () => Promise<T>): Promise<T>;
  readonly stopping: boolean;
  /** Register the running pipeline's stop hook (Ctrl+C); returns an unregister function. */
  onStop(stop: () => void): () => void;
}
