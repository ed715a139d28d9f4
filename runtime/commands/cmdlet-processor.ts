import { ParameterBinder, type BindState } from './binder.js';
import type { Cmdlet, CmdletClass, CommandRuntime } from './cmdlet.js';
import type { ActionPreference } from './common-parameters.js';
import { CommandStreams, type StreamPreferences } from './streams.js';
import type { CommandElement } from './invocation.js';
import type { CommandProcessor } from './processor.js';
import type { MaybePromise } from './context.js';
import type { RunnerServices } from './runner-services.js';
import { nonInteractiveError, promptForCredential, supplyMissingMandatory } from './prompts.js';
import { BindingErrors } from './binding-errors.js';
import { toErrorRecord } from './to-error-record.js';
import { ErrorRecord, RuntimeError } from '../values/error-record.js';
import { BreakSignal, ContinueSignal, ExitSignal, PipelineStoppedSignal, ReturnSignal } from '../values/flow.js';
import { PSCredential, SecureString } from '../values/secure-string.js';

function pref(v: unknown, fallback: ActionPreference): ActionPreference {
  return typeof v === 'string' && v.length ? (v as ActionPreference) : fallback;
}

/** Runs one cmdlet in a pipeline: binding, prompting, common parameters, lifecycle, streams. */
export class CmdletProcessor implements CommandProcessor {
  readonly cmdlet: Cmdlet;
  readonly binder: ParameterBinder;
  private state!: BindState;
  private set = '__AllParameterSets';
  private streams!: CommandStreams;
  private whatIf = false;
  private confirm = false;
  private yesToAll = false;
  private noToAll = false;
  private outVariable: unknown[] | undefined;
  private pipelineBound: string[] = [];
  private terminated = false;
  failed = false;

  constructor(
    cls: CmdletClass,
    readonly element: CommandElement,
    readonly index: number,
    private readonly expectsInput: boolean,
    private readonly services: RunnerServices,
    private readonly downstream: (value: unknown) => MaybePromise<void>,
  ) {
    this.cmdlet = new cls();
    this.binder = new ParameterBinder(cls.meta, services.binder);
  }

  get name(): string { return this.cmdlet.commandName; }

  private position() { return { ...this.element.position, commandName: this.name }; }

  private stampRecord(r: ErrorRecord): ErrorRecord {
    if (!r.position.commandName || r.position.line === undefined) r.position = { ...this.position(), ...r.position, commandName: r.position.commandName ?? this.name };
    if (!r.commandTypeName && r.exceptionType === 'System.Management.Automation.ParameterBindingException') {
      r.commandTypeName = this.cmdlet.meta.className ?? `${this.cmdlet.meta.module}.${this.cmdlet.meta.verb}${this.cmdlet.meta.noun}Command`;
    }
    return r;
  }

  /** Bind arguments and prepare streams; binding failures are terminating for this command. */
  async bind(): Promise<void> {
    const c = this.cmdlet;
    try {
      this.state = this.binder.bindArguments(this.element.args);
      if (this.state.unbound.length) {
        const arg = this.state.unbound[0];
        throw new RuntimeError(BindingErrors.positionalNotFound(this.services.binder.toText(arg)));
      }
      await supplyMissingMandatory(this.binder, this.state, this.expectsInput, this.services.host, this.name, this.index + 1);
      for (const p of c.meta.parameters) {
        if (!p.credentialAttribute || !this.state.bound.has(p.name)) continue;
        const v = this.state.bound.get(p.name);
        if (v instanceof PSCredential) continue;
        if (!this.services.host.interactive) throw nonInteractiveError();
        const answer = await promptForCredential(this.services.host, typeof v === 'string' ? v : null);
        this.state.bound.set(p.name, new PSCredential(answer.userName, new SecureString(answer.password)));
      }
      this.set = this.binder.chooseSet(this.state, this.expectsInput);
    } catch (e) {
      this.failed = true;
      if (e instanceof RuntimeError) { this.stampRecord(e.record); throw e; }
      throw new RuntimeError(this.stampRecord(toErrorRecord(e)));
    }
    c.parameterSetName = this.set;
    for (const [k, v] of this.state.bound) this.assign(k, v);
    const bound = this.state.bound;
    const errorPref = pref(this.services.getVariable('ErrorActionPreference'), 'Continue');
    const prefs: StreamPreferences = {
      errorAction: pref(bound.get('ErrorAction'), errorPref),
      warningAction: pref(bound.get('WarningAction'), pref(this.services.getVariable('WarningPreference'), 'Continue')),
      informationAction: pref(bound.get('InformationAction'), pref(this.services.getVariable('InformationPreference'), 'SilentlyContinue')),
      verbose: bound.has('Verbose') ? bound.get('Verbose') === true : this.services.getVariable('VerbosePreference') === 'Continue',
      debug: bound.has('Debug') ? bound.get('Debug') === true : this.services.getVariable('DebugPreference') === 'Continue',
    };
    this.streams = new CommandStreams(prefs, this.services.currentStreams(), (r) => this.services.recordError(r));
    this.whatIf = bound.get('WhatIf') === true || (!bound.has('WhatIf') && this.services.getVariable('WhatIfPreference') === true);
    this.confirm = bound.get('Confirm') === true
      || (!bound.has('Confirm') && c.meta.supportsShouldProcess === true && c.meta.confirmImpact === 'High');
    if (bound.has('OutVariable')) this.outVariable = [];
    c.context = this.services.context;
    c.runtime = this.makeRuntime();
  }

