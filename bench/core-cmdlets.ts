/**
 * Core cmdlet throughput: 1,000,000 integers through `Where-Object { $_ % 3 -eq 0 } | Measure-Object`
 * and through `Measure-Object -Sum` alone, each as a ratio to the same work in a plain JS loop
 * measured in the same run (issue 3's target for the first: ≤ 40).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runScript } from '../app/run-script.js';

const N = 1_000_000;

function baselineFilterCount(): number {
  let count = 0;
  for (let i = 1; i <= N; i++) if (i % 3 === 0) count++;
  return count;
}

function baselineSum(): number {
  let sum = 0;
  for (let i = 1; i <= N; i++) sum += i;
  return sum;
}

async function time(fn: () => unknown | Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

function median(xs: number[]): number { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]!; }

export async function run(): Promise<void> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-core-'));
  try {
    const cases: [string, string, () => unknown][] = [
      ['Where-Object | Measure-Object', `(1..${N} | Where-Object { $_ % 3 -eq 0 } | Measure-Object).Count`, baselineFilterCount],
      ['Measure-Object -Sum', `(1..${N} | Measure-Object -Sum).Sum`, baselineSum],
    ];
    for (const [label, script, baseline] of cases) {
      const base: number[] = [], shell: number[] = [];
      for (let i = 0; i < 3; i++) {
        base.push(await time(baseline));
        shell.push(await time(async () => {
          const r = await runScript(script, { home });
          if (r.errors.length) throw new Error(r.errorText);
        }));
      }
      const b = median(base), s = median(shell);
      console.log(`${label}: ${N} integers  shell ${s.toFixed(0)} ms  plain JS ${b.toFixed(1)} ms  ratio ${(s / b).toFixed(1)}`);
    }
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
