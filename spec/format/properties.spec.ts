/**
 * Invariants of the formatter over random objects (fast-check): it never throws, tables never write
 * into the console's last column, every line of a list fits, and table rows have the header's layout.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { formatForDefault } from '../../runtime/format/index.js';
import { cells } from '../../runtime/format/display-cells.js';
import { PSObject } from '../../runtime/values/psobject.js';

const text = fc.string({ unit: fc.constantFrom('a', 'b', 'Z', ' ', '-', '中', 'é', '1', '\n', '\t'), maxLength: 60 });
const value = fc.oneof(text, fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 6 }));
const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,12}$/);
const record = fc.uniqueArray(fc.tuple(name, value), { minLength: 1, maxLength: 7, selector: ([k]) => k.toLowerCase() });

describe('format: invariants over random objects', () => {
  it('tables and lists stay inside width - 1 and never throw', () => {
    fc.assert(fc.property(fc.array(record, { minLength: 1, maxLength: 5 }), fc.integer({ min: 20, max: 160 }), (recs, width) => {
      const objs = recs.map((r) => PSObject.custom(r));
      const out = formatForDefault(objs, width, { now: () => 0 });
      const lines = out.split('\n');
      expect(out.endsWith('\n')).to.equal(true);
      for (const l of lines) expect(cells(l), JSON.stringify(l)).to.be.at.most(width - 1);
    }), { numRuns: 400 });
  });

  it('in a generated table every row lines up under the dashes of the header', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 99999 }), fc.stringMatching(/^[a-z]{0,30}$/)), { minLength: 1, maxLength: 8 }), (rows) => {
      const out = formatForDefault(rows.map(([n, s]) => PSObject.custom({ Num: n, Str: s })), 120, { now: () => 0 });
      const lines = out.split('\n');
      const dashes = lines[2]!;
      const strStart = dashes.lastIndexOf(' ') + 1;
      for (let i = 3; i < 3 + rows.length; i++) {
        const [n, s] = rows[i - 3]!;
        expect(lines[i]!.slice(0, strStart - 1).trimStart()).to.equal(String(n));
        expect(lines[i]!.slice(strStart)).to.equal(s);
      }
    }), { numRuns: 300 });
  });
});
