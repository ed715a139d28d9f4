import { CommandRegistry } from './commands/registry.js';
import { PipelineRunner } from './commands/pipeline-runner.js';
import type { ExecutionContext, HostUI, StreamSink } from './commands/context.js';
import type { RunnerServices } from './commands/runner-services.js';
import type { ShellModule } from './module-catalog.js';
import { ServiceRegistry } from './services.js';
import { ErrorRecord, ParseError, RuntimeError } from './values/error-record.js';
import { ExitSignal, PipelineStoppedSignal, BreakSignal, ContinueSignal, ReturnSignal } from './values/flow.js';
import type { ScriptBlock } from './values/scriptblock.js';
import { Evaluator, Session, parse, convertTo, toPSString } from './evaluator/index.js';
import { parseErrorRecords } from './parse-error-records.js';
import { toErrorRecord } from './commands/to-error-record.js';

export interface EngineOptions {
  host: HostUI;
  modules: readonly ShellModule[];
  /** Where objects that reach the end of a top-level pipeline go (the host's Out-Default). */
  output: (value: unknown) => void | Promise<void>;
  /** How an error record reaching the host is shown. */
  showError: (record: ErrorRecord) => void;
  /** Epoch ms for "now" ([datetime]::Now); the emulator's virtual clock. */
  now?: () => number;
}

export interface RunResult {
  /** `exit N`, if the script said so. */
  exitCode?: number;
  /** $? after the last statement. */
  succeeded: boolean;
  /** A script-terminating error (throw, -ErrorAction Stop) or a parse error ended the run. */
  terminated: boolean;
  /** Ctrl+C stopped it. */
  stopped: boolean;
}

/** One PowerShell session: session state, commands, evaluator, and the streams to the host. */
export class Engine {
  readonly registry = new CommandRegistry();
  readonly services = new ServiceRegistry();
  readonly session: Session;
  readonly evaluator: Evaluator;
  readonly runner: PipelineRunner;
  readonly context: ExecutionContext;
  private streamStack: StreamSink[] = [];
  private stopRequested = false;
  private stopHooks = new Set<() => void>();

  constructor(readonly options: EngineOptions) {
    this.session = new Session({});
    const host = options.host;
    const engine = this;
    const baseStreams: StreamSink = {
      error: (r) => options.showError(r),
      warning: (m) => host.writeWarningLine(m),
      verbose: (m) => host.writeVerboseLine(m),
      debug: (m) => host.writeDebugLine(m),
      information: (d) => host.writeLine(toPSString(d)),
      progress: (a, s, p, c) => host.writeProgress(a, s, p, c),
    };
    this.streamStack.push(baseStreams);
    this.context = {
      host,
      variables: this.session,
      evaluate: (script: string) => engine.evaluator.evaluate(script),
      compile: (script: string) => engine.evaluator.compile(script),
      get location() { return engine.session.location; },
      set location(v: string) { engine.session.location = v; },
      get stopping() { return engine.stopRequested; },
      service: <T>(name: string) => engine.services.get<T>(name),
    };
    const services: RunnerServices = {
      registry: this.registry,
      binder: { convert: (v, t) => convertTo(v, t), toText: (v) => toPSString(v) },
      host,
      context: this.context,
      getFunction: (name) => this.session.getFunction(name),
      getVariable: (name) => this.session.get(name),
      setVariable: (name, value) => this.session.set(name, value),
      recordError: (r) => this.session.recordError(r),
      currentStreams: () => this.streamStack[this.streamStack.length - 1]!,
      withStreams: async <T>(s: StreamSink, fn: () => Promise<T>) => {
        this.streamStack.push(s);
        try { return await fn(); } finally { this.streamStack.pop(); }
      },
      get stopping() { return engine.stopRequested; },
      onStop: (hook) => { this.stopHooks.add(hook); return () => this.stopHooks.delete(hook); },
    };
    this.runner = new PipelineRunner(services);
    this.evaluator = new Evaluator(this.session, this.runner, {
      now: options.now,
      host,
      // A statement-terminating error is shown where errors go now (the host, or a redirection) and the script goes on.
      reportError: (r) => this.streamStack[this.streamStack.length - 1]!.error(r),
    });
    this.services.set('commands', {
      list: () => [
        ...this.registry.list(),
        ...this.session.listFunctions().map((f) => ({ name: f.name, commandType: 'Function' as const, module: '', definition: f.scriptBlock.text })),
      ],
      meta: (name: string) => this.registry.meta(name),
      registry: this.registry,
    });
    for (const m of options.modules) m.register(this.registry, this.services);
  }

  /** Ctrl+C: stop the running pipeline (not the shell). */
  stop(): void {
    this.stopRequested = true;
    for (const h of [...this.stopHooks]) { try { h(); } catch { /* best effort */ } }
  }

  compile(text: string): ScriptBlock { return this.evaluator.compile(text); }

  /**
   * Run script text at the top level. Errors are shown through the host; the result says how it ended.
   */
  async run(text: string, opts: { fileName?: string; args?: unknown[] } = {}): Promise<RunResult> {
    this.stopRequested = false;
    let ast;
    try {
      ast = parse(text, opts.fileName);
    } catch (e) {
      if (e instanceof ParseError) {
        for (const r of parseErrorRecords(e, opts.fileName)) { this.session.recordError(r); this.options.showError(r); }
        this.session.lastSucceeded = false;
        return { succeeded: false, terminated: true, stopped: false };
      }
      throw e;
    }
    if (opts.args) this.session.set('args', opts.args);
    try {
      await this.services.runBeforeCommand();
      await this.evaluator.run(ast, async (v) => { await this.options.output(v); });
      return { succeeded: this.session.lastSucceeded, terminated: false, stopped: false };
    } catch (e) {
      if (e instanceof ExitSignal) return { exitCode: e.code, succeeded: this.session.lastSucceeded, terminated: false, stopped: false };
      if (e instanceof PipelineStoppedSignal) return { succeeded: false, terminated: false, stopped: true };
      if (e instanceof BreakSignal || e instanceof ContinueSignal || e instanceof ReturnSignal) {
        return { succeeded: this.session.lastSucceeded, terminated: false, stopped: false };
      }
      const record = e instanceof RuntimeError ? e.record : toErrorRecord(e);
      this.session.recordError(record);
      this.session.lastSucceeded = false;
      this.options.showError(record);
      return { succeeded: false, terminated: true, stopped: false };
    } finally {
      this.stopRequested = false;
    }
  }
}
