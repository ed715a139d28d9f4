import { expect } from 'chai';
import { PSObject } from '../../runtime/values/psobject.js';
import { PSDateTime } from '../../runtime/values/datetime.js';
import { shell, BYOC_CERT, HIA, APPADMIN, PASSWORD, type Shell } from './harness.js';

const prop = (o: unknown, name: string): unknown => (o as PSObject).get(name);

describe('ADSync cmdlets: the Application Administrator caveat, and 1011 at the default scheduler frequency', function () {
  this.timeout(120_000);
  let sh: Shell;
  beforeEach(() => { sh = shell(); });
  afterEach(() => sh.cleanup());

  it('an Application Administrator adds a credential to the sync application through Graph; the server lists it as foreign', async () => {
    await sh.run(`Add-ADSyncApplicationRegistration -UserPrincipalName ${HIA} | Out-Null`, PASSWORD);
    let r = await sh.run(`Connect-MgGraph -Scopes 'Application.ReadWrite.All' -NoWelcome
$appId = (Get-ADSyncEntraConnectorCredential).ApplicationId
$app = Invoke-MgGraphRequest -Method GET -Uri "/v1.0/applications(appId='$appId')"
$rogue = New-SelfSignedCertificate -Subject 'CN=Rogue' -CertStoreLocation Cert:\\CurrentUser\\My
$keys = @($app.keyCredentials) + @(@{ type = 'AsymmetricX509Cert'; usage = 'Verify'; key = [System.Convert]::ToBase64String($rogue.GetRawCertData()); displayName = 'CN=Rogue' })
Invoke-MgGraphRequest -Method PATCH -Uri "/v1.0/applications(appId='$appId')" -Body @{ keyCredentials = $keys }
$rogue.Thumbprint`, APPADMIN, PASSWORD);
    expect(r.errors, r.errorText).to.have.length(0);
    const thumb = String(r.objects.at(-1));
    r = await sh.run(`Get-ADSyncForeignApplicationCredential -UserPrincipalName ${HIA}`);
    expect(r.errors, r.errorText).to.have.length(0);
    expect(r.objects).to.have.length(1);
    expect(prop(r.objects[0], 'Thumbprint')).to.equal(thumb);
    expect(prop(r.objects[0], 'InUse')).to.equal(false);
    expect(r.output).to.match(/KeyId\s+DisplayName\s+Thumbprint\s+EndDateTime\s+InUse/);
    // The documented cleanup removes it; the connector keeps working.
    r = await sh.run(`Remove-EntraApplicationKey -CertificateId ${String(prop(r.objects[0], 'KeyId'))} -UserPrincipalName ${HIA}; Get-ADSyncForeignApplicationCredential -UserPrincipalName ${HIA}; Start-ADSyncSyncCycle | Out-Null; Set-EmulatorClock -Advance 00:05:00 | Out-Null; (Get-ADSyncRunProfileResult -NumberRequested 1).Result`);
    expect(r.errors, r.errorText).to.have.length(0);
    expect(r.objects).to.deep.equal(['success']);
  });

  it('a due BYOC certificate warns at every 30-minute cycle (48 a day), and 1011 names the certificate', async () => {
    let r = await sh.run(`${BYOC_CERT}\nAdd-ADSyncApplicationRegistration -UserPrincipalName ${HIA} -CertificateSHA256Hash $certHash | Out-Null\n$cert.Thumbprint`, PASSWORD);
    expect(r.errors, r.errorText).to.have.length(0);
    const thumb = String(r.objects.at(-1));
    // Reach the warning period quickly with daily cycles, then go back to the default interval for one day.
    r = await sh.run('Set-ADSyncScheduler -CustomizedSyncCycleInterval 1.00:00:00; Set-EmulatorClock -Advance (New-TimeSpan -Days 220) | Out-Null; Set-ADSyncScheduler -CustomizedSyncCycleInterval $null; (Get-EmulatorClock).Now');
    expect(r.errors, r.errorText).to.have.length(0);
    const from = r.objects.at(-1) as PSDateTime;
    r = await sh.run('Set-EmulatorClock -Advance (New-TimeSpan -Days 1) | Out-Null; Get-EventLog -LogName Application -InstanceId 1011');
    const today = r.objects.filter((o) => (prop(o, 'TimeGenerated') as PSDateTime).ms > from.ms);
    expect(today.length).to.be.within(47, 49);
    expect(String(prop(today[0], 'Message'))).to.contain(thumb);
  });
});
