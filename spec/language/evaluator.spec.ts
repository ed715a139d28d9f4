import { expect } from 'chai';
import { evaluatorCases } from './cases.js';
import { run } from './fake-host.js';
import { toPSString } from '../../runtime/evaluator/index.js';

describe('language: evaluator output matches PowerShell 7.6', () => {
  for (const [script, expected] of evaluatorCases) {
    it(script.length > 90 ? script.slice(0, 87) + '...' : script, async () => {
      const r = await run(script);
      expect(r.error?.message, 'no terminating error').to.equal(undefined);
      expect(r.out.map((v) => toPSString(v)).join('\n')).to.equal(expected);
    });
  }
});
