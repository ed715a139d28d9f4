import { expect } from 'chai';
import * as fs from 'node:fs';
import { tempHome } from './cli-runner.js';
import { PtySession } from './pty-session.js';

describe('interactive shell in a pseudo-terminal', function () {
  this.timeout(120_000);
  let home: string;
  let s: PtySession;
  before(async () => {
    home = tempHome();
    s = new PtySession(home);
    await s.waitFor(/PS [^\n]*> $/);
  });
  after(() => { s.kill(); fs.rmSync(home, { recursive: true, force: true }); });

  it('completes a command name with Tab', async () => {
    const m = s.mark();
    s.type('Select-Obj\t');
    await s.waitFor('Select-Object', m);
    s.type(' -InputObject 5\r');
    const out = await s.waitFor(/\n5\n.*PS [^\n]*> $/s, m);
    expect(out).to.contain('5');
  });

  it('completes Get-ADSy to an ADSync cmdlet and runs it', async () => {
    const m = s.mark();
    s.type('Get-ADSyncSch\t');
    await s.waitFor('Get-ADSyncSchedule', m);
    s.type('\t'); // ambiguous: the second Tab lists the candidates under the line
    await s.waitFor('Get-ADSyncSchedulerSettings', m);
    s.type('\x15'); // clear the line (Ctrl+U) and type a unique prefix instead
    s.type('Get-ADSyncConnectorRun\t');
    await s.waitFor('Get-ADSyncConnectorRunStatus', m);
    s.type('\r');
    await s.waitFor(/\nPS [^\n]*> $/, m, 60_000);
  });

  it('takes en-dash parameters as typed in the documents and shows a table', async () => {
    const out = await s.run("[pscustomobject]@{Name='x'; Count=3} | Select-Object –Property Name, Count");
    expect(out).to.match(/Name\s+Count\n----\s+-----\nx\s+3/);
  });

  it('completes an enum value after a parameter', async () => {
    const m = s.mark();
    s.type("Write-Output -InputObject 1 -ErrorAction Sil\t");
    await s.waitFor('SilentlyContinue', m);
    s.type('\r');
    await s.waitFor(/\nPS [^\n]*> $/, m);
  });

  it('completes -PolicyType De<Tab> to Delta as the issue asks', async () => {
    const m = s.mark();
    s.type('Start-ADSyncSyncCycle -PolicyType De\t');
    await s.waitFor('-PolicyType Delta', m);
    s.type('\r');
    const out = await s.waitFor(/\nPS [^\n]*> $/, m, 60_000);
    expect(out).to.match(/Result\n------\nSuccess/);
  });

  it('reads a Get-Credential password masked: the password never appears on screen', async () => {
    const m = s.mark();
    s.type('$c = Get-Credential\r');
    await s.waitFor('User: ', m);
    s.type('admin@contoso.onmicrosoft.com\r');
    await s.waitFor('Password for user admin@contoso.onmicrosoft.com: ', m);
    s.type('S3cret-Pa55!\r');
    await s.waitFor(/\nPS [^\n]*> $/, m);
    const check = await s.run('$c.UserName; $c.GetNetworkCredential().Password.Length');
    expect(check).to.contain('admin@contoso.onmicrosoft.com');
    expect(check).to.match(/\n12\n/);
    expect(s.plain()).to.not.contain('S3cret-Pa55!');
  });

  it('Ctrl+C stops a running Start-Sleep and gives the prompt back', async () => {
    const m = s.mark();
    s.type('Start-Sleep 600\r');
    // The line is accepted (the editor moved to the next row); the command is running now or about to.
    await s.waitFor('Start-Sleep 600\n', m);
    s.type('\x03');
    await s.waitFor(/\nPS [^\n]*> $/, m, 60_000);
    const after = await s.run('"still here"');
    expect(after).to.contain('still here');
  });
});
