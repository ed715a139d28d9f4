/**
 * A tiny CommandHost for the language tests (the real one is the command layer's): Write-Output,
 * ForEach-Object, Where-Object, Write-Error, Out-Null, and script functions with simple binding.
 */
import type { CommandHost, PipelineRequest, PipelineResult, CommandElement } from '../../runtime/commands/invocation.js';
import type { ScriptBlock, MaybePromise } from '../../runtime/values/scriptblock.js';
import { ErrorRecord, RuntimeError } from '../../runtime/values/error-record.js';
import { Evaluator, Session, parse, toPSString, iterate } from '../../runtime/evaluator/index.js';

type Emit = (v: unknown) => MaybePromise<void>;

interface Stage {
  begin(): Promise<void>;
  process(input: unknown, hasInput: boolean): Promise<void>;
  end(): Promise<void>;
}

export class FakeHost implements CommandHost {
  session!: Session;
  errors: ErrorRecord[] = [];

  hasCommand(name: string): boolean {
    return ['write-output', 'foreach-object', 'where-object', 'write-error', 'out-null', '%', '?', 'echo'].includes(name.toLowerCase())
      || !!this.session.getFunction(name);
  }

  async runPipeline(req: PipelineRequest): Promise<PipelineResult> {
    let ok = true;
    const fail = (r: ErrorRecord) => { ok = false; this.errors.push(r); this.session.recordError(r); };
    // Build stages from last to first so each knows its downstream emitter.
    let downstream: Emit = req.sink;
    const stages: Stage[] = [];
    for (let i = req.elements.length - 1; i >= 0; i--) {
      const st = this.stage(req.elements[i]!, downstream, fail);
      stages.unshift(st);
      const next = st;
      downstream = (v) => next.process(v, true);
    }
    for (const s of stages) await s.begin();
    if (req.input !== undefined) for (const v of req.input) await stages[0]!.process(v, true);
    else await stages[0]!.process(undefined, false);
    for (const s of stages) await s.end();
    return { succeeded: ok };
  }

