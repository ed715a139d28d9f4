import { expect } from 'chai';
import { evaluatorCases } from './cases.js';
import { runOracle, oracleAvailable, oracleUnavailableReason } from '../oracle/index.js';

// The recorded expectations in cases.ts, checked again against the real engine (needs dotnet).
describe('language: recorded cases agree with the PowerShell oracle', function () {
  this.timeout(300_000);
  before(function () {
    if (!oracleAvailable()) { console.log(`    (skipped: ${oracleUnavailableReason()})`); this.skip(); }
  });
  it('every recorded case prints what real PowerShell prints', async () => {
    const snippets = evaluatorCases.map(([script], i) => ({ id: String(i), script }));
    const results = await runOracle(snippets);
    const diffs: string[] = [];
    evaluatorCases.forEach(([script, expected], i) => {
      const r = results.get(String(i));
      const got = (r?.output ?? '<no result>').replace(/\n+$/, '');
      if (got !== expected) diffs.push(`${script}\n  recorded: ${JSON.stringify(expected)}\n  oracle:   ${JSON.stringify(got)}`);
    });
    expect(diffs, diffs.join('\n')).to.deep.equal([]);
  });
});
