// Finds syncshell's in-process entry point, `runScript(script, { width: 120 })`, and adapts it to the
// harness's ScriptRunner. Until the runtime exports it, the comparing tests skip and say so.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RunnerResult, ScriptRunner } from './harness.js';

// Where syncshell exports runScript; the first module that does wins.
const CANDIDATES = ['../../app/run-script.js', '../../runtime/index.js', '../../runtime/host/run-script.js'];

/**
 * The comparing tests run only when asked (SYNCSHELL_CONFORMANCE=1): while syncshell still differs
 * from pwsh on part of the corpus they would fail every CI run. The coordinator turns them on.
 */
export function conformanceEnabled(): boolean {
  return process.env.SYNCSHELL_CONFORMANCE === '1';
}

interface RawError {
  message?: string;
  fqid?: string;
  errorId?: string;
  fullyQualifiedErrorId?: string;
  FullyQualifiedErrorId?: string;
  category?: string;
}

type RunScript = (
  script: string,
  opts: { width: number; mergeErrors: boolean; home: string },
) => Promise<{ output: string; errors?: RawError[] }> | { output: string; errors?: RawError[] };

export async function loadSyncshellRunner(): Promise<{ runner?: ScriptRunner; reason: string }> {
  const tried: string[] = [];
  for (const c of CANDIDATES) {
    try {
      const mod = (await import(c)) as { runScript?: RunScript };
      if (typeof mod.runScript === 'function') {
        const run = mod.runScript;
        // Each snippet gets a fresh engine; the state directory is a temp one, as in every test.
        const home = fs.mkdtempSync(path.join(os.tmpdir(), 'syncshell-conformance-'));
        process.once('exit', () => fs.rmSync(home, { recursive: true, force: true }));
        return {
          runner: async (script: string): Promise<RunnerResult> => {
            const r = await run(script, { width: 120, mergeErrors: true, home });
            return {
              output: r.output,
              errors: (r.errors ?? []).map((e) => ({
                message: e.message ?? '',
                fqid: e.fqid ?? e.fullyQualifiedErrorId ?? e.FullyQualifiedErrorId ?? e.errorId ?? '',
                category: String(e.category ?? ''),
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
