import { ParameterBinder, type BindState } from './binder.js';
import type { Cmdlet, CmdletClass, CommandRuntime } from './cmdlet.js';
import type { ActionPreference } from './common-parameters.js';
import { CommandStreams, type StreamPreferences } from './streams.js';
import type { CommandElement } from './invocation.js';
import type { CommandProcessor, Downstream } from './processor.js';
import type { MaybePromise } from './context.js';
import type { RunnerServices } from './runner-services.js';
import { nonInteractiveError, promptForCredential, supplyMissingMandatory } from './prompts.js';
import { BindingErrors } from './binding-errors.js';
import { toErrorRecord } from './to-error-record.js';
import { ErrorRecord, RuntimeError } from '../values/error-record.js';
import { BreakSignal, ContinueSignal, ExitSignal, PipelineStoppedSignal, ReturnSignal } from '../values/flow.js';
import { PSCredential, SecureString } from '../values/secure-string.js';
import { convertToType } from '../values/convert.js';
import type { PSEnum } from '../values/enum.js';
import { resolveType } from '../evaluator/types.js';

type InputSetter = (cmdlet: Cmdlet, value: unknown) => void;
const setters = new WeakMap<object, Map<string, InputSetter>>();

/**
 * One compiled store per cmdlet class and parameter: `cmdlet[name] = v` through a shared function
 * turns megamorphic once a few cmdlet classes have run, and this store runs once per pipeline object.
 */
function inputSetter(cls: object, name: string): InputSetter {
  let byName = setters.get(cls);
  if (!byName) { byName = new Map(); setters.set(cls, byName); }
  let f = byName.get(name);
  if (!f) {
    f = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)
      ? new Function('c', 'v', `c.${name} = v;`) as InputSetter
      : (c, v) => { (c as unknown as Record<string, unknown>)[name] = v; };
    byName.set(name, f);
  }
  return f;
}

const ACTION_PREFERENCE = resolveType('System.Management.Automation.ActionPreference')!;

/** A preference as its member name: the global $…Preference holds an enum, a local one may hold any text. */
function pref(v: unknown, fallback: ActionPreference): ActionPreference {
  if (v === null || v === undefined || v === '') return fallback;
  try { return (convertToType(v, ACTION_PREFERENCE) as PSEnum).toString() as ActionPreference; } catch { return fallback; }
}

/** Runs one cmdlet in a pipeline: binding, prompting, common parameters, lifecycle, streams. */
/**
 * The processor is also the cmdlet's CommandRuntime (cmdlet.runtime === this): writeObject is then a
 * method of one class, which V8 inlines into the cmdlet's process step, down to the next stage.
 */
