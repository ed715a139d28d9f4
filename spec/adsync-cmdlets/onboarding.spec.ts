import { expect } from 'chai';
import { PSObject } from '../../runtime/values/psobject.js';
import { shell, BYOC_CERT, HIA, APPADMIN, PASSWORD, type Shell } from './harness.js';

const prop = (o: unknown, name: string): unknown => (o as PSObject).get(name);

describe('ADSync cmdlets: onboarding to application-based authentication', function () {
  this.timeout(60_000);
  let sh: Shell;
  beforeEach(() => { sh = shell(); });
  afterEach(() => sh.cleanup());

  async function identityType(): Promise<unknown> {
    const r = await sh.run('(Get-ADSyncEntraConnectorCredential).ConnectorIdentityType');
    return r.objects[0];
  }

  it('default option: the draft article\'s steps, signing in once for the session', async () => {
    let r = await sh.run('Get-ADSyncEntraConnectorCredential');
    expect(r.output).to.match(/ConnectorIdentityType\s+: ServiceAccount/);
    expect(r.output).to.match(/UserName\s+: Sync_CONNECT01_[0-9a-f]{12}@contoso\.onmicrosoft\.com/);
    r = await sh.run('Set-ADSyncScheduler -SyncCycleEnabled $false');
    expect(r.output).to.equal('');
    expect(r.errors).to.have.length(0);
    r = await sh.run(`Add-EntraApplicationRegistration –UserPrincipalName ${HIA}`, PASSWORD);
    expect(r.errors, r.errorText).to.have.length(0);
    expect(r.hostText).to.contain(`Password for user ${HIA}: `);
    expect(prop(r.objects[0], 'ApplicationDisplayName')).to.match(/^ConnectSyncProvisioning_CONNECT01_[0-9a-f]{12}$/);
    expect(prop(r.objects[0], 'Linked')).to.equal(false);
    expect(await identityType()).to.equal('ServiceAccount');
    r = await sh.run(`Add-ADSyncApplicationRegistration –UserPrincipalName ${HIA}`);
    expect(r.errors, r.errorText).to.have.length(0);
    expect(r.hostText, 'the sign-in is cached for the session').to.not.contain('Password for user');
    r = await sh.run('Get-ADSyncEntraConnectorCredential');
    expect(r.output).to.match(/ConnectorIdentityType\s+: Application/);
    const cc = prop(r.objects[0], 'CertificateCredential');
    expect(prop(cc, 'Subject')).to.equal('CN=Entra Connect Sync Provisioning');
    expect(prop(cc, 'CertificateManagedBy')).to.equal('EntraConnect');
    expect(String(prop(cc, 'CertificateSHA256Hash'))).to.match(/^[0-9A-F]{64}$/);
    r = await sh.run('Set-ADSyncScheduler -SyncCycleEnabled $true; (Get-ADSyncScheduler).SyncCycleEnabled');
    expect(r.objects).to.deep.equal([true]);
    // The connector works: a cycle exports successfully.
    r = await sh.run('Start-ADSyncSyncCycle -PolicyType Delta; Set-EmulatorClock -Advance 00:05:00 | Out-Null; (Get-ADSyncRunProfileResult -ConnectorId b891884f-051e-4a83-95af-2544101c9083 -NumberRequested 1).Result');
    expect(r.errors, r.errorText).to.have.length(0);
    expect(r.objects.map((o) => (o instanceof PSObject ? o.get('Result') : o))).to.deep.equal(['Success', 'success']);
  });

  it('newer builds: without -UserPrincipalName the administrator is asked for', async () => {
    const r = await sh.run('Add-ADSyncApplicationRegistration', HIA, PASSWORD);
    expect(r.errors, r.errorText).to.have.length(0);
    expect(r.hostText).to.contain(`UserPrincipalName: ${HIA}`);
    expect(await identityType()).to.equal('Application');
  });

  it('-Credential (PSCredential) signs in without prompts', async () => {
    let r = await sh.run(`$c = Get-Credential -UserName ${HIA}`, PASSWORD);
    expect(r.errors, r.errorText).to.have.length(0);
    r = await sh.run('Add-ADSyncApplicationRegistration -Credential $c | Out-Null');
    expect(r.hostText).to.equal('');
    expect(r.errors, r.errorText).to.have.length(0);
    expect(await identityType()).to.equal('Application');
  });

  it('BYOC: the documents\' certificate and hash script, then both registration steps', async () => {
    let r = await sh.run(BYOC_CERT + '\n$certHash');
    expect(r.errors, r.errorText).to.have.length(0);
    const hash = String(r.objects.at(-1));
    expect(hash).to.match(/^[0-9A-F]{64}$/);
    r = await sh.run(`Add-EntraApplicationRegistration –UserPrincipalName ${HIA} -CertificateSHA256Hash $certHash`, PASSWORD);
    expect(r.errors, r.errorText).to.have.length(0);
    r = await sh.run(`Add-ADSyncApplicationRegistration –UserPrincipalName ${HIA} -CertificateSHA256Hash $certHash`);
    expect(r.errors, r.errorText).to.have.length(0);
    r = await sh.run('Get-ADSyncEntraConnectorCredential');
    const cc = prop(r.objects[0], 'CertificateCredential');
    expect(prop(cc, 'CertificateSHA256Hash')).to.equal(hash);
    expect(prop(cc, 'CertificateManagedBy')).to.equal('Customer');
    expect(prop(cc, 'Subject')).to.equal('CN=ConnectSyncBYOC');
    r = await sh.run('Get-ADSyncCurrentConfiguration');
    expect(r.output).to.match(/CertificateManagedBy\s+: Customer \(BYOC\)/);
    expect(r.output).to.match(/AutomaticRotationEnabled\s+: False/);
    expect(r.output).to.contain(`CertificateSHA256Hash    : ${hash}`);
  });

  it('BYOC with the older -CertificateThumbprint form', async () => {
    const r = await sh.run(`${BYOC_CERT}\nAdd-ADSyncApplicationRegistration -UserPrincipalName ${HIA} -CertificateThumbprint $cert.Thumbprint | Out-Null\n(Get-ADSyncEntraConnectorCredential).CertificateCredential.CertificateThumbprint -eq $cert.Thumbprint`, PASSWORD);
    expect(r.errors, r.errorText).to.have.length(0);
    expect(r.objects.at(-1)).to.equal(true);
  });

  it('both certificate forms at once is a parameter-set error and changes nothing', async () => {
    const r = await sh.run(`Add-ADSyncApplicationRegistration -UserPrincipalName ${HIA} -CertificateSHA256Hash AA -CertificateThumbprint BB`);
    expect(r.errors).to.have.length(1);
    expect(r.errors[0]!.errorId).to.match(/AmbiguousParameterSet/);
    expect(await identityType()).to.equal('ServiceAccount');
  });

  it('an exportable BYOC certificate is refused with the rule named, and nothing changes', async () => {
    const script = BYOC_CERT.replace('-KeyExportPolicy NonExportable', '-KeyExportPolicy Exportable')
      .replace("'Microsoft Platform Crypto Provider'", "'Microsoft Software Key Storage Provider'");
    const r = await sh.run(`${script}\nAdd-ADSyncApplicationRegistration -UserPrincipalName ${HIA} -CertificateSHA256Hash $certHash`, PASSWORD);
    expect(r.errors).to.have.length(1);
    expect(r.errors[0]!.errorId).to.equal('CertificateValidationFailed,Exportable');
    expect(r.errors[0]!.category).to.equal('InvalidData');
    expect(r.errorText).to.contain('Add-ADSyncApplicationRegistration:');
    expect(await identityType()).to.equal('ServiceAccount');
  });

  it('a certificate in CurrentUser\\My is refused (the published article wins: LocalMachine)', async () => {
    const script = BYOC_CERT.replace("'Cert:\\LocalMachine\\My'", "'Cert:\\CurrentUser\\My'");
    const r = await sh.run(`${script}\nAdd-ADSyncApplicationRegistration -UserPrincipalName ${HIA} -CertificateSHA256Hash $certHash`, PASSWORD);
    expect(r.errors.map((e) => e.errorId)).to.deep.equal(['CertificateValidationFailed,Store']);
    expect(await identityType()).to.equal('ServiceAccount');
  });

  it('a hash that matches no certificate is ObjectNotFound', async () => {
    const r = await sh.run(`Add-ADSyncApplicationRegistration -UserPrincipalName ${HIA} -CertificateSHA256Hash ${'AB'.repeat(32)}`, PASSWORD);
    expect(r.errors.map((e) => [e.errorId, e.category])).to.deep.equal([['CertificateNotFound', 'ObjectNotFound']]);
    expect(r.errors[0]!.message).to.contain('LocalMachine\\My');
  });

  it('a wrong password surfaces the tenant\'s AADSTS text; the server keeps the legacy account', async () => {
    const r = await sh.run(`Add-ADSyncApplicationRegistration -UserPrincipalName ${HIA}`, 'not-the-password');
    expect(r.errors).to.have.length(1);
    expect(r.errors[0]!.message).to.contain('AADSTS50126');
    expect(r.errors[0]!.category).to.equal('AuthenticationError');
    expect(await identityType()).to.equal('ServiceAccount');
  });

  it('an Application Administrator is refused: Hybrid Identity Administrator or Global Administrator required', async () => {
    const r = await sh.run(`Add-EntraApplicationRegistration -UserPrincipalName ${APPADMIN}`, PASSWORD);
    expect(r.errors.map((e) => [e.errorId, e.category])).to.deep.equal([['InsufficientAdministratorRole', 'PermissionDenied']]);
    expect(r.errors[0]!.fullyQualifiedErrorId).to.equal('InsufficientAdministratorRole,Microsoft.IdentityManagement.PowerShell.Cmdlet.AddEntraApplicationRegistrationCommand');
  });

  it('-NonInteractive (no answers) fails with the host\'s error instead of hanging, and changes nothing', async () => {
    const batch = shell(sh.home, { interactive: false });
    const r = await batch.run(`Add-ADSyncApplicationRegistration -UserPrincipalName ${HIA}`);
    expect(r.errors).to.have.length(1);
    expect(r.errors[0]!.message).to.contain('NonInteractive');
    expect(await identityType()).to.equal('ServiceAccount');
  });

  it('BYOA form needs the certificate: -ApplicationAppId alone is a clear error', async () => {
    const r = await sh.run('Add-ADSyncApplicationRegistration -UserPrincipalName x -ApplicationAppId 11111111-2222-3333-4444-555555555555');
    expect(r.errors.map((e) => e.errorId)).to.deep.equal(['CertificateSHA256HashRequired']);
  });

  it('BYOA with an application that does not exist is ObjectNotFound and changes nothing', async () => {
    const r = await sh.run(`${BYOC_CERT}\nAdd-ADSyncApplicationRegistration -UserPrincipalName ${HIA} -CertificateSHA256Hash $certHash -ApplicationAppId 11111111-2222-3333-4444-555555555555`, PASSWORD);
    expect(r.errors.map((e) => e.errorId)).to.deep.equal(['ApplicationNotFound']);
    expect(await identityType()).to.equal('ServiceAccount');
  });

  it('no credentials on the application that the server did not create', async () => {
    await sh.run(`Add-ADSyncApplicationRegistration -UserPrincipalName ${HIA}`, PASSWORD);
    const r = await sh.run(`Get-ADSyncForeignApplicationCredential -UserPrincipalName ${HIA}`);
    expect(r.errors, r.errorText).to.have.length(0);
    expect(r.objects).to.have.length(0);
  });
});
