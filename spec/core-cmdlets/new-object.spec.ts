import { expect } from 'chai';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runScript } from '../../app/run-script.js';

describe('New-Object', () => {
  let home: string;
  before(() => { home = fs.mkdtempSync(path.join(os.tmpdir(), 'syncshell-newobject-')); });
  after(() => fs.rmSync(home, { recursive: true, force: true }));

  it('builds a PSCredential from a user name and a SecureString, as admin scripts do', async () => {
    const r = await runScript('$p = ConvertTo-SecureString "S3cret" -AsPlainText -Force; $c = New-Object System.Management.Automation.PSCredential ("admin@contoso.onmicrosoft.com", $p); $c.UserName; $c.GetNetworkCredential().Password', { home });
    expect(r.output).to.equal('admin@contoso.onmicrosoft.com\nS3cret\n');
  });

  it('creates a custom object with -Property and a typed object with -ArgumentList', async () => {
    const r = await runScript("(New-Object PSObject -Property @{ Name = 'x' }).Name; (New-Object System.TimeSpan -ArgumentList 1, 2, 3).ToString()", { home });
    expect(r.output).to.equal('x\n01:02:03\n');
  });

  it('reports an unknown type and COM as error records', async () => {
    const r = await runScript('New-Object Foo.Bar; New-Object -ComObject Shell.Application; "after"', { home });
    expect(r.output).to.equal('after\n');
    expect(r.errors.map((e) => e.fullyQualifiedErrorId)).to.deep.equal([
      'TypeNotFound,Microsoft.PowerShell.Commands.NewObjectCommand', 'NoCOMClassIdentified,Microsoft.PowerShell.Commands.NewObjectCommand']);
  });
});
