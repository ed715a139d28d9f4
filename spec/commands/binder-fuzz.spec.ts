import { expect } from 'chai';
import fc from 'fast-check';
import { ParameterBinder } from '../../runtime/commands/binder.js';
import type { CommandArgument } from '../../runtime/commands/invocation.js';
import { RuntimeError } from '../../runtime/values/error-record.js';
import { convertTo, toPSString } from '../../runtime/evaluator/index.js';
import { coreCommandIndex } from '../../cmdlets/core/index.js';
import { adsyncCommandIndex } from '../../cmdlets/adsync/index.js';
import { PSObject } from '../../runtime/values/psobject.js';

// Issue 3, acceptance 4 (binder half): random and mutated argument lists against real cmdlet metadata never
// let a JavaScript exception escape — every failure is an error record with an id.
describe('binder fuzz', function () {
  this.timeout(300_000);

  it('binds 10,000 random argument lists against real cmdlets: only error records, never a JS exception', async () => {
    const classes = await Promise.all([...coreCommandIndex.slice(0, 20), ...adsyncCommandIndex.slice(0, 8)].map((c) => c.load()));
    const services = { convert: convertTo, toText: toPSString };
    const names = [...new Set(classes.flatMap((c) => c.meta.parameters.flatMap((p) => [p.name, ...(p.aliases ?? [])])))];
    const value = fc.oneof(
      fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom('Delta', 'Initial', '1.00:00:00', '2024-01-01', '$true'),
      fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }).map((d) => PSObject.custom(d)),
    );
    const name = fc.oneof(fc.constantFrom(...names), fc.constantFrom(...names).map((n) => n.slice(0, Math.max(1, n.length >> 1))), fc.string({ minLength: 1, maxLength: 8 }));
    const arg: fc.Arbitrary<CommandArgument> = fc.oneof(
      value.map((v) => ({ kind: 'positional' as const, value: v })),
      name.map((n) => ({ kind: 'parameter' as const, name: n, text: '-' + n, hasValue: false })),
      fc.tuple(name, value).map(([n, v]) => ({ kind: 'parameter' as const, name: n, text: `-${n}:`, hasValue: true, value: v })),
    );
    let records = 0;
    fc.assert(fc.property(fc.integer({ min: 0, max: classes.length - 1 }), fc.array(arg, { maxLength: 6 }), value, (ci, args, input) => {
      const binder = new ParameterBinder(classes[ci]!.meta, services);
      try {
        const state = binder.bindArguments(args);
        binder.missingMandatory(state, true);
        const set = binder.chooseSet(state, true);
        binder.bindPipelineObject(state, set, input);
      } catch (e) {
        if (!(e instanceof RuntimeError)) throw e;
        expect(e.record.errorId).to.be.a('string').and.not.equal('');
        records++;
      }
    }), { numRuns: 10_000, seed: 20261123 });
    expect(records).to.be.greaterThan(100);
  });
});
