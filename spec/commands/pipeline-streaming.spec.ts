/**
 * The pipeline runner's synchronous path (counted ranges, indexed arrays, script blocks compiled to
 * per-object functions) keeps PowerShell's streaming semantics: begin/process/end order, one object
 * through all stages before the next, Select-Object -First stopping upstream, errors and $? as before,
 * $_ restored, and Ctrl+C still stopping a long synchronous pipeline.
 */
import { expect } from 'chai';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createSession, runScript, type ScriptSession } from '../../app/run-script.js';

describe('pipeline runner: synchronous streaming', function () {
  this.timeout(60000);
  let home: string;
  let session: ScriptSession;
  before(() => { home = fs.mkdtempSync(path.join(os.tmpdir(), 'pipeline-streaming-')); session = createSession({ home }); });
  after(() => fs.rmSync(home, { recursive: true, force: true }));
  const sh = (text: string) => runScript(text, { session });
  const lines = async (text: string) => (await sh(text)).objects.map((o) => String(o));

  it('a range, a descending range and an array feed the first stage in order', async () => {
    expect(await lines('1..6 | Where-Object { $_ % 2 -eq 0 }')).to.deep.equal(['2', '4', '6']);
    expect(await lines('5..1 | Where-Object { $_ -gt 2 }')).to.deep.equal(['5', '4', '3']);
    expect(await lines('$a = 1..5; $a | Where-Object { $_ % 2 }')).to.deep.equal(['1', '3', '5']);
    expect(await lines('-2..-4 | ForEach-Object { $_ * 10 }')).to.deep.equal(['-20', '-30', '-40']);
  });

  it('each object goes through every stage before the next one starts', async () => {
    const r = await lines('$global:log = @(); 1..3 | ForEach-Object { $global:log += "u$_"; $_ } | Where-Object { $global:log += "w$_"; $true } | ForEach-Object { $global:log += "d$_" }; $global:log -join ","');
    expect(r).to.deep.equal(['u1,w1,d1,u2,w2,d2,u3,w3,d3']);
  });

  it('keeps begin/process/end order around a compiled filter', async () => {
    expect(await lines('function f { begin { "b" } process { "p$_" } end { "e" } }; 1..3 | Where-Object { $_ -ne 2 } | f'))
      .to.deep.equal(['b', 'p1', 'p3', 'e']);
    expect(await lines('1..3 | ForEach-Object -Begin { "B" } -Process { $_ * 2 } -End { "E" }')).to.deep.equal(['B', '2', '4', '6', 'E']);
    expect(await lines('1..2 | ForEach-Object { "first" } { $_ } { "last" }')).to.deep.equal(['first', '1', '2', 'last']);
  });

  it('Select-Object -First stops the stages upstream of it', async () => {
    const r = await lines('$global:n = 0; 1..1000000 | ForEach-Object { $global:n++; $_ } | Where-Object { $_ -gt 0 } | Select-Object -First 3; $global:n');
    expect(r).to.deep.equal(['1', '2', '3', '3']);
  });

  it('a filter\'s output counts as PowerShell counts it (nothing, one value, several values)', async () => {
    expect(await lines('1..3 | Where-Object { @() }')).to.deep.equal([]);
    expect(await lines('1..2 | Where-Object { @(0) }')).to.deep.equal([]);
    expect(await lines('1..2 | Where-Object { @(0, 0) }')).to.deep.equal(['1', '2']);
    expect(await lines('1..2 | Where-Object { $x = $_; $x -eq 2 }')).to.deep.equal(['2']);
  });

  it('ForEach-Object unrolls an expression\'s array one level', async () => {
    expect(await lines('(1..2 | ForEach-Object { @($_, $_) } | Measure-Object).Count')).to.deep.equal(['4']);
    expect(await lines('(1..2 | ForEach-Object { ,@($_, $_) } | Measure-Object).Count')).to.deep.equal(['2']);
    expect(await lines('1..2 | ForEach-Object { $_; $_ * 10 }')).to.deep.equal(['1', '10', '2', '20']);
  });

  it('an error in a filter is reported and the pipeline goes on; under try it is caught', async () => {
    const r = await sh('1..3 | Where-Object { 1 / ($_ - 2) }');
    expect(r.objects.map(String)).to.deep.equal(['1', '3']);
    expect(r.errors.map((e) => e.message)).to.deep.equal(['Attempted to divide by zero.']);
    const t = await sh('try { 1..3 | Where-Object { 1 / ($_ - 2) } } catch { "caught" }');
    expect(t.objects.map(String)).to.deep.equal(['1', 'caught']);
  });

  it('$? after a pipeline of compiled filters, and -OutVariable', async () => {
    expect((await sh('1..3 | Where-Object { $_ -gt 1 } | Out-Null; $?')).objects).to.deep.equal([true]);
    // pwsh 7.6 (spec/oracle): an error inside the filter does not fail the pipeline.
    expect((await sh('1..3 | Where-Object { 1 / ($_ - 2) } | Out-Null; $?')).objects).to.deep.equal([true]);
    expect(await lines('1..3 | Where-Object { $_ -gt 1 } -OutVariable ov | Out-Null; $ov -join ","')).to.deep.equal(['2,3']);
  });

  it('$_ of an enclosing block is restored after a nested pipeline', async () => {
    expect(await lines('1..2 | ForEach-Object { 10..11 | Where-Object { $_ -gt 10 } | Out-Null; $_ }')).to.deep.equal(['1', '2']);
    expect(await lines('1..2 | ForEach-Object { $o = $_; 10..11 | Where-Object { $_ -gt 10 } | ForEach-Object { "$o-$_" } }')).to.deep.equal(['1-11', '2-11']);
  });

  it('Ctrl+C stops a long synchronous pipeline, and the session goes on', async () => {
    const s = createSession({ home });
    for (const script of ['1..50000000 | Where-Object { $_ -lt 0 }', '1..50000000 | ForEach-Object { $_ } | Where-Object { $_ -lt 0 } | Measure-Object']) {
      const timer = setTimeout(() => s.engine.stop(), 100);
      const r = await s.engine.run(script);
      clearTimeout(timer);
      expect(r.stopped, script).to.equal(true);
    }
    const next = await s.engine.run('"next"');
    expect(next.succeeded).to.equal(true);
    expect(s.objects).to.deep.equal(['next']);
  });
});
