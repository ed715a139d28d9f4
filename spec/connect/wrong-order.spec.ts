import { expect } from 'chai';
import { rig, byocCert, admin, cycle, SYNC_UPN, type Rig } from './harness.js';
import type { ConnectError } from '../../connect/index.js';

async function rejects(p: Promise<unknown>): Promise<ConnectError> {
  try { await p; } catch (e) { return e as ConnectError; }
  throw new Error('expected the operation to fail');
}

/** The documented steps done in the wrong order: a clear error, and a connector that still syncs. */
describe('connect: wrong-order variants leave a working credential', () => {
  let r: Rig;
  beforeEach(() => { r = rig(); });
  afterEach(() => r.cleanup());

  it('removing the legacy account between the two registration steps is refused', async () => {
    await r.server.addEntraApplicationRegistration(admin);
    expect((await rejects(r.server.removeServiceAccount(admin, SYNC_UPN.split('@')[0]))).errorId).to.equal('ServiceAccountInUse');
    expect((await cycle(r))?.Result).to.equal('success');
    await r.server.addADSyncApplicationRegistration(admin);
    expect((await cycle(r))?.Result).to.equal('success');
  });

  it('removing the pending key before linking: the link registers a fresh one', async () => {
    const reg = await r.server.addEntraApplicationRegistration(admin);
    await r.server.removeEntraApplicationKey(admin, reg.CertificateId);
    expect(r.server.getConnectorCredential().ConnectorIdentityType).to.equal('ServiceAccount');
    const link = await r.server.addADSyncApplicationRegistration(admin);
    expect(link.ApplicationId).to.equal(reg.ApplicationId);
    expect(link.CertificateId).to.not.equal(reg.CertificateId);
    expect((await cycle(r))?.Result).to.equal('success');
  });

  it('removing the old certificate credential before the new one is registered is refused', async () => {
    const c1 = byocCert(r);
    await r.server.addADSyncApplicationRegistration(admin, { sha256: c1.sha256 });
    const inUse = r.server.getConnectorCredential().CertificateCredential!.Id;
    expect((await rejects(r.server.removeEntraApplicationKey(admin, inUse))).errorId).to.equal('CertificateInUse');
    expect((await cycle(r))?.Result).to.equal('success');
  });

  it('Remove-EntraApplicationKey or a rotation on a server still on the legacy account is refused', async () => {
    expect((await rejects(r.server.removeEntraApplicationKey(admin, '00000000-0000-0000-0000-000000000001'))).errorId).to.equal('ApplicationAuthenticationNotConfigured');
    expect((await rejects(r.server.invokeCredentialRotation(admin))).errorId).to.equal('ApplicationAuthenticationNotConfigured');
    expect((await cycle(r))?.Result).to.equal('success');
  });

  it('deleting the certificate in use from the store first breaks sync; rotating to the new certificate recovers', async () => {
    const c1 = byocCert(r);
    await r.server.addADSyncApplicationRegistration(admin, { sha256: c1.sha256 });
    await r.keys.removeCertificate(c1);
    r.manual.advance(2 * 3600_000);
    const broken = await cycle(r);
    expect(broken?.Result).to.equal('stopped-extension-dll-exception');
    expect(broken?.RunStepResults[0].ConnectorDiscoveryErrors).to.contain('was not found');
    const c2 = byocCert(r, { subject: 'CN=ConnectSyncBYOC-2' });
    await r.server.invokeCredentialRotation(admin, { sha256: c2.sha256 });
    expect((await cycle(r))?.Result).to.equal('success');
  });

  it('linking BYOC with a different certificate than the one registered in step 3 is refused', async () => {
    const c1 = byocCert(r);
    const c2 = byocCert(r, { subject: 'CN=other' });
    await r.server.addEntraApplicationRegistration(admin, { sha256: c1.sha256 });
    expect((await rejects(r.server.addADSyncApplicationRegistration(admin, { sha256: c2.sha256 }))).errorId).to.equal('RegistrationMismatch');
    expect(r.server.getConnectorCredential().ConnectorIdentityType).to.equal('ServiceAccount');
    expect((await cycle(r))?.Result).to.equal('success');
  });
});
