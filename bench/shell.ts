import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { medianMs, processMedianMs, report } from './measure.js';
import { createSession, runScript } from '../app/run-script.js';

function median(xs: number[]): number { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]!; }

const here = path.dirname(fileURLToPath(import.meta.url));
const main = path.resolve(here, '../bundle/main.js');

/** Issue 3's two shell figures: start-up cost of a one-line command, and a million objects through a filter. */
export async function run(): Promise<void> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'syncshell-bench-'));
  try {
    const env = { ...process.env, SYNCSHELL_HOME: home };
    const n = 15;
    const node = await processMedianMs(n, process.execPath, ['-e', '0'], env);
    const shell = await processMedianMs(n, process.execPath, [main, '-NoProfile', '-Command', 'Get-Date | Out-Null'], env);
    report('syncshell -NoProfile -Command "Get-Date | Out-Null"', shell, 'node -e 0', node, '<= 2.0');

    const session = createSession({ home });
    await runScript('1', { session }); // load the filter cmdlets before timing
    const script = '1..1000000 | Where-Object { $_ % 3 -eq 0 } | Measure-Object';
    const filterJs = () => { let c = 0; for (let i = 1; i <= 1_000_000; i++) if (i % 3 === 0) c++; return c; };
    const runPipeline = async () => {
      const r = await runScript(script, { session });
      const count = Number((r.objects[0] as { get(n: string): unknown }).get('Count'));
      if (count !== 333333) throw new Error(`pipeline counted ${count}`);
    };
    // One untimed run of each so both are compiled by the JIT, then the two alternate so that a busy
    // machine slows both alike; the figures are the medians.
    await runPipeline();
    filterJs();
    const shellTimes: number[] = [], jsTimes: number[] = [];
    for (let i = 0; i < 7; i++) {
      shellTimes.push(await medianMs(1, runPipeline));
      jsTimes.push(await medianMs(1, filterJs));
    }
    const pipeline = median(shellTimes), js = median(jsTimes);
    report('1..1000000 | Where-Object { $_ % 3 -eq 0 } | Measure-Object', pipeline, 'plain JS loop', js, '<= 40');
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}