  private stage(el: CommandElement, emit: Emit, fail: (r: ErrorRecord) => void): Stage {
    const name = (el.name ?? '').toLowerCase();
    const positional = el.args.filter((a) => a.kind === 'positional').map((a) => (a as { value: unknown }).value);
    const nop = async () => undefined;
    const emitAll = async (v: unknown) => { for (const x of iterate(v)) await emit(x); };
    if (!el.scriptBlock) {
      switch (name) {
        case 'write-output': case 'echo': return {
          begin: async () => { for (const p of positional) await emitAll(p); },
          process: async (v, has) => { if (has) await emit(v); },
          end: nop,
        };
        case 'out-null': return { begin: nop, process: nop, end: nop };
        case 'write-error': return {
          begin: async () => { if (positional.length) fail(new ErrorRecord(toPSString(positional[0]), 'Microsoft.PowerShell.Commands.WriteErrorException', 'NotSpecified')); },
          process: nop, end: nop,
        };
        case 'foreach-object': case '%': {
          const sb = positional[0] as ScriptBlock;
          return {
            begin: nop,
            process: async (v, has) => { if (!has) return; const r = await sb.invoke({ dollarUnder: v, newScope: false }); for (const x of r) await emit(x); },
            end: nop,
          };
        }
        case 'where-object': case '?': {
          const sb = positional[0] as ScriptBlock;
          return {
            begin: nop,
            process: async (v, has) => { if (!has) return; const r = await sb.invoke({ dollarUnder: v, newScope: false }); if (r.length && r.some(Boolean)) await emit(v); },
            end: nop,
          };
        }
      }
    }
    if (el.scriptBlock && el.dotSource) {
      const sb = el.scriptBlock;
      return {
        begin: nop,
        process: async (v, has) => { const r = await sb.invoke(has ? { dollarUnder: v, newScope: false, args: positional } : { newScope: false, args: positional }); for (const x of r) await emit(x); },
        end: nop,
      };
    }
    const fn = el.scriptBlock ?? this.session.getFunction(name);
    if (!fn) {
      const r = new ErrorRecord(`The term '${el.name}' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.`,
        'CommandNotFoundException', 'ObjectNotFound', el.name, 'System.Management.Automation.CommandNotFoundException', el.position);
      throw new RuntimeError(r);
    }
    // Simple binding: -Name value pairs by exact (case-insensitive) name, switches, the rest positional.
    const bound = new Map<string, unknown>();
    const rest: unknown[] = [];
    const params = fn.parameters;
    for (let i = 0; i < el.args.length; i++) {
      const a = el.args[i]!;
      if (a.kind === 'parameter') {
        const p = params.find((x) => x.name.toLowerCase().startsWith(a.name.toLowerCase()));
        if (!p) { rest.push(a.text); continue; }
        if (a.hasValue) bound.set(p.name, a.value);
        else if (p.type.kind === 'switch') bound.set(p.name, true);
        else { const n = el.args[++i]; bound.set(p.name, n && n.kind === 'positional' ? n.value : null); }
      } else rest.push(a.value);
    }
    for (const p of params) if (!bound.has(p.name) && p.position !== undefined && rest.length && p.type.kind !== 'switch') bound.set(p.name, rest.shift());
    const pipelineParam = params.find((p) => p.valueFromPipeline);
    let scope: unknown;
    const collected: unknown[] = [];
    return {
      begin: async () => {
        scope = await fn.beginScope({ boundParameters: bound, args: rest });
        await fn.invokeNamedBlock('begin', scope, { sink: emit });
      },
      process: async (v, has) => {
        if (has) collected.push(v);
        if (!fn.hasNamedBlocks) return;
        if (has && pipelineParam) (scope as { vars: Map<string, { value: unknown }> }).vars.get(pipelineParam.name.toLowerCase())!.value = v;
        await fn.invokeNamedBlock('process', scope, has ? { dollarUnder: v, sink: emit } : { sink: emit });
      },
      end: async () => { await fn.invokeNamedBlock('end', scope, { input: collected, sink: emit }); },
    };
  }
}

/** Runs a snippet; returns its output values and the error that stopped it (if any). */
export interface RunResult {
  out: unknown[];
  /** The error that ended the script, if one did. */
  error?: ErrorRecord;
  /** Statement-terminating errors written to the error stream while the script went on. */
  errors: ErrorRecord[];
  /** Output objects and reported errors in the order they happened. */
  events: ({ kind: 'out'; value: unknown } | { kind: 'error'; record: ErrorRecord })[];
  host: FakeHost;
  session: Session;
}

/** Runs a snippet; returns its output values and the errors it raised. */
export async function run(text: string, session?: Session): Promise<RunResult> {
  const host = new FakeHost();
  const s = session ?? new Session();
  host.session = s;
  const errors: ErrorRecord[] = [];
  const events: RunResult['events'] = [];
  const ev = new Evaluator(s, host, {
    now: () => Date.UTC(2026, 0, 15, 12, 0, 0),
    reportError: (r) => { errors.push(r); events.push({ kind: 'error', record: r }); },
  });
  const out: unknown[] = [];
  try {
    await ev.run(parse(text), (v) => { out.push(v); events.push({ kind: 'out', value: v }); });
  } catch (e) {
    if (e instanceof RuntimeError) return { out, error: e.record, errors, events, host, session: s };
    throw e;
  }
  return { out, errors, events, host, session: s };
}

/** Output as pwsh prints scalars: one line per item. */
export async function lines(text: string): Promise<string[]> {
  const r = await run(text);
  const l = r.out.map((v) => toPSString(v));
  if (r.error) l.push(`ERR ${r.error.errorId}: ${r.error.message}`);
  return l;
}
