import { expect } from 'chai';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { StateStore, ManualClock } from '../../state/index.js';
import { ConnectServer, SteppingClock, MsalTenantGateway, PkiKeyStore } from '../../connect/index.js';
import { serve, servedConnection, acquireUserToken, SYNC_SCOPE, APP_ID, DEFAULT_DOMAIN, DEFAULT_PASSWORD, type ServedTenant } from '../../tenant/index.js';
import { openPki } from '../../pki/index.js';

describe('connect against a served tenant (msal-node over real HTTPS)', function () {
  this.timeout(120_000);
  let served: ServedTenant;
  const homes: string[] = [];
  const tmp = () => { const h = fs.mkdtempSync(path.join(os.tmpdir(), 'connect-served-')); homes.push(h); return h; };
  afterEach(async () => { await served?.close(); for (const h of homes.splice(0)) fs.rmSync(h, { recursive: true, force: true }); });

  /** A served tenant and a server that reaches it over HTTPS through msal-node, on one stepping virtual clock. */
  const serveAndConnect = async () => {
    const manual = new ManualClock(new Date());
    const clock = new SteppingClock(manual);
    served = await serve({ port: 0, home: tmp(), clock, log: () => undefined });
    const conn = servedConnection(served.origin, served.caPem, served.tenant.doc().tenantId);
    const store = new StateStore(tmp());
    const server = new ConnectServer({
      store, clock, advanceBaseClock: (ms) => manual.advance(ms),
      tenant: new MsalTenantGateway(conn, clock, { tenantDomain: DEFAULT_DOMAIN, serverName: served.tenant.doc().serverName }),
      keys: new PkiKeyStore(openPki(store, clock)),
    });
    return { manual, clock, conn, store, server };
  };

  it('syncs with the legacy account, onboards to a managed application and syncs with its certificate', async () => {
    const { manual, server } = await serveAndConnect();
    const cycle = async () => {
      await server.startSyncCycle();
      manual.advance(10 * 60_000);
      return server.getRunProfileResults({ numberRequested: 3 }).find((x) => x.RunProfileName === 'Export')!;
    };
    const first = await cycle();
    expect(first.RunStepResults[0].ConnectorDiscoveryErrors ?? '').to.equal('');
    expect(first.Result).to.equal('success');
    await server.addADSyncApplicationRegistration({ userPrincipalName: `hybridadmin@${DEFAULT_DOMAIN}`, password: DEFAULT_PASSWORD });
    expect(server.getConnectorCredential().ConnectorIdentityType).to.equal('Application');
    await server.touchOnPremObjects(4);
    const second = await cycle();
    expect(second.Result).to.equal('success');
    expect(second.RunStepResults[0].ExportUpdate).to.equal(4);
  });

  it('over HTTPS: a failed automatic onboarding is undone through the sync API and retried; a password reset makes the old one "old"', async () => {
    const { manual, conn, server } = await serveAndConnect();
    const hia = { userPrincipalName: `hybridadmin@${DEFAULT_DOMAIN}`, password: DEFAULT_PASSWORD };
    await server.reset({ version: '2.5.76.0' });
    await server.setFault('NewKeyRejected', true);
    for (let i = 0; i < 14 && server.getEvents({ instanceId: [1019] }).length === 0; i++) await server.advanceClock(30 * 60_000);
    expect(server.getEvents({ instanceId: [1019] })).to.have.length(1);
    const app = served.tenant.doc().applications.find((a) => a.displayName.startsWith('ConnectSyncProvisioning_'))!;
    expect(app.keyCredentials).to.deep.equal([]);
    await server.clearFaults();
    await server.advanceClock(7 * 3600_000);
    const c = server.getConnectorCredential();
    expect(c.ConnectorIdentityType).to.equal('Application');
    expect(served.tenant.doc().applications.find((a) => a.appId === c.ApplicationId)!.keyCredentials.map((k) => k.keyId)).to.deep.equal([c.CertificateCredential!.Id]);

    // rollback while the account exists: its password is reset; the one the server held before is now "old"
    const before = server.read().legacyAccount;
    await server.addServiceAccount(hia);
    expect(server.getConnectorCredential().ConnectorIdentityType).to.equal('ServiceAccount');
    const old = await acquireUserToken(conn, before.userPrincipalName, before.password, [SYNC_SCOPE], APP_ID.entraConnect).then(() => undefined, (e: Error) => e);
    expect(old?.message).to.contain('AADSTS70002: Error validating credentials. AADSTS50054: Old password is used for authentication.');
    await server.touchOnPremObjects(1);
    manual.advance(60_000);
    await server.startSyncCycle();
    manual.advance(10 * 60_000);
    expect(server.getRunProfileResults({ numberRequested: 3 }).find((x) => x.RunProfileName === 'Export')!.Result).to.equal('success');
  });
});
