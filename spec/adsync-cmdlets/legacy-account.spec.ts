import { expect } from 'chai';
import { PSObject } from '../../runtime/values/psobject.js';
import type { OpenedConnect } from '../../connect/index.js';
import { shell, HIA, PASSWORD, type Shell } from './harness.js';

const prop = (o: unknown, name: string): unknown => (o as PSObject).get(name);

describe('ADSync cmdlets: legacy service account — removal and rollback', function () {
  this.timeout(60_000);
  let sh: Shell;
  beforeEach(() => { sh = shell(); });
  afterEach(() => sh.cleanup());

  const accountName = async () => String((await sh.run('(Get-ADSyncEntraConnectorCredential).ServiceAccountName')).objects[0]);
  const tenantHasAccount = (name: string) => {
    const t = sh.session.engine.services.get<OpenedConnect>('connect.opened').tenant!;
    return t.doc().users.some((u: { userPrincipalName: string }) => u.userPrincipalName.toLowerCase().startsWith(name.toLowerCase() + '@'));
  };
  const lastExport = async () => String((await sh.run('(Get-ADSyncRunProfileResult -ConnectorId b891884f-051e-4a83-95af-2544101c9083 -NumberRequested 1).Result')).objects[0]);

  it('removing the legacy account while the connector still uses it is refused, and sync keeps working', async () => {
    const name = await accountName();
    const r = await sh.run(`$HACredential\nRemove-ADSyncAADServiceAccount -AADCredential $HACredential -Name ${name}`, HIA, PASSWORD);
    expect(r.errors.map((e) => e.errorId)).to.deep.equal(['ServiceAccountInUse']);
    expect(r.output + r.hostText).to.contain('PowerShell credential request');
    expect(tenantHasAccount(name)).to.equal(true);
    await sh.run('Start-ADSyncSyncCycle | Out-Null; Set-EmulatorClock -Advance 00:05:00 | Out-Null');
    expect(await lastExport()).to.equal('success');
  });

  it('the documents\' $HACredential idiom ends in a credential prompt and removes the account after onboarding', async () => {
    const name = await accountName();
    await sh.run(`Add-ADSyncApplicationRegistration -UserPrincipalName ${HIA} | Out-Null`, PASSWORD);
    const r = await sh.run(`$HACredential\nRemove-ADSyncAADServiceAccount -AADCredential $HACredential -Name ${name}`, HIA, PASSWORD);
    expect(r.errors, r.errorText).to.have.length(0);
    expect(r.objects.filter((o) => o !== null)).to.have.length(0);
    expect(r.hostText).to.contain(`User: ${HIA}`);
    expect(r.hostText).to.contain(`Password for user ${HIA}:`);
    expect(tenantHasAccount(name)).to.equal(false);
    const again = await sh.run(`Remove-ADSyncAADServiceAccount -AADCredential $HACredential -Name ${name}`, HIA, PASSWORD);
    expect(again.errors.map((e) => e.errorId)).to.deep.equal(['ServiceAccountNotFound']);
  });

  it('a user name for -AADCredential prompts only for the password', async () => {
    await sh.run(`Add-ADSyncApplicationRegistration -UserPrincipalName ${HIA} | Out-Null`, PASSWORD);
    const name = String((await sh.run('(Get-ADSyncCurrentConfiguration).ServerName')).objects[0]);
    void name;
    const r = await sh.run(`Remove-ADSyncAADServiceAccount -AADCredential ${HIA} -Name Sync_NOSUCH_000000000000`, PASSWORD);
    expect(r.hostText).to.not.contain('User: ');
    expect(r.hostText).to.contain(`Password for user ${HIA}:`);
    expect(r.errors.map((e) => e.errorId)).to.deep.equal(['ServiceAccountNotFound']);
  });

  it('rollback (published article) after the legacy account was removed: Add-ADSyncAADServiceAccount prompts, re-creates it, Access Denied for up to 15 minutes', async () => {
    const name = await accountName();
    await sh.run(`Add-ADSyncApplicationRegistration -UserPrincipalName ${HIA} | Out-Null`, PASSWORD);
    let r = await sh.run(`Remove-ADSyncAADServiceAccount -AADCredential ${HIA} -Name ${name}`, PASSWORD);
    expect(r.errors, r.errorText).to.have.length(0);
    expect(tenantHasAccount(name)).to.equal(false);
    r = await sh.run('Set-ADSyncScheduler -SyncCycleEnabled $false\nAdd-ADSyncAADServiceAccount', HIA, PASSWORD);
    expect(r.errors, r.errorText).to.have.length(0);
    expect(r.objects, 'writes nothing on success').to.have.length(0);
    expect(r.output).to.contain('PowerShell credential request');
    expect(r.hostText).to.contain(`User: ${HIA}`);
    r = await sh.run('Get-ADSyncEntraConnectorCredential');
    expect(prop(r.objects[0], 'ConnectorIdentityType')).to.equal('ServiceAccount');
    r = await sh.run('Set-ADSyncScheduler -SyncCycleEnabled $true\nStart-ADSyncSyncCycle | Out-Null\nSet-EmulatorClock -Advance 00:05:00 | Out-Null');
    expect(r.errors, r.errorText).to.have.length(0);
    expect(await lastExport()).to.match(/^stopped-/);
    r = await sh.run('Get-EventLog -LogName Application -Source "Directory Synchronization" -InstanceId 115 -Newest 1 | Select-Object -ExpandProperty Message');
    expect(String(r.objects[0])).to.contain('Access to Azure Active Directory has been denied');
    r = await sh.run('Set-EmulatorClock -Advance 00:20:00 | Out-Null; Start-ADSyncSyncCycle | Out-Null; Set-EmulatorClock -Advance 00:05:00 | Out-Null');
    expect(r.errors, r.errorText).to.have.length(0);
    expect(await lastExport()).to.equal('success');
  });

  it('rollback while the legacy account still exists: its password is reset, no wait', async () => {
    await sh.run(`Add-ADSyncApplicationRegistration -UserPrincipalName ${HIA} | Out-Null`, PASSWORD);
    let r = await sh.run('Set-ADSyncScheduler -SyncCycleEnabled $false\nAdd-ADSyncAADServiceAccount\n(Get-ADSyncEntraConnectorCredential).ConnectorIdentityType', HIA, PASSWORD);
    expect(r.errors, r.errorText).to.have.length(0);
    expect(r.objects).to.deep.equal(['ServiceAccount']);
    r = await sh.run('Set-ADSyncScheduler -SyncCycleEnabled $true\nStart-ADSyncSyncCycle | Out-Null\nSet-EmulatorClock -Advance 00:05:00 | Out-Null');
    expect(r.errors, r.errorText).to.have.length(0);
    expect(await lastExport()).to.equal('success');
  });

  it('rollback (draft): Add-ADSyncAADServiceAccount -AADCredential $HACredential with $HACredential unset prompts for it', async () => {
    await sh.run(`Add-ADSyncApplicationRegistration -UserPrincipalName ${HIA} | Out-Null`, PASSWORD);
    const r = await sh.run('$HACredential\nAdd-ADSyncAADServiceAccount -AADCredential $HACredential\n(Get-ADSyncEntraConnectorCredential).ConnectorIdentityType', HIA, PASSWORD);
    expect(r.errors, r.errorText).to.have.length(0);
    expect(r.objects.filter((o) => o !== null)).to.deep.equal(['ServiceAccount']);
  });
});
