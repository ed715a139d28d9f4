import { expect } from 'chai';
import { GetDateCommand } from '../../cmdlets/core/get-date.js';
import { NewTimeSpanCommand } from '../../cmdlets/core/new-timespan.js';
import { StartSleepCommand } from '../../cmdlets/core/start-sleep.js';
import { GetVariableCommand } from '../../cmdlets/core/get-variable.js';
import { SetVariableCommand } from '../../cmdlets/core/set-variable.js';
import { NewVariableCommand } from '../../cmdlets/core/new-variable.js';
import { RemoveVariableCommand } from '../../cmdlets/core/remove-variable.js';
import { ClearVariableCommand } from '../../cmdlets/core/clear-variable.js';
import { GetRandomCommand } from '../../cmdlets/core/get-random.js';
import { formatDateTime, formatUnix } from '../../cmdlets/core/date-format.js';
import { PSDateTime } from '../../runtime/values/datetime.js';
import { PSTimeSpan } from '../../runtime/values/timespan.js';
import { PSObject } from '../../runtime/values/psobject.js';
import { PipelineStoppedSignal } from '../../runtime/values/flow.js';
import { FakeContext, run } from './fake-runtime.js';

const utc = (iso: string) => new PSDateTime(Date.parse(iso), 'Utc');

function clockContext(iso: string): FakeContext {
  const ctx = new FakeContext();
  ctx.services.set('clock', { now: () => new Date(Date.parse(iso)) });
  return ctx;
}

describe('date formats', () => {
  const d = new PSDateTime(Date.UTC(2026, 0, 5, 14, 3, 9, 123), 'Utc');
  it('.NET standard formats in en-US (values checked with the oracle, plain space before AM/PM)', () => {
    expect(formatDateTime(d, 'G')).to.equal('1/5/2026 2:03:09 PM');
    expect(formatDateTime(d, 'F')).to.equal('Monday, January 5, 2026 2:03:09 PM');
    expect(formatDateTime(d, 't')).to.equal('2:03 PM');
    expect(formatDateTime(d, 'r')).to.equal('Mon, 05 Jan 2026 14:03:09 GMT');
    expect(formatDateTime(d, 'o')).to.equal('2026-01-05T14:03:09.1230000Z');
    expect(formatDateTime(d, 's')).to.equal('2026-01-05T14:03:09');
  });

  it('custom formats incl. quotes, escapes and fractions', () => {
    expect(formatDateTime(d, 'yyyy-MM-dd hh:mm:ss.fff tt')).to.equal('2026-01-05 02:03:09.123 PM');
    expect(formatDateTime(d, "dddd MM/dd/yyyy HH:mm 'at' K")).to.equal('Monday 01/05/2026 14:03 at Z');
    expect(formatDateTime(d, 'yyyyMMdd\\THHmm')).to.equal('20260105T1403');
    expect(formatDateTime(d, 'MMM d, yy FFF')).to.equal('Jan 5, 26 123');
  });

  it('UFormat specifiers', () => {
    expect(formatUnix(d, '%A %m/%d/%Y %R %Z')).to.equal('Monday 01/05/2026 14:03 +00');
    expect(formatUnix(d, '%Y%m%d %H%M%S %j %s %u %V')).to.equal('20260105 140309 005 1767621789 1 02');
  });
});

