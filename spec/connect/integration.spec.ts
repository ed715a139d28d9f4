import { expect } from 'chai';
import { realRig, HIA, APPADMIN, type RealRig } from './real-rig.js';
import { newSelfSignedCertificate, createSelfSignedCertificate, grantKeyAccess, SYNC_SERVICE_ACCOUNT, PLATFORM_KSP } from '../../pki/index.js';
import { inProcessConnection, acquireUserToken, tenantRequest } from '../../tenant/index.js';
import type { ConnectError } from '../../connect/index.js';

const MIN = 60_000;
const DAY = 86_400_000;

async function cycle(r: RealRig) {
  await r.server.startSyncCycle('Delta');
  r.manual.advance(10 * MIN);
  return r.server.getRunProfileResults({ numberRequested: 3 }).find((x) => x.RunProfileName === 'Export');
}
async function rejects(p: Promise<unknown>): Promise<ConnectError> {
  try { await p; } catch (e) { return e as ConnectError; }
  throw new Error('expected the operation to fail');
}

describe('connect with the real tenant (msal-node, in-process) and pki key providers', function () {
  this.timeout(120_000);
  let r: RealRig;
  beforeEach(() => { r = realRig(); });
  afterEach(() => r.cleanup());

  it('syncs with the seeded legacy account through msal-node username/password', async () => {
    const c = r.server.getConnectorCredential();
    expect(c.ConnectorIdentityType).to.equal('ServiceAccount');
    const run = await cycle(r);
    expect(run?.RunStepResults[0].ConnectorDiscoveryErrors ?? '').to.equal('');
    expect(run?.Result).to.equal('success');
    expect(run?.RunStepResults[0].ExportAdd).to.equal(300);
  });

  it('managed onboarding: the app, its roles and a TPM key; sync through a certificate assertion; manual rotation', async () => {
    await r.server.setScheduler({ syncCycleEnabled: false });
    await r.server.addEntraApplicationRegistration(HIA);
    const link = await r.server.addADSyncApplicationRegistration({ userPrincipalName: HIA.userPrincipalName });
    const doc = r.tenant.doc();
    const app = doc.applications.find((a) => a.appId === link.ApplicationId)!;
    expect(app.displayName).to.match(/^ConnectSyncProvisioning_CONNECT01_[0-9a-f]{12}$/);
    expect(app.keyCredentials).to.have.length(1);
    const sp = doc.servicePrincipals.find((s) => s.appId === app.appId)!;
    expect(doc.appRoleAssignments.filter((a) => a.principalId === sp.id)).to.have.length(4);
    const cert = r.pki.stores.list('CurrentUser\\My').find((c) => c.sha256 === link.CertificateSHA256Hash)!;
    expect(cert.subject).to.equal('CN=Entra Connect Sync Provisioning');
    expect(cert.key?.provider).to.equal(PLATFORM_KSP);
    await r.server.setScheduler({ syncCycleEnabled: true });
    const run = await cycle(r);
    expect(run?.RunStepResults[0].ConnectorDiscoveryErrors ?? '').to.equal('');
    expect(run?.Result).to.equal('success');
    const rot = await r.server.invokeCredentialRotation(HIA);
    expect(r.tenant.doc().applications.find((a) => a.appId === link.ApplicationId)!.keyCredentials.map((k) => k.keyId)).to.deep.equal([rot.CertificateId]);
    await r.server.touchOnPremObjects(3);
    expect((await cycle(r))?.Result).to.equal('success');
  });

  it('BYOC with a New-SelfSignedCertificate certificate in LocalMachine\\My; the sync account must be allowed to sign', async () => {
    const cert = await newSelfSignedCertificate(r.pki, {
      subject: 'CN=ConnectSyncBYOC', certStoreLocation: 'Cert:\\LocalMachine\\My', keyLength: 2048, keyAlgorithm: 'RSA',
      hashAlgorithm: 'SHA256', keyExportPolicy: 'NonExportable', provider: PLATFORM_KSP,
    });
    const e = await rejects(r.server.addADSyncApplicationRegistration(HIA, { sha256: cert.sha256 }));
    expect(e.errorId).to.equal('CertificateValidationFailed,KeyAccess');
    grantKeyAccess(r.pki, cert.keyRef!, SYNC_SERVICE_ACCOUNT);
    await r.server.addADSyncApplicationRegistration(HIA, { sha256: cert.sha256 });
    expect(r.server.getConnectorCredential().CertificateCredential!.CertificateManagedBy).to.equal('Customer');
    expect((await cycle(r))?.Result).to.equal('success');
  });

  it('an Application Administrator is refused; the key it adds by Graph shows up as a foreign credential', async () => {
    const e = await rejects(r.server.addADSyncApplicationRegistration(APPADMIN));
    expect(e.errorId).to.equal('InsufficientAdministratorRole');
    const link = await r.server.addADSyncApplicationRegistration(HIA);
    expect(await r.server.listForeignCredentials(HIA)).to.have.length(0);
    // the documents' caveat: an Application Administrator can add a credential to the Connect Sync application
    const conn = inProcessConnection(r.tenant);
    const token = (await acquireUserToken(conn, APPADMIN.userPrincipalName, APPADMIN.password, ['https://graph.microsoft.com/Application.ReadWrite.All'])).accessToken;
    const rogue = await createSelfSignedCertificate({ subject: 'CN=rogue', clock: r.clock });
    const path = `/v1.0/applications(appId='${link.ApplicationId}')`;
    const cur = (await tenantRequest(conn, token, 'GET', `${path}?$select=keyCredentials`)).body as { keyCredentials: Record<string, unknown>[] };
    const patch = await tenantRequest(conn, token, 'PATCH', path, { keyCredentials: [...cur.keyCredentials, { type: 'AsymmetricX509Cert', usage: 'Verify', key: Buffer.from(rogue.info.der).toString('base64') }] });
    expect(patch.status).to.equal(204);
    const foreign = await r.server.listForeignCredentials(HIA);
    expect(foreign.map((f) => f.thumbprint)).to.deep.equal([rogue.info.thumbprint]);
  });

  it('rollback to the legacy account and its removal go through the sync API', async () => {
    await r.server.addADSyncApplicationRegistration(HIA);
    const legacy = r.server.read().legacyAccount.name;
    expect((await rejects(r.server.removeServiceAccount(HIA, 'Sync_NOPE_000000000000'))).errorId).to.equal('ServiceAccountNotFound');
    await r.server.removeServiceAccount(HIA, legacy);
    await r.server.addServiceAccount(HIA);
    expect(r.server.getConnectorCredential().ConnectorIdentityType).to.equal('ServiceAccount');
    const denied = await cycle(r);
    expect(denied?.Result).to.equal('stopped-extension-dll-exception');
    r.manual.advance(15 * MIN);
    expect((await cycle(r))?.Result).to.equal('success');
  });

  it('automatic rotation through addKey/removeKey with a proof of possession; sync keeps succeeding', async () => {
    await r.server.addADSyncApplicationRegistration(HIA);
    const first = r.server.getConnectorCredential().CertificateCredential!;
    // one cycle a day keeps the real stack's 216 virtual days short
    await r.server.setScheduler({ customizedSyncCycleIntervalMs: DAY });
    await r.server.advanceClock(216 * DAY);
    const now = r.server.getConnectorCredential().CertificateCredential!;
    const errs = r.server.getEvents({ entryType: ['Error'] });
    expect(errs.map((e) => e.Message)).to.deep.equal([]);
    expect(now.Id).to.not.equal(first.Id);
    const app = r.tenant.doc().applications[0];
    expect(app.keyCredentials.map((k) => k.keyId)).to.deep.equal([now.Id]);
    const runs = r.server.getRunProfileResults({ connectorId: 'b891884f-051e-4a83-95af-2544101c9083' });
    expect(runs.every((x) => x.Result === 'success')).to.equal(true);
  });
  it('automatic onboarding of a 2.5.76.0 server: the legacy account provisions its application through the sync API route', async () => {
    await r.server.reset({ version: '2.5.76.0', passwordWriteback: true });
    expect(r.server.getConnectorCredential().ConnectorIdentityType).to.equal('ServiceAccount');
    const e0 = r.clock.now().getTime();
    await r.server.advanceClock(7 * 3600_000);
    expect(r.server.getEvents({ instanceId: [1019] }).map((e) => e.Message)).to.deep.equal([]);
    const ev = r.server.getEvents({ instanceId: [1018] });
    expect(ev).to.have.length(1);
    expect(new Date(ev[0].TimeGenerated).getTime() - e0).to.be.at.most(6.5 * 3600_000);
    const c = r.server.getConnectorCredential();
    expect(c.ConnectorIdentityType).to.equal('Application');
    expect(c.CertificateCredential!.CertificateManagedBy).to.equal('EntraConnect');
    const doc = r.tenant.doc();
    const app = doc.applications.find((a) => a.appId === c.ApplicationId)!;
    expect(app.displayName).to.match(/^ConnectSyncProvisioning_CONNECT01_[0-9a-f]{12}$/);
    expect(app.keyCredentials.map((k) => k.thumbprint)).to.deep.equal([c.CertificateCredential!.CertificateThumbprint]);
    const sp = doc.servicePrincipals.find((s) => s.appId === app.appId)!;
    expect(doc.appRoleAssignments.filter((a) => a.principalId === sp.id)).to.have.length(4);
    const actors = doc.audit.filter((a) => a.targetResources.some((t) => t.id === app.id || t.id === sp.id)).map((a) => JSON.stringify(a.initiatedBy));
    expect(actors.length).to.be.at.least(4);
    expect(actors.every((a) => /Sync_CONNECT01_/.test(a))).to.equal(true);
    // the scheduler's next cycles export with the application's certificate assertion
    await r.server.touchOnPremObjects(3);
    await r.server.advanceClock(3600_000);
    const after = r.server.getRunProfileResults({ connectorId: 'b891884f-051e-4a83-95af-2544101c9083' })
      .filter((x) => x.RunProfileName === 'Export' && new Date(x.StartDate).getTime() > new Date(ev[0].TimeGenerated).getTime());
    expect(after.length).to.be.at.least(1);
    expect(after.map((x) => x.Result)).to.deep.equal(after.map(() => 'success'));
    expect(after.map((x) => x.RunStepResults[0].ConnectorDiscoveryErrors ?? '')).to.deep.equal(after.map(() => ''));
    expect(r.tenant.doc().applications.filter((a) => a.displayName.startsWith('ConnectSyncProvisioning_'))).to.have.length(1);
  });
});
