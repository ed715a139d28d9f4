/**
 * Re-checks the expected texts of default-cases.ts against the real engine (spec/oracle). Needs dotnet;
 * skipped where it is absent (CI has it).
 */
import { expect } from 'chai';
import { defaultCases } from './default-cases.js';

/**
 * ANSI sequences are dropped (plain rendering), and U+202F before AM/PM becomes a space: .NET on Linux
 * takes en-US time patterns from ICU 72+, which put a narrow no-break space there; Windows (what the
 * documents show and PSDateTime renders) a plain one.
 */
const normalize = (s: string) => s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').replace(/\u202f/g, ' ');

describe('format: expected texts agree with the pwsh oracle', function () {
  this.timeout(600_000);
  let results: Map<string, { output: string }> | undefined;
  let skipReason = '';

  before(async function () {
    let oracle: typeof import('../oracle/oracle.js');
    try {
      oracle = await import('../oracle/oracle.js');
    } catch (e) {
      skipReason = 'spec/oracle/oracle.ts not available: ' + String(e);
      return;
    }
    skipReason = oracle.oracleUnavailableReason();
    if (skipReason) return;
    results = new Map();
    for (const width of new Set(defaultCases.map((c) => c.width ?? 120))) {
      const batch = defaultCases.filter((c) => (c.width ?? 120) === width).map((c) => ({ id: c.id, script: c.script }));
      const r = await oracle.runOracle(batch, { width });
      for (const [id, v] of r) results.set(id, v);
    }
  });

  for (const c of defaultCases) {
    it(c.id, function () {
      if (!results) this.skip();
      expect(normalize(results!.get(c.id)!.output), c.script).to.equal(c.expected);
    });
  }

  after(function () { if (skipReason) console.log(`      (oracle skipped: ${skipReason.split('\n')[0]})`); });
});
