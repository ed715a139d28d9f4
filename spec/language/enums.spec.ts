import { expect } from 'chai';
import { loadSyncshellRunner } from '../conformance/syncshell-runner.js';
import type { ScriptRunner } from '../conformance/harness.js';
import { PSEnum, enumText, parseEnum, enumMember } from '../../runtime/values/enum.js';
import { resolveType } from '../../runtime/evaluator/types.js';
import { convertTo } from '../../runtime/values/convert.js';
import { T } from '../../runtime/commands/types.js';

// The language rules for enums are compared with the real engine in the conformance corpus (enums-*).
// These cover what the engine package cannot show: Utility cmdlets (Sort-Object, Select-Object,
// ConvertTo-Json), the binder's hand-over to cmdlet classes, and the representation itself.
describe('language: enum values (runtime/values/enum.ts)', () => {
  let run: ScriptRunner;
  before(async () => {
    const { runner, reason } = await loadSyncshellRunner();
    if (!runner) throw new Error(reason);
    run = runner;
  });
  const out = async (script: string) => (await run(script)).output;

  it('a flags value prints its members in ascending order; an undefined value prints its number', () => {
    const opts = resolveType('System.StringSplitOptions')!;
    expect(enumText(opts, 3)).to.equal('RemoveEmptyEntries, TrimEntries');
    expect(enumText(opts, 0)).to.equal('None');
    expect(enumText(opts, 8)).to.equal('8');
    const day = resolveType('System.DayOfWeek')!;
    expect(enumText(day, 7)).to.equal('7');
    expect(parseEnum(day, ' fri ').value).to.equal(5);
    expect(() => parseEnum(day, 'T')).to.throw(/too similar or identical to the following enumerator names: Tuesday, Thursday/);
  });

  it('members with explicit numbers keep them (TypeCode has no 17)', () => {
    const tc = resolveType('System.TypeCode')!;
    expect(enumMember(tc, 'String').value).to.equal(18);
    expect(enumText(tc, 17)).to.equal('17');
  });

  it("a cmdlet class's enum parameter receives the member name; a script's typed parameter keeps the enum", () => {
    const spec = T.enum('System.DayOfWeek', ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']);
    const friday = enumMember(resolveType('System.DayOfWeek')!, 'Friday');
    expect(convertTo(friday, spec)).to.equal('Friday');
    expect(convertTo('fri', spec)).to.equal('Friday');
    expect(convertTo(5, spec)).to.equal('Friday');
    expect(convertTo('Friday', { ...spec, keepsEnum: true })).to.be.instanceOf(PSEnum);
  });

  it('script parameters typed as an enum convert and keep the type', async () => {
    expect(await out('function f([System.DayOfWeek]$d) { $d.GetType().Name; [int]$d }; f thu')).to.equal('DayOfWeek\n4\n');
  });

  it('common parameters take enum values, numbers and names', async () => {
    const r = await run("Write-Error 'boom' -ErrorAction ([System.Management.Automation.ActionPreference]::SilentlyContinue); Write-Error 'two' -ErrorAction 0; $Error.Count");
    expect(r.output).to.equal('2\n');
  });

  it('the global preference variables are typed; a local one is a plain variable', async () => {
    expect(await out("$ErrorActionPreference = 'silentlycontinue'; $ErrorActionPreference; $ErrorActionPreference.GetType().Name; Write-Error 'hidden'; 'after'"))
      .to.equal('SilentlyContinue\nActionPreference\nafter\n');
    expect(await out("function f { $ErrorActionPreference = 'stop'; $ErrorActionPreference.GetType().Name }; f")).to.equal('String\n');
    const bad = await run("$ErrorActionPreference = 'sometimes'");
    expect(bad.errors?.map((e) => `${e.fqid}|${e.category}`)).to.deep.equal(['RuntimeException|MetadataError']);
    // A local preference still governs the commands in its scope.
    expect(await out("function f { $ErrorActionPreference = 'Stop'; try { Write-Error 'x' } catch { 'caught' } }; f")).to.equal('caught\n');
  });

  it('Sort-Object sorts enums by value, Group-Object groups by name', async () => {
    expect(await out("[System.DayOfWeek]::Friday, [System.DayOfWeek]::Monday, [System.DayOfWeek]::Sunday | Sort-Object")).to.equal('Sunday\nMonday\nFriday\n');
    expect(await out("[System.DayOfWeek]'Mon', [System.DayOfWeek]'Fri', [System.DayOfWeek]'Mon' | Group-Object | ForEach-Object { $_.Name + '=' + $_.Count }"))
      .to.equal('Monday=2\nFriday=1\n');
  });

  it('Select-Object keeps an enum property an enum, so its column right-aligns', async () => {
    const text = await out('[datetime]::new(2026, 11, 23) | Select-Object DayOfWeek, Day');
    expect(text).to.equal('\nDayOfWeek Day\n--------- ---\n   Monday  23\n\n');
  });

  it('ConvertTo-Json writes the number, or the name with -EnumsAsStrings', async () => {
    expect(await out("@{ d = [System.DayOfWeek]::Friday } | ConvertTo-Json -Compress")).to.equal('{"d":5}\n');
    expect(await out("@{ d = [System.DayOfWeek]::Friday } | ConvertTo-Json -Compress -EnumsAsStrings")).to.equal('{"d":"Friday"}\n');
  });

  it('an error record names its category as an ErrorCategory value', async () => {
    expect(await out("try { Write-Error 'x' -Category InvalidData -ErrorAction Stop } catch { $_.CategoryInfo.Category; [int]$_.CategoryInfo.Category }"))
      .to.equal('InvalidData\n6\n');
  });
});
