import { expect } from 'chai';
import { WhereObjectCommand } from '../../cmdlets/core/where-object.js';
import { ForEachObjectCommand } from '../../cmdlets/core/foreach-object.js';
import { PSObject } from '../../runtime/values/psobject.js';
import { run, sb } from './fake-runtime.js';

const obj = (r: Record<string, unknown>) => PSObject.custom(r);

describe('Where-Object', () => {
  it('keeps objects whose script block output is true (empty, $null, 0 and "" are false)', async () => {
    const r = await run(WhereObjectCommand, { FilterScript: sb((x) => x) }, { input: [0, 1, '', null, 'x', [0], [1, 2]] });
    expect(r.output).to.deep.equal([1, 'x', [1, 2]]);
  });

  it('supports the comparison-statement form with case-insensitive defaults and -C variants', async () => {
    const items = [obj({ Name: 'Alpha', N: 1 }), obj({ Name: 'beta', N: 5 }), obj({ Name: 'ALPHA', N: 10 })];
    const names = (r: { output: unknown[] }) => r.output.map((o) => (o as PSObject).get('Name'));
    expect(names(await run(WhereObjectCommand, { Property: 'Name', EQ: true, Value: 'alpha' }, { input: items }))).to.deep.equal(['Alpha', 'ALPHA']);
    expect(names(await run(WhereObjectCommand, { Property: 'Name', CEQ: true, Value: 'Alpha' }, { input: items }))).to.deep.equal(['Alpha']);
    expect(names(await run(WhereObjectCommand, { Property: 'N', GT: true, Value: '4' }, { input: items }))).to.deep.equal(['beta', 'ALPHA']);
    expect(names(await run(WhereObjectCommand, { Property: 'Name', Like: true, Value: 'a*' }, { input: items }))).to.deep.equal(['Alpha', 'ALPHA']);
    expect(names(await run(WhereObjectCommand, { Property: 'Name', CLike: true, Value: 'A*' }, { input: items }))).to.deep.equal(['Alpha', 'ALPHA']);
    expect(names(await run(WhereObjectCommand, { Property: 'Name', Match: true, Value: '^b' }, { input: items }))).to.deep.equal(['beta']);
    expect(names(await run(WhereObjectCommand, { Property: 'N', In: true, Value: [1, 10] }, { input: items }))).to.deep.equal(['Alpha', 'ALPHA']);
    expect(names(await run(WhereObjectCommand, { Property: 'N', NotIn: true, Value: [1, 10] }, { input: items }))).to.deep.equal(['beta']);
    expect(names(await run(WhereObjectCommand, { Property: 'N', LE: true, Value: 5 }, { input: items }))).to.deep.equal(['Alpha', 'beta']);
  });

  it('treats a property alone as a truth test and -Not as its negation', async () => {
    const items = [obj({ A: 0 }), obj({ A: 1 }), obj({ B: 1 })];
    expect((await run(WhereObjectCommand, { Property: 'A' }, { input: items })).output).to.deep.equal([items[1]]);
    expect((await run(WhereObjectCommand, { Property: 'A', Not: true }, { input: items })).output).to.deep.equal([items[0], items[2]]);
  });

  it('filters a collection-valued property element-wise for -eq, and tests -Contains', async () => {
    const o = obj({ Tags: ['x', 'y'] });
    expect((await run(WhereObjectCommand, { Property: 'Tags', EQ: true, Value: 'y' }, { input: [o] })).output).to.have.length(1);
    expect((await run(WhereObjectCommand, { Property: 'Tags', Contains: true, Value: 'X' }, { input: [o] })).output).to.have.length(1);
    expect((await run(WhereObjectCommand, { Property: 'Tags', CContains: true, Value: 'X' }, { input: [o] })).output).to.have.length(0);
  });

  it('fails an operator without -Value with the reference message', async () => {
    const r = await run(WhereObjectCommand, { Property: 'Name', GT: true }, { input: [1, 2] });
    expect(r.terminating?.message).to.equal('The specified operator requires both the -Property and -Value parameters. Provide values for both parameters, and then try the command again.');
    expect(r.terminating?.fullyQualifiedErrorId).to.equal('ValueNotSpecifiedForWhereObject,Microsoft.PowerShell.Commands.WhereObjectCommand');
  });
});