export class CmdletProcessor implements CommandProcessor, CommandRuntime {
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
    private readonly downstream: Downstream,
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
      verbose: bound.has('Verbose') ? bound.get('Verbose') === true : pref(this.services.getVariable('VerbosePreference'), 'SilentlyContinue') === 'Continue',
      debug: bound.has('Debug') ? bound.get('Debug') === true : pref(this.services.getVariable('DebugPreference'), 'SilentlyContinue') === 'Continue',
    };
    this.streams = new CommandStreams(prefs, this.services.currentStreams(), (r) => this.services.recordError(r));
    this.whatIf = bound.get('WhatIf') === true || (!bound.has('WhatIf') && this.services.getVariable('WhatIfPreference') === true);
    this.confirm = bound.get('Confirm') === true
      || (!bound.has('Confirm') && c.meta.supportsShouldProcess === true && c.meta.confirmImpact === 'High');
    if (bound.has('OutVariable')) this.outVariable = [];
    c.context = this.services.context;
    c.runtime = this;
  }

  private assign(name: string, value: unknown): void {
    (this.cmdlet as unknown as Record<string, unknown>)[name] = value;
    this.cmdlet.boundParameters.set(name, value);
  }

  writeObject(value: unknown, enumerate: boolean): MaybePromise<void> {
    // The common case first: one object, no -OutVariable, not stopping.
    if (!enumerate && this.outVariable === undefined && !this.stopped) return this.downstream.push(value);
    return this.writeSlow(value, enumerate);
  }

  private writeSlow(value: unknown, enumerate: boolean): MaybePromise<void> {
    if (this.stopped) throw new PipelineStoppedSignal('ctrl-c');
    if (this.outVariable) this.outVariable.push(value);
    if (enumerate && Array.isArray(value)) {
      let pending: Promise<void> | undefined;
      for (const v of value) {
        if (pending) pending = pending.then(() => this.downstream.push(v));
        else { const r = this.downstream.push(v); if (r) pending = r; }
      }
      return pending;
    }
    return this.downstream.push(value);
  }

  writeError(r: ErrorRecord): void { this.failed = true; this.streams.error(this.stampRecord(r)); }
  writeWarning(m: string): void { this.streams.warning(m); }
  writeVerbose(m: string): void { this.streams.verbose(m); }
  writeDebug(m: string): void { this.streams.debug(m); }
  writeInformation(d: unknown, t?: string[]): void { this.streams.information(d, t); }
  writeProgress(a: string, s: string, p: number, c: boolean): void { this.streams.progress(a, s, p, c); }
  shouldProcess(target: string, action: string): MaybePromise<boolean> { return this.confirmProcess(target, action); }

  async shouldContinue(query: string, caption: string): Promise<boolean> {
    if (!this.services.host.interactive) throw nonInteractiveError();
    this.services.host.writeLine(caption);
    this.services.host.writeLine(query);
    const a = (await this.services.host.readLine('[Y] Yes  [N] No  [?] Help (default is "Y"): ')).trim().toLowerCase();
    return a === '' || a === 'y';
  }

  private async confirmProcess(target: string, action: string): Promise<boolean> {
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
  /** Stores a pipeline object into the direct parameter's field: a monomorphic store per cmdlet class. */
  private setDirect: InputSetter | undefined;
  /** The direct parameter is InputObject, as for most cmdlets: a plain store, cheaper still than the setter's call. */
  private inputObjectDirect = false;

  private directParameter(): string | null {
    if (this.direct !== undefined) return this.direct;
    const open = this.cmdlet.meta.parameters.filter((p) => ParameterBinder.inSet(p, this.set) && !this.state.bound.has(p.name)
      && (p.valueFromPipeline || p.valueFromPipelineByPropertyName));
    const only = open.length === 1 ? open[0]! : undefined;
    this.direct = only && only.valueFromPipeline && !only.valueFromPipelineByPropertyName && !only.type.element
      && (only.type.kind === 'object' || only.type.kind === 'psobject') ? only.name : null;
    if (this.direct !== null) this.setDirect = inputSetter(this.cmdlet.constructor, this.direct);
    this.inputObjectDirect = this.direct === 'InputObject';
    return this.direct;
  }

  process(input: unknown, hasInput: boolean): MaybePromise<void> {
    if (this.terminated) return;
    if (!hasInput) return this.processWithoutInput();
    if (this.stopped) throw new PipelineStoppedSignal('ctrl-c');
    const c = this.cmdlet;
    if (this.inputObjectDirect) (c as unknown as { InputObject: unknown }).InputObject = input;
    else if (this.setDirect !== undefined) this.setDirect(c, input);
    else if (this.bindInput(input)) return;
    c.currentInput = input;
    // The per-object hot path: no closure, no promise unless the cmdlet is asynchronous.
    let r: MaybePromise<void>;
    try { r = c.processRecord(); } catch (e) { return this.fail(e); }
    return r === undefined ? undefined : this.settle(r);
  }

  // Kept out of process() and writeObject(): their closures would cost those a context per call.
  private processWithoutInput(): MaybePromise<void> { return this.guard(() => this.cmdlet.processRecord()); }

  /** Binds a pipeline object through the binder; true when it could not be bound (the error is written). */
  private bindInput(input: unknown): boolean {
    const direct = this.direct !== undefined ? this.direct : this.directParameter();
    if (direct !== null) {
      // First object: the parameter counts as bound from now on (isBound); its field holds the current object.
      this.cmdlet.boundParameters.set(direct, input);
      this.setDirect!(this.cmdlet, input);
      return false;
    }
    let bound: Map<string, unknown>;
    try {
      bound = this.binder.bindPipelineObject(this.state, this.set, input);
    } catch (e) {
      if (e instanceof RuntimeError) { this.failed = true; this.streams.error(this.stampRecord(e.record)); return true; }
      throw e;
    }
    for (const k of this.pipelineBound) { (this.cmdlet as unknown as Record<string, unknown>)[k] = undefined; this.cmdlet.boundParameters.delete(k); }
    this.pipelineBound = [...bound.keys()];
    for (const [k, v] of bound) this.assign(k, v);
    return false;
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

  /**
   * Set by stop() (Ctrl+C). The per-object paths read this field rather than the engine's stopping
   * getter: a plain field costs nothing, the getter ~10 ns per object.
   */
  private stopped = false;

  stop(): void {
    this.stopped = true;
    try { this.cmdlet.stopProcessing(); } catch { /* stopping is best effort */ }
  }
}
