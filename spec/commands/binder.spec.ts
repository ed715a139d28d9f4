import { expect } from 'chai';
import { ParameterBinder } from '../../runtime/commands/binder.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { RuntimeError } from '../../runtime/values/error-record.js';
import { PSObject } from '../../runtime/values/psobject.js';
import type { CommandArgument } from '../../runtime/commands/invocation.js';

const services = {
  convert(value: unknown, type: { kind: string; name: string; enumValues?: readonly string[] }): unknown {
    if (type.kind === 'int') {
      const n = Number(value);
      if (!Number.isInteger(n)) throw new Error(`Cannot convert value "${value}" to type "System.Int32". Error: "The input string '${value}' was not in a correct format."`);
      return n;
    }
    if (type.kind === 'enum') {
      const hit = type.enumValues!.find((v) => v.toLowerCase() === String(value).toLowerCase());
      if (!hit) throw new Error(`Cannot convert value "${value}" to type "${type.name}".`);
      return hit;
    }
    if (type.kind === 'string') return String(value);
    return value;
  },
  toText: (v: unknown) => String(v),
};

const syncCycle = {
  parameters: [
    param('PolicyType', T.enum('Microsoft.IdentityManagement.PowerShell.ObjectModel.SynchronizationPolicyType', ['Unspecified', 'Delta', 'Initial']), { position: 0 }),
    param('InteractiveMode', T.Bool, { position: 1 }),
  ],
};
const twoSets = {
  defaultParameterSet: 'ByName',
  parameters: [
    param('Name', T.String, { mandatory: true, position: 0, sets: ['ByName'], valueFromPipelineByPropertyName: true }),
    param('Id', T.Int, { mandatory: true, sets: ['ById'] }),
    param('Force', T.Switch),
    param('Certificate', T.String, { aliases: ['Cert'] }),
    param('CertificateThumbprint', T.String),
  ],
};

const named = (name: string, value?: unknown): CommandArgument =>
  value === undefined ? { kind: 'parameter', name, text: '-' + name, hasValue: false } : { kind: 'parameter', name, text: '-' + name, hasValue: true, value };
const pos = (value: unknown): CommandArgument => ({ kind: 'positional', value });

function bindError(cmd: ConstructorParameters<typeof ParameterBinder>[0], args: CommandArgument[]): { message: string; id: string } {
  try {
    new ParameterBinder(cmd, services).bindArguments(args);
  } catch (e) {
    if (e instanceof RuntimeError) return { message: e.record.message, id: e.record.errorId };
    throw e;
  }
  throw new Error('expected a binding error');
}

describe('parameter binder', () => {
  it('matches a unique prefix case-insensitively and converts enum values to their canonical case', () => {
    const s = new ParameterBinder(syncCycle, services).bindArguments([named('pol'), pos('delta')]);
    expect(s.bound.get('PolicyType')).to.equal('Delta');
  });

  it('binds positionally in position order', () => {
    const s = new ParameterBinder(syncCycle, services).bindArguments([pos('Initial'), pos(true)]);
    expect(s.bound.get('PolicyType')).to.equal('Initial');
    expect(s.bound.get('InteractiveMode')).to.equal(true);
  });

  it('reports an unknown parameter with PowerShell text and id', () => {
    const e = bindError(syncCycle, [named('Bogus'), pos('x')]);
    expect(e.id).to.equal('NamedParameterNotFound');
    expect(e.message).to.equal("A parameter cannot be found that matches parameter name 'Bogus'.");
  });

  it('prefers an exact alias over a prefix of longer names', () => {
    const s = new ParameterBinder(twoSets, services).bindArguments([named('Cert'), pos('x'), named('Name', 'n')]);
    expect(s.bound.get('Certificate')).to.equal('x');
  });

  it('reports an ambiguous prefix when two parameters share it', () => {
    const e = bindError(twoSets, [named('Certi'), pos('x')]);
    expect(e.id).to.equal('AmbiguousParameter');
    expect(e.message).to.equal("Parameter cannot be processed because the parameter name 'Certi' is ambiguous. Possible matches include: -Certificate -CertificateThumbprint.");
  });

  it('reports a missing argument', () => {
    const e = bindError(twoSets, [named('Name')]);
    expect(e.id).to.equal('MissingArgument');
    expect(e.message).to.equal("Missing an argument for parameter 'Name'. Specify a parameter of type 'System.String' and try again.");
  });

  it('reports a positional argument nobody takes', () => {
    const s = new ParameterBinder(syncCycle, services).bindArguments([pos('Delta'), pos(true), pos('extra')]);
    expect(s.unbound).to.deep.equal(['extra']);
  });

  it('wraps conversion failures in "Cannot bind parameter"', () => {
    const e = bindError(syncCycle, [named('PolicyType', 'Full')]);
    expect(e.id).to.equal('CannotConvertArgumentNoMessage');
    expect(e.message).to.match(/^Cannot bind parameter 'PolicyType'\. Cannot convert value "Full"/);
  });

  it('refuses a parameter given twice', () => {
    const e = bindError(twoSets, [named('Name', 'a'), named('Name', 'b')]);
    expect(e.id).to.equal('ParameterAlreadyBound');
  });

  it('resolves the parameter set from the named parameters and reports what is missing', () => {
    const b = new ParameterBinder(twoSets, services);
    const s = b.bindArguments([named('Id', '5')]);
    expect(b.chooseSet(s, false)).to.equal('ById');
    expect(b.missingMandatory(s, false)).to.deep.equal([]);
    const none = b.bindArguments([named('Force')]);
    expect(b.missingMandatory(none, false).map((p) => p.name)).to.deep.equal(['Name']);
    expect(b.missingMandatory(none, true)).to.deep.equal([]);
  });

  it('refuses parameters from two different sets', () => {
    const e = bindError(twoSets, [named('Name', 'a'), named('Id', '1')]);
    expect(e.id).to.equal('AmbiguousParameterSet');
  });

  it('binds pipeline input by property name', () => {
    const b = new ParameterBinder(twoSets, services);
    const s = b.bindArguments([]);
    const bound = b.bindPipelineObject(s, 'ByName', PSObject.custom({ Name: 'from-pipe' }));
    expect(bound.get('Name')).to.equal('from-pipe');
    expect(() => b.bindPipelineObject(s, 'ByName', 42)).to.throw(RuntimeError, /input object cannot be bound/);
  });

  it('knows the common parameters and their aliases', () => {
    const s = new ParameterBinder(syncCycle, services).bindArguments([named('ea', 'Stop'), named('Verbose')]);
    expect(s.bound.get('ErrorAction')).to.equal('Stop');
    expect(s.bound.get('Verbose')).to.equal(true);
  });
});
