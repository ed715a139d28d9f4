// Finds syncshell's in-process entry point, `runScript(script, { width: 120 })`, and adapts it to the
// harness's ScriptRunner. Until the runtime exports it, the comparing tests skip and say so.
import type { RunnerResult, ScriptRunner } from './harness.js';

// Where the runtime is expected to export runScript; the first module that does wins.
const CANDIDATES = ['../../runtime/index.js', '../../runtime/host/run-script.js', '../../runtime/host/index.js'];

interface RawError {
  message?: string;
  fqid?: string;
  errorId?: string;
  fullyQualifiedErrorId?: string;
  FullyQualifiedErrorId?: string;
  category?: string;
}

type RunScript = (script: string, opts: { width: number }) => Promise<{ output: string; errors?: RawError[] }> | { output: string; errors?: RawError[] };

export async function loadSyncshellRunner(): Promise<{ runner?: ScriptRunner; reason: string }> {
  const tried: string[] = [];
  for (const c of CANDIDATES) {
    try {
      const mod = (await import(c)) as { runScript?: RunScript };
      if (typeof mod.runScript === 'function') {
        const run = mod.runScript;
        return {
          runner: async (script: string): Promise<RunnerResult> => {
            const r = await run(script, { width: 120 });
            return {
              output: r.output,
              errors: (r.errors ?? []).map((e) => ({
                message: e.message ?? '',
                fqid: e.fqid ?? e.fullyQualifiedErrorId ?? e.FullyQualifiedErrorId ?? e.errorId ?? '',
                category: e.category ?? '',
              })),
            };
          },
          reason: '',
        };
      }
      tried.push(`${c}: no runScript export`);
    } catch (e) {
      tried.push(`${c}: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  return { reason: 'syncshell runScript() not found (' + tried.join('; ') + ')' };
}
