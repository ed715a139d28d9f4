// The real PowerShell engine (System.Management.Automation, hosted by the C# project beside this file)
// as a test oracle. Test instrument only: syncshell itself never needs .NET.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface OracleError {
  message: string;
  fqid: string;
  category: string;
}

export interface OracleResult {
  /** Everything the terminal shows, in order, each line ending in '\n'. */
  output: string;
  /** The part of output written as error lines (pwsh's stderr when redirected). */
  errorOutput?: string;
  errors: OracleError[];
  hadErrors: boolean;
  exitCode?: number;
  timedOut?: boolean;
}

export interface Snippet {
  id: string;
  script: string;
}

function findRepoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (fs.existsSync(path.join(dir, 'spec', 'oracle', 'Oracle.csproj'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error('oracle: cannot find spec/oracle/Oracle.csproj above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

export const oracleProjectDir = path.join(findRepoRoot(), 'spec', 'oracle');
const outDir = path.join(oracleProjectDir, 'bin', 'out');
const stampFile = path.join(outDir, '.source-hash');
const exePath = path.join(outDir, 'syncshell-oracle.dll');

// The build is keyed on the project's sources, so repeated test runs reuse it.
function sourceHash(): string {
  const h = createHash('sha256');
  const files = fs.readdirSync(oracleProjectDir).filter((f) => f.endsWith('.cs') || f.endsWith('.csproj')).sort();
  for (const f of files) {
    h.update(f + '\0');
    h.update(fs.readFileSync(path.join(oracleProjectDir, f)));
  }
  return h.digest('hex');
}

let availability: { ok: boolean; reason: string } | undefined;

function dotnetOnPath(): boolean {
  const r = spawnSync('dotnet', ['--version'], { encoding: 'utf8' });
  return r.status === 0;
}

/** Builds the oracle if its sources changed since the last build; returns why it is unusable, or '' when ready. */
export function ensureOracleBuilt(): string {
  if (!dotnetOnPath()) return NO_DOTNET;
  const hash = sourceHash();
  if (fs.existsSync(exePath) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === hash) return '';
  const r = spawnSync(
    'dotnet',
    ['build', path.join(oracleProjectDir, 'Oracle.csproj'), '-c', 'Release', '-o', outDir, '-nologo', '-v', 'quiet'],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (r.status !== 0) return `dotnet build failed (exit ${r.status}):\n${(r.stdout ?? '') + (r.stderr ?? '')}`.slice(0, 4000);
  fs.writeFileSync(stampFile, hash);
  return '';
}

/** True when dotnet is on PATH and the oracle project builds (built at most once per source change). */
export function oracleAvailable(): boolean {
  return oracleUnavailableReason() === '';
}

export const NO_DOTNET = 'dotnet is not on PATH';

/**
 * For tests: the reason to skip (dotnet absent), or undefined when the oracle is ready.
 * With dotnet present a failed build is an error, not a skip, so CI cannot pass by skipping.
 */
export function oracleSkipReason(): string | undefined {
  const reason = oracleUnavailableReason();
  if (reason === '') return undefined;
  if (reason === NO_DOTNET) return 'the oracle needs the .NET SDK: ' + NO_DOTNET;
  throw new Error('dotnet is present but the oracle is unusable: ' + reason);
}

export function oracleUnavailableReason(): string {
  if (!availability) {
    const reason = ensureOracleBuilt();
    availability = { ok: reason === '', reason };
  }
  return availability.reason;
}

export interface OracleOptions {
  /** Terminal width the formatter lays out for (default 120). */
  width?: number;
  /** Per-snippet limit; a snippet still running is stopped and reported with timedOut (default 20 s). */
  timeoutMs?: number;
  /** Server processes run side by side, each taking every n-th snippet (default: 2, or 1 on one core). */
  processes?: number;
}

/** Runs every snippet through the real engine (a fresh runspace per snippet) in one batch. */
export async function runOracle(
  snippets: readonly Snippet[],
  opts: OracleOptions = {},
): Promise<Map<string, OracleResult>> {
  const reason = oracleUnavailableReason();
  if (reason) throw new Error('oracle unavailable: ' + reason);
  const n = Math.max(1, Math.min(opts.processes ?? Math.min(2, os.availableParallelism()), snippets.length));
  const chunks: Snippet[][] = Array.from({ length: n }, () => []);
  snippets.forEach((s, i) => chunks[i % n].push(s));
  const maps = await Promise.all(chunks.map((c) => runServer(c, opts)));
  const merged = new Map<string, OracleResult>();
  for (const s of snippets) {
    for (const m of maps) {
      const r = m.get(s.id);
      if (r) { merged.set(s.id, r); break; }
    }
  }
  return merged;
}

async function runServer(snippets: readonly Snippet[], opts: OracleOptions): Promise<Map<string, OracleResult>> {
  const child = spawn('dotnet', [exePath], {
    env: {
      ...process.env,
      ORACLE_WIDTH: String(opts.width ?? 120),
      ORACLE_TIMEOUT_MS: String(opts.timeoutMs ?? 20000),
      DOTNET_CLI_TELEMETRY_OPTOUT: '1',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const results = new Map<string, OracleResult>();
  let stderr = '';
  let pending = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => { stderr += d; });
  child.stdout.setEncoding('utf8');
  const failures: string[] = [];
  child.stdout.on('data', (d: string) => {
    pending += d;
    let nl: number;
    while ((nl = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      if (!line.trim()) continue;
      const o = JSON.parse(line) as OracleResult & { id: string; oracleFailure?: string };
      if (o.oracleFailure) { failures.push(`${o.id}: ${o.oracleFailure}`); continue; }
      const { id, ...rest } = o;
      results.set(String(id), rest);
    }
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
  child.stdin.on('error', () => { /* reported through the exit code */ });
  for (const s of snippets) {
    const ok = child.stdin.write(JSON.stringify({ id: s.id, script: s.script }) + '\n');
    if (!ok) await new Promise<void>((r) => child.stdin.once('drain', () => r()));
  }
  child.stdin.end();
  const code = await exited;
  if (code !== 0) throw new Error(`oracle exited with ${code}: ${stderr.slice(0, 4000)}`);
  if (failures.length) throw new Error('oracle failed on snippets:\n' + failures.join('\n').slice(0, 4000));
  return results;
}
