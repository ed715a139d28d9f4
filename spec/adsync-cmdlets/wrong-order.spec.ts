import { expect } from 'chai';
import { PSObject } from '../../runtime/values/psobject.js';
import { shell, BYOC_CERT, HIA, PASSWORD, type Shell } from './harness.js';

const prop = (o: unknown, name: string): unknown => (o as PSObject).get(name);

/**
 * Acceptance 1's wrong-order variants, typed as an admin would: each fails with a clear error, the credential is
 * unchanged, and the next sync cycle still succeeds with it.
 */
describe('ADSync cmdlets: wrong-order variants fail clearly and leave a working credential', function () {
  this.timeout(120_000);
  let sh: Shell;
  beforeEach(() => { sh = shell(); });
  afterEach(() => sh.cleanup());

  async function syncResult(): Promise<string> {
    const r = await sh.run('Start-ADSyncSyncCycle | Out-Null\nSet-EmulatorClock -Advance 00:05:00 | Out-Null\n(Get-ADSyncRunProfileResult -ConnectorId b891884f-051e-4a83-95af-2544101c9083 -NumberRequested 1).Result');
    expect(r.errors, r.errorText).to.have.length(0);
    return String(r.objects.at(-1));
  }
  const credential = async () => (await sh.run('Get-ADSyncEntraConnectorCredential')).objects[0] as PSObject;

  it('removing the old certificate before the new one is registered: CertificateInUse, the certificate stays and sync succeeds', async () => {
    let r = await sh.run(`${BYOC_CERT}\nAdd-ADSyncApplicationRegistration -UserPrincipalName ${HIA} -CertificateSHA256Hash $certHash | Out-Null`, PASSWORD);
    expect(r.errors, r.errorText).to.have.length(0);
    const inUse = String(prop(prop(await credential(), 'CertificateCredential'), 'Id'));
    r = await sh.run(`Remove-EntraApplicationKey -CertificateId ${inUse} -UserPrincipalName ${HIA}`);
    expect(r.errors.map((e) => [e.errorId, e.category])).to.deep.equal([['CertificateInUse', 'InvalidOperation']]);
    expect(r.errorText).to.contain('is the one the Microsoft Entra connector currently uses and cannot be removed. Rotate the certificate first.');
    expect(String(prop(prop(await credential(), 'CertificateCredential'), 'Id'))).to.equal(inUse);
    expect(await syncResult()).to.equal('success');
  });

  it('removing the legacy account while still on ServiceAccount: ServiceAccountInUse, the account stays and sync succeeds', async () => {
    const name = String(prop(await credential(), 'ServiceAccountName'));
    const r = await sh.run(`Remove-ADSyncAADServiceAccount -AADCredential ${HIA} -Name ${name}`, PASSWORD);
    expect(r.errors.map((e) => [e.errorId, e.category])).to.deep.equal([['ServiceAccountInUse', 'InvalidOperation']]);
    expect(prop(await credential(), 'ConnectorIdentityType')).to.equal('ServiceAccount');
    expect(await syncResult()).to.equal('success');
  });

  it('rotating with a BYOC hash that is not in the store: CertificateNotFound, the current certificate stays and sync succeeds', async () => {
    let r = await sh.run(`${BYOC_CERT}\nAdd-ADSyncApplicationRegistration -UserPrincipalName ${HIA} -CertificateSHA256Hash $certHash | Out-Null\n$certHash`, PASSWORD);
    expect(r.errors, r.errorText).to.have.length(0);
    const current = String(r.objects.at(-1));
    const missing = 'AB'.repeat(32);
    r = await sh.run(`Invoke-ADSyncApplicationCredentialRotation -UserPrincipalName ${HIA} -CertificateSHA256Hash ${missing}`);
    expect(r.errors.map((e) => [e.errorId, e.category])).to.deep.equal([['CertificateNotFound', 'ObjectNotFound']]);
    expect(r.errorText).to.contain(`A certificate with SHA256 hash '${missing}' was not found in the LocalMachine\\My certificate store.`);
    expect(String(prop(prop(await credential(), 'CertificateCredential'), 'CertificateSHA256Hash'))).to.equal(current);
    expect(await syncResult()).to.equal('success');
  });

  it('the same hash on a managed server, and Remove-EntraApplicationKey before any onboarding: clear errors, sync succeeds', async () => {
    let r = await sh.run(`Remove-EntraApplicationKey -CertificateId 00000000-0000-0000-0000-000000000001 -UserPrincipalName ${HIA}`, PASSWORD);
    expect(r.errors.map((e) => e.errorId)).to.deep.equal(['ApplicationAuthenticationNotConfigured']);
    expect(await syncResult()).to.equal('success');
    r = await sh.run(`Add-ADSyncApplicationRegistration -UserPrincipalName ${HIA} | Out-Null`);
    expect(r.errors, r.errorText).to.have.length(0);
    r = await sh.run(`Invoke-ADSyncApplicationCredentialRotation -UserPrincipalName ${HIA} -CertificateSHA256Hash ${'0F'.repeat(32)}`);
    expect(r.errors.map((e) => e.errorId)).to.deep.equal(['CertificateNotFound']);
    expect(prop(prop(await credential(), 'CertificateCredential'), 'CertificateManagedBy')).to.equal('EntraConnect');
    expect(await syncResult()).to.equal('success');
  });
});
