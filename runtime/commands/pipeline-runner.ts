import { CmdletProcessor } from './cmdlet-processor.js';
import { FunctionProcessor } from './function-processor.js';
import { commandNotFound } from './command-not-found.js';
import type { CommandElement, CommandHost, PipelineRequest, PipelineResult } from './invocation.js';
import type { CommandProcessor } from './processor.js';
import type { MaybePromise } from './context.js';
import type { RunnerServices } from './runner-services.js';
import { RedirectedStreams } from './redirection.js';
import { RuntimeError } from '../values/error-record.js';
import { PipelineStoppedSignal } from '../values/flow.js';

/**
 * One queue per stage: objects reach a stage in order; while a stage is busy with an asynchronous
 * step, later objects wait behind it. A pipeline of synchronous stages never allocates a promise.
 */
class Stage {
  private pending: Promise<void> | undefined;
  constructor(readonly processor: CommandProcessor) {}

  push(value: unknown): MaybePromise<void> {
    if (this.pending) {
      const p: Promise<void> = this.pending.then(() => this.processor.process(value, true));
      this.track(p);
      return p;
    }
    const r = this.processor.process(value, true);
    if (r) { this.track(r); return r; }
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

export class PipelineRunner implements CommandHost {
  constructor(private readonly services: RunnerServices) {}

  hasCommand(name: string): boolean {
    const reg = this.services.registry;
    return reg.hasCmdlet(reg.resolveAlias(name) ?? name) || !!this.services.getFunction(name);
  }

  private async createProcessor(el: CommandElement, index: number, expectsInput: boolean, downstream: (v: unknown) => MaybePromise<void>): Promise<CommandProcessor & { bind(): Promise<void> }> {
    if (el.scriptBlock) return new FunctionProcessor('', el.scriptBlock, el, index, expectsInput, this.services, downstream);
    const typed = el.name ?? '';
    const fn = this.services.getFunction(typed);
    if (fn) return new FunctionProcessor(typed, fn, el, index, expectsInput, this.services, downstream);
    const reg = this.services.registry;
    const target = reg.resolveAlias(typed) ?? typed;
    const aliasedFn = target !== typed ? this.services.getFunction(target) : undefined;
    if (aliasedFn) return new FunctionProcessor(target, aliasedFn, el, index, expectsInput, this.services, downstream);
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
    let downstream: (v: unknown) => MaybePromise<void> = req.sink;
    for (let i = n - 1; i >= 0; i--) {
      const el = req.elements[i]!;
      const redir = el.redirections?.length ? new RedirectedStreams(el.redirections, this.services.currentStreams(), downstream) : undefined;
      redirected[i] = redir;
      const out = redir ? redir.output(downstream) : downstream;
      const expectsInput = i > 0 || req.input !== undefined;
      processors[i] = await this.createProcessor(el, i, expectsInput, out);
      stages[i] = new Stage(processors[i]!);
      const stage = stages[i]!;
      downstream = (v) => stage.push(v);
    }

    const unregister = this.services.onStop(() => { for (const p of processors) p.stop(); });
    const bindAndRun = async (): Promise<void> => {
      for (let i = 0; i < n; i++) {
        const r = redirected[i];
        if (r) await this.services.withStreams(r.streams(), () => processors[i]!.bind());
        else await processors[i]!.bind();
      }
      for (const p of processors) { const r = p.begin(); if (r) await r; }
      const first = stages[0]!;
      if (req.input !== undefined) {
        for (const item of req.input) {
          if (this.services.stopping) throw new PipelineStoppedSignal('ctrl-c');
          const r = first.push(item);
          if (r) await r;
        }
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

  private async endFrom(start: number, stages: Stage[]): Promise<void> {
    for (let i = start; i < stages.length; i++) {
      await stages[i]!.drain();
      const r = stages[i]!.processor.end();
      if (r) await r;
      for (let j = i + 1; j < stages.length; j++) await stages[j]!.drain();
    }
  }
}
