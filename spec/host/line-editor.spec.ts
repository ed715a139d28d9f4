/**
 * The interactive prompt typed at like a person, in a real pseudo-terminal: PSReadLine's Emacs
 * bindings (its default on Linux), multi-line input, history across sessions, completion lists,
 * Ctrl+C and Ctrl+D, long lines and resizing. Assertions read the visible screen (a terminal model
 * fed with everything the shell wrote), so they see what the person sees, not the redraw stream.
 */
import { expect } from 'chai';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempHome } from './cli-runner.js';
import { KEY, PtySession } from './pty-session.js';

const PROMPT = /PS [^\n]*> $/;

async function open(home: string, opts: ConstructorParameters<typeof PtySession>[1] = {}): Promise<PtySession> {
  const s = new PtySession(home, opts);
  await s.waitFor(PROMPT, 0, 30_000);
  return s;
}

describe('line editor at the interactive prompt (node-pty)', function () {
  this.timeout(120_000);
  let home: string;
  let s: PtySession;
  before(async () => { home = tempHome(); s = await open(home); });
  after(() => { s.kill(); fs.rmSync(home, { recursive: true, force: true }); });

  it('edits in the middle of the line: arrows, Backspace, Home/End, Ctrl+A/Ctrl+E', async () => {
    const m = s.mark();
    s.keys('Output abcdef', KEY.left, KEY.left, KEY.left, KEY.backspace, 'X', KEY.home, 'Write-', KEY.end, 'Y', KEY.ctrlA, KEY.ctrlE, 'Z');
    await s.waitForScreen(/PS [^\n]*> Write-Output abXdefYZ$/);
    s.keys(KEY.enter);
    const out = await s.prompt(m);
    expect(out).to.match(/\nabXdefYZ\n/);
  });

  it('Ctrl+U, Ctrl+K and Ctrl+W cut as PSReadLine does, Ctrl+Y puts the cut text back, Ctrl+_ undoes', async () => {
    const m = s.mark();
    // Ctrl+W is UnixWordRubout: back to the previous whitespace, so '-a:b' goes as one word.
    s.keys('Write-Output one two -a:b', KEY.ctrlW);
    await s.waitForScreen(/> Write-Output one two $/);
    s.keys(KEY.ctrlA, KEY.altF, KEY.ctrlK);
    await s.waitForScreen(/> Write$/);
    s.keys(KEY.ctrlY);
    await s.waitForScreen(/> Write-Output one two $/);
    s.keys(KEY.ctrlU);
    await s.waitForScreen(/PS [^\n]*> $/);
    s.keys(KEY.ctrlUndo); // Ctrl+_ undoes the cut
    await s.waitForScreen(/> Write-Output one two $/);
    s.keys(KEY.ctrlU, 'Write-Output kept', KEY.enter);
    const out = await s.prompt(m);
    expect(out).to.match(/\nkept\n/);
  });

  it('Ctrl+C on a half-typed line leaves it with ^C, gives a new prompt, and the shell keeps working', async () => {
    const m = s.mark();
    s.keys('Get-Date -Hou', KEY.ctrlC);
    await s.waitFor(/Get-Date -Hou\^C\nPS [^\n]*> $/, m);
    const m1 = s.mark();
    s.keys('"after cancel"', KEY.enter);
    const out = await s.prompt(m1);
    expect(out, JSON.stringify(out)).to.match(/\nafter cancel\n/);
    expect(out).to.not.contain('Get-Date: ');
    // Again, twice in a row: each cancel gives exactly one new prompt.
    // (Each cancel is awaited: keys typed ahead of the new prompt after ^C are not kept yet, see docs/host.md.)
    s.keys('abc', KEY.ctrlC);
    await s.waitForScreen(/> abc\^C\nPS [^\n]*> $/);
    s.keys('def', KEY.ctrlC);
    await s.waitForScreen(/> abc\^C\nPS [^\n]*> def\^C\nPS [^\n]*> $/);
    s.keys('1+1', KEY.enter);
    await s.waitForScreen(/> abc\^C\nPS [^\n]*> def\^C\nPS [^\n]*> 1\+1\n2\nPS [^\n]*> $/);
  });

  it('an open block continues on ">> " lines in one input, and Up recalls the whole block', async () => {
    const m = s.mark();
    s.keys('if ($true) {', KEY.enter);
    await s.waitForScreen(/\n>> $/);
    s.keys('"in block"', KEY.enter, '}', KEY.enter);
    const out = await s.prompt(m);
    expect(out).to.match(/> if \(\$true\) \{\n>> "in block"\n>> \}\nin block\n/);
    const m2 = s.mark();
    s.keys(KEY.up);
    await s.waitForScreen(/> if \(\$true\) \{\n>> "in block"\n>> \}$/);
    s.keys(KEY.enter);
    expect(await s.prompt(m2)).to.match(/\nin block\n/);
  });

  it('Up and Down walk the history without filtering by what is typed; Down past the end restores the typed text', async () => {
    await s.run('"first"');
    await s.run('"second"');
    s.keys('Get', KEY.up);
    await s.waitForScreen(/> "second"$/);
    s.keys(KEY.up);
    await s.waitForScreen(/> "first"$/);
    s.keys(KEY.down, KEY.down);
    await s.waitForScreen(/> Get$/);
    s.keys(KEY.ctrlU);
    await s.waitForScreen(/PS [^\n]*> $/);
  });

  it('Ctrl+R searches the history backwards', async () => {
    await s.run('"needle-in-history"');
    await s.run('"other"');
    const m = s.mark();
    s.keys(KEY.ctrlR, 'needle');
    await s.waitForScreen(/"needle-in-history"\nbck-i-search: needle_$/);
    s.keys(KEY.enter);
    expect(await s.prompt(m)).to.match(/\nneedle-in-history\n/);
  });

  it('keys typed while a command runs appear at the next prompt', async () => {
    const m = s.mark();
    s.keys('Start-Sleep -Milliseconds 300; "slept"', KEY.enter, '"typed ahead"');
    await s.waitForScreen(/slept\nPS [^\n]*> "typed ahead"$/);
    s.keys(KEY.enter);
    expect(await s.prompt(m)).to.match(/\ntyped ahead\n/);
  });

  it('Ctrl+C typed right behind Enter stops the command that line starts', async () => {
    const m = s.mark();
    s.keys('Start-Sleep 600', KEY.enter, KEY.ctrlC);
    await s.prompt(m, 60_000);
    expect((await s.run('"alive"'))).to.contain('alive');
  });

  it('Ctrl+C at a Read-Host prompt stops the command quietly, as pwsh does', async () => {
    const m = s.mark();
    s.keys('Read-Host "Name"; "not reached"', KEY.enter);
    await s.waitFor('Name: ', m);
    s.keys('abc', KEY.ctrlC);
    const out = await s.prompt(m);
    expect(out).to.contain('Name: abc^C');
    expect(out).to.not.match(/\nnot reached\n/);
    expect(out).to.not.match(/Read-Host:/);
  });

  it('a masked password: one * per character, Backspace removes one, the text never appears', async () => {
    const m = s.mark();
    s.keys('$c = Get-Credential', KEY.enter);
    await s.waitFor('User: ', m);
    s.keys('admin@contoso.com', KEY.enter);
    await s.waitFor('Password for user admin@contoso.com: ', m);
    s.keys('S3cretX', KEY.backspace, '!', KEY.left, KEY.left, 'q');
    await s.waitForScreen(/Password for user admin@contoso\.com: \*{8}$/);
    s.keys(KEY.enter);
    await s.prompt(m);
    const out = await s.run('$c.GetNetworkCredential().Password');
    expect(out).to.match(/\nS3creqt!\n/);
    expect(s.plain(m).split('$c.GetNetworkCredential')[0]).to.not.contain('S3cre');
  });

  it('output that did not end its line stays before the prompt (Write-Host -NoNewline)', async () => {
    s.keys("Write-Host -NoNewline 'partial> '", KEY.enter);
    await s.waitForScreen(/\npartial> PS [^\n]*> $/);
    s.keys('"next"');
    await s.waitForScreen(/\npartial> PS [^\n]*> "next"$/);
    const m = s.mark();
    s.keys(KEY.enter);
    expect(await s.prompt(m)).to.match(/\nnext\n/);
  });

  it('a transcript records each command after its prompt', async () => {
    const file = path.join(home, 'transcript.txt');
    await s.run(`Start-Transcript -Path '${file}'`);
    const m = s.mark();
    s.keys('if ($true) {', KEY.enter, '"inside"', KEY.enter, '}', KEY.enter);
    await s.prompt(m);
    await s.run('Stop-Transcript');
    expect(fs.readFileSync(file, 'utf8')).to.match(/\nPS [^\n]*> if \(\$true\) \{\n>> "inside"\n>> \}\ninside\nPS [^\n]*> Stop-Transcript\n/);
  });

  it('a line longer than the terminal wraps, and editing its start redraws both rows', async () => {
    const long = 'x'.repeat(130);
    const m = s.mark();
    s.keys(`Write-Output '${long}'`, KEY.ctrlA, KEY.altF, '-Output', KEY.ctrlE);
    // 'PS <loc>> Write-Output-Output 'xxx…' is longer than 120 columns: two rows on the screen.
    await s.waitForScreen(new RegExp(`> Write-Output-Output 'x+\\nx+'$`));
    s.keys(KEY.ctrlA, KEY.altF, KEY.altF, ...Array(7).fill(KEY.backspace), KEY.enter);
    const out = await s.prompt(m);
    expect(out).to.contain('\n' + long.slice(0, 100));
  });

  it('after the terminal is resized, the line is redrawn at the new width and editing goes on', async () => {
    const m = s.mark();
    s.keys(`Write-Output '${'y'.repeat(60)}'`);
    await s.waitForScreen(/> Write-Output 'y{60}'$/);
    s.resize(80);
    s.keys(KEY.ctrlA, KEY.altF, KEY.altF, ' ');
    // The first row at 80 columns holds the prompt (its length depends on where the clone lives), the command and as many y's as fit.
    const first = 80 - `PS ${process.cwd()}> Write-Output  '`.length;
    await s.waitForScreen(new RegExp(`> Write-Output  'y{${first}}\\ny{${60 - first}}'$`));
    s.keys(KEY.enter);
    const out = await s.prompt(m);
    expect(out).to.contain('\n' + 'y'.repeat(60));
    s.resize(120);
  });
});

