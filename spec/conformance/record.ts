// Re-records expected.jsonl from the live oracle: `npx tsc -p . && node dist/spec/conformance/record.js`.
// Run it after adding snippets; the conformance spec fails when the record and the live engine disagree.
import * as path from 'node:path';
import { corpusDir, loadCorpus, writeJsonl } from './corpus.js';
import { oracleUnavailableReason, runOracle } from '../oracle/oracle.js';

async function main(): Promise<void> {
  const reason = oracleUnavailableReason();
  if (reason) throw new Error('cannot record without the oracle: ' + reason);
  const { snippets } = loadCorpus();
  const ids = new Set<string>();
  for (const s of snippets) {
    if (ids.has(s.id)) throw new Error('duplicate snippet id ' + s.id);
    ids.add(s.id);
  }
  const t0 = performance.now();
  const results = await runOracle(snippets.map((s) => ({ id: s.id, script: s.script })));
  const ms = performance.now() - t0;
  const rows = snippets.map((s) => {
    const r = results.get(s.id);
    if (!r) throw new Error('oracle gave no answer for ' + s.id);
    if (r.timedOut) throw new Error('oracle timed out on ' + s.id);
    return { id: s.id, output: r.output, errors: r.errors };
  });
  writeJsonl(path.join(corpusDir, 'expected.jsonl'), rows);
  console.log(`recorded ${rows.length} answers in ${(ms / 1000).toFixed(1)} s`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
