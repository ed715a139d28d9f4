/**
 * A minimal command runtime and execution context for driving core cmdlets directly: parameters are
 * set on fields as the binder would, pipeline input is fed one object per processRecord, and every
 * stream is recorded.
 */
import type { Cmdlet, CmdletClass, CommandRuntime } from '../../runtime/commands/cmdlet.js';
import type { ExecutionContext, HostUI, SessionVariables } from '../../runtime/commands/context.js';
import type { ErrorRecord } from '../../runtime/values/error-record.js';
import { RuntimeError } from '../../runtime/values/error-record.js';
import type { ScriptBlock, ScriptBlockInvocation } from '../../runtime/values/scriptblock.js';
import { PipelineStoppedSignal } from '../../runtime/values/flow.js';
import { enumerate } from '../../cmdlets/core/lang.js';

/** A script block backed by a JS function of $_ (returns one value, an array of outputs, or undefined for none). */
export function sb(fn: (item: unknown, opts: ScriptBlockInvocation) => unknown, text = '{ ... }', isPure = true): ScriptBlock {
  const toOut = (r: unknown): unknown[] => (r === undefined ? [] : Array.isArray(r) ? r : [r]);
  const block: ScriptBlock = {
    kind: 'ScriptBlock', text, isPure, parameters: [], hasNamedBlocks: false,
    invoke(opts: ScriptBlockInvocation = {}) {
      const out = toOut(fn(opts.dollarUnder, opts));
      if (opts.sink) {
        const sink = opts.sink;
        return (async () => { for (const o of out) await sink(o); return []; })();
      }
      return out;
    },
    invokeNamedBlock() { return []; },
    beginScope() { return {}; },
    toString() { return text; },
  };
  return block;
}

export class FakeHost implements HostUI {
  text = '';
  errors: string[] = [];
  warnings: string[] = [];
  verbose: string[] = [];
  debug: string[] = [];
  progress: [string, string, number, boolean][] = [];
  prompts: string[] = [];
  constructor(public lines: string[] = [], public secrets: string[] = [], readonly interactive = true, readonly width = 120) {}
  write(t: string): void { this.text += t; }
  writeLine(t = ''): void { this.text += t + '\n'; }
  writeErrorLine(t: string): void { this.errors.push(t); }
  writeWarningLine(t: string): void { this.warnings.push(t); }
  writeVerboseLine(t: string): void { this.verbose.push(t); }
  writeDebugLine(t: string): void { this.debug.push(t); }
  writeProgress(a: string, s: string, p: number, c: boolean): void { this.progress.push([a, s, p, c]); }
  async readLine(prompt: string): Promise<string> { this.prompts.push(prompt); return this.lines.shift() ?? ''; }
  async readSecret(prompt: string): Promise<string> { this.prompts.push(prompt); return this.secrets.shift() ?? ''; }
}

export class FakeVariables implements SessionVariables {
  readonly map = new Map<string, { name: string; value: unknown }>();
  get(name: string): unknown { return this.map.get(name.toLowerCase())?.value ?? null; }
  has(name: string): boolean { return this.map.has(name.toLowerCase()); }
  set(name: string, value: unknown): void { this.map.set(name.toLowerCase(), { name: this.map.get(name.toLowerCase())?.name ?? name, value }); }
  remove(name: string): boolean { return this.map.delete(name.toLowerCase()); }
  list(): { name: string; value: unknown }[] { return [...this.map.values()]; }
}

export class FakeContext implements ExecutionContext {
  host: FakeHost;
  variables = new FakeVariables();
  location = process.cwd();
  stopping = false;
  services = new Map<string, unknown>();
  evaluated: string[] = [];
  evaluateImpl: (s: string) => Promise<unknown[]> = async () => [];
  constructor(host = new FakeHost()) { this.host = host; }
  evaluate(script: string): Promise<unknown[]> { this.evaluated.push(script); return this.evaluateImpl(script); }
  compile(script: string): ScriptBlock { return sb(() => undefined, script); }
  service<T>(name: string): T {
    if (!this.services.has(name)) throw new Error(`no service ${name}`);
    return this.services.get(name) as T;
  }
}

