import { expect } from 'chai';
import { ParameterBinder } from '../../runtime/commands/binder.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { RuntimeError } from '../../runtime/values/error-record.js';
import type { CommandArgument } from '../../runtime/commands/invocation.js';
import { missingMandatoryLikePwsh } from '../../runtime/commands/mandatory-check.js';

const services = { convert: (v: unknown) => v, toText: (v: unknown) => String(v) };
const named = (name: string, value?: unknown): CommandArgument =>
  value === undefined ? { kind: 'parameter', name, text: '-' + name, hasValue: false } : { kind: 'parameter', name, text: '-' + name, hasValue: true, value };
const pos = (value: unknown): CommandArgument => ({ kind: 'positional', value });

// ForEach-Object's shape: two sets, each with a ValueFromRemainingArguments parameter.
const forEach = {
  defaultParameterSet: 'ScriptBlockSet',
  parameters: [
    param('InputObject', T.PSObject, { valueFromPipeline: true }),
    param('Process', T.array(T.ScriptBlock), { mandatory: true, position: 0, sets: ['ScriptBlockSet'] }),
    param('RemainingScripts', T.array(T.ScriptBlock), { sets: ['ScriptBlockSet'], valueFromRemainingArguments: true }),
    param('MemberName', T.String, { mandatory: true, position: 0, sets: ['PropertyAndMethodSet'] }),
    param('ArgumentList', T.array(T.Object), { sets: ['PropertyAndMethodSet'], valueFromRemainingArguments: true }),
  ],
};
const writeOutput = {
  parameters: [
    param('InputObject', T.array(T.PSObject), { mandatory: true, position: 0, valueFromPipeline: true, valueFromRemainingArguments: true }),
    param('NoEnumerate', T.Switch),
  ],
};

function failure(cmd: ConstructorParameters<typeof ParameterBinder>[0], args: CommandArgument[]): { id: string; category: string } {
  try { new ParameterBinder(cmd, services).bindArguments(args); } catch (e) {
    if (e instanceof RuntimeError) return { id: e.record.errorId, category: e.record.category };
    throw e;
  }
  throw new Error('expected a binding error');
}

describe('binder: arguments no parameter takes (HandleRemainingArguments)', () => {
  it('an unknown -Name with two ValueFromRemainingArguments parameters left is AmbiguousParameterSet (MetadataError)', () => {
    expect(failure(forEach, [named('Nonexistent')])).to.deep.equal({ id: 'AmbiguousParameterSet', category: 'MetadataError' });
  });

  it('with one such parameter the unknown -Name and the value after it are bound to it as text', () => {
    const st = new ParameterBinder(writeOutput, services).bindArguments([named('Foo'), pos('bar')]);
    expect(st.bound.get('InputObject')).to.deep.equal(['-Foo', 'bar']);
    const mixed = new ParameterBinder(writeOutput, services).bindArguments([pos(1), named('Foo'), pos(2)]);
    expect(mixed.bound.get('InputObject')).to.deep.equal([1, '-Foo', 2]);
  });

  it('once the set is known, the remaining arguments go to that set\'s parameter', () => {
    const block = { kind: 'ScriptBlock', text: '1' };
    const st = new ParameterBinder(forEach, services).bindArguments([pos(block), named('Bogus')]);
    expect(st.bound.get('RemainingScripts')).to.deep.equal(['-Bogus']);
    expect(st.candidates).to.deep.equal(['ScriptBlockSet']);
  });

  it('a command without such a parameter still reports NamedParameterNotFound', () => {
    const cmd = { parameters: [param('Name', T.String, { position: 0 })] };
    expect(failure(cmd, [named('Bogus')]).id).to.equal('NamedParameterNotFound');
  });
});

describe('binder: the missing-mandatory list as pwsh reports it', () => {
  const sets = Array.from({ length: 31 }, (_, i) => `Op${i}Set`);
  // Where-Object's shape: 32 sets (FilterScript's plus 31 operator sets), Property mandatory in the operator
  // sets, each operator switch mandatory in its own set except the default one.
  const whereObject = [
    param('InputObject', T.PSObject, { valueFromPipeline: true }),
    param('FilterScript', T.ScriptBlock, { mandatory: true, position: 0, sets: ['ScriptBlockSet'] }),
    param('Property', T.String, { mandatory: true, position: 0, sets }),
    ...sets.slice(1).map((s, i) => param(`Op${i + 1}`, T.Switch, { mandatory: true, sets: [s] })),
  ];
  const allSets = ['ScriptBlockSet', ...sets];

  it('all 32 sets missing a parameter read as "all sets": each set\'s parameters are listed in turn', () => {
    const r = missingMandatoryLikePwsh({ parameters: whereObject, sets: allSets, defaultSet: 'Op0Set', candidates: allSets, bound: new Set(), expectsInput: true });
    if (!('missing' in r)) throw new Error('ambiguous');
    const names = r.missing.map((p) => p.name);
    expect(names.slice(0, 5)).to.deep.equal(['FilterScript', 'Property', 'Property', 'Op1', 'Property']);
    expect(names.length).to.equal(1 + 1 + 30 * 2);
  });

  it('with fewer sets the default set is latched and only its parameters are listed', () => {
    const few = whereObject.filter((p) => !p.sets || p.sets.some((s) => ['ScriptBlockSet', 'Op0Set', 'Op1Set'].includes(s)))
      .map((p) => (p.name === 'Property' ? { ...p, sets: ['Op0Set', 'Op1Set'] } : p));
    const fewSets = ['ScriptBlockSet', 'Op0Set', 'Op1Set'];
    const r = missingMandatoryLikePwsh({ parameters: few, sets: fewSets, defaultSet: 'Op0Set', candidates: fewSets, bound: new Set(), expectsInput: true });
    if (!('missing' in r)) throw new Error('ambiguous');
    expect(r.missing.map((p) => p.name)).to.deep.equal(['Property']);
  });

  it('without pipeline input every missing parameter is listed once, in declaration order', () => {
    const r = missingMandatoryLikePwsh({ parameters: whereObject, sets: allSets, defaultSet: 'Op0Set', candidates: allSets, bound: new Set(), expectsInput: false });
    if (!('missing' in r)) throw new Error('ambiguous');
    expect(r.missing.map((p) => p.name).slice(0, 3)).to.deep.equal(['FilterScript', 'Property', 'Op1']);
    expect(new Set(r.missing.map((p) => p.name)).size).to.equal(r.missing.length);
  });
});
