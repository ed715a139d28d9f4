import { expect } from 'chai';
import { rig, byocCert, admin, cycle, disable, SOFT, TPM, APPADMIN, NOBODY, PASSWORD, GA, type Rig } from './harness.js';
import { ConnectError, MANAGED_SUBJECT } from '../../connect/index.js';

async function rejects(p: Promise<unknown>): Promise<ConnectError> {
  try { await p; } catch (e) { return e as ConnectError; }
  throw new Error('expected the operation to fail');
}

describe('connect: onboarding to application-based authentication', () => {
  let r: Rig;
  beforeEach(() => { r = rig(); });
  afterEach(() => r.cleanup());

  it('starts on the legacy ServiceAccount and syncs with it', async () => {
    const c = r.server.getConnectorCredential();
    expect(c.ConnectorIdentityType).to.equal('ServiceAccount');
    expect(c.UserName).to.match(/^Sync_CONNECT01_[0-9a-f]{12}@contoso\.onmicrosoft\.com$/);
    expect(c.CertificateCredential).to.equal(null);
    const run = await cycle(r);
    expect(run?.Result).to.equal('success');
    expect(run?.ConnectorName).to.equal('contoso.onmicrosoft.com - AAD');
    expect(run?.RunStepResults[0].ExportAdd).to.equal(300);
  });

  it('managed (default option): Add-EntraApplicationRegistration then Add-ADSyncApplicationRegistration', async () => {
    await disable(r);
    const reg = await r.server.addEntraApplicationRegistration(admin);
    expect(reg.Linked).to.equal(false);
    expect(r.server.getConnectorCredential().ConnectorIdentityType).to.equal('ServiceAccount');
    const link = await r.server.addADSyncApplicationRegistration({ userPrincipalName: admin.userPrincipalName });
    expect(link.ApplicationId).to.equal(reg.ApplicationId);
    expect(link.CertificateId).to.equal(reg.CertificateId);
    const c = r.server.getConnectorCredential();
    expect(c.ConnectorIdentityType).to.equal('Application');
    expect(c.CertificateCredential!.Subject).to.equal(MANAGED_SUBJECT);
    expect(c.CertificateCredential!.CertificateManagedBy).to.equal('EntraConnect');
    expect(c.UserName).to.equal(`{${reg.ApplicationId}}@contoso.onmicrosoft.com`);
    const app = r.tenant.doc().apps.find((a) => a.appId === reg.ApplicationId)!;
    expect(app.displayName).to.match(/^ConnectSyncProvisioning_CONNECT01_[0-9a-f]{12}$/);
    expect(app.roles).to.include('ADSynchronization.ReadWrite.All');
    expect(app.roles).to.include.members(['PasswordWriteback.OffboardClient.All', 'PasswordWriteback.RegisterClientVersion.All', 'PasswordWriteback.RefreshClient.All']);
    expect(app.keys).to.have.length(1);
    expect(r.keys.findBySha256(c.CertificateCredential!.CertificateSHA256Hash)[0].provider).to.equal(TPM);
    await r.server.setScheduler({ syncCycleEnabled: true });
    r.server.touchOnPremObjects(5);
    expect((await cycle(r))?.Result).to.equal('success');
    const report = r.server.getCurrentConfiguration();
    expect(report.CertificateManagedBy).to.equal('Microsoft Entra Connect Sync');
    expect(report.AutomaticRotationEnabled).to.equal(true);
    expect(report.CertificateSHA256Hash).to.equal(c.CertificateCredential!.CertificateSHA256Hash);
    expect(report.NotValidAfter!.getTime()).to.equal(c.CertificateCredential!.ExpiryTime.getTime());
  });

  it('without a TPM the managed key goes to the software provider and event 1014 is written', async () => {
    r.keys.setTpmPresent(false);
    await r.server.addADSyncApplicationRegistration(admin);
    const c = r.server.getConnectorCredential().CertificateCredential!;
    expect(r.keys.findBySha256(c.CertificateSHA256Hash)[0].provider).to.equal(SOFT);
    expect(r.server.getEvents({ instanceId: [1014] })).to.have.length(1);
    expect(r.server.getEvents({ instanceId: [1014] })[0].EntryType).to.equal('Warning');
  });

  it('BYOC by SHA256 hash (any case) and by the older -CertificateThumbprint', async () => {
    const cert = byocCert(r);
    await r.server.addEntraApplicationRegistration(admin, { sha256: cert.sha256.toLowerCase() });
    await r.server.addADSyncApplicationRegistration(admin, { sha256: cert.sha256 });
    const c = r.server.getConnectorCredential().CertificateCredential!;
    expect(c.CertificateSHA256Hash).to.equal(cert.sha256);
    expect(c.CertificateManagedBy).to.equal('Customer');
    expect(r.server.getCurrentConfiguration().AutomaticRotationEnabled).to.equal(false);
    expect((await cycle(r))?.Result).to.equal('success');

    const r2 = rig();
    try {
      const cert2 = byocCert(r2);
      await r2.server.addADSyncApplicationRegistration(admin, { thumbprint: cert2.thumbprint });
      expect(r2.server.getConnectorCredential().CertificateCredential!.CertificateThumbprint).to.equal(cert2.thumbprint);
    } finally { r2.cleanup(); }
  });

  const rules: [string, Partial<Parameters<typeof byocCert>[1]>, RegExp][] = [
    ['exportable key', { exportable: true }, /Exportable/],
    ['1024-bit key', { keyLength: 1024 }, /KeyLength/],
    ['ECDSA key', { keyAlgorithm: 'ECDSA_nistP256' }, /KeyAlgorithm/],
    ['SHA1 signature', { hash: 'SHA1' }, /KeyHashAlgorithm/],
    ['CurrentUser store', { store: 'CurrentUser\\My' }, /Store/],
    ['no private key', { withPrivateKey: false }, /PrivateKey/],
    ['expired', { notBefore: new Date('2024-01-01'), notAfter: new Date('2025-01-01') }, /Expired/],
  ];
  for (const [name, opts, id] of rules) {
    it(`refuses a BYOC certificate with ${name}, changing nothing`, async () => {
      const cert = byocCert(r, opts);
      const before = JSON.stringify(r.tenant.doc().apps);
      const e = await rejects(r.server.addADSyncApplicationRegistration(admin, { sha256: cert.sha256 }));
      expect(e.errorId).to.match(id);
      expect(e.category).to.equal('InvalidData');
      expect(e.message).to.contain(cert.sha256);
      expect(r.server.getConnectorCredential().ConnectorIdentityType).to.equal('ServiceAccount');
      expect(JSON.stringify(r.tenant.doc().apps)).to.equal(before);
      expect((await cycle(r))?.Result).to.equal('success');
    });
  }

  it('a hash that matches no certificate in LocalMachine\\My fails with CertificateNotFound; malformed hashes are refused', async () => {
    const e = await rejects(r.server.addADSyncApplicationRegistration(admin, { sha256: 'A'.repeat(64) }));
    expect(e.errorId).to.equal('CertificateNotFound');
    expect(e.category).to.equal('ObjectNotFound');
    expect((await rejects(r.server.addADSyncApplicationRegistration(admin, { sha256: 'XYZ' }))).errorId).to.equal('InvalidCertificateSHA256Hash');
    expect((await rejects(r.server.addADSyncApplicationRegistration(admin, { thumbprint: '12' }))).errorId).to.equal('InvalidCertificateThumbprint');
    expect(r.tenant.doc().apps).to.have.length(0);
  });

  it('BYOA: links the admin\'s own application; refuses one without the role or without the certificate', async () => {
    const cert = byocCert(r);
    const bare = r.tenant.createByoaApp('MyConnectApp-NoRole', []);
    await r.tenant.addKeyCredential({ kind: 'admin', session: null as never }, bare.appId, { der: cert.der, displayName: 'x' });
    expect((await rejects(r.server.addADSyncApplicationRegistration(admin, { sha256: cert.sha256, applicationAppId: bare.appId }))).errorId).to.equal('ApplicationPermissionMissing');
    const app = r.tenant.createByoaApp('MyConnectApp', ['ADSynchronization.ReadWrite.All']);
    expect((await rejects(r.server.addADSyncApplicationRegistration(admin, { sha256: cert.sha256, applicationAppId: app.appId }))).errorId).to.equal('CertificateNotRegistered');
    expect((await rejects(r.server.addADSyncApplicationRegistration(admin, { sha256: cert.sha256, applicationAppId: 'not-a-guid' }))).errorId).to.equal('InvalidGuid');
    await r.tenant.addKeyCredential({ kind: 'admin', session: null as never }, app.appId, { der: cert.der, displayName: 'CN=ConnectSyncBYOC' });
    const res = await r.server.addADSyncApplicationRegistration(admin, { sha256: cert.sha256, applicationAppId: app.appId.toUpperCase() });
    expect(res.ApplicationManagedBy).to.equal('Customer');
    const c = r.server.getConnectorCredential();
    expect(c.ApplicationId).to.equal(app.appId);
    expect(c.CertificateCredential!.ApplicationManagedBy).to.equal('Customer');
    expect((await cycle(r))?.Result).to.equal('success');
  });

  it('admin sign-in: wrong password, a user without the role, an Application Administrator are refused; GA works; the sign-in is cached', async () => {
    expect((await rejects(r.server.addADSyncApplicationRegistration({ userPrincipalName: 'hia@contoso.onmicrosoft.com' }))).errorId).to.equal('AdminCredentialRequired');
    const bad = await rejects(r.server.addADSyncApplicationRegistration({ userPrincipalName: admin.userPrincipalName, password: 'nope' }));
    expect(bad.message).to.contain('AADSTS50126');
    for (const upn of [NOBODY, APPADMIN]) {
      const e = await rejects(r.server.addADSyncApplicationRegistration({ userPrincipalName: upn, password: PASSWORD }));
      expect(e.errorId).to.equal('InsufficientAdministratorRole');
      expect(e.category).to.equal('PermissionDenied');
    }
    expect(r.tenant.doc().apps).to.have.length(0);
    await r.server.signIn({ userPrincipalName: GA, password: PASSWORD });
    expect(r.server.hasAdminSession(GA)).to.equal(true);
    await r.server.addADSyncApplicationRegistration({ userPrincipalName: GA.toUpperCase() });
    expect(r.server.getConnectorCredential().ConnectorIdentityType).to.equal('Application');
  });

  it('a switch the tenant does not accept leaves the previous working credential (atomic)', async () => {
    await r.server.setFault('TenantUnreachable', true);
    const e = await rejects(r.server.addADSyncApplicationRegistration(admin));
    expect(e.message).to.match(/No such host/);
    await r.server.clearFaults();
    expect(r.server.getConnectorCredential().ConnectorIdentityType).to.equal('ServiceAccount');
    // the key provider fails after the application was created: still on the legacy account, and it still works
    r.keys.failCreate = true;
    await rejects(r.server.addADSyncApplicationRegistration(admin));
    r.keys.failCreate = false;
    expect(r.server.getConnectorCredential().ConnectorIdentityType).to.equal('ServiceAccount');
    expect((await cycle(r))?.Result).to.equal('success');
  });

  it('lists credentials on the sync application that the server did not create', async () => {
    await r.server.addADSyncApplicationRegistration(admin);
    expect(await r.server.listForeignCredentials(admin)).to.have.length(0);
    const appId = r.server.getConnectorCredential().ApplicationId!;
    const rogue = byocCert(r, { subject: 'CN=rogue', store: 'CurrentUser\\My' });
    // what an Application Administrator can do through Graph
    await r.tenant.addKeyCredential({ kind: 'admin', session: null as never }, appId, { der: rogue.der, displayName: 'CN=rogue' });
    const foreign = await r.server.listForeignCredentials();
    expect(foreign).to.have.length(1);
    expect(foreign[0].thumbprint).to.equal(rogue.thumbprint);
    expect(foreign[0].InUse).to.equal(false);
  });
});
