import { expect } from 'chai';
import { realRig, HIA, type RealRig } from './real-rig.js';
import { newSelfSignedCertificate, grantKeyAccess, SYNC_SERVICE_ACCOUNT, PLATFORM_KSP } from '../../pki/index.js';
import { MANAGED_SUBJECT, type ConnectError } from '../../connect/index.js';

const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

async function cycle(r: RealRig) {
  // let a cycle the scheduler just started finish first
  r.manual.advance(10 * MIN);
  await r.server.touchOnPremObjects(1);
  await r.server.startSyncCycle('Delta');
  r.manual.advance(10 * MIN);
  return r.server.getRunProfileResults({ numberRequested: 3 }).find((x) => x.RunProfileName === 'Export');
}
async function rejects(p: Promise<unknown>): Promise<ConnectError> {
  try { await p; } catch (e) { return e as ConnectError; }
  throw new Error('expected the operation to fail');
}
const ownApps = (r: RealRig) => r.tenant.doc().applications.filter((a) => a.displayName.startsWith('ConnectSyncProvisioning_'));
const managedCerts = (r: RealRig) => r.pki.stores.list('CurrentUser\\My').filter((c) => c.subject === MANAGED_SUBJECT);

/** The end state every recovery must reach: tenant and server agree, nothing left over, and sync works. */
async function expectsWorkingApplication(r: RealRig) {
  const c = r.server.getConnectorCredential();
  expect(c.ConnectorIdentityType).to.equal('Application');
  const apps = ownApps(r);
  expect(apps.map((a) => a.appId)).to.deep.equal([c.ApplicationId]);
  expect(apps[0].keyCredentials.map((k) => k.keyId), 'no orphan key on the application').to.deep.equal([c.CertificateCredential!.Id]);
  expect(r.server.read().strandedKeys ?? []).to.deep.equal([]);
  expect(await r.server.listForeignCredentials(HIA)).to.deep.equal([]);
  if (c.CertificateCredential!.CertificateManagedBy === 'EntraConnect') {
    expect(managedCerts(r).map((x) => x.sha256), 'only the certificate in use stays in CurrentUser\\My').to.deep.equal([c.CertificateCredential!.CertificateSHA256Hash]);
  }
  const run = await cycle(r);
  expect(run?.RunStepResults[0].ConnectorDiscoveryErrors ?? '').to.equal('');
  expect(run?.Result).to.equal('success');
}

/** One case per step of the switch; the last two leave a key on the application that cannot be taken off at once. */
const CASES: { faults: string[]; keyLeft: boolean }[] = [
  { faults: ['ApplicationCreationFails'], keyLeft: false },
  { faults: ['RoleAssignmentFails'], keyLeft: false },
  { faults: ['KeyAdditionFails'], keyLeft: false },
  { faults: ['NewKeyRejected'], keyLeft: false },
  { faults: ['NewKeyRejected', 'KeyRemovalFails'], keyLeft: true },
  { faults: ['TenantUnreachable'], keyLeft: false },
];

