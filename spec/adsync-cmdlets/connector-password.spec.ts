import { expect } from 'chai';
import type { OpenedConnect } from '../../connect/index.js';
import { shell, GA, HIA, PASSWORD, type Shell } from './harness.js';

const OLD_PASSWORD = 'AADSTS70002: Error validating credentials. AADSTS50054: Old password is used for authentication.';

/**
 * The documents' fix for a stale connector password (reference §4): an administrator changed the Sync_ account's
 * password in Entra, the server still signs in with the old one, sync stops with AADSTS50054 (event 659 and the run
 * history), and Add-ADSyncAADServiceAccount -AADCredential $cred resets it. Written as an admin would type it.
 */
describe('ADSync cmdlets: a stale connector account password and Add-ADSyncAADServiceAccount', function () {
  this.timeout(120_000);
  let sh: Shell;
  beforeEach(() => { sh = shell(); });
  afterEach(() => sh.cleanup());

  const tenant = () => sh.session.engine.services.get<OpenedConnect>('connect.opened').tenant!;
  const lastExport = async () => (await sh.run('Get-ADSyncRunProfileResult -ConnectorId b891884f-051e-4a83-95af-2544101c9083 -NumberRequested 1')).objects[0];
  const prop = (o: unknown, n: string) => (o as { get(n: string): unknown }).get(n);

  it('a Graph password change outside Connect stops sync with AADSTS50054 (659, 906, run history); Add-ADSyncAADServiceAccount -AADCredential $cred fixes it at once', async () => {
    let r = await sh.run([
      '$upn = (Get-ADSyncEntraConnectorCredential).UserName',
      "Connect-MgGraph -Scopes 'Directory.AccessAsUser.All' -NoWelcome",
      "Invoke-MgGraphRequest -Method PATCH -Uri \"/v1.0/users/$upn\" -Body @{ passwordProfile = @{ password = 'Changed-by-GA-2026!' } }",
      'Set-EmulatorClock -Advance 02:00:00 | Out-Null',
    ].join('\n'), GA, PASSWORD);
    expect(r.errors, r.errorText).to.have.length(0);
    const failed = await lastExport();
    expect(prop(failed, 'Result')).to.equal('stopped-extension-dll-exception');
    r = await sh.run('Get-EventLog -LogName Application -InstanceId 659 -Newest 1 | Select-Object -ExpandProperty Message');
    expect(String(r.objects[0])).to.equal(`Error while retrieving password policy sync configuration. Microsoft.IdentityModel.Clients.ActiveDirectory.AdalServiceException: ${OLD_PASSWORD}`);
    r = await sh.run("(Get-WinEvent -FilterHashtable @{LogName='Application'; Id=906} -MaxEvents 1).Message");
    expect(String(r.objects[0])).to.contain(OLD_PASSWORD);
    r = await sh.run('(Get-ADSyncRunProfileResult -ConnectorId b891884f-051e-4a83-95af-2544101c9083 -NumberRequested 1 -RunStepDetails).RunStepResults[0].ConnectorDiscoveryErrors');
    expect(String(r.objects[0])).to.contain(OLD_PASSWORD);

    const idBefore = tenant().doc().users.find((u) => /^Sync_/.test(u.userPrincipalName))!.id;
    r = await sh.run([
      `$cred = New-Object System.Management.Automation.PSCredential('${HIA}', (ConvertTo-SecureString '${PASSWORD}' -AsPlainText -Force))`,
      'Add-ADSyncAADServiceAccount -AADCredential $cred',
      '# the cycle the scheduler started at the last half hour may still run: wait a minute',
      'Set-EmulatorClock -Advance 00:01:00 | Out-Null',
      'Start-ADSyncSyncCycle | Out-Null',
      'Set-EmulatorClock -Advance 00:05:00 | Out-Null',
    ].join('\n'));
    expect(r.errors, r.errorText).to.have.length(0);
    expect(r.objects, 'Add-ADSyncAADServiceAccount writes nothing').to.have.length(0);
    expect(prop(await lastExport(), 'Result'), 'a reset, not a re-creation: no 15-minute wait').to.equal('success');
    const users = tenant().doc().users.filter((u) => /^Sync_/.test(u.userPrincipalName));
    expect(users.map((u) => u.id)).to.deep.equal([idBefore]);
    const audit = tenant().doc().audit.filter((a) => a.activityDisplayName === 'Reset user password').map((a) => a.initiatedBy.user?.userPrincipalName);
    expect(audit).to.deep.equal([GA, HIA]);
  });

  it('-WhatIf resets nothing; a user without the role is refused and the old password keeps working', async () => {
    let r = await sh.run(`Add-ADSyncAADServiceAccount -AADCredential ${HIA} -WhatIf`, PASSWORD);
    expect(r.hostText + r.output).to.contain('What if');
    expect(tenant().doc().audit.filter((a) => a.activityDisplayName === 'Reset user password')).to.have.length(0);
    r = await sh.run('Add-ADSyncAADServiceAccount -AADCredential appadmin@contoso.onmicrosoft.com', PASSWORD);
    expect(r.errors.map((e) => e.errorId)).to.deep.equal(['InsufficientAdministratorRole']);
    r = await sh.run('Start-ADSyncSyncCycle | Out-Null; Set-EmulatorClock -Advance 00:05:00 | Out-Null');
    expect(prop(await lastExport(), 'Result')).to.equal('success');
  });
});
