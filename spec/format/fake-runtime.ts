/** A minimal command runtime and context, so the cmdlets can be tested without the binder and runner. */
import type { Cmdlet, CommandRuntime } from '../../runtime/commands/cmdlet.js';
import type { ExecutionContext } from '../../runtime/commands/context.js';
import type { ErrorRecord } from '../../runtime/values/error-record.js';
import type { ScriptBlock, ScriptBlockInvocation } from '../../runtime/values/scriptblock.js';

export interface RunResult { output: unknown[]; warnings: string[]; errors: ErrorRecord[]; hostLines: string[] }

export async function runCmdlet(
  cls: new () => Cmdlet,
  params: Record<string, unknown>,
  input?: unknown[],
  opts: { width?: number; variables?: Record<string, unknown> } = {},
): Promise<RunResult> {
  const r: RunResult = { output: [], warnings: [], errors: [], hostLines: [] };
  const cmd = new cls();
  const runtime: CommandRuntime = {
    writeObject: (v, enumerate) => { if (enumerate && Array.isArray(v)) r.output.push(...v); else r.output.push(v); },
    writeError: (e) => { r.errors.push(e); },
    writeWarning: (m) => { r.warnings.push(m); },
    writeVerbose: () => {}, writeDebug: () => {}, writeInformation: () => {}, writeProgress: () => {},
    shouldProcess: () => true, shouldContinue: () => true,
  };
  const vars = opts.variables ?? {};
  cmd.runtime = runtime;
  cmd.context = {
    host: {
      width: opts.width ?? 120, interactive: false,
      write: () => {}, writeLine: (t?: string) => { r.hostLines.push(t ?? ''); }, writeErrorLine: () => {}, writeWarningLine: () => {},
      writeVerboseLine: () => {}, writeDebugLine: () => {}, writeProgress: () => {},
      readLine: async () => '', readSecret: async () => '',
    },
    variables: {
      get: (n: string) => vars[n], has: (n: string) => n in vars, set: () => {}, remove: () => false, list: () => [],
    },
    evaluate: async () => [], compile: () => { throw new Error('not in tests'); },
    location: 'C:\\', stopping: false, service: () => { throw new Error('no services'); },
  } as ExecutionContext;
  const fields = cmd as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(params)) { fields[k] = v; cmd.boundParameters.set(k, v); }
  const pipelineParam = cmd.meta.parameters.find((p) => p.valueFromPipeline)?.name;
  await cmd.beginProcessing();
  if (input) {
    for (const item of input) {
      if (pipelineParam) fields[pipelineParam] = item;
      cmd.currentInput = item;
      await cmd.processRecord();
    }
  } else {
    await cmd.processRecord();
  }
  await cmd.endProcessing();
  return r;
}

/** A script block whose body is a JavaScript function of $_ (asynchronous, like one that calls a command). */
export function fakeScriptBlock(text: string, body: (dollarUnder: unknown) => unknown): ScriptBlock {
  return {
    kind: 'ScriptBlock', text, isPure: false, parameters: [], hasNamedBlocks: false,
    invoke: async (o?: ScriptBlockInvocation) => [body(o?.dollarUnder)],
    invokeNamedBlock: async () => [], beginScope: async () => ({}),
    toString: () => text,
  };
}

/** Runs Format-* and pipes its records into Out-String, as `... | Format-Table | Out-String` does. */
export async function pipeToOutString(
  formatCls: new () => Cmdlet, formatParams: Record<string, unknown>, input: unknown[] | undefined,
  outStringCls: new () => Cmdlet, outParams: Record<string, unknown> = {}, opts: { variables?: Record<string, unknown> } = {},
): Promise<unknown[]> {
  const formatted = await runCmdlet(formatCls, formatParams, input, opts);
  return (await runCmdlet(outStringCls, outParams, formatted.output)).output;
}
