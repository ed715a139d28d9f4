import { expect } from 'chai';
import { rig, byocCert, admin, cycle, disable, DAY, MIN, type Rig } from './harness.js';
import type { ConnectError } from '../../connect/index.js';

async function rejects(p: Promise<unknown>): Promise<ConnectError> {
  try { await p; } catch (e) { return e as ConnectError; }
  throw new Error('expected the operation to fail');
}

describe('connect: certificate rotation, revocation and key cleanup', () => {
  let r: Rig;
  beforeEach(() => { r = rig(); });
  afterEach(() => r.cleanup());

  it('manual rotation of a managed certificate: new key, new certificate, old key removed, sync keeps working', async () => {
    await r.server.addADSyncApplicationRegistration(admin);
    const before = r.server.getConnectorCredential().CertificateCredential!;
    await disable(r);
    const res = await r.server.invokeCredentialRotation({ userPrincipalName: admin.userPrincipalName });
    const after = r.server.getConnectorCredential().CertificateCredential!;
    expect(after.Id).to.equal(res.CertificateId).and.not.equal(before.Id);
    expect(after.CertificateThumbprint).to.not.equal(before.CertificateThumbprint);
    const app = r.tenant.doc().apps[0];
    expect(app.keys.map((k) => k.keyId)).to.deep.equal([after.Id]);
    expect(r.keys.findBySha256(before.CertificateSHA256Hash)).to.have.length(0);
    expect(r.server.getEvents({ instanceId: [1013] })[0].Message).to.contain(before.Id);
    await r.server.setScheduler({ syncCycleEnabled: true });
    expect((await cycle(r))?.Result).to.equal('success');
  });

  it('BYOC rotation needs the new hash; a hash not in the store or the current certificate is refused and the credential still works', async () => {
    const c1 = byocCert(r);
    await r.server.addADSyncApplicationRegistration(admin, { sha256: c1.sha256 });
    expect((await rejects(r.server.invokeCredentialRotation(admin))).errorId).to.equal('CertificateSHA256HashRequired');
    expect((await rejects(r.server.invokeCredentialRotation(admin, { sha256: 'B'.repeat(64) }))).errorId).to.equal('CertificateNotFound');
    expect((await rejects(r.server.invokeCredentialRotation(admin, { sha256: c1.sha256 }))).errorId).to.equal('SameCertificate');
    expect(r.server.getConnectorCredential().CertificateCredential!.CertificateSHA256Hash).to.equal(c1.sha256);
    expect((await cycle(r))?.Result).to.equal('success');
    const c2 = byocCert(r, { subject: 'CN=ConnectSyncBYOC2' });
    await r.server.invokeCredentialRotation(admin, { sha256: c2.sha256 });
    const now = r.server.getConnectorCredential().CertificateCredential!;
    expect(now.CertificateSHA256Hash).to.equal(c2.sha256);
    expect(r.tenant.doc().apps[0].keys.map((k) => k.thumbprint)).to.deep.equal([c2.thumbprint]);
    // BYOC: the customer removes the old certificate from the store, not the server
    expect(r.keys.findBySha256(c1.sha256)).to.have.length(1);
    expect((await cycle(r))?.Result).to.equal('success');
  });

  it('rotation on a ServiceAccount server is refused', async () => {
    expect((await rejects(r.server.invokeCredentialRotation(admin))).errorId).to.equal('ApplicationAuthenticationNotConfigured');
  });

  it('when the old key cannot be removed, an error event names its CertificateId; Remove-EntraApplicationKey cleans it up but never the key in use', async () => {
    await r.server.addADSyncApplicationRegistration(admin);
    const old = r.server.getConnectorCredential().CertificateCredential!.Id;
    await r.server.setFault('KeyRemovalFails', true);
    await r.server.invokeCredentialRotation(admin);
    const ev = r.server.getEvents({ entryType: ['Error'] }).find((e) => e.Message.includes(old));
    expect(ev, 'error event naming the old CertificateId').to.not.equal(undefined);
    expect(ev!.ReplacementStrings).to.include(old);
    expect(r.tenant.doc().apps[0].keys).to.have.length(2);
    await r.server.clearFaults();
    const inUse = r.server.getConnectorCredential().CertificateCredential!.Id;
    const e = await rejects(r.server.removeEntraApplicationKey(admin, inUse));
    expect(e.errorId).to.equal('CertificateInUse');
    expect((await rejects(r.server.removeEntraApplicationKey(admin, 'nope'))).errorId).to.equal('InvalidGuid');
    expect((await rejects(r.server.removeEntraApplicationKey(admin, '00000000-0000-0000-0000-000000000001'))).errorId).to.equal('CertificateIdNotFound');
    await r.server.removeEntraApplicationKey(admin, old.toUpperCase());
    expect(r.tenant.doc().apps[0].keys.map((k) => k.keyId)).to.deep.equal([inUse]);
    expect((await cycle(r))?.Result).to.equal('success');
  });

  it('revocation: removing the keyCredential in Entra breaks sync with AADSTS700027 (event 906); an on-demand rotation recovers', async () => {
    await r.server.addADSyncApplicationRegistration(admin);
    const cur = r.server.getConnectorCredential().CertificateCredential!;
    // the admin revokes by removing the keyCredential in Entra (Graph / admin center), then the cached token expires
    await r.tenant.removeKeyCredential({ kind: 'admin', session: null as never }, r.tenant.doc().apps[0].appId, cur.Id);
    r.manual.advance(2 * 3600_000);
    const run = await cycle(r);
    expect(run?.Result).to.equal('stopped-extension-dll-exception');
    const e906 = r.server.getEvents({ instanceId: [906] });
    expect(e906).to.have.length(1);
    expect(e906[0].Source).to.equal('Directory Synchronization');
    expect(e906[0].Message).to.contain('AADSTS700027').and.contain('[MSAL] AcquireTokenWithCertificate');
    await r.server.invokeCredentialRotation(admin);
    expect((await cycle(r))?.Result).to.equal('success');
  });

  it('an expired BYOC certificate can still be rotated; sync recovers', async () => {
    const c1 = byocCert(r);
    await r.server.addADSyncApplicationRegistration(admin, { sha256: c1.sha256 });
    await r.server.setScheduler({ syncCycleEnabled: false });
    await r.server.advanceClock(370 * DAY);
    expect((await cycle(r))?.Result).to.equal('stopped-extension-dll-exception');
    expect(r.server.getEvents({ instanceId: [906] })[0].Message).to.contain('The key used is expired');
    const c2 = byocCert(r, { subject: 'CN=ConnectSyncBYOC-2' });
    await r.server.invokeCredentialRotation(admin, { sha256: c2.sha256 });
    expect((await cycle(r))?.Result).to.equal('success');
  });

  it('a managed server rotates automatically when due (≤ 150 days) and sync keeps succeeding for 400 days', async function () {
    this.timeout(120_000);
    await r.server.addADSyncApplicationRegistration(admin);
    const first = r.server.getConnectorCredential().CertificateCredential!;
    const res = await r.server.advanceClock(400 * DAY);
    expect(res.cycles).to.be.within(400 * 48 - 2, 400 * 48 + 1);
    const rotations = r.server.getEvents({ instanceId: [1013] });
    // the new certificate is valid a year from day 215, so it is not due again before day 430
    expect(rotations.length).to.equal(1);
    const firstRotation = new Date(rotations[rotations.length - 1].TimeGenerated);
    const days = (firstRotation.getTime() - new Date('2026-01-05T08:00:00Z').getTime()) / DAY;
    expect(days).to.be.within(214, 216);
    expect(r.server.getEvents({ instanceId: [1011, 1012, 906, 1015, 1017] })).to.have.length(0);
    const now = r.server.getConnectorCredential().CertificateCredential!;
    expect(now.Id).to.not.equal(first.Id);
    expect(now.Subject).to.equal('CN=Entra Connect Sync Provisioning');
    const exports = r.server.getRunProfileResults({ connectorId: 'b891884f-051e-4a83-95af-2544101c9083' });
    expect(exports.length).to.be.greaterThan(300);
    expect(exports.every((x) => x.Result === 'success')).to.equal(true);
    expect(r.tenant.doc().apps[0].keys).to.have.length(1);
  });

  it('400 virtual days on a BYOC server: 1011 from day ~215 at scheduler frequency, 1012 after expiry, none while the scheduler is disabled', async function () {
    this.timeout(120_000);
    const start = r.clock.now().getTime();
    const c1 = byocCert(r);
    await r.server.addADSyncApplicationRegistration(admin, { sha256: c1.sha256 });
    await r.server.advanceClock(300 * DAY);
    await r.server.setScheduler({ syncCycleEnabled: false });
    await r.server.advanceClock(10 * DAY);
    await r.server.setScheduler({ syncCycleEnabled: true });
    await r.server.advanceClock(90 * DAY);
    const w = r.server.getEvents({ instanceId: [1011] }).map((e) => (new Date(e.TimeGenerated).getTime() - start) / DAY).reverse();
    const x = r.server.getEvents({ instanceId: [1012] }).map((e) => (new Date(e.TimeGenerated).getTime() - start) / DAY).reverse();
    expect(w[0]).to.be.within(214.9, 215.1);
    expect(x[0]).to.be.within(365, 365.1);
    expect(w[w.length - 1]).to.be.below(365.01);
    // the cycle due exactly at day 300 ran before the scheduler was disabled
    expect(w.filter((d) => d > 300.001 && d < 310)).to.have.length(0);
    expect(x.filter((d) => d > 300.001 && d < 310)).to.have.length(0);
    expect(w.filter((d) => d >= 299 && d <= 300.001)).to.have.length(49);
    // at scheduler frequency: one per 30-minute cycle
    expect(w.filter((d) => d >= 220 && d < 221)).to.have.length(48);
    expect(x.filter((d) => d >= 380 && d < 381)).to.have.length(48);
    const times = r.server.getEvents({ instanceId: [1012] }).map((e) => new Date(e.TimeGenerated).getTime()).reverse();
    expect(times[1] - times[0]).to.equal(30 * MIN);
    expect(r.server.getEvents({ instanceId: [1011] })[0].EntryType).to.equal('Warning');
    expect(r.server.getEvents({ instanceId: [1012] })[0].EntryType).to.equal('Error');
    // after expiry sync fails the way Entra refuses an expired key
    const last = r.server.getRunProfileResults().find((x) => x.IsRunComplete && x.RunProfileName === 'Export')!;
    expect(last.Result).to.equal('stopped-extension-dll-exception');
  });

  it('maintenance disabled or scheduler suspended: no warnings and no automatic rotation', async () => {
    await r.server.addADSyncApplicationRegistration(admin);
    // four ticks a day are enough to see what maintenance does or not
    await r.server.setScheduler({ maintenanceEnabled: false, customizedSyncCycleIntervalMs: 6 * 3600_000 });
    await r.server.advanceClock(240 * DAY);
    expect(r.server.getEvents({ instanceId: [1011, 1013] })).to.have.length(0);
    expect(r.server.getCurrentConfiguration().AutomaticRotationEnabled).to.equal(false);
    await r.server.setScheduler({ maintenanceEnabled: true, schedulerSuspended: true });
    await r.server.advanceClock(DAY);
    expect(r.server.getEvents({ instanceId: [1011, 1013] })).to.have.length(0);
    await r.server.setScheduler({ schedulerSuspended: false });
    await r.server.advanceClock(DAY);
    expect(r.server.getEvents({ instanceId: [1013] })).to.have.length(1);
  });
});
