/**
 * Language benchmark: the cost of the evaluator's synchronous path. Prints ratios against plain JS
 * loops measured in the same run (the whole-pipeline figure with Where-Object | Measure-Object is the
 * command layer's bench; this one isolates the script block the filter runs).
 */
import { Evaluator, Session, parse } from '../runtime/evaluator/index.js';
import type { CommandHost } from '../runtime/commands/invocation.js';
import type { ScriptBlock } from '../runtime/values/scriptblock.js';

const N = 1_000_000;

function median(xs: number[]): number { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]!; }

function time(fn: () => void, runs = 5): number {
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) { const t = process.hrtime.bigint(); fn(); ts.push(Number(process.hrtime.bigint() - t) / 1e6); }
  return median(ts);
}

export async function run(): Promise<void> {
  const noCommands: CommandHost = { runPipeline: async () => ({ succeeded: true }), hasCommand: () => false };
  const session = new Session();
  const ev = new Evaluator(session, noCommands);
  const filter = ev.compile('$_ % 3 -eq 0') as ScriptBlock;
  const inputs = Array.from({ length: N }, (_, i) => i + 1);

  let jsCount = 0;
  const js = time(() => { jsCount = 0; for (const x of inputs) if (x % 3 === 0) jsCount++; });

  let psCount = 0;
  const ps = time(() => {
    psCount = 0;
    for (const x of inputs) {
      const r = filter.invoke({ dollarUnder: x, newScope: false }) as unknown[];
      if (r.length === 1 && r[0] === true) psCount++;
    }
  });
  if (psCount !== jsCount) throw new Error(`filter disagrees: ${psCount} vs ${jsCount}`);

  // The form Where-Object calls: the block compiled once to a per-object function.
  const item = filter.itemFunction?.();
  if (!item) throw new Error('the filter has no item function');
  let fnCount = 0;
  const fn = time(() => {
    fnCount = 0;
    for (const x of inputs) if (item(x) === true) fnCount++;
  });
  if (fnCount !== jsCount) throw new Error(`item function disagrees: ${fnCount} vs ${jsCount}`);

  const loopAst = parse('$c = 0; foreach ($i in 1..1000000) { if ($i % 3 -eq 0) { $c++ } }; $c');
  const loopTimes: number[] = [];
  let loopOut: unknown[] = [];
  for (let i = 0; i < 3; i++) {
    loopOut = [];
    const t = process.hrtime.bigint();
    await ev.run(loopAst, (v) => { loopOut.push(v); });
    loopTimes.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const loop = median(loopTimes);

  console.log(`language: { $_ % 3 -eq 0 } invoked ${N.toLocaleString('en-US')} times: ${ps.toFixed(1)} ms, plain JS filter ${js.toFixed(2)} ms, ratio ${(ps / js).toFixed(1)}x`);
  console.log(`language: { $_ % 3 -eq 0 } as an item function (Where-Object's form) ${N.toLocaleString('en-US')} times: ${fn.toFixed(1)} ms, ratio ${(fn / js).toFixed(1)}x`);
  console.log(`language: foreach/if/++ over 1..1000000: ${loop.toFixed(1)} ms, ratio to the JS filter ${(loop / js).toFixed(1)}x (result ${String(loopOut[0])})`);
}

if (import.meta.url === `file://${process.argv[1]}`) void run();
