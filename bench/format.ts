/**
 * Formatter throughput: 20,000 objects through Out-Default as a table, and through ConvertTo-Json,
 * each as a ratio to a plain JavaScript baseline doing the same job naively in the same run.
 */
import { formatForDefault, convertToJson } from '../runtime/format/index.js';
import { PSObject } from '../runtime/values/psobject.js';

function time(fn: () => void, runs = 5): number {
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = process.hrtime.bigint();
    fn();
    t.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  t.sort((a, b) => a - b);
  return t[Math.floor(t.length / 2)]!;
}

export async function run(): Promise<void> {
  const N = 20_000;
  const plain = Array.from({ length: N }, (_, i) => ({ Id: i, Name: `item-${i}`, Enabled: i % 2 === 0, Ratio: i / 7 }));
  const objs = plain.map((p) => PSObject.custom(p));

  const baselineTable = time(() => {
    const w = { Id: 5, Name: 10, Enabled: 7, Ratio: 20 };
    let s = '';
    for (const p of plain) s += `${String(p.Id).padStart(w.Id)} ${p.Name.padEnd(w.Name)} ${String(p.Enabled).padStart(w.Enabled)} ${p.Ratio.toFixed(3).padStart(w.Ratio)}\n`;
    if (s.length === 0) throw new Error('unreachable');
  });
  const table = time(() => { formatForDefault(objs, 120, { now: () => 0 }); });

  const baselineJson = time(() => { JSON.stringify(plain, null, 2); });
  const json = time(() => { convertToJson(objs, { depth: 2 }); });

  console.log(`format: Out-Default table of ${N} objects: ${table.toFixed(1)} ms, ${(table / baselineTable).toFixed(1)}x a naive padEnd table (${baselineTable.toFixed(1)} ms)`);
  console.log(`format: ConvertTo-Json of ${N} objects: ${json.toFixed(1)} ms, ${(json / baselineJson).toFixed(1)}x JSON.stringify (${baselineJson.toFixed(1)} ms)`);
}