  private assign(name: string, value: unknown): void {
    (this.cmdlet as unknown as Record<string, unknown>)[name] = value;
    this.cmdlet.boundParameters.set(name, value);
  }

  private makeRuntime(): CommandRuntime {
    const streams = this.streams;
    const write = this.downstream;
    return {
      writeObject: (value, enumerate) => {
        if (this.services.stopping) throw new PipelineStoppedSignal('ctrl-c');
        if (this.outVariable) this.outVariable.push(value);
        if (enumerate && Array.isArray(value)) {
          let pending: Promise<void> | undefined;
          for (const v of value) {
            if (pending) pending = pending.then(() => write(v));
            else { const r = write(v); if (r) pending = r; }
          }
          return pending;
        }
        return write(value);
      },
      writeError: (r) => { this.failed = true; streams.error(this.stampRecord(r)); },
      writeWarning: (m) => streams.warning(m),
      writeVerbose: (m) => streams.verbose(m),
      writeDebug: (m) => streams.debug(m),
      writeInformation: (d, t) => streams.information(d, t),
      writeProgress: (a, s, p, c) => streams.progress(a, s, p, c),
      shouldProcess: (target, action) => this.shouldProcess(target, action),
      shouldContinue: async (query, caption) => {
        if (!this.services.host.interactive) throw nonInteractiveError();
        this.services.host.writeLine(caption);
        this.services.host.writeLine(query);
        const a = (await this.services.host.readLine('[Y] Yes  [N] No  [?] Help (default is "Y"): ')).trim().toLowerCase();
        return a === '' || a === 'y';
      },
    };
  }

  private async shouldProcess(target: string, action: string): Promise<boolean> {
    if (this.whatIf) {
      this.services.host.writeLine(`What if: Performing the operation "${action}" on target "${target}".`);
      return false;
    }
    if (!this.confirm || this.yesToAll) return true;
    if (this.noToAll) return false;
    const host = this.services.host;
    if (!host.interactive) throw nonInteractiveError();
    host.writeLine('');
    host.writeLine('Confirm');
    host.writeLine('Are you sure you want to perform this action?');
    host.writeLine(`Performing the operation "${action}" on target "${target}".`);
    for (;;) {
      const a = (await host.readLine('[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"): ')).trim().toLowerCase();
      if (a === '' || a === 'y') return true;
      if (a === 'a') { this.yesToAll = true; return true; }
      if (a === 'n') return false;
      if (a === 'l') { this.noToAll = true; return false; }
      if (a === '?') host.writeLine('Y - Continue with only the next step of the operation.\nA - Continue with all the steps of the operation.\nN - Skip this operation and proceed with the next operation.\nL - Skip this operation and all subsequent operations.\nS - Pause the current pipeline and return to the command prompt. Type "exit" to resume the pipeline.');
    }
  }

