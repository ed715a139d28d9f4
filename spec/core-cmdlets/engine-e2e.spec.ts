/**
 * The core cmdlets through the real engine (parser, binder, pipeline runner, formatter): what a user
 * sees for typical lines. Expected texts are pwsh 7's output for the same lines.
 */
import { expect } from 'chai';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createSession, runScript } from '../../app/run-script.js';

describe('core cmdlets end to end', function () {
  this.timeout(60000);
  let home: string;
  before(() => { home = fs.mkdtempSync(path.join(os.tmpdir(), 'core-e2e-')); });
  after(() => fs.rmSync(home, { recursive: true, force: true }));
  const sh = (text: string, answers?: string[]) => runScript(text, { home, answers });

  it('streams Select-Object -First into ForEach-Object', async () => {
    const r = await sh('1..10 | Select-Object -First 3 | ForEach-Object { $_ * 10 }');
    expect(r.output).to.equal('10\n20\n30\n');
  });

  it('Where-Object comparison statement and -ExpandProperty', async () => {
    const r = await sh('[pscustomobject]@{Name="a";N=1},[pscustomobject]@{Name="b";N=2} | Where-Object N -gt 1 | Select-Object -ExpandProperty Name');
    expect(r.output).to.equal('b\n');
  });

  it('the documents\' hash-to-hex line with the member form (named parameters)', async () => {
    const r = await sh('$hashBytes = [byte[]](0,10,171,255); ($hashBytes | ForEach-Object -MemberName ToString -ArgumentList X2) -join ""');
    expect(r.output).to.equal('000AABFF\n');
  });

  it('Group-Object prints the GroupInfo table', async () => {
    const r = await sh('1,1,2 | Group-Object');
    expect(r.output).to.equal('\nCount Name                      Group\n----- ----                      -----\n    2 1                         {1, 1}\n    1 2                         {2}\n\n');
  });

  it('Measure-Object prints the GenericMeasureInfo list with empty unselected statistics', async () => {
    const r = await sh('1..100 | Measure-Object -Sum');
    expect(r.output).to.equal('\nCount             : 100\nAverage           : \nSum               : 5050\nMaximum           : \nMinimum           : \nStandardDeviation : \nProperty          : \n\n');
  });

  it('Get-Command prints CommandType/Name/Version/Source with aliases as "gci -> Get-ChildItem"', async () => {
    const r = await sh('Get-Command -Name Where-Object, gci');
    expect(r.output).to.equal([
      '',
      'CommandType     Name                                               Version    Source',
      '-----------     ----                                               -------    ------',
      'Cmdlet          Where-Object                                       7.6.0.500  Microsoft.PowerShell.Core',
      'Alias           gci -> Get-ChildItem                                          ',
      '', '',
    ].join('\n'));
  });

  it('Get-Member groups members under TypeName', async () => {
    const r = await sh('"abc" | Get-Member -MemberType Property');
    expect(r.output).to.equal('\n   TypeName: System.String\n\nName   MemberType Definition\n----   ---------- ----------\nLength Property   int Length {get;}\n\n');
  });

  it('Write-Error is non-terminating with pwsh\'s id and concise view', async () => {
    const r = await sh('Write-Error "boom"; "after"');
    expect(r.output).to.equal('after\n');
    expect(r.errors[0]!.fullyQualifiedErrorId).to.equal('Microsoft.PowerShell.Commands.WriteErrorException');
    expect(r.errorText.trim()).to.equal('Write-Error: boom');
  });

  it('Read-Host reads the next answer with the prompt "Name: "', async () => {
    const r = await sh('$n = Read-Host "Name"; "Hello $n"', ['Ada']);
    expect(r.output).to.equal('Hello Ada\n');
    expect(r.hostText).to.contain('Name: ');
  });

  it('a SecureString prints as its type name', async () => {
    const r = await sh('ConvertTo-SecureString "x" -AsPlainText');
    expect(r.output).to.equal('System.Security.SecureString\n');
  });

  it('Get-Date -Format uses the given date; Get-Help renders the syntax line', async () => {
    expect((await sh('Get-Date -Date "2026-01-05" -Format "yyyy-MM-dd dddd"')).output).to.equal('2026-01-05 Monday\n');
    const help = (await sh('Get-Help Select-Object')).output;
    expect(help).to.contain('\nSYNTAX\n    Select-Object [[-Property] <Object[]>] [-InputObject <psobject>] [-ExcludeProperty <string[]>] [-ExpandProperty \n    <string>] [-Unique] [-CaseInsensitive] [-Last <int>] [-First <int>] [-Skip <int>] [-Wait] [<CommonParameters>]\n');
  });

  it('variables, locations and content through the session', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'core-e2e-fs-'));
    try {
      const r = await sh(`Set-Location '${dir}'; 'a','b' | Set-Content f.txt; Add-Content f.txt c; (Get-Content f.txt).Count; Test-Path f.txt; Set-Variable n 5 -PassThru | Out-Null; (Get-Variable n).Value`);
      expect(r.output).to.equal('3\nTrue\n5\n');
      expect(fs.readFileSync(path.join(dir, 'f.txt'), 'utf8')).to.equal('a\nb\nc\n');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('Ctrl+C during Start-Sleep stops the pipeline, not the session', async () => {
    const session = createSession({ home });
    const timer = setTimeout(() => session.engine.stop(), 100);
    const r = await session.engine.run('Start-Sleep 30; "after"');
    clearTimeout(timer);
    expect(r.stopped).to.equal(true);
    expect(session.objects).to.deep.equal([]);
    const next = await session.engine.run('"next"');
    expect(next.succeeded).to.equal(true);
    expect(session.objects).to.deep.equal(['next']);
  });
});
