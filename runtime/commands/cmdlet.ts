import type { CmdletMeta } from './cmdlet-meta.js';
import type { ExecutionContext, MaybePromise } from './context.js';
import { ErrorRecord, RuntimeError, type ErrorCategory } from '../values/error-record.js';

/** How the pipeline runner connects a cmdlet to its neighbours and to the session's streams. */
export interface CommandRuntime {
  writeObject(value: unknown, enumerate: boolean): MaybePromise<void>;
  writeError(record: ErrorRecord): void;
  writeWarning(message: string): void;
  writeVerbose(message: string): void;
  writeDebug(message: string): void;
  writeInformation(data: unknown, tags?: string[]): void;
  writeProgress(activity: string, status: string, percent: number, completed: boolean): void;
  shouldProcess(target: string, action: string): MaybePromise<boolean>;
  shouldContinue(query: string, caption: string): MaybePromise<boolean>;
}

/**
 * Base of every cmdlet, shaped like System.Management.Automation.Cmdlet: parameters are declared in
 * static `meta` and bound onto instance fields of the same name; work happens in begin/process/end;
 * results leave through writeObject, problems through writeError / throwTerminatingError.
 */
export abstract class Cmdlet {
  static meta: CmdletMeta;

  /** Set by the runner before beginProcessing. */
  context!: ExecutionContext;
  runtime!: CommandRuntime;
  /** The resolved parameter set. */
  parameterSetName = '__AllParameterSets';
  /** Names (canonical case) of the parameters bound for this invocation (PSBoundParameters). */
  boundParameters = new Map<string, unknown>();
  /** The current pipeline input object while processRecord runs for it; undefined when not in a pipeline. */
  currentInput: unknown = undefined;

  get meta(): CmdletMeta { return (this.constructor as typeof Cmdlet).meta; }
  get commandName(): string { return `${this.meta.verb}-${this.meta.noun}`; }

  isBound(name: string): boolean { return this.boundParameters.has(name); }

  beginProcessing(): MaybePromise<void> {}
  processRecord(): MaybePromise<void> {}
  endProcessing(): MaybePromise<void> {}
  /** Ctrl+C: release what a running process step holds. */
  stopProcessing(): void {}

  writeObject(value: unknown, enumerate = false): MaybePromise<void> { return this.runtime.writeObject(value, enumerate); }
  writeError(record: ErrorRecord): void { this.runtime.writeError(this.stamp(record)); }
  writeWarning(message: string): void { this.runtime.writeWarning(message); }
  writeVerbose(message: string): void { this.runtime.writeVerbose(message); }
  writeDebug(message: string): void { this.runtime.writeDebug(message); }
  writeInformation(data: unknown, tags?: string[]): void { this.runtime.writeInformation(data, tags); }
  writeProgress(activity: string, status: string, percent = -1, completed = false): void {
    this.runtime.writeProgress(activity, status, percent, completed);
  }
  shouldProcess(target: string, action?: string): MaybePromise<boolean> {
    return this.runtime.shouldProcess(target, action ?? this.commandName);
  }
  shouldContinue(query: string, caption: string): MaybePromise<boolean> { return this.runtime.shouldContinue(query, caption); }

  throwTerminatingError(record: ErrorRecord): never { throw new RuntimeError(this.stamp(record)); }

  /** An error record raised by this cmdlet: FullyQualifiedErrorId gets the cmdlet's class name. */
  error(message: string, errorId: string, category: ErrorCategory, target: unknown = null, exceptionType?: string): ErrorRecord {
    return this.stamp(new ErrorRecord(message, errorId, category, target, exceptionType));
  }

  private stamp(record: ErrorRecord): ErrorRecord {
    if (!record.commandTypeName) record.commandTypeName = this.meta.className ?? `${this.meta.module}.${this.meta.verb}${this.meta.noun}Command`;
    if (!record.position.commandName) record.position = { ...record.position, commandName: this.commandName };
    return record;
  }
}

export type CmdletClass = (new () => Cmdlet) & { meta: CmdletMeta };
