import { expect } from 'chai';
import { SortObjectCommand } from '../../cmdlets/core/sort-object.js';
import { GroupObjectCommand } from '../../cmdlets/core/group-object.js';
import { MeasureObjectCommand } from '../../cmdlets/core/measure-object.js';
import { PSObject } from '../../runtime/values/psobject.js';
import { PSHashtable } from '../../runtime/values/hashtable.js';
import { run, sb } from './fake-runtime.js';

const obj = (r: Record<string, unknown>) => PSObject.custom(r);
const prop = (name: string) => (o: unknown) => (o as PSObject).get(name);

describe('Sort-Object', () => {
  it('sorts numbers numerically and strings by culture, case-insensitively', async () => {
    expect((await run(SortObjectCommand, {}, { input: [10, 9, 100, 1] })).output).to.deep.equal([1, 9, 10, 100]);
    expect((await run(SortObjectCommand, {}, { input: ['b', 'B', 'a', 'C'] })).output).to.deep.equal(['a', 'b', 'B', 'C']);
    expect((await run(SortObjectCommand, { Descending: true }, { input: [2, 3, 1] })).output).to.deep.equal([3, 2, 1]);
  });

  it('-Unique drops duplicates case-insensitively unless -CaseSensitive', async () => {
    expect((await run(SortObjectCommand, { Unique: true }, { input: ['b', 'a', 'B', 'a'] })).output).to.deep.equal(['a', 'b']);
    expect((await run(SortObjectCommand, { Unique: true, CaseSensitive: true }, { input: ['b', 'a', 'B'] })).output).to.deep.equal(['a', 'b', 'B']);
  });

  it('sorts by properties, script blocks and hashtables with per-key direction; stable on ties', async () => {
    const items = [obj({ G: 1, N: 'x', I: 0 }), obj({ G: 2, N: 'a', I: 1 }), obj({ G: 1, N: 'b', I: 2 }), obj({ G: 2, N: 'a', I: 3 })];
    const r = await run(SortObjectCommand, { Property: [PSHashtable.from([['Expression', 'G'], ['Descending', true]]), 'N'] }, { input: items });
    expect(r.output.map(prop('I'))).to.deep.equal([1, 3, 2, 0]);
    const s = await run(SortObjectCommand, { Property: [sb((o) => -((o as PSObject).get('I') as number))] }, { input: items });
    expect(s.output.map(prop('I'))).to.deep.equal([3, 2, 1, 0]);
  });

  it('places objects without the property last in either direction', async () => {
    const items = [obj({ A: 2 }), obj({ B: 1 }), obj({ A: 1 })];
    expect((await run(SortObjectCommand, { Property: ['A'] }, { input: items })).output).to.deep.equal([items[2], items[0], items[1]]);
    expect((await run(SortObjectCommand, { Property: ['A'], Descending: true }, { input: items })).output).to.deep.equal([items[0], items[2], items[1]]);
  });

  it('-Top and -Bottom', async () => {
    expect((await run(SortObjectCommand, { Top: 2 }, { input: [5, 1, 4, 2] })).output).to.deep.equal([1, 2]);
    expect((await run(SortObjectCommand, { Bottom: 2 }, { input: [5, 1, 4, 2] })).output).to.deep.equal([4, 5]);
  });
});

describe('Group-Object', () => {
  it('groups into GroupInfo objects sorted by key', async () => {
    const r = await run(GroupObjectCommand, { Property: ['K'] }, { input: [obj({ K: 'b' }), obj({ K: 'a' }), obj({ K: 'B' })] });
    expect(r.output.map(prop('Name'))).to.deep.equal(['a', 'b']);
    expect(r.output.map(prop('Count'))).to.deep.equal([1, 2]);
    const g = r.output[1] as PSObject;
    expect(g.typeNames[0]).to.equal('Microsoft.PowerShell.Commands.GroupInfo');
    expect((g.get('Group') as unknown[]).length).to.equal(2);
  });

  it('-NoElement empties Group; -AsHashTable keys by value', async () => {
    const r = await run(GroupObjectCommand, { NoElement: true }, { input: [1, 2, 1] });
    expect(r.output.map(prop('Name'))).to.deep.equal(['1', '2']);
    expect((r.output[0] as PSObject).typeNames[0]).to.equal('Microsoft.PowerShell.Commands.GroupInfoNoElement');
    const h = (await run(GroupObjectCommand, { Property: [sb((x) => (x as number) % 2)], AsHashTable: true }, { input: [1, 2, 3] })).output[0] as PSHashtable;
    expect(h.get(1)).to.deep.equal([1, 3]);
    expect(h.get(0)).to.deep.equal([2]);
  });
});

describe('Measure-Object', () => {
  it('counts with the unselected statistics left $null', async () => {
    const o = (await run(MeasureObjectCommand, {}, { input: [1, 2, 3] })).output[0] as PSObject;
    expect(o.typeNames[0]).to.equal('Microsoft.PowerShell.Commands.GenericMeasureInfo');
    expect(o.propertyNames()).to.deep.equal(['Count', 'Average', 'Sum', 'Maximum', 'Minimum', 'StandardDeviation', 'Property']);
    expect(o.propertyNames().map((n) => o.get(n))).to.deep.equal([3, null, null, null, null, null, null]);
  });

  it('computes sum, average, extremes and sample standard deviation', async () => {
    const o = (await run(MeasureObjectCommand, { AllStats: true }, { input: [2, 4, 4, 4, 5, 5, 7, 9] })).output[0] as PSObject;
    expect([o.get('Count'), o.get('Sum'), o.get('Average'), o.get('Maximum'), o.get('Minimum')]).to.deep.equal([8, 40, 5, 9, 2]);
    expect(o.get('StandardDeviation') as number).to.be.closeTo(2.138089935299395, 1e-12);
  });

  it('measures properties and reports a property no object has', async () => {
    const r = await run(MeasureObjectCommand, { Property: ['A', 'Zed'], Sum: true }, { input: [obj({ A: 1 }), obj({ A: 2 })] });
    expect(r.output).to.have.length(1);
    expect((r.output[0] as PSObject).get('Property')).to.equal('A');
    expect((r.output[0] as PSObject).get('Sum')).to.equal(3);
    expect(r.errors[0]!.message).to.equal('The property "Zed" cannot be found in the input for any objects.');
    expect(r.errors[0]!.fullyQualifiedErrorId).to.equal('GenericMeasurePropertyNotFound,Microsoft.PowerShell.Commands.MeasureObjectCommand');
  });

  it('uses the object measure for non-numeric extremes and errors on non-numeric sums', async () => {
    const o = (await run(MeasureObjectCommand, { Maximum: true, Minimum: true }, { input: ['pear', 'apple'] })).output[0] as PSObject;
    expect(o.typeNames[0]).to.equal('Microsoft.PowerShell.Commands.GenericObjectMeasureInfo');
    expect([o.get('Maximum'), o.get('Minimum')]).to.deep.equal(['pear', 'apple']);
    const r = await run(MeasureObjectCommand, { Sum: true }, { input: [1, 'x'] });
    expect(r.errors[0]!.message).to.equal('Input object "x" is not numeric.');
  });

  it('counts lines, words and characters of text', async () => {
    const o = (await run(MeasureObjectCommand, { Line: true, Word: true, Character: true }, { input: ['one two', 'three\nfour five'] })).output[0] as PSObject;
    expect(o.typeNames[0]).to.equal('Microsoft.PowerShell.Commands.TextMeasureInfo');
    expect([o.get('Lines'), o.get('Words'), o.get('Characters')]).to.deep.equal([3, 5, 22]);
  });
});
