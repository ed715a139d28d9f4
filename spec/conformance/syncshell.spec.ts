import { expect } from 'chai';
import { loadCorpus } from './corpus.js';
import { formatMismatches, runConformance } from './harness.js';
import { conformanceEnabled, loadSyncshellRunner } from './syncshell-runner.js';

// Acceptance 3 of issue 3: syncshell prints what pwsh prints, for every snippet of the corpus.
describe('conformance: syncshell against the recorded oracle and the cited documentation', function () {
  this.timeout(600_000);

  it('gives the same output and error records as the real engine for every snippet', async function () {
    if (!conformanceEnabled()) {
      console.log('      (skipped: set SYNCSHELL_CONFORMANCE=1 to compare syncshell with the corpus)');
      this.skip();
    }
    const { runner, reason } = await loadSyncshellRunner();
    if (!runner) {
      console.log(`      (skipped: ${reason})`);
      this.skip();
    }
    const mismatches = await runConformance(runner, {}, loadCorpus());
    expect(mismatches, `${mismatches.length} mismatches\n` + formatMismatches(mismatches)).to.deep.equal([]);
  });
});
