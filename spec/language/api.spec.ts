import { expect } from 'chai';
import {
  Evaluator, Session, parse, convertTo, toPSString, enumerate, getMember, setMember, invokeMethod, PSChar,
} from '../../runtime/evaluator/index.js';
import { T } from '../../runtime/commands/types.js';
import { PSHashtable } from '../../runtime/values/hashtable.js';
import { PSObject } from '../../runtime/values/psobject.js';
import { RuntimeError } from '../../runtime/values/error-record.js';
import { ExitSignal } from '../../runtime/values/flow.js';
import type { CommandHost, PipelineRequest } from '../../runtime/commands/invocation.js';
import { run, FakeHost } from './fake-host.js';

function evaluator(host?: CommandHost): Evaluator {
  const s = new Session();
  const h = host ?? new FakeHost();
  if (h instanceof FakeHost) h.session = s;
  return new Evaluator(s, h);
}

describe('language: script blocks, functions and the facade API', () => {
  it('a pure script block runs synchronously: invoke() returns an array, not a Promise', () => {
    const ev = evaluator();
    const sb = ev.compile('$_ % 3 -eq 0');
    expect(sb.isPure).to.equal(true);
    const r = sb.invoke({ dollarUnder: 9, newScope: false });
    expect(r).to.be.an('array').that.deep.equals([true]);
    expect(sb.invoke({ dollarUnder: 10 })).to.deep.equal([false]);
  });

  it('a block that invokes a command is not pure and returns a Promise', async () => {
    const ev = evaluator();
    const sb = ev.compile('Write-Output $_; $_ * 2');
    expect(sb.isPure).to.equal(false);
    const r = sb.invoke({ dollarUnder: 4 });
    expect(r).to.be.instanceOf(Promise);
    expect(await r).to.deep.equal([4, 8]);
    expect(ev.compile('$x = { Get-Thing }; 1').isPure, 'a literal block is only a value').to.equal(true);
    expect(ev.compile('(1..3).Where({ Write-Output $_ })').isPure).to.equal(false);
  });

  it('invoke() with a sink streams the output and returns an empty array', async () => {
    const ev = evaluator();
    const seen: unknown[] = [];
    const r = ev.compile('1; 2; 3').invoke({ sink: (v) => { seen.push(v); } });
    expect(r).to.deep.equal([]);
    expect(seen).to.deep.equal([1, 2, 3]);
  });

  it('param() becomes ParameterMeta: types, Mandatory, Position, ValidateSet, Alias, switches, defaults', () => {
    const ev = evaluator();
    const sb = ev.compile(`[CmdletBinding()]
      param(
        [Parameter(Mandatory = $true, ValueFromPipeline)][string]$Name,
        [ValidateSet('Default', 'Custom')][string]$PolicyType = 'Default',
        [Alias('n')][int[]]$Numbers,
        [switch]$Force,
        [Parameter(Position = 5, ParameterSetName = 'Set1', HelpMessage = 'help')]$Other
      )
      $Name`);
    const p = sb.parameters;
    expect(p.map((x) => x.name)).to.deep.equal(['Name', 'PolicyType', 'Numbers', 'Force', 'Other']);
    expect(p[0]).to.deep.include({ mandatory: true, valueFromPipeline: true, type: T.String });
    expect(p[0]!.position, 'explicit Position elsewhere: the others are named').to.equal(undefined);
    expect(p[1]!.validateSet).to.deep.equal(['Default', 'Custom']);
    expect(p[1]!.defaultExpression).to.have.property('kind', 'Const');
    expect(p[2]!.aliases).to.deep.equal(['n']);
    expect(p[2]!.type).to.deep.equal(T.array(T.Int));
    expect(p[3]!.type.kind).to.equal('switch');
    expect(p[4]).to.deep.include({ position: 5, sets: ['Set1'], helpMessage: 'help' });
    const positional = ev.compile('param($a, [switch]$s, $b) 1').parameters;
    expect(positional.map((x) => x.position)).to.deep.equal([0, undefined, 1]);
  });

  it('beginScope binds parameters and defaults; invokeNamedBlock runs begin/process/end with $_ and $input', async () => {
    const ev = evaluator();
    await ev.run(parse('function F { param($Prefix = "p", [int]$Count) begin { "b:$Prefix:$Count" } process { "$Prefix$_" } end { "e:$($input.Count)" } }'), () => undefined);
    const f = ev.session.getFunction('f')!;
    expect(f).to.not.equal(undefined);
    expect(f.hasNamedBlocks).to.equal(true);
    const out: unknown[] = [];
    const sink = (v: unknown) => { out.push(v); };
    const scope = await f.beginScope({ boundParameters: new Map([['Count', 2]]) });
    await f.invokeNamedBlock('begin', scope, { sink });
    await f.invokeNamedBlock('process', scope, { dollarUnder: 'x', sink });
    await f.invokeNamedBlock('process', scope, { dollarUnder: 'y', sink });
    await f.invokeNamedBlock('end', scope, { input: ['x', 'y'], sink });
    expect(out).to.deep.equal(['b:p:2', 'px', 'py', 'e:2']);
    expect(ev.session.listFunctions().map((x) => x.name)).to.include('F');
  });

  it('filters run their body per pipeline object', async () => {
    const { out } = await run('filter Twice { $_ * 2 }; 1, 2 | Twice');
    expect(out).to.deep.equal([2, 4]);
  });

  it('pipelines reach the CommandHost with parameters, positional values, splats and redirections', async () => {
    const requests: PipelineRequest[] = [];
    const host: CommandHost = {
      hasCommand: () => true,
      runPipeline: async (req) => { requests.push(req); await req.sink('ok'); return { succeeded: false }; },
    };
    const ev = evaluator(host);
    const out: unknown[] = [];
    await ev.run(parse('$h = @{ Path = "p"; Force = $true }; $a = 1, 2; 1, 2 | Get-Thing \u2013Name:x -Flag word 42 @h @a 2>&1 > $null; $?'), (v) => { out.push(v); });
    expect(out).to.deep.equal(['ok', false]);
    const req = requests[0]!;
    expect([...req.input!]).to.deep.equal([1, 2]);
    const el = req.elements[0]!;
    expect(el.name).to.equal('Get-Thing');
    expect(el.args).to.deep.equal([
      { kind: 'parameter', name: 'Name', text: '\u2013Name', hasValue: true, value: 'x' },
      { kind: 'parameter', name: 'Flag', text: '-Flag', hasValue: false },
      { kind: 'positional', value: 'word' },
      { kind: 'positional', value: 42 },
      { kind: 'parameter', name: 'Path', text: '-Path', hasValue: true, value: 'p' },
      { kind: 'parameter', name: 'Force', text: '-Force', hasValue: true, value: true },
      { kind: 'positional', value: 1, fromSplat: true },
      { kind: 'positional', value: 2, fromSplat: true },
    ]);
    expect(el.redirections).to.deep.equal([
      { stream: 'error', target: { merge: true } },
      { stream: 'output', target: { file: null, append: false } },
    ]);
    expect(el.position).to.include({ line: 1, commandName: 'Get-Thing' });
  });

  it('& and . pass script blocks to the CommandHost', async () => {
    const requests: PipelineRequest[] = [];
    const host: CommandHost = { hasCommand: () => true, runPipeline: async (req) => { requests.push(req); return { succeeded: true }; } };
    const ev = evaluator(host);
    await ev.run(parse('$sb = { 1 }; & $sb a; . { 2 }; & "Get-Thing"'), () => undefined);
    expect(requests[0]!.elements[0]!.scriptBlock?.text).to.equal(' 1 ');
    expect(requests[0]!.elements[0]!.args).to.deep.equal([{ kind: 'positional', value: 'a' }]);
    expect(requests[1]!.elements[0]).to.include({ dotSource: true });
    expect(requests[2]!.elements[0]!.name).to.equal('Get-Thing');
  });

  it('exit N raises ExitSignal; throw raises a RuntimeError carrying an ErrorRecord', async () => {
    const ev = evaluator();
    try { await ev.run(parse('exit 3'), () => undefined); expect.fail('no exit'); } catch (e) { expect(e).to.be.instanceOf(ExitSignal); expect((e as ExitSignal).code).to.equal(3); }
    try { await ev.run(parse('\n  throw "bad thing"'), () => undefined); expect.fail('no throw'); } catch (e) {
      expect(e).to.be.instanceOf(RuntimeError);
      const r = (e as RuntimeError).record;
      expect(r).to.include({ message: 'bad thing', errorId: 'bad thing', category: 'OperationStopped' });
      expect(r.position).to.include({ line: 2, column: 3, lineText: '  throw "bad thing"' });
    }
  });

  it('Session implements SessionVariables with scopes and $env:', async () => {
    const s = new Session();
    s.set('Answer', 42);
    expect(s.get('answer')).to.equal(42);
    expect(s.has('ANSWER')).to.equal(true);
    s.set('env:SYNCSHELL_TEST_VAR', 'v1');
    expect(process.env.SYNCSHELL_TEST_VAR).to.equal('v1');
    expect(s.get('env:SYNCSHELL_TEST_VAR')).to.equal('v1');
    expect(s.remove('env:SYNCSHELL_TEST_VAR')).to.equal(true);
    expect(s.list().find((v) => v.name === 'Answer')?.value).to.equal(42);
    expect(s.remove('answer')).to.equal(true);
    expect(s.has('answer')).to.equal(false);
    expect(toPSString(s.get('PSVersionTable') instanceof PSHashtable ? (s.get('PSVersionTable') as PSHashtable).get('PSVersion') : '')).to.match(/^7\.6\./);
    const { out } = await run('$x = "global"; function f { $x = "local"; $script:y = "s"; $global:z = "g"; $x }; f; $x; $y; $z');
    expect(out).to.deep.equal(['local', 'global', 's', 'g']);
  });

  it('$Error lists terminating errors newest first; $? follows the last pipeline', async () => {
    const { out } = await run('try { throw "one" } catch { }; try { [int]"x" } catch { }; $Error.Count; $Error[0].FullyQualifiedErrorId; Write-Error "w"; $?; 1 | Write-Output; $?');
    expect(out).to.deep.equal([2, 'InvalidCastFromStringToInteger', false, 1, true]);
  });

  it('convertTo applies PowerShell coercion and error texts for the binder', () => {
    expect(convertTo('42', T.Int)).to.equal(42);
    expect(convertTo(3.5, T.Int)).to.equal(4);
    expect(convertTo('1,2', T.array(T.String))).to.deep.equal(['1,2']);
    expect(convertTo([1, '2'], T.array(T.Int))).to.deep.equal([1, 2]);
    expect(convertTo('default', T.enum('PolicyType', ['Default', 'Custom']))).to.equal('Default');
    expect(convertTo(null, T.String)).to.equal('');
    expect(convertTo(0, T.Bool)).to.equal(false);
    expect(() => convertTo('abc', T.Int)).to.throw(RuntimeError, 'Cannot convert value "abc" to type "System.Int32". Error: "The input string \'abc\' was not in a correct format."');
    try { convertTo('Bogus', T.enum('PolicyType', ['Default', 'Custom'])); expect.fail(); } catch (e) {
      expect((e as RuntimeError).record.message).to.equal('Cannot convert value "Bogus" to type "PolicyType". Error: "Unable to match the identifier name Bogus to a valid enumerator name. Specify one of the following enumerator names and try again:\nDefault, Custom"');
    }
  });

  it('enumerate follows GetEnumerable: arrays and lists enumerate, strings and hashtables do not', () => {
    expect(enumerate([1, 2])).to.deep.equal([1, 2]);
    expect(enumerate(new Uint8Array([7]))).to.deep.equal([7]);
    expect(enumerate('abc')).to.equal(null);
    expect(enumerate(new PSHashtable())).to.equal(null);
    expect(enumerate(null)).to.equal(null);
  });

  it('members: properties, member enumeration, methods on strings, hashtables and objects', () => {
    const o = PSObject.custom({ Name: 'a', Size: 3 });
    expect(getMember(o, 'name')).to.equal('a');
    expect(getMember([o, PSObject.custom({ Name: 'b' })], 'Name')).to.deep.equal(['a', 'b']);
    expect(getMember([1, 2, 3], 'Count')).to.equal(3);
    expect(getMember(5, 'Count')).to.equal(1);
    setMember(o, 'Size', 4);
    expect(o.get('Size')).to.equal(4);
    expect(invokeMethod('abc', 'Substring', [1])).to.equal('bc');
    expect(invokeMethod('a,b', 'Split', [','])).to.deep.equal(['a', 'b']);
    expect((invokeMethod('abc', 'ToCharArray', []) as PSChar[]).map(String)).to.deep.equal(['a', 'b', 'c']);
    const h = PSHashtable.from({ a: 1 });
    expect(getMember(h, 'A')).to.equal(1);
    expect(invokeMethod(h, 'ContainsKey', ['A'])).to.equal(true);
    expect(() => invokeMethod('x', 'Nope', [])).to.throw(RuntimeError, "Method invocation failed because [System.String] does not contain a method named 'Nope'.");
    expect(() => invokeMethod(null, 'Nope', [])).to.throw(RuntimeError, 'You cannot call a method on a null-valued expression.');
  });

  it('[datetime]::Now reads the injected clock', async () => {
    const s = new Session();
    const h = new FakeHost();
    h.session = s;
    const ev = new Evaluator(s, h, { now: () => Date.UTC(2030, 5, 1, 8, 0, 0) });
    const out: unknown[] = [];
    await ev.run(parse('[datetime]::UtcNow.ToString("yyyy-MM-dd HH:mm"); [datetime]::UtcNow.Kind'), (v) => { out.push(v); });
    expect(out.map(String)).to.deep.equal(['2030-06-01 08:00', 'Utc']);
  });
});