describe('connect: a failed credential switch is atomic and recoverable (real tenant, msal-node, pki)', function () {
  this.timeout(180_000);
  let r: RealRig;
  beforeEach(() => { r = realRig(); });
  afterEach(() => r.cleanup());

  for (const c of CASES) {
    it(`automatic onboarding with ${c.faults.join(' + ')}: 1019, still on the legacy account; cleared, the next attempt onboards with nothing left over`, async () => {
      await r.server.reset({ version: '2.5.76.0' });
      for (const f of c.faults) await r.server.setFault(f, true);
      // until the first attempt (a point of the six-hour window that depends on the machine id)
      for (let i = 0; i < 14 && r.server.getEvents({ instanceId: [1018, 1019] }).length === 0; i++) await r.server.advanceClock(30 * MIN);
      expect(r.server.getEvents({ instanceId: [1018] })).to.have.length(0);
      expect(r.server.getEvents({ instanceId: [1019] })).to.have.length(1);
      expect(r.server.getConnectorCredential().ConnectorIdentityType).to.equal('ServiceAccount');
      const stranded = r.server.read().strandedKeys ?? [];
      const keysOnApp = ownApps(r).flatMap((a) => a.keyCredentials.map((k) => k.keyId));
      if (c.keyLeft) {
        expect(stranded.map((k) => k.keyId)).to.deep.equal(keysOnApp);
        expect(keysOnApp).to.have.length(1);
        expect(managedCerts(r).map((x) => x.sha256), 'the private key is kept for the retry').to.deep.equal(stranded.map((k) => k.sha256));
      } else {
        expect(keysOnApp, 'a key the switch added was taken off again').to.deep.equal([]);
        expect(stranded).to.deep.equal([]);
        expect(managedCerts(r)).to.deep.equal([]);
      }
      if (!c.faults.includes('TenantUnreachable')) expect((await cycle(r))?.Result, 'the legacy account still works').to.equal('success');

      await r.server.clearFaults();
      await r.server.advanceClock(7 * HOUR);
      expect(r.server.getEvents({ instanceId: [1018] })).to.have.length(1);
      if (c.keyLeft) expect(r.server.getConnectorCredential().CertificateCredential!.Id, 'retried with the key it kept').to.equal(stranded[0].keyId);
      await expectsWorkingApplication(r);
    });
  }

  it('the undo of a failed automatic onboarding goes through the sync API route, audited as the connector', async () => {
    await r.server.reset({ version: '2.5.76.0' });
    await r.server.setFault('NewKeyRejected', true);
    await r.server.advanceClock(7 * HOUR);
    const app = ownApps(r)[0];
    const removal = r.tenant.doc().audit.filter((a) => a.targetResources.some((t) => t.id === app.id) && a.details?.removedKeyId);
    // one per attempt (a second one may fall inside these seven hours)
    expect(removal.length).to.be.within(1, 2);
    expect(removal.map((a) => a.initiatedBy.user?.userPrincipalName ?? '').every((u) => /^Sync_CONNECT01_/.test(u))).to.equal(true);
    expect(r.server.getEvents({ instanceId: [1019] })[0].Message).to.contain('AADSTS700027');
  });

  it('a server that lost its record of the leftover key: the tenant flags the keys it provisioned, so the next attempt removes or reuses them', async () => {
    await r.server.reset({ version: '2.5.76.0' });
    await r.server.setFault('NewKeyRejected', true);
    await r.server.setFault('KeyRemovalFails', true);
    await r.server.advanceClock(7 * HOUR);
    const left = ownApps(r)[0].keyCredentials[0].keyId;
    // the record is gone (a restored server document), and so is the certificate
    r.store.update('server', () => { throw new Error('exists'); }, (d: { strandedKeys?: unknown[] }) => { d.strandedKeys = []; });
    for (const cert of managedCerts(r)) r.pki.stores.remove('CurrentUser\\My', cert.thumbprint);
    await r.server.clearFaults();
    await r.server.advanceClock(7 * HOUR);
    expect(r.server.getConnectorCredential().CertificateCredential!.Id).to.not.equal(left);
    await expectsWorkingApplication(r);
  });

  for (const c of CASES.filter((x) => !x.faults.includes('TenantUnreachable'))) {
    it(`Add-ADSyncApplicationRegistration with ${c.faults.join(' + ')}: a clear error, the legacy account keeps working; the retry ends on one application with one key`, async () => {
      for (const f of c.faults) await r.server.setFault(f, true);
      const e = await rejects(r.server.addADSyncApplicationRegistration(HIA));
      expect(e.errorId).to.be.a('string');
      expect(r.server.getConnectorCredential().ConnectorIdentityType).to.equal('ServiceAccount');
      expect((await cycle(r))?.Result).to.equal('success');
      const stranded = r.server.read().strandedKeys ?? [];
      expect(stranded).to.have.length(c.keyLeft ? 1 : 0);
      await r.server.clearFaults();
      const link = await r.server.addADSyncApplicationRegistration(HIA);
      if (c.keyLeft) expect(link.CertificateId).to.equal(stranded[0].keyId);
      await expectsWorkingApplication(r);
    });
  }

  it('BYOC registration whose key could not be taken off: the retry with the same certificate ends with that one key', async () => {
    const cert = await newSelfSignedCertificate(r.pki, {
      subject: 'CN=ConnectSyncBYOC', certStoreLocation: 'Cert:\\LocalMachine\\My', keyLength: 2048, keyAlgorithm: 'RSA',
      hashAlgorithm: 'SHA256', keyExportPolicy: 'NonExportable', provider: PLATFORM_KSP,
    });
    grantKeyAccess(r.pki, cert.keyRef!, SYNC_SERVICE_ACCOUNT);
    await r.server.setFault('NewKeyRejected', true);
    await r.server.setFault('KeyRemovalFails', true);
    expect((await rejects(r.server.addADSyncApplicationRegistration(HIA, { sha256: cert.sha256 }))).errorId).to.equal('CredentialVerificationFailed');
    expect(r.server.read().strandedKeys?.map((k) => k.managed)).to.deep.equal([false]);
    expect(r.pki.stores.list('LocalMachine\\My').map((c) => c.sha256), 'the customer\'s certificate is never deleted').to.include(cert.sha256);
    await r.server.clearFaults();
    await r.server.addADSyncApplicationRegistration(HIA, { sha256: cert.sha256 });
    await expectsWorkingApplication(r);
  });

  it('manual rotation whose new key is refused and cannot be taken off: the old credential keeps working; the next rotation reuses the key', async () => {
    await r.server.addADSyncApplicationRegistration(HIA);
    const first = r.server.getConnectorCredential().CertificateCredential!;
    await r.server.setFault('NewKeyRejected', true);
    await r.server.setFault('KeyRemovalFails', true);
    expect((await rejects(r.server.invokeCredentialRotation(HIA))).errorId).to.equal('CredentialVerificationFailed');
    expect(r.server.getConnectorCredential().CertificateCredential!.Id).to.equal(first.Id);
    expect((await cycle(r))?.Result).to.equal('success');
    const stranded = r.server.read().strandedKeys!;
    expect(ownApps(r)[0].keyCredentials.map((k) => k.keyId)).to.deep.equal([first.Id, stranded[0].keyId]);
    // not foreign: the server put it there
    expect(await r.server.listForeignCredentials(HIA)).to.deep.equal([]);
    await r.server.clearFaults();
    const rot = await r.server.invokeCredentialRotation(HIA);
    expect(rot.CertificateId).to.equal(stranded[0].keyId);
    await expectsWorkingApplication(r);
  });

  it('a key left by a failed manual rotation is named in event 1015 and taken off by the next maintenance run', async () => {
    await r.server.addADSyncApplicationRegistration(HIA);
    const first = r.server.getConnectorCredential().CertificateCredential!;
    await r.server.setFault('NewKeyRejected', true);
    await r.server.setFault('KeyRemovalFails', true);
    await rejects(r.server.invokeCredentialRotation(HIA));
    const left = r.server.read().strandedKeys![0];
    const e1015 = r.server.getEvents({ instanceId: [1015] });
    expect(e1015).to.have.length(1);
    expect(e1015[0].Message).to.contain(`CertificateId: ${left.keyId}`);
    expect(e1015[0].Message).to.contain(`Remove-EntraApplicationKey -CertificateId ${left.keyId}`);
    // still failing: maintenance keeps it recorded
    await r.server.advanceClock(30 * MIN);
    expect(r.server.read().strandedKeys!.map((k) => k.keyId)).to.deep.equal([left.keyId]);
    await r.server.clearFaults();
    await r.server.advanceClock(30 * MIN);
    expect(r.server.getConnectorCredential().CertificateCredential!.Id).to.equal(first.Id);
    await expectsWorkingApplication(r);
  });

  it('automatic rotation that fails the same way logs 1017 each day; cleared, the next maintenance finishes with the kept key', async () => {
    await r.server.addADSyncApplicationRegistration(HIA);
    const first = r.server.getConnectorCredential().CertificateCredential!;
    await r.server.setScheduler({ customizedSyncCycleIntervalMs: DAY });
    await r.server.setFault('NewKeyRejected', true);
    await r.server.setFault('KeyRemovalFails', true);
    await r.server.advanceClock(218 * DAY);
    expect(r.server.getEvents({ instanceId: [1017] }).length).to.be.at.least(2);
    expect(r.server.getConnectorCredential().CertificateCredential!.Id).to.equal(first.Id);
    const stranded = r.server.read().strandedKeys!;
    expect(stranded, 'one leftover key, reused by every attempt').to.have.length(1);
    expect(ownApps(r)[0].keyCredentials).to.have.length(2);
    await r.server.clearFaults();
    await r.server.advanceClock(DAY);
    expect(r.server.getConnectorCredential().CertificateCredential!.Id).to.equal(stranded[0].keyId);
    await expectsWorkingApplication(r);
  });

  it('Remove-EntraApplicationKey cleans up a leftover key while the server is still on the legacy account', async () => {
    await r.server.setFault('NewKeyRejected', true);
    await r.server.setFault('KeyRemovalFails', true);
    await rejects(r.server.addADSyncApplicationRegistration(HIA));
    const left = r.server.read().strandedKeys![0].keyId;
    await r.server.clearFaults();
    await r.server.removeEntraApplicationKey(HIA, left);
    expect(r.server.read().strandedKeys).to.deep.equal([]);
    expect(ownApps(r)[0].keyCredentials).to.deep.equal([]);
    await r.server.addADSyncApplicationRegistration(HIA);
    await expectsWorkingApplication(r);
  });
});
