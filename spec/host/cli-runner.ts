import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const mainJs = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bundle/main.js');

export interface CliRun { stdout: string; stderr: string; status: number | null }

/** Run syncshell as a separate process, as a script or CI would. */
export function syncshell(args: string[], opts: { input?: string; home?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const r = spawnSync(process.execPath, [mainJs, ...args], {
    input: opts.input ?? '',
    env: { ...process.env, ...opts.env, SYNCSHELL_HOME: opts.home ?? process.env.SYNCSHELL_HOME },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

export function tempHome(): string { return fs.mkdtempSync(path.join(os.tmpdir(), 'syncshell-spec-')); }
