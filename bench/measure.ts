import { spawnSync } from 'node:child_process';

/** Median of n wall-clock runs of fn (ms). */
export async function medianMs(n: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Median wall time of a whole process (ms); throws if it fails. */
export async function processMedianMs(n: number, cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return medianMs(n, () => {
    const r = spawnSync(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr.toString()}`);
  });
}

export function report(name: string, value: number, baselineName: string, baseline: number, target?: string): void {
  const ratio = value / baseline;
  process.stdout.write(`${name}: ${value.toFixed(1)} ms; ${baselineName}: ${baseline.toFixed(1)} ms; ratio ${ratio.toFixed(2)}${target ? ` (target ${target})` : ''}\n`);
}
