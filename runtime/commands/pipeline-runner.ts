import { CmdletProcessor } from './cmdlet-processor.js';
import { FunctionProcessor } from './function-processor.js';
import { commandNotFound } from './command-not-found.js';
import type { CommandElement, CommandHost, PipelineRequest, PipelineResult } from './invocation.js';
import type { CommandProcessor, Downstream } from './processor.js';
import type { MaybePromise } from './context.js';
import type { RunnerServices } from './runner-services.js';
import { RedirectedStreams } from './redirection.js';
import { RuntimeError } from '../values/error-record.js';
import { PipelineStoppedSignal } from '../values/flow.js';

/** `a..b` as the evaluator hands it over: its bounds are enough to produce the items. */
function isCountedRange(v: Iterable<unknown>): v is Iterable<unknown> & { readonly from: number; readonly to: number } {
  const r = v as { from?: unknown; to?: unknown };
  return typeof r.from === 'number' && typeof r.to === 'number' && !Array.isArray(v);
}

/**
 * Keeps a long synchronous pipeline interruptible: every 1024 items it looks at the clock, and after
 * PAUSE_MS of uninterrupted work it yields to the event loop once (a Ctrl+C, SIGINT or a key press, is
 * delivered there), then honours a stop request. The cost is one counter per item.
 */
const PAUSE_MS = 50;
class Pacer {
  private count = 0;
  private last = performance.now();

  tick(): boolean {
    if ((++this.count & 1023) !== 0) return false;
    return performance.now() - this.last >= PAUSE_MS;
  }

  async pause(services: RunnerServices): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.last = performance.now();
    if (services.stopping) throw new PipelineStoppedSignal('ctrl-c');
  }
}

/**
 * One queue per stage: objects reach a stage in order; while a stage is busy with an asynchronous
 * step, later objects wait behind it. A pipeline of synchronous stages never allocates a promise.
 */
class Stage implements Downstream {
  private pending: Promise<void> | undefined;
  constructor(readonly processor: CommandProcessor) {}

  // The hot methods hold no closures: a closure capturing `this` or an argument makes V8 allocate a
  // context on every call, taken or not (the closures live in the slow paths below).
  push(value: unknown): MaybePromise<void> {
    if (this.pending !== undefined) return this.enqueue(value);
    const r = this.processor.process(value, true);
    if (r !== undefined) { this.track(r); return r; }
  }

  private enqueue(value: unknown): Promise<void> {
    const p: Promise<void> = this.pending!.then(() => this.processor.process(value, true));
    this.track(p);
    return p;
  }

  private track(p: Promise<void>): void {
    this.pending = p;
    p.then(() => { if (this.pending === p) this.pending = undefined; }, () => { /* surfaced by drain() */ });
  }

  /** Forget a failed queue (the stage stopped the pipeline upstream of itself). */
  reset(): void { this.pending = undefined; }

  async drain(): Promise<void> {
    while (this.pending) await this.pending;
  }
}

/** The pipeline's sink (the evaluator's, or a redirection's) as a Downstream. */
class SinkDownstream implements Downstream {
  constructor(private readonly sink: (value: unknown) => MaybePromise<void>) {}
  push(value: unknown): MaybePromise<void> { return this.sink(value); }
}

export class PipelineRunner implements CommandHost {
  constructor(private readonly services: RunnerServices) {}

  hasCommand(name: string): boolean {
    const reg = this.services.registry;
    return reg.hasCmdlet(reg.resolveAlias(name) ?? name) || !!this.services.getFunction(name);
  }

  private async createProcessor(el: CommandElement, index: number, expectsInput: boolean, downstream: Downstream): Promise<CommandProcessor & { bind(): Promise<void> }> {
    const out = (v: unknown) => downstream.push(v);
    if (el.scriptBlock) return new FunctionProcessor('', el.scriptBlock, el, index, expectsInput, this.services, out);
    const typed = el.name ?? '';
    // Command precedence as pwsh's CommandDiscovery: alias, then function, then cmdlet.
    const reg = this.services.registry;
    const target = reg.resolveAlias(typed) ?? typed;
    const fn = this.services.getFunction(target);
    if (fn) return new FunctionProcessor(target, fn, el, index, expectsInput, this.services, out);
    const cls = await reg.loadCmdlet(target);
    if (!cls) {
      const r = commandNotFound(typed);
      // `& "x.exe"`: the error names the operator, as PowerShell's InvocationName does.
      r.position = { ...el.position, commandName: el.invocationOperator ?? typed };
      throw new RuntimeError(r);
    }
    return new CmdletProcessor(cls, el, index, expectsInput, this.services, downstream);
  }