describe('ForEach-Object', () => {
  it('runs -Begin, -Process and -End in order', async () => {
    const r = await run(ForEachObjectCommand, { Begin: sb(() => 'b'), Process: [sb((x) => `p${x}`)], End: sb(() => 'e') }, { input: [1, 2] });
    expect(r.output).to.deep.equal(['b', 'p1', 'p2', 'e']);
  });

  it('splits positional blocks into begin/process/end as pwsh does', async () => {
    const two = await run(ForEachObjectCommand, { Process: [sb(() => 'x'), sb(() => 'y')] }, { input: [1] });
    expect(two.output).to.deep.equal(['x', 'y']);
    const four = await run(ForEachObjectCommand, { Process: [sb(() => 'b'), sb(() => 'p'), sb(() => 'q'), sb(() => 'e')] }, { input: [1, 2] });
    expect(four.output).to.deep.equal(['b', 'p', 'q', 'p', 'q', 'e']);
  });

  it('streams through the sink for blocks that are not pure', async () => {
    const r = await run(ForEachObjectCommand, { Process: [sb((x) => [x, x], '{ $_; $_ }', false)] }, { input: [1, 2] });
    expect(r.output).to.deep.equal([1, 1, 2, 2]);
  });

  it('member-name form: ToString X2 formats bytes as the documents hash script needs', async () => {
    const r = await run(ForEachObjectCommand, { MemberName: 'ToString', ArgumentList: ['X2'] }, { input: [0, 10, 255] });
    expect(r.output.join('')).to.equal('000AFF');
  });

  it('member-name form reads properties (unrolled) and reports an unknown method with arguments', async () => {
    expect((await run(ForEachObjectCommand, { MemberName: 'Length' }, { input: ['ab', 'c'] })).output).to.deep.equal([2, 1]);
    expect((await run(ForEachObjectCommand, { MemberName: 'Items' }, { input: [obj({ Items: [1, 2] })] })).output).to.deep.equal([1, 2]);
    expect((await run(ForEachObjectCommand, { MemberName: 'Foo' }, { input: [1] })).errors).to.have.length(0);
    const r = await run(ForEachObjectCommand, { MemberName: 'Foo', ArgumentList: [1] }, { input: [1] });
    expect(r.errors[0]!.message).to.equal('Input name "Foo" cannot be resolved to a method.');
    expect(r.errors[0]!.fullyQualifiedErrorId).to.equal('MethodNotFound,Microsoft.PowerShell.Commands.ForEachObjectCommand');
  });

  it('member-name form with a wildcard resolves one member or reports ambiguity', async () => {
    expect((await run(ForEachObjectCommand, { MemberName: 'Len*' }, { input: ['abc'] })).output).to.deep.equal([3]);
    const r = await run(ForEachObjectCommand, { MemberName: 'To*' }, { input: ['abc'] });
    expect(r.errors[0]!.fullyQualifiedErrorId).to.equal('AmbiguousPropertyOrMethodName,Microsoft.PowerShell.Commands.ForEachObjectCommand');
    expect(r.errors[0]!.message).to.match(/^Input name "To\*" is ambiguous\. It can be resolved to multiple matched members\. Possible matches include: /);
  });

  it('calls string methods with arguments', async () => {
    expect((await run(ForEachObjectCommand, { MemberName: 'Substring', ArgumentList: [1] }, { input: ['abc'] })).output).to.deep.equal(['bc']);
    expect((await run(ForEachObjectCommand, { MemberName: 'ToUpper' }, { input: ['abc'] })).output).to.deep.equal(['ABC']);
  });
});