  /** Domain errors and bugs thrown by a cmdlet become terminating error records, never stack traces. */
  private readonly fail = (e: unknown): never => {
    if (e instanceof PipelineStoppedSignal) { if ((e as { origin?: number }).origin === undefined) (e as { origin?: number }).origin = this.index; throw e; }
    if (e instanceof ExitSignal || e instanceof BreakSignal || e instanceof ContinueSignal || e instanceof ReturnSignal) throw e;
    this.failed = true;
    if (e instanceof RuntimeError) { this.stampRecord(e.record); throw e; }
    throw new RuntimeError(this.stampRecord(toErrorRecord(e, this.cmdlet.meta.className)));
  };

  private guard<T>(fn: () => MaybePromise<T>): MaybePromise<T> {
    let r: MaybePromise<T>;
    try { r = fn(); } catch (e) { return this.fail(e); }
    return this.settle(r);
  }

  /** An asynchronous step's rejection goes through fail() too; a synchronous result passes as is. */
  private settle<T>(r: MaybePromise<T>): MaybePromise<T> {
    if (r && typeof (r as { then?: unknown }).then === 'function') return (r as Promise<T>).catch(this.fail);
    return r;
  }

  begin(): MaybePromise<void> { return this.guard(() => this.cmdlet.beginProcessing()); }

  /** The one parameter that takes any pipeline object as is (InputObject of type object): no conversion per record. */
  private direct: string | null | undefined;

  private directParameter(): string | null {
    if (this.direct !== undefined) return this.direct;
    const open = this.cmdlet.meta.parameters.filter((p) => ParameterBinder.inSet(p, this.set) && !this.state.bound.has(p.name)
      && (p.valueFromPipeline || p.valueFromPipelineByPropertyName));
    const only = open.length === 1 ? open[0]! : undefined;
    this.direct = only && only.valueFromPipeline && !only.valueFromPipelineByPropertyName && !only.type.element
      && (only.type.kind === 'object' || only.type.kind === 'psobject') ? only.name : null;
    return this.direct;
  }

  process(input: unknown, hasInput: boolean): MaybePromise<void> {
    if (this.terminated) return;
    if (!hasInput) return this.guard(() => this.cmdlet.processRecord());
    if (this.services.stopping) throw new PipelineStoppedSignal('ctrl-c');
    const direct = this.direct !== undefined ? this.direct : this.directParameter();
    if (direct !== null) {
      (this.cmdlet as unknown as Record<string, unknown>)[direct] = input;
      this.cmdlet.boundParameters.set(direct, input);
    } else {
      let bound: Map<string, unknown>;
      try {
        bound = this.binder.bindPipelineObject(this.state, this.set, input);
      } catch (e) {
        if (e instanceof RuntimeError) { this.failed = true; this.streams.error(this.stampRecord(e.record)); return; }
        throw e;
      }
      for (const k of this.pipelineBound) { (this.cmdlet as unknown as Record<string, unknown>)[k] = undefined; this.cmdlet.boundParameters.delete(k); }
      this.pipelineBound = [...bound.keys()];
      for (const [k, v] of bound) this.assign(k, v);
    }
    this.cmdlet.currentInput = input;
    // The per-object hot path: no closure, no promise unless the cmdlet is asynchronous.
    let r: MaybePromise<void>;
    try { r = this.cmdlet.processRecord(); } catch (e) { return this.fail(e); }
    return this.settle(r);
  }

  end(): MaybePromise<void> {
    const r = this.guard(() => this.cmdlet.endProcessing());
    const finish = () => {
      const bound = this.state?.bound;
      if (!bound) return;
      if (this.outVariable) this.services.setVariable(String(bound.get('OutVariable')).replace(/^\+/, ''), this.outVariable.length === 1 ? this.outVariable[0] : this.outVariable);
      if (bound.has('ErrorVariable')) this.services.setVariable(String(bound.get('ErrorVariable')).replace(/^\+/, ''), this.streams.errorVariable);
      if (bound.has('WarningVariable')) this.services.setVariable(String(bound.get('WarningVariable')).replace(/^\+/, ''), this.streams.warningVariable);
    };
    if (r && typeof (r as { then?: unknown }).then === 'function') return (r as Promise<void>).then(finish);
    finish();
  }

  stop(): void { try { this.cmdlet.stopProcessing(); } catch { /* stopping is best effort */ } }
}