  async runPipeline(req: PipelineRequest): Promise<PipelineResult> {
    const n = req.elements.length;
    const stages: Stage[] = new Array(n);
    const processors: (CommandProcessor & { bind(): Promise<void> })[] = new Array(n);
    const redirected: (RedirectedStreams | undefined)[] = new Array(n);
    // Build from the end so each stage knows where its output goes.
    let downstream: Downstream = new SinkDownstream(req.sink);
    for (let i = n - 1; i >= 0; i--) {
      const el = req.elements[i]!;
      const next = downstream;
      const redir = el.redirections?.length ? new RedirectedStreams(el.redirections, this.services.currentStreams(), (v) => next.push(v)) : undefined;
      redirected[i] = redir;
      const out = redir ? new SinkDownstream(redir.output((v) => next.push(v))) : next;
      const expectsInput = i > 0 || req.input !== undefined;
      processors[i] = await this.createProcessor(el, i, expectsInput, out);
      stages[i] = new Stage(processors[i]!);
      downstream = stages[i]!;
    }

    const unregister = this.services.onStop(() => { for (const p of processors) p.stop(); });
    // A stop asked for before this pipeline registered (between two statements) reaches it too.
    if (this.services.stopping) for (const p of processors) p.stop();
    const bindAndRun = async (): Promise<void> => {
      for (let i = 0; i < n; i++) {
        const r = redirected[i];
        if (r) await this.services.withStreams(r.streams(), () => processors[i]!.bind());
        else await processors[i]!.bind();
      }
      for (const p of processors) { const r = p.begin(); if (r) await r; }
      if (req.input !== undefined) {
        await this.feed(stages[0]!, req.input);
      } else {
        const r = processors[0]!.process(undefined, false);
        if (r) await r;
      }
      await this.endFrom(0, stages);
    };

    try {
      await bindAndRun();
    } catch (e) {
      if (e instanceof PipelineStoppedSignal && e.reason === 'select-first') {
        // The stage that had enough stops everything upstream of it; it and those after it finish normally.
        // The stage that threw has already run its own end step (Select-Object does), so only drain it.
        const origin = (e as { origin?: number }).origin ?? 0;
        for (let i = 0; i <= origin; i++) stages[i]!.reset();
        for (let j = origin + 1; j < n; j++) await stages[j]!.drain();
        await this.endFrom(origin + 1, stages);
      } else {
        throw e;
      }
    } finally {
      unregister();
      for (const r of redirected) r?.close();
    }
    return { succeeded: processors.every((p) => !p.failed) };
  }

  /**
   * Pushes the pipeline input into the first stage. A range is counted and an array indexed (no iterator
   * object per item). The loop is synchronous while every stage is, so it lets the event loop run now and
   * then (see Pacer): that is when a Ctrl+C arrives.
   */
  private async feed(first: Stage, input: Iterable<unknown>): Promise<void> {
    const pacer = new Pacer();
    if (isCountedRange(input)) {
      const to = input.to, step = input.from <= to ? 1 : -1;
      for (let i = input.from; step > 0 ? i <= to : i >= to; i += step) {
        if (pacer.tick()) await pacer.pause(this.services);
        const r = first.push(i);
        if (r !== undefined) await this.settled(r);
      }
      return;
    }
    if (Array.isArray(input)) {
      for (let i = 0; i < input.length; i++) {
        if (pacer.tick()) await pacer.pause(this.services);
        const r = first.push(input[i]);
        if (r !== undefined) await this.settled(r);
      }
      return;
    }
    for (const item of input) {
      if (pacer.tick()) await pacer.pause(this.services);
      const r = first.push(item);
      if (r !== undefined) await this.settled(r);
    }
  }

  /** After an asynchronous step the event loop has run: a Ctrl+C may have come in. */
  private async settled(r: Promise<void>): Promise<void> {
    await r;
    if (this.services.stopping) throw new PipelineStoppedSignal('ctrl-c');
  }

  private async endFrom(start: number, stages: Stage[]): Promise<void> {
    for (let i = start; i < stages.length; i++) {
      await stages[i]!.drain();
      const r = stages[i]!.processor.end();
      if (r) await r;
      for (let j = i + 1; j < stages.length; j++) await stages[j]!.drain();
    }
  }
}