describe('history across sessions and exit keys (node-pty)', function () {
  this.timeout(120_000);
  let home: string;
  before(() => { home = tempHome(); });
  after(() => fs.rmSync(home, { recursive: true, force: true }));

  it('Up recalls lines of an earlier session (multi-line ones whole); Get-History is per session; secrets stay out of the file', async () => {
    const a = await open(home);
    try {
      await a.run('"from the first session"');
      const m = a.mark();
      a.keys('foreach ($i in 1..2) {', KEY.enter, '"item $i"', KEY.enter, '}', KEY.enter);
      await a.prompt(m);
      await a.run("$pw = ConvertTo-SecureString 'Hunter2!' -AsPlainText -Force");
      a.keys('exit', KEY.enter);
      expect(await a.waitForExit()).to.equal(0);
    } finally { a.kill(); }
    const file = fs.readFileSync(path.join(home, 'history.txt'), 'utf8');
    expect(file).to.contain('"from the first session"');
    expect(file).to.contain('foreach ($i in 1..2) {`\n"item $i"`\n}\n');
    expect(file).to.not.contain('Hunter2');

    const b = await open(home);
    try {
      b.keys(KEY.up);
      await b.waitForScreen(/> exit$/);
      b.keys(KEY.up);
      await b.waitForScreen(/> foreach \(\$i in 1\.\.2\) \{\n>> "item \$i"\n>> \}$/);
      b.keys(KEY.up);
      await b.waitForScreen(/> "from the first session"$/);
      b.keys(KEY.ctrlU);
      const out = await b.run('(Get-History).Count');
      expect(out).to.match(/\n0\n/);
    } finally { b.kill(); }
  });

  it('-Command in a terminal prompts at the terminal (Read-Host, Get-Credential with a masked password)', async () => {
    const s = new PtySession(home, { args: ['-NoLogo', '-Command', '$n = Read-Host "Name"; $c = Get-Credential; "$n/$($c.UserName)/$($c.GetNetworkCredential().Password.Length)"'] });
    try {
      await s.waitFor('Name: ', 0, 30_000);
      s.keys('ada', KEY.enter);
      await s.waitFor('User: ');
      s.keys('admin@contoso.com', KEY.enter);
      await s.waitFor('Password for user admin@contoso.com: ');
      s.keys('Secr3t!', KEY.enter);
      await s.waitFor('ada/admin@contoso.com/7\n');
      expect(await s.waitForExit()).to.equal(0);
      expect(s.plain()).to.not.contain('Secr3t!');
    } finally { s.kill(); }
  });

  it('-Command - in a terminal reads the script from the typed lines', async () => {
    const s = new PtySession(home, { args: ['-NoLogo', '-Command', '-'] });
    try {
      s.type('"from stdin " + (6*7)\r');
      await s.waitFor('from stdin 42\n', 0, 30_000);
      s.type('\x04');
      expect(await s.waitForExit()).to.equal(0);
    } finally { s.kill(); }
  });

  it('-NoExit -Command: Ctrl+C stops the command, then the prompt opens', async () => {
    const s = new PtySession(home, { args: ['-NoLogo', '-NoExit', '-Command', '"started"; Start-Sleep 600; "never"'] });
    try {
      await s.waitFor('started\n', 0, 30_000);
      s.keys(KEY.ctrlC);
      const out = await s.waitFor(/\nPS [^\n]*> $/, 0, 60_000);
      expect(out).to.not.contain('never');
      expect(await s.run('"interactive now"')).to.match(/\ninteractive now\n/);
    } finally { s.kill(); }
  });

  it('with stdout redirected, the prompt and the typed text go to the terminal and only the output to the file', async () => {
    const file = path.join(home, 'out.txt');
    const s = await open(home, { stdoutTo: file });
    try {
      await s.run('Get-Date -Year 2020 | ForEach-Object Year');
      const m = s.mark();
      s.keys('Read-Host "Answer"', KEY.enter);
      await s.waitFor('Answer: ', m);
      s.keys('forty-two', KEY.enter);
      await s.prompt(m);
      s.keys('exit', KEY.enter);
      expect(await s.waitForExit()).to.equal(0);
    } finally { s.kill(); }
    expect(fs.readFileSync(file, 'utf8')).to.equal('2020\nforty-two\n');
  });

  it('Ctrl+D on an empty line ends the shell with exit code 0; on text it deletes the character under the cursor', async () => {
    const s = await open(home);
    try {
      const m = s.mark();
      s.keys('"abc"', KEY.ctrlA, KEY.ctrlD, KEY.ctrlD, KEY.enter);
      // "abc" with its first two characters deleted: bc" is an unterminated string, so a >> line follows.
      await s.waitForScreen(/> bc"\n>> $/);
      s.keys(KEY.ctrlC);
      await s.waitFor(/\^C\nPS [^\n]*> $/, m);
      s.keys(KEY.ctrlD);
      expect(await s.waitForExit()).to.equal(0);
    } finally { s.kill(); }
  });
});

describe('tab completion lists (node-pty)', function () {
  this.timeout(120_000);
  let home: string;
  let cwd: string;
  let s: PtySession;
  before(async () => {
    home = tempHome();
    cwd = fs.mkdtempSync(path.join(home, 'work-'));
    fs.mkdirSync(path.join(cwd, 'scripts'));
    fs.writeFileSync(path.join(cwd, 'scripts', 'rotate.ps1'), '"rotated"\n');
    fs.writeFileSync(path.join(cwd, 'my notes.txt'), 'x');
    fs.mkdirSync(path.join(cwd, 'many'));
    for (let i = 0; i < 120; i++) fs.writeFileSync(path.join(cwd, 'many', `log${String(i).padStart(3, '0')}.txt`), '');
    s = await open(home, { cwd });
  });
  after(() => { s.kill(); fs.rmSync(home, { recursive: true, force: true }); });

  async function clear(): Promise<void> { s.keys(KEY.ctrlE, KEY.ctrlU); await s.waitForScreen(/PS [^\n]*> $/); }

  it('Tab completes the common part; Tab again lists the commands sorted, in columns read top to bottom', async () => {
    s.keys('Get-ADSy', KEY.tab);
    await s.waitForScreen(/> Get-ADSync$/);
    s.keys(KEY.tab);
    const screen = await s.waitForScreen(/Get-ADSyncScheduler[^\n]*\n(.*\n)*PS [^\n]*> Get-ADSync$/);
    const list = screen.split('\n').filter((l) => l.startsWith('Get-ADSync') && !l.includes('> '));
    const columnsDown = list.map((l) => l.split(/\s{2,}/)[0]);
    const sorted = [...columnsDown].sort((a, b) => a!.toLowerCase().localeCompare(b!.toLowerCase()));
    expect(columnsDown, 'the first column reads down in sorted order').to.deep.equal(sorted);
    await clear();
  });

  it('parameter names are listed without the dash, leaving out parameters already on the line', async () => {
    const input = 'Set-ADSyncScheduler -SyncCycleEnabled $true -';
    // Every name starts with '-': the first Tab has nothing longer to insert, the second lists.
    s.keys(input, KEY.tab, KEY.tab);
    const screen = await s.waitForScreen(/NextSyncCyclePolicyType[^]*> Set-ADSyncScheduler -SyncCycleEnabled \$true -$/);
    const lines = screen.split('\n');
    const first = lines.findIndex((l) => l.endsWith('> ' + input));
    const list = lines.slice(first + 1, -1).join('\n');
    expect(list).to.contain('CustomizedSyncCycleInterval');
    expect(list).to.contain('NextSyncCyclePolicyType');
    expect(list).to.not.match(/(^|\s)SyncCycleEnabled(\s|$)/);
    expect(list).to.not.contain('-');
    await clear();
  });

  it('enum values after a parameter are listed sorted, and the one matching completes', async () => {
    s.keys('Set-ADSyncScheduler -NextSyncCyclePolicyType ', KEY.tab);
    await s.waitForScreen(/\nDelta\s+Initial\s+Unspecified\n/);
    s.keys('In', KEY.tab);
    await s.waitForScreen(/> Set-ADSyncScheduler -NextSyncCyclePolicyType Initial$/);
    await clear();
  });

  it('with 100 candidates or more, asks before listing them', async () => {
    s.keys('Get-Content ./many/', KEY.tab);
    await s.waitForScreen(/> Get-Content \.\/many\/log$/);
    s.keys(KEY.tab);
    await s.waitForScreen(/\nDisplay all 120 possibilities\? \(y or n\) _$/);
    s.keys('n');
    await s.waitForScreen(/_\nPS [^\n]*> Get-Content \.\/many\/log$/);
    s.keys(KEY.tab);
    await s.waitForScreen(/\nDisplay all 120 possibilities\? \(y or n\) _$/);
    s.keys('y');
    await s.waitForScreen(/log119\.txt[^]*\nPS [^\n]*> Get-Content \.\/many\/log$/);
    await clear();
  });

  it('Tab in the middle of a word completes the whole word', async () => {
    s.keys('Get-ADSyncSchedulerSe | Format-List', ...Array(14).fill(KEY.left), KEY.left, KEY.tab);
    await s.waitForScreen(/> Get-ADSyncSchedulerSettings \| Format-List$/);
    await clear();
  });

  it('completes a command after an assignment: $s = Get-ADSyncSchedulerSe<Tab>', async () => {
    s.keys('$s = Get-ADSyncSchedulerSe', KEY.tab);
    await s.waitForScreen(/> \$s = Get-ADSyncSchedulerSettings$/);
    await clear();
  });

  it('completes variable names: $Err<Tab> → $Error, Tab again lists $Error, $ErrorActionPreference, $ErrorView', async () => {
    s.keys('$Err', KEY.tab);
    await s.waitForScreen(/> \$Error$/);
    s.keys(KEY.tab);
    await s.waitForScreen(/\nError\s+ErrorActionPreference\s+ErrorView\n/);
    await clear();
    s.keys('$ErrorActionP', KEY.tab);
    await s.waitForScreen(/> \$ErrorActionPreference$/);
    await clear();
  });

  it('completes file paths as pwsh on Linux: ./ first, / after a directory, quotes around a name with a space', async () => {
    s.keys('Get-Content scr', KEY.tab);
    await s.waitForScreen(/> Get-Content \.\/scripts\/$/);
    s.keys('ro', KEY.tab);
    await s.waitForScreen(/> Get-Content \.\/scripts\/rotate\.ps1$/);
    await clear();
    s.keys('Get-Content my', KEY.tab);
    await s.waitForScreen(/> Get-Content '\.\/my notes\.txt'$/);
    await clear();
    const m = s.mark();
    s.keys('Get-Content ./scr', KEY.tab, 'ro', KEY.tab, KEY.enter);
    const ran = await s.prompt(m);
    expect(ran, JSON.stringify(ran)).to.match(/\n"rotated"\n/);
  });
});
