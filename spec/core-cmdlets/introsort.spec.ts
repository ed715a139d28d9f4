import { expect } from 'chai';
import fc from 'fast-check';
import { introSort } from '../../cmdlets/core/introsort.js';

describe('introSort (.NET List<T>.Sort, as Sort-Object uses it)', () => {
  it('sorts like any correct sort', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 300 }), (xs) => {
      const a = xs.slice();
      introSort(a, (x, y) => x - y);
      expect(a).to.deep.equal(xs.slice().sort((x, y) => x - y));
    }), { numRuns: 300 });
  });

  it('is unstable exactly where .NET is: three items go through the 3-element network', () => {
    // Keys smith(5), smith(15), smyth(12), descending: .NET yields smyth, smith(15), smith(5).
    const items = [{ k: 'smith', v: 5 }, { k: 'smith', v: 15 }, { k: 'smyth', v: 12 }];
    introSort(items, (a, b) => -a.k.localeCompare(b.k));
    expect(items.map((i) => i.v)).to.deep.equal([12, 15, 5]);
  });

  it('keeps equal items in order below 16 elements when they arrive sorted (insertion sort)', () => {
    const items = Array.from({ length: 10 }, (_, i) => ({ k: i < 5 ? 0 : 1, i }));
    introSort(items, (a, b) => a.k - b.k);
    expect(items.map((x) => x.i)).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