export interface RunResult {
  output: unknown[];
  errors: ErrorRecord[];
  warnings: string[];
  verbose: string[];
  debug: string[];
  information: unknown[];
  progress: [string, string, number, boolean][];
  /** Set when the cmdlet stopped the pipeline (Select-Object -First). */
  stoppedAfter?: number;
  /** A terminating error. */
  terminating?: ErrorRecord;
  processed: number;
  instance: Cmdlet;
}

export interface RunOptions {
  input?: unknown[];
  ctx?: FakeContext;
  set?: string;
  /** Answer to ShouldProcess. */
  confirm?: boolean;
}

/** Run a cmdlet class with named parameter values and optional pipeline input, recording every stream. */
export async function run(Cls: CmdletClass, params: Record<string, unknown> = {}, opts: RunOptions = {}): Promise<RunResult> {
  const ctx = opts.ctx ?? new FakeContext();
  const c = new Cls();
  const res: RunResult = { output: [], errors: [], warnings: [], verbose: [], debug: [], information: [], progress: [], processed: 0, instance: c };
  const rt: CommandRuntime = {
    writeObject(v, enumerateIt) { if (enumerateIt) res.output.push(...enumerate(v)); else res.output.push(v); },
    writeError(r) { res.errors.push(r); },
    writeWarning(m) { res.warnings.push(m); },
    writeVerbose(m) { res.verbose.push(m); },
    writeDebug(m) { res.debug.push(m); },
    writeInformation(d) { res.information.push(d); },
    writeProgress(a, s, p, done) { res.progress.push([a, s, p, done]); },
    shouldProcess() { return opts.confirm ?? true; },
    shouldContinue() { return opts.confirm ?? true; },
  };
  c.context = ctx;
  c.runtime = rt;
  const meta = Cls.meta;
  for (const [k, v] of Object.entries(params)) {
    const pm = meta.parameters.find((p) => p.name.toLowerCase() === k.toLowerCase());
    if (!pm) throw new Error(`test bug: ${meta.verb}-${meta.noun} has no parameter ${k}`);
    (c as unknown as Record<string, unknown>)[pm.name] = v;
    c.boundParameters.set(pm.name, v);
  }
  c.parameterSetName = opts.set ?? inferSet(Cls, params);
  const vfp = meta.parameters.find((p) => p.valueFromPipeline);
  try {
    await c.beginProcessing();
    if (opts.input === undefined) { await c.processRecord(); res.processed++; } else {
      for (const item of opts.input) {
        if (vfp) (c as unknown as Record<string, unknown>)[vfp.name] = item;
        c.currentInput = item;
        res.processed++;
        await c.processRecord();
      }
    }
    await c.endProcessing();
  } catch (e) {
    if (e instanceof PipelineStoppedSignal) { res.stoppedAfter = res.processed; await c.endProcessing(); }
    else if (e instanceof RuntimeError) res.terminating = e.record;
    else throw e;
  }
  return res;
}

/** The one parameter set every bound parameter belongs to (the first such set), else the default. */
function inferSet(Cls: CmdletClass, params: Record<string, unknown>): string {
  const meta = Cls.meta;
  const sets = new Set<string>();
  for (const p of meta.parameters) for (const s of p.sets ?? []) sets.add(s);
  const names = Object.keys(params).map((k) => k.toLowerCase());
  const ok = [...sets].filter((s) => names.every((n) => {
    const p = meta.parameters.find((x) => x.name.toLowerCase() === n)!;
    return !p.sets || p.sets.includes(s);
  }));
  if (meta.defaultParameterSet && ok.includes(meta.defaultParameterSet)) return meta.defaultParameterSet;
  return ok[0] ?? meta.defaultParameterSet ?? '__AllParameterSets';
}
