import { expect } from 'chai';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createSession, type ScriptSession } from '../../app/run-script.js';
import { commandContext, completeLine } from '../../runtime/host/completion.js';
import { LineHistory } from '../../runtime/host/line-history.js';
import { completionColumns, cursorAfter, endOf } from '../../runtime/host/screen-layout.js';

describe('tab completion (what the Tab key is offered)', function () {
  this.timeout(60_000);
  let home: string;
  let dir: string;
  let session: ScriptSession;
  before(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'host-completion-'));
    dir = fs.mkdtempSync(path.join(home, 'cwd-'));
    fs.mkdirSync(path.join(dir, 'certs'));
    fs.writeFileSync(path.join(dir, 'certs', 'old.cer'), '');
    fs.writeFileSync(path.join(dir, 'Run Book.ps1'), '');
    fs.writeFileSync(path.join(dir, '.hidden'), '');
    session = createSession({ home });
    session.engine.context.location = dir;
  });
  after(() => fs.rmSync(home, { recursive: true, force: true }));

  const complete = (text: string) => completeLine(session.engine, text);

  it('finds the command being typed after |, ;, (, { and an assignment', () => {
    expect(commandContext('Get-ADSy')).to.deep.equal({ words: ['Get-ADSy'], commandPosition: true });
    expect(commandContext('$s = Get-ADSyncSch').commandPosition).to.equal(true);
    expect(commandContext('$s=Get-ADSyncSch').words).to.deep.equal(['Get-ADSyncSch']);
    expect(commandContext('Get-ADSyncScheduler | Select-Object -Fir').words).to.deep.equal(['Select-Object', '-Fir']);
    expect(commandContext('if ($x) { Get-Da').words).to.deep.equal(['Get-Da']);
    expect(commandContext("Write-Output 'a b; c' -Inp").words).to.deep.equal(['Write-Output', "'a b; c'", '-Inp']);
    expect(commandContext('& Get-Da').words).to.deep.equal(['Get-Da']);
    expect(commandContext('Get-Date ').words).to.deep.equal(['Get-Date', '']);
  });

  it('command names: every command starting with the text, sorted', async () => {
    const c = await complete('Get-ADSy');
    expect(c.matches.length).to.be.greaterThan(3);
    expect(c.matches.every((m) => m.startsWith('Get-ADSync'))).to.equal(true);
    expect(c.matches).to.deep.equal([...c.matches].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)));
    expect(c.replaceLength).to.equal(8);
    expect((await complete('$s = Get-ADSyncSchedulerSe')).matches).to.deep.equal(['Get-ADSyncSchedulerSettings']);
    expect((await complete('Get-Help Set-ADSyncSch')).matches, 'Get-Help takes a command name').to.deep.equal(['Set-ADSyncScheduler']);
    expect((await complete('gcm -Name Set-ADSyncSch')).matches).to.deep.equal(['Set-ADSyncScheduler']);
  });

  it('parameter names in declared order then the common ones, without those already given; listed without the dash', async () => {
    const c = await complete('Set-ADSyncScheduler -SyncCycleEnabled $true -');
    expect(c.matches).to.not.include('-SyncCycleEnabled');
    expect(c.matches.slice(0, 2)).to.deep.equal(['-CustomizedSyncCycleInterval', '-NextSyncCyclePolicyType']);
    expect(c.matches).to.include('-ErrorAction');
    expect(c.listItems![0]).to.equal('CustomizedSyncCycleInterval');
    expect((await complete('Get-ADSyncScheduler | Select-Object -Fir')).matches).to.deep.equal(['-First']);
    expect((await complete('Select-Object –Fir')).matches, 'an en dash as the documents write it').to.deep.equal(['-First']);
  });

  it('enum values sorted, ValidateSet values in their order, after a space or a colon', async () => {
    expect((await complete('Set-ADSyncScheduler -NextSyncCyclePolicyType ')).matches).to.deep.equal(['Delta', 'Initial', 'Unspecified']);
    expect((await complete('Start-ADSyncSyncCycle -PolicyType De')).matches).to.deep.equal(['Delta']);
    const colon = await complete('Start-ADSyncSyncCycle -PolicyType:In');
    expect(colon).to.deep.include({ matches: ['Initial'], replaceLength: 2 });
    expect((await complete('Write-Output 1 -ErrorAction ')).matches)
      .to.deep.equal(['Break', 'Continue', 'Ignore', 'Inquire', 'SilentlyContinue', 'Stop', 'Suspend']);
    expect((await complete('Write-Output 1 -ea s')).matches, 'by alias').to.deep.equal(['SilentlyContinue', 'Stop', 'Suspend']);
    expect((await complete('Get-EventLog -LogName Application -EntryType Error,W'))).to.deep.include({ matches: ['Warning'], replaceLength: 1 });
  });

  it('variables: $Err → $Error, $ErrorActionPreference, $ErrorView; $env: names', async () => {
    const c = await complete('$Err');
    expect(c.matches).to.deep.equal(['$Error', '$ErrorActionPreference', '$ErrorView']);
    expect(c.listItems).to.deep.equal(['Error', 'ErrorActionPreference', 'ErrorView']);
    await session.engine.run('$serviceAccountName = "x"');
    expect((await complete('Remove-ADSyncAADServiceAccount -Name $servi')).matches).to.deep.equal(['$serviceAccountName']);
    process.env.SYNCSHELL_COMPLETION_PROBE = '1';
    expect((await complete('$env:SYNCSHELL_COMPLETION_P')).matches).to.deep.equal(['$env:SYNCSHELL_COMPLETION_PROBE']);
    delete process.env.SYNCSHELL_COMPLETION_PROBE;
  });

  it('paths relative to the location: ./ prefix, / after directories (listed first), quoted when needed, no hidden files', async () => {
    expect((await complete('Get-Content ')).matches).to.deep.equal(['./certs/', "'./Run Book.ps1'"]);
    expect((await complete('Get-Content ./certs/o')).matches).to.deep.equal(['./certs/old.cer']);
    expect((await complete('Get-Content .h')).matches, 'a dot asks for hidden names').to.deep.equal(['./.hidden']);
    expect((await complete('Get-Content ./.h')).matches).to.deep.equal(['./.hidden']);
    expect((await complete('./ce')).matches, 'a path at the command position').to.deep.equal(['./certs/']);
    expect((await complete('')).matches, 'Tab on an empty line offers the files here').to.deep.equal(['./certs/', "'./Run Book.ps1'"]);
    expect((await complete('Get-Content nothing-like-this')).matches).to.deep.equal([]);
  });
});