describe('Get-Date / New-TimeSpan / Start-Sleep', () => {
  it('Get-Date reads the virtual clock', async () => {
    const r = await run(GetDateCommand, {}, { ctx: clockContext('2031-06-01T10:00:00Z') });
    const d = r.output[0] as PSDateTime;
    expect(d).to.be.instanceOf(PSDateTime);
    expect(d.ms).to.equal(Date.parse('2031-06-01T10:00:00Z'));
    expect(d.kind).to.equal('Local');
  });

  it('Get-Date -Format / -UFormat / -AsUTC / components', async () => {
    const ctx = clockContext('2031-06-01T10:00:00Z');
    expect((await run(GetDateCommand, { Date: utc('2026-11-23T06:06:42Z'), Format: 'yyyy-MM-dd HH:mm:ss' }, { ctx })).output).to.deep.equal(['2026-11-23 06:06:42']);
    expect((await run(GetDateCommand, { Date: utc('2026-11-23T06:06:42Z'), UFormat: '%Y/%m/%d' }, { ctx })).output).to.deep.equal(['2026/11/23']);
    const y = (await run(GetDateCommand, { Date: utc('2026-01-31T00:00:00Z'), Year: 2027, Month: 2 }, { ctx })).output[0] as PSDateTime;
    expect(formatDateTime(y, 'yyyy-MM-dd')).to.equal('2027-02-28');
    const u = (await run(GetDateCommand, { UnixTimeSeconds: 0, AsUTC: true }, { ctx })).output[0] as PSDateTime;
    expect([u.ms, u.kind]).to.deep.equal([0, 'Utc']);
    const bad = await run(GetDateCommand, { Date: utc('2026-02-01T00:00:00Z'), Day: 31 }, { ctx });
    expect(bad.terminating?.message).to.equal('Year, Month, and Day parameters describe an un-representable DateTime.');
  });

  it('New-TimeSpan from components or between dates (default end: the virtual now)', async () => {
    const ts = (await run(NewTimeSpanCommand, { Hours: 1, Minutes: 25 })).output[0] as PSTimeSpan;
    expect(ts.toString()).to.equal('01:25:00');
    const ctx = clockContext('2026-01-11T00:00:00Z');
    const between = (await run(NewTimeSpanCommand, { Start: utc('2026-01-01T00:00:00Z') }, { ctx })).output[0] as PSTimeSpan;
    expect(between.toString()).to.equal('10.00:00:00');
  });

  it('Start-Sleep ends early when the pipeline is stopped', async () => {
    const ctx = new FakeContext();
    const started = Date.now();
    const p = run(StartSleepCommand, { Seconds: 30 }, { ctx });
    setTimeout(() => { ctx.stopping = true; }, 20);
    const r = await p;
    expect(Date.now() - started).to.be.below(5000);
    expect(r.stoppedAfter).to.be.a('number');
  });

  it('Start-Sleep stopProcessing wakes the sleeper', async () => {
    const c = new StartSleepCommand();
    c.context = new FakeContext();
    c.Milliseconds = 60000;
    const p = c.processRecord();
    c.stopProcessing();
    let signal: unknown;
    try { await p; } catch (e) { signal = e; }
    expect(signal).to.be.instanceOf(PipelineStoppedSignal);
  });
});

describe('variables', () => {
  it('Set/Get/New/Remove/Clear-Variable against the session', async () => {
    const ctx = new FakeContext();
    await run(SetVariableCommand, { Name: ['desc'], Value: 'A description' }, { ctx });
    expect(ctx.variables.get('desc')).to.equal('A description');
    const g = await run(GetVariableCommand, { Name: ['de*'] }, { ctx });
    const v = g.output[0] as PSObject;
    expect(v.typeNames[0]).to.equal('System.Management.Automation.PSVariable');
    expect([v.get('Name'), v.get('Value')]).to.deep.equal(['desc', 'A description']);
    expect((await run(GetVariableCommand, { Name: ['desc'], ValueOnly: true }, { ctx })).output).to.deep.equal(['A description']);
    const dup = await run(NewVariableCommand, { Name: 'desc', Value: 1 }, { ctx });
    expect(dup.errors[0]!.message).to.equal("A variable with name 'desc' already exists.");
    await run(ClearVariableCommand, { Name: ['desc'] }, { ctx });
    expect(ctx.variables.get('desc')).to.equal(null);
    await run(RemoveVariableCommand, { Name: ['desc'] }, { ctx });
    expect(ctx.variables.has('desc')).to.equal(false);
    const missing = await run(GetVariableCommand, { Name: ['desc'] }, { ctx });
    expect(missing.errors[0]!.message).to.equal("Cannot find a variable with the name 'desc'.");
    expect(missing.errors[0]!.fullyQualifiedErrorId).to.equal('VariableNotFound,Microsoft.PowerShell.Commands.GetVariableCommand');
  });

  it('Set-Variable takes pipeline input as the value (several objects: an array)', async () => {
    const ctx = new FakeContext();
    await run(SetVariableCommand, { Name: ['numbers'] }, { ctx, input: [1, 2, 3] });
    expect(ctx.variables.get('numbers')).to.deep.equal([1, 2, 3]);
    await run(SetVariableCommand, { Name: ['one'] }, { ctx, input: ['x'] });
    expect(ctx.variables.get('one')).to.equal('x');
  });
});

describe('Get-Random', () => {
  it('stays within [Minimum, Maximum) and repeats with a seed', async () => {
    const r = await run(GetRandomCommand, { Minimum: 1, Maximum: 7, Count: 200 });
    expect(r.output.every((n) => Number.isInteger(n) && (n as number) >= 1 && (n as number) < 7)).to.equal(true);
    const a = await run(GetRandomCommand, { SetSeed: 42, Maximum: 1000, Count: 5 });
    const b = await run(GetRandomCommand, { SetSeed: 42, Maximum: 1000, Count: 5 });
    expect(a.output).to.deep.equal(b.output);
  });

  it('picks distinct items from the input and shuffles', async () => {
    const r = await run(GetRandomCommand, { Count: 3 }, { input: [1, 2, 3, 4, 5], set: 'RandomListItemParameterSet' });
    expect(new Set(r.output).size).to.equal(3);
    const s = await run(GetRandomCommand, { Shuffle: true }, { input: [1, 2, 3, 4, 5], set: 'ShuffleParameterSet' });
    expect([...s.output].sort()).to.deep.equal([1, 2, 3, 4, 5]);
  });
});
