import { CaptureHost } from './capture-host.js';
import type { Engine, RunResult } from '../runtime/engine.js';
import type { OutputWriter } from '../runtime/host/output-writer.js';
import { createHostedEngine, errorText } from '../runtime/host/hosted-engine.js';
import type { ErrorRecord } from '../runtime/values/error-record.js';
import { allModules } from './modules.js';

export { CaptureHost };

export interface ScriptRun {
  /** What the console would show on stdout (formatted objects, Write-Host text). */
  output: string;
  /** Objects that reached the end of the top-level pipelines, unformatted. */
  objects: unknown[];
  errors: ErrorRecord[];
  /** The concise view of every error, as the terminal shows them. */
  errorText: string;
  /** Warnings, verbose, prompts: the host's other text. */
  hostText: string;
  result: RunResult;
}

export interface RunScriptOptions {
  width?: number;
  /** State directory; default $SYNCSHELL_HOME / ~/.syncshell. */
  home?: string;
  /** Answers to prompts, in order; absent means -NonInteractive. */
  answers?: string[];
  fileName?: string;
  /** Reuse an engine across calls (a session). */
  session?: ScriptSession;
  /** Show error records in `output`, in order with the objects, as a terminal does. */
  mergeErrors?: boolean;
}

export interface ScriptSession { engine: Engine; host: CaptureHost; writer: OutputWriter; objects: unknown[]; errors: ErrorRecord[]; mergeErrors: boolean }

export function createSession(opts: RunScriptOptions = {}): ScriptSession {
  const host = new CaptureHost(opts.answers, opts.width ?? 120);
  const { modules, state } = allModules(opts.home);
  const s = {} as ScriptSession;
  s.host = host;
  s.objects = [];
  s.errors = [];
  s.mergeErrors = opts.mergeErrors ?? false;
  const hosted = createHostedEngine({
    host,
    modules,
    now: () => state.clock.now().getTime(),
    writeOutput: (t) => { host.out += t; },
    onObject: (v) => { s.objects.push(v); },
    onError: (r, text) => {
      s.errors.push(r);
      if (s.mergeErrors) host.out += text + '\n'; else host.other += text + '\n';
    },
  });
  s.engine = hosted.engine;
  s.writer = hosted.writer;
  return s;
}

/** Run a script in-process and capture what a console would show. */
export async function runScript(text: string, opts: RunScriptOptions = {}): Promise<ScriptRun> {
  const s = opts.session ?? createSession(opts);
  const startOut = s.host.out.length, startOther = s.host.other.length, startObj = s.objects.length, startErr = s.errors.length;
  const result = await s.engine.run(text, { fileName: opts.fileName });
  s.writer.flush();
  const errors = s.errors.slice(startErr);
  return {
    output: s.host.out.slice(startOut),
    objects: s.objects.slice(startObj),
    errors,
    errorText: errors.map((r) => errorText(r, s.host.width)).join('\n'),
    hostText: s.host.other.slice(startOther),
    result,
  };
}
