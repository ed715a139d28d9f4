import { expect } from 'chai';
import { SelectObjectCommand } from '../../cmdlets/core/select-object.js';
import { PSObject } from '../../runtime/values/psobject.js';
import { PSHashtable } from '../../runtime/values/hashtable.js';
import { run, sb } from './fake-runtime.js';

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
const obj = (r: Record<string, unknown>) => PSObject.custom(r);

describe('Select-Object', () => {
  it('-First stops upstream once satisfied', async () => {
    const r = await run(SelectObjectCommand, { First: 2 }, { input: range(1, 10) });
    expect(r.output).to.deep.equal([1, 2]);
    expect(r.stoppedAfter).to.equal(2);
  });

  it('-Last keeps the tail, -Skip the rest, and they combine as pwsh', async () => {
    expect((await run(SelectObjectCommand, { Last: 3 }, { input: range(1, 10) })).output).to.deep.equal([8, 9, 10]);
    expect((await run(SelectObjectCommand, { Skip: 7 }, { input: range(1, 10) })).output).to.deep.equal([8, 9, 10]);
    expect((await run(SelectObjectCommand, { First: 2, Last: 2 }, { input: range(1, 10) })).output).to.deep.equal([1, 2, 9, 10]);
    expect((await run(SelectObjectCommand, { First: 2, Skip: 3 }, { input: range(1, 10) })).output).to.deep.equal([4, 5]);
    // With -Last, -Skip counts from the end.
    expect((await run(SelectObjectCommand, { Last: 3, Skip: 1 }, { input: range(1, 10) })).output).to.deep.equal([7, 8, 9]);
    expect((await run(SelectObjectCommand, { SkipLast: 2 }, { input: range(1, 5) })).output).to.deep.equal([1, 2, 3]);
    expect((await run(SelectObjectCommand, { Index: [3, 1] }, { input: range(10, 20) })).output).to.deep.equal([11, 13]);
    expect((await run(SelectObjectCommand, { SkipIndex: [0, 2] }, { input: range(1, 4) })).output).to.deep.equal([2, 4]);
  });

  it('projects properties into Selected.* custom objects, missing names as $null, wildcards expanded', async () => {
    const r = await run(SelectObjectCommand, { Property: ['Name', 'Nope', 'V*'] }, { input: [obj({ Name: 'a', Value: 1, Var: 2, Other: 3 })] });
    const o = r.output[0] as PSObject;
    expect(o.typeNames).to.deep.equal(['Selected.System.Management.Automation.PSCustomObject', 'System.Management.Automation.PSCustomObject', 'System.Object']);
    expect(o.propertyNames()).to.deep.equal(['Name', 'Nope', 'Value', 'Var']);
    expect(o.get('Nope')).to.equal(null);
  });

  it('names a typed object Selected.<its .NET type>', async () => {
    const r = await run(SelectObjectCommand, { Property: ['A'] }, { input: [PSObject.typed('Contoso.Thing', { A: 1 })] });
    expect((r.output[0] as PSObject).typeNames[0]).to.equal('Selected.Contoso.Thing');
  });

  it('adds calculated properties with n/l/e keys and script block names', async () => {
    const calc = PSHashtable.from([['n', 'Double'], ['e', sb((o) => ((o as PSObject).get('A') as number) * 2, '$_.A * 2')]]);
    const calc2 = PSHashtable.from([['Label', 'Copy'], ['Expression', 'A']]);
    const r = await run(SelectObjectCommand, { Property: ['A', calc, calc2, sb(() => 7, ' 3 + 4 ')] }, { input: [obj({ A: 5 })] });
    const o = r.output[0] as PSObject;
    expect(o.propertyNames()).to.deep.equal(['A', 'Double', 'Copy', ' 3 + 4 ']);
    expect([o.get('Double'), o.get('Copy'), o.get(' 3 + 4 ')]).to.deep.equal([10, 5, 7]);
  });

  it('rejects a bad calculated-property key with the reference text', async () => {
    const r = await run(SelectObjectCommand, { Property: [PSHashtable.from([['x', 1], ['e', 'A']])] }, { input: [obj({ A: 1 })] });
    expect(r.terminating?.message).to.equal('The x key is not valid.');
  });

  it('-ExpandProperty unrolls collections and reports a missing property', async () => {
    const r = await run(SelectObjectCommand, { ExpandProperty: 'Items' }, { input: [obj({ Items: [1, 2] }), obj({ Items: 3 }), obj({ Other: 1 })] });
    expect(r.output).to.deep.equal([1, 2, 3]);
    expect(r.errors).to.have.length(1);
    expect(r.errors[0]!.message).to.equal('Property "Items" cannot be found.');
    expect(r.errors[0]!.fullyQualifiedErrorId).to.equal('ExpandPropertyNotFound,Microsoft.PowerShell.Commands.SelectObjectCommand');
  });

  it('-ExpandProperty with -Property adds notes to expanded objects', async () => {
    const inner = obj({ X: 1 });
    const r = await run(SelectObjectCommand, { ExpandProperty: 'Inner', Property: ['Name'] }, { input: [obj({ Name: 'n', Inner: inner })] });
    const o = r.output[0] as PSObject;
    expect(o.get('X')).to.equal(1);
    expect(o.get('Name')).to.equal('n');
    expect(inner.hasProperty('Name')).to.equal(false);
  });

  it('-ExcludeProperty alone means every other property', async () => {
    const r = await run(SelectObjectCommand, { ExcludeProperty: ['b*'] }, { input: [obj({ a: 1, bb: 2, c: 3 })] });
    expect((r.output[0] as PSObject).propertyNames()).to.deep.equal(['a', 'c']);
  });

  it('-Unique is case-sensitive and emits at the end', async () => {
    const r = await run(SelectObjectCommand, { Unique: true }, { input: ['a', 'A', 'a', 'b', 1, 1] });
    expect(r.output).to.deep.equal(['a', 'A', 'b', 1]);
    const ci = await run(SelectObjectCommand, { Unique: true, CaseInsensitive: true }, { input: ['a', 'A', 'b'] });
    expect(ci.output).to.deep.equal(['a', 'b']);
    const props = await run(SelectObjectCommand, { Unique: true, Property: ['k'] }, { input: [obj({ k: 1, z: 1 }), obj({ k: 1, z: 2 }), obj({ k: 2 })] });
    expect(props.output.map((o) => (o as PSObject).get('k'))).to.deep.equal([1, 2]);
  });
});
