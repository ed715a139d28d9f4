import { expect } from 'chai';
import { PSObject } from '../../runtime/values/psobject.js';
import { PSDateTime } from '../../runtime/values/datetime.js';
import { shell, BYOC_CERT, HIA, PASSWORD, type Shell } from './harness.js';

const prop = (o: unknown, name: string): unknown => (o as PSObject).get(name);
const DAY = 86_400_000;

describe('ADSync cmdlets: certificate rotation, events over a virtual year, revocation', function () {
  this.timeout(180_000);
  let sh: Shell;
  beforeEach(() => { sh = shell(); });
  afterEach(() => sh.cleanup());

  async function current(): Promise<PSObject> {
    const r = await sh.run('(Get-ADSyncEntraConnectorCredential).CertificateCredential');
    return r.objects[0] as PSObject;
  }
  async function lastExport(): Promise<string> {
    const r = await sh.run('(Get-ADSyncRunProfileResult -ConnectorId b891884f-051e-4a83-95af-2544101c9083 -NumberRequested 1).Result');
    return String(r.objects[0]);
  }
  async function onboardByoc(): Promise<string> {
    const r = await sh.run(`${BYOC_CERT}\nAdd-ADSyncApplicationRegistration -UserPrincipalName ${HIA} -CertificateSHA256Hash $certHash | Out-Null\n$certHash`, PASSWORD);
    expect(r.errors, r.errorText).to.have.length(0);
    return String(r.objects.at(-1));
  }

  it('manual rotation of a managed certificate (the draft\'s steps): new key and certificate, sync keeps working', async () => {
    await sh.run(`Add-ADSyncApplicationRegistration -UserPrincipalName ${HIA} | Out-Null`, PASSWORD);
    const before = await current();
    let r = await sh.run(`Set-ADSyncScheduler -SyncCycleEnabled $false\nInvoke-ADSyncApplicationCredentialRotation –UserPrincipalName ${HIA}\nGet-ADSyncEntraConnectorCredential\nSet-ADSyncScheduler -SyncCycleEnabled $true`);
    expect(r.errors, r.errorText).to.have.length(0);
    const after = await current();
    expect(prop(after, 'CertificateThumbprint')).to.not.equal(prop(before, 'CertificateThumbprint'));
    expect(prop(after, 'Subject')).to.equal('CN=Entra Connect Sync Provisioning');
    r = await sh.run('Get-EventLog -LogName Application -InstanceId 1013 -Newest 1 | Select-Object -ExpandProperty Message');
    expect(String(r.objects[0])).to.contain(String(prop(before, 'Id')));
    r = await sh.run('Start-ADSyncSyncCycle | Out-Null; Set-EmulatorClock -Advance 00:05:00 | Out-Null');
    expect(await lastExport()).to.equal('success');
  });

  it('BYOC rotation: the new hash is required; a hash not in the store fails; both leave the working credential', async () => {
    const first = await onboardByoc();
    let r = await sh.run(`Invoke-ADSyncApplicationCredentialRotation –UserPrincipalName ${HIA}`);
    expect(r.errors.map((e) => e.errorId)).to.deep.equal(['CertificateSHA256HashRequired']);
    r = await sh.run(`Invoke-ADSyncApplicationCredentialRotation –UserPrincipalName ${HIA} -CertificateSHA256Hash ${'CD'.repeat(32)}`);
    expect(r.errors.map((e) => e.errorId)).to.deep.equal(['CertificateNotFound']);
    expect(prop(await current(), 'CertificateSHA256Hash')).to.equal(first);
    r = await sh.run('Start-ADSyncSyncCycle | Out-Null; Set-EmulatorClock -Advance 00:05:00 | Out-Null');
    expect(await lastExport()).to.equal('success');
    // Then the documented rotation with a new certificate.
    r = await sh.run(`${BYOC_CERT.replace('ConnectSyncBYOC', 'ConnectSyncBYOC2')}\nInvoke-ADSyncApplicationCredentialRotation –UserPrincipalName ${HIA} -CertificateSHA256Hash $certHash | Out-Null\n$certHash`);
    expect(r.errors, r.errorText).to.have.length(0);
    const second = String(r.objects.at(-1));
    expect(second).to.not.equal(first);
    expect(prop(await current(), 'CertificateSHA256Hash')).to.equal(second);
  });

  it('rotating to a BYOC hash from a managed server turns it into BYOC', async () => {
    await sh.run(`Add-ADSyncApplicationRegistration -UserPrincipalName ${HIA} | Out-Null`, PASSWORD);
    const r = await sh.run(`${BYOC_CERT}\nInvoke-ADSyncApplicationCredentialRotation -UserPrincipalName ${HIA} -CertificateSHA256Hash $certHash | Out-Null`);
    expect(r.errors, r.errorText).to.have.length(0);
    expect(prop(await current(), 'CertificateManagedBy')).to.equal('Customer');
  });

  it('rotation before onboarding is refused with a clear error', async () => {
    const r = await sh.run(`Invoke-ADSyncApplicationCredentialRotation -UserPrincipalName ${HIA}`, PASSWORD);
    expect(r.errors.map((e) => e.errorId)).to.deep.equal(['ApplicationAuthenticationNotConfigured']);
    expect(r.errors[0]!.category).to.equal('InvalidOperation');
  });

  it('old key removal fails (fault): error event names the CertificateId; Remove-EntraApplicationKey cleans up; the key in use cannot be removed', async () => {
    await sh.run(`Add-ADSyncApplicationRegistration -UserPrincipalName ${HIA} | Out-Null`, PASSWORD);
    const old = String(prop(await current(), 'Id'));
    let r = await sh.run(`Set-EmulatorFault -Name KeyRemovalFails\nInvoke-ADSyncApplicationCredentialRotation -UserPrincipalName ${HIA} | Out-Null\nClear-EmulatorFault`);
    expect(r.errors, r.errorText).to.have.length(0);
    r = await sh.run('Get-EventLog -LogName Application -EntryType Error -InstanceId 1015');
    expect(r.objects).to.have.length(1);
    expect(String(prop(r.objects[0], 'Message'))).to.contain(old);
    expect(r.output).to.match(/^\s+\d+ \w{3} \d\d \d\d:\d\d  Error       Directory Synchroni…\s+1015 /m);
    const inUse = String(prop(await current(), 'Id'));
    r = await sh.run(`Remove-EntraApplicationKey -CertificateId ${inUse} -UserPrincipalName ${HIA}`);
    expect(r.errors.map((e) => e.errorId)).to.deep.equal(['CertificateInUse']);
    r = await sh.run(`Remove-EntraApplicationKey -CertificateId ${old} -UserPrincipalName ${HIA} -WhatIf`);
    expect(r.hostText + r.output).to.contain('What if');
    r = await sh.run(`Remove-EntraApplicationKey -CertificateId ${old} -UserPrincipalName ${HIA}`);
    expect(r.errors, r.errorText).to.have.length(0);
    r = await sh.run(`Remove-EntraApplicationKey -CertificateId ${old} -UserPrincipalName ${HIA}`);
    expect(r.errors.map((e) => e.errorId)).to.deep.equal(['CertificateIdNotFound']);
    r = await sh.run('Remove-EntraApplicationKey -CertificateId not-a-guid -UserPrincipalName x');
    expect(r.errors.map((e) => e.errorId)).to.deep.equal(['InvalidGuid']);
  });

  it('BYOC over 400 days (daily cycles): 1011 warnings from day ~215, 1012 errors after expiry, visible through Get-EventLog', async () => {
    await onboardByoc();
    const start = (await sh.run('(Get-EmulatorClock).Now')).objects[0] as PSDateTime;
    // Daily cycles keep the run short; the warnings come at whatever the scheduler frequency is.
    let r = await sh.run('Set-ADSyncScheduler -CustomizedSyncCycleInterval 1.00:00:00\nSet-EmulatorClock -Advance (New-TimeSpan -Days 400)');
    expect(r.errors, r.errorText).to.have.length(0);
    expect(Number(prop(r.objects[0], 'CyclesRun'))).to.be.within(399, 401);
    r = await sh.run('Get-EventLog -LogName Application -InstanceId 1011');
    const warnings = r.objects.map((o) => (prop(o, 'TimeGenerated') as PSDateTime).ms);
    expect(r.output).to.match(/Warning\s+Directory Synchroni…\s+1011/);
    const firstDay = (Math.min(...warnings) - start.ms) / DAY;
    expect(firstDay).to.be.within(213, 217);
    expect(r.objects.every((o) => prop(o, 'EntryType') === 'Warning')).to.equal(true);
    r = await sh.run('Get-EventLog -LogName Application -InstanceId 1012');
    const errors = r.objects.map((o) => (prop(o, 'TimeGenerated') as PSDateTime).ms);
    expect(errors.length).to.be.within(30, 40);
    expect((Math.min(...errors) - start.ms) / DAY).to.be.within(364, 367);
    expect(Math.max(...warnings)).to.be.lessThan(Math.min(...errors));
    expect(warnings.length).to.be.within(145, 152); // one per daily cycle while due
    r = await sh.run("Get-WinEvent -FilterHashtable @{LogName='Application'; Id=1012} -MaxEvents 1");
    expect(r.output).to.match(/ProviderName: Directory Synchronization/);
    expect(r.output).to.match(/\s1012 Error\s/);
    // after expiry the sync fails; a rotation is allowed even now (the documents: "even if … expired")
    expect(await lastExport()).to.not.equal('success');
  });

  it('no 1011/1012 while the scheduler is disabled', async () => {
    await onboardByoc();
    const r = await sh.run('Set-ADSyncScheduler -CustomizedSyncCycleInterval 1.00:00:00 -SyncCycleEnabled $false\nSet-EmulatorClock -Advance (New-TimeSpan -Days 400) | Out-Null\nGet-EventLog -LogName Application -InstanceId 1011,1012');
    expect(r.objects).to.have.length(0);
    expect(r.errors.map((e) => e.errorId)).to.deep.equal(['GetEventLogNoEntriesFound']);
    expect(r.errorText).to.contain('No matches found');
  });

  it('managed over 400 days: rotates by itself and sync keeps succeeding', async () => {
    await sh.run(`Add-ADSyncApplicationRegistration -UserPrincipalName ${HIA} | Out-Null`, PASSWORD);
    const before = await current();
    let r = await sh.run('Set-ADSyncScheduler -CustomizedSyncCycleInterval 1.00:00:00\nSet-EmulatorClock -Advance (New-TimeSpan -Days 400) | Out-Null');
    expect(r.errors, r.errorText).to.have.length(0);
    const after = await current();
    expect(prop(after, 'CertificateThumbprint')).to.not.equal(prop(before, 'CertificateThumbprint'));
    r = await sh.run('Get-EventLog -LogName Application -InstanceId 1013');
    expect(r.objects.length).to.be.at.least(1);
    r = await sh.run("Get-ADSyncRunProfileResult -ConnectorId b891884f-051e-4a83-95af-2544101c9083 | Where-Object Result -ne 'success' | Measure-Object | Select-Object -ExpandProperty Count");
    expect(r.objects[0]).to.equal(0);
    r = await sh.run('Get-EventLog -LogName Application -InstanceId 1012');
    expect(r.objects).to.have.length(0);
  });

  it('revocation: removing the key in use is refused; an on-demand rotation replaces it and removes the old one', async () => {
    await sh.run(`Add-ADSyncApplicationRegistration -UserPrincipalName ${HIA} | Out-Null`, PASSWORD);
    const old = String(prop(await current(), 'Id'));
    let r = await sh.run(`Invoke-ADSyncApplicationCredentialRotation -UserPrincipalName ${HIA} | Out-Null`);
    expect(r.errors, r.errorText).to.have.length(0);
    r = await sh.run(`Remove-EntraApplicationKey -CertificateId ${old} -UserPrincipalName ${HIA}`);
    expect(r.errors.map((e) => e.errorId), 'already removed by the rotation').to.deep.equal(['CertificateIdNotFound']);
    r = await sh.run('Start-ADSyncSyncCycle | Out-Null; Set-EmulatorClock -Advance 00:05:00 | Out-Null');
    expect(await lastExport()).to.equal('success');
  });
});