describe('line history file (PSReadLine format)', () => {
  let dir: string;
  before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'host-history-')); });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps multi-line entries whole across sessions, moves a repeated entry to the end, keeps secrets out of the file', () => {
    const file = path.join(dir, 'history.txt');
    const a = new LineHistory(file);
    a.add('Get-Date');
    a.add('if ($x) {\n  "y"\n}');
    a.add('$p = ConvertTo-SecureString "p" -AsPlainText -Force');
    a.add('Get-Date');
    expect(a.entries).to.deep.equal(['if ($x) {\n  "y"\n}', '$p = ConvertTo-SecureString "p" -AsPlainText -Force', 'Get-Date']);
    expect(fs.readFileSync(file, 'utf8')).to.equal('Get-Date\nif ($x) {`\n  "y"`\n}\nGet-Date\n');
    const b = new LineHistory(file);
    expect(b.entries).to.deep.equal(['if ($x) {\n  "y"\n}', 'Get-Date']);
  });

  it('reads only the newest 4096 distinct entries of a long file', () => {
    const file = path.join(dir, 'long.txt');
    const lines = Array.from({ length: 20_000 }, (_, i) => `"entry ${i % 5000}"`);
    fs.writeFileSync(file, lines.join('\n') + '\n');
    const h = new LineHistory(file);
    expect(h.entries.length).to.equal(4096);
    expect(h.entries.at(-1)).to.equal('"entry 4999"');
    expect(h.entries[0]).to.equal(`"entry ${5000 - 4096}"`);
  });
});

describe('screen layout', () => {
  it('wraps at the width, a full row leaving the cursor at the edge until the next character', () => {
    expect(endOf('abcd', 4)).to.deep.equal({ row: 0, col: 4 });
    expect(cursorAfter('abcd', 4)).to.deep.equal({ row: 1, col: 0 });
    expect(cursorAfter('abcde', 4)).to.deep.equal({ row: 1, col: 1 });
    expect(cursorAfter('ab\n>> c', 4), 'a continuation line filled to the edge').to.deep.equal({ row: 2, col: 0 });
    expect(cursorAfter('日本', 3), 'wide characters take two cells').to.deep.equal({ row: 1, col: 2 });
  });

  it('lists completions in columns filled top to bottom, as PSReadLine does', () => {
    expect(completionColumns(['a', 'bb', 'c', 'd', 'e'], 12)).to.deep.equal(['a   c   e', 'bb  d']);
    expect(completionColumns(['one'], 2)).to.deep.equal(['one']);
  });
});
