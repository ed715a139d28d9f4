import { expect } from 'chai';
import { rig, admin, cycle, disable, MIN, DAY, SYNC_UPN, type Rig } from './harness.js';
import type { ConnectError } from '../../connect/index.js';

async function rejects(p: Promise<unknown>): Promise<ConnectError> {
  try { await p; } catch (e) { return e as ConnectError; }
  throw new Error('expected the operation to fail');
}
const legacyName = SYNC_UPN.split('@')[0];

describe('connect: legacy service account — rollback and removal', () => {
  let r: Rig;
  beforeEach(() => { r = rig(); });
  afterEach(() => r.cleanup());

  it('removing the legacy account while the connector still uses it is refused, and sync keeps working', async () => {
    const e = await rejects(r.server.removeServiceAccount(admin, legacyName));
    expect(e.errorId).to.equal('ServiceAccountInUse');
    expect(e.category).to.equal('InvalidOperation');
    expect(r.tenant.doc().users.some((u) => u.upn === SYNC_UPN)).to.equal(true);
    expect((await cycle(r))?.Result).to.equal('success');
  });

  it('after onboarding, the legacy account can be removed by its name (the UPN prefix); a second removal says not found', async () => {
    await r.server.addADSyncApplicationRegistration(admin);
    await r.server.removeServiceAccount(admin, legacyName);
    expect(r.tenant.doc().users.some((u) => u.upn === SYNC_UPN)).to.equal(false);
    expect((await rejects(r.server.removeServiceAccount(admin, legacyName))).errorId).to.equal('ServiceAccountNotFound');
    expect((await rejects(r.server.removeServiceAccount(admin, 'bad name!'))).errorId).to.equal('InvalidServiceAccountName');
    expect((await cycle(r))?.Result).to.equal('success');
  });

  it('rollback: Add-ADSyncAADServiceAccount re-creates the removed account; Access Denied for 15 minutes, then sync works', async () => {
    await r.server.addADSyncApplicationRegistration(admin);
    await r.server.removeServiceAccount(admin, legacyName);
    await disable(r);
    const res = await r.server.addServiceAccount(admin);
    expect(res.Created).to.equal(true);
    expect(res.Name).to.equal(legacyName);
    const c = r.server.getConnectorCredential();
    expect(c.ConnectorIdentityType).to.equal('ServiceAccount');
    expect(c.UserName).to.equal(SYNC_UPN);
    await r.server.setScheduler({ syncCycleEnabled: true });
    const denied = await cycle(r);
    expect(denied?.Result).to.equal('stopped-extension-dll-exception');
    expect(denied?.RunStepResults[0].ConnectorDiscoveryErrors).to.contain('Access Denied');
    expect(r.server.getEvents({ instanceId: [115] })[0].Message).to.equal('Access to Azure Active Directory has been denied.');
    r.manual.advance(15 * MIN);
    expect((await cycle(r))?.Result).to.equal('success');
    // the application registration is kept: switching back needs no new application
    expect(r.tenant.doc().apps).to.have.length(1);
  });

  it('rollback while the account still exists resets its password and works at once', async () => {
    await r.server.addADSyncApplicationRegistration(admin);
    const res = await r.server.addServiceAccount({ userPrincipalName: admin.userPrincipalName });
    expect(res.Created).to.equal(false);
    expect((await cycle(r))?.Result).to.equal('success');
  });

  it('Add-ADSyncAADServiceAccount -Name creates a new account and points the connector at it', async () => {
    const res = await r.server.addServiceAccount(admin, 'Sync_CONNECT02');
    expect(res.UserPrincipalName).to.equal('Sync_CONNECT02@contoso.onmicrosoft.com');
    expect(r.server.getConnectorCredential().UserName).to.equal('Sync_CONNECT02@contoso.onmicrosoft.com');
    r.manual.advance(16 * MIN);
    expect((await cycle(r))?.Result).to.equal('success');
    // now the original account is not in use and may go
    await r.server.removeServiceAccount(admin, legacyName);
  });

  it('the connector account removed behind the server\'s back: AADSTS50034 in event 906 and a stopped run', async () => {
    await r.tenant.deleteUser({ kind: 'admin', session: null as never }, SYNC_UPN);
    r.manual.advance(2 * 3600_000);
    const run = await cycle(r);
    expect(run?.Result).to.equal('stopped-extension-dll-exception');
    expect(r.server.getEvents({ instanceId: [906] })[0].Message).to.contain('AADSTS50034');
  });

  it('automatic onboarding: a ≥ 2.5.76.0 server on the legacy account switches to a managed application within six hours', async () => {
    const e0 = r.clock.now().getTime();
    await r.server.advanceClock(7 * 3600_000);
    const c = r.server.getConnectorCredential();
    expect(c.ConnectorIdentityType).to.equal('Application');
    expect(c.CertificateCredential!.CertificateManagedBy).to.equal('EntraConnect');
    const ev = r.server.getEvents({ instanceId: [1018] });
    expect(ev).to.have.length(1);
    expect(new Date(ev[0].TimeGenerated).getTime() - e0).to.be.at.most(6.5 * 3600_000);
    const runs = r.server.getRunProfileResults({ connectorId: 'b891884f-051e-4a83-95af-2544101c9083' });
    expect(runs.every((x) => x.Result === 'success')).to.equal(true);
  });

  it('no automatic onboarding before 2.5.76.0', async () => {
    await r.server.reset({ version: '2.5.3.0' });
    await r.server.advanceClock(2 * DAY);
    expect(r.server.getConnectorCredential().ConnectorIdentityType).to.equal('ServiceAccount');
    expect(r.server.getEvents({ instanceId: [1018] })).to.have.length(0);
    await r.server.reset({ version: '2.5.76.0' });
    await r.server.advanceClock(7 * 3600_000);
    expect(r.server.getConnectorCredential().ConnectorIdentityType).to.equal('Application');
    expect((await rejects(r.server.reset({ version: 'two' }))).errorId).to.equal('InvalidVersion');
  });
});
