import { expect } from 'chai';
import { acquireUserToken, serviceAccountUpn, tenantRequest, APP_ID, SYNC_SCOPE, DEFAULT_PASSWORD, DEFAULT_DOMAIN } from '../../tenant/index.js';
import { makeTenant, makeCert, upn, type Fixture } from './helpers.js';

const NAME = 'ConnectSyncProvisioning_CONNECT01_0123456789ab';

describe('tenant sync API: applicationProvisioning (automatic onboarding by the legacy connector)', function () {
  this.timeout(30_000);
  let f: Fixture;
  let path: string;
  let connector: string;
  beforeEach(async () => {
    f = makeTenant({ writeback: true });
    const doc = f.tenant.doc();
    path = `/syncapi/v1.0/${doc.tenantId}/applicationProvisioning`;
    const sync = serviceAccountUpn('CONNECT01', doc.tenantId, DEFAULT_DOMAIN);
    connector = (await acquireUserToken(f.conn, sync, DEFAULT_PASSWORD, [SYNC_SCOPE], APP_ID.entraConnect)).accessToken;
  });
  afterEach(() => f.cleanup());

  it('creates the application, its service principal, key and roles in one step, audited as the connector; idempotent on retry', async () => {
    const cert = await makeCert({ clock: f.clock, subject: 'CN=Entra Connect Sync Provisioning' });
    const body = { displayName: NAME, passwordWriteback: true, keyCredential: { type: 'AsymmetricX509Cert', usage: 'Verify', key: cert.b64 } };
    const r1 = await tenantRequest(f.conn, connector, 'POST', path, body);
    expect(r1.status, JSON.stringify(r1.body)).to.equal(201);
    const a = r1.body as { appId: string; id: string; servicePrincipalId: string; addedKeyId: string; assignedRoles: string[]; keyCredentials: { thumbprint: string }[] };
    expect(a.assignedRoles.sort()).to.deep.equal(['ADSynchronization.ReadWrite.All', 'PasswordWriteback.OffboardClient.All', 'PasswordWriteback.RefreshClient.All', 'PasswordWriteback.RegisterClientVersion.All']);
    expect(a.keyCredentials.map((k) => k.thumbprint)).to.deep.equal([cert.thumbprint]);
    const doc = f.tenant.doc();
    const app = doc.applications.find((x) => x.appId === a.appId)!;
    expect(app.displayName).to.equal(NAME);
    expect(doc.servicePrincipals.find((s) => s.appId === a.appId)!.id).to.equal(a.servicePrincipalId);
    const audits = doc.audit.filter((x) => x.targetResources.some((t) => t.id === a.id || t.id === a.servicePrincipalId));
    expect(audits.map((x) => x.activityDisplayName)).to.include.members(['Add application', 'Add service principal', 'Add app role assignment to service principal']);
    expect(audits.every((x) => JSON.stringify(x.initiatedBy).includes('Sync_CONNECT01_'))).to.equal(true);

    const r2 = await tenantRequest(f.conn, connector, 'POST', path, body);
    expect(r2.status).to.equal(200);
    expect((r2.body as { appId: string; addedKeyId: string }).appId).to.equal(a.appId);
    expect((r2.body as { addedKeyId: string }).addedKeyId).to.equal(a.addedKeyId);
    const after = f.tenant.doc();
    expect(after.applications.filter((x) => x.displayName === NAME)).to.have.length(1);
    expect(after.applications.find((x) => x.appId === a.appId)!.keyCredentials).to.have.length(1);
    expect(after.appRoleAssignments.filter((x) => x.principalId === a.servicePrincipalId)).to.have.length(4);
    expect(after.audit.length).to.equal(doc.audit.length);

    const got = await tenantRequest(f.conn, connector, 'GET', `${path}/${a.appId}`);
    expect(got.status).to.equal(200);
    expect((got.body as { id: string }).id).to.equal(a.id);
  });

  it('a second certificate needs the proof of possession, as addKey does', async () => {
    const c1 = await makeCert({ clock: f.clock });
    const c2 = await makeCert({ clock: f.clock });
    const r1 = await tenantRequest(f.conn, connector, 'POST', path, { displayName: NAME, keyCredential: { key: c1.b64 } });
    expect(r1.status).to.equal(201);
    const appId = (r1.body as { appId: string }).appId;
    const r2 = await tenantRequest(f.conn, connector, 'POST', path, { appId, keyCredential: { key: c2.b64 } });
    expect(r2.status).to.equal(401);
    expect((r2.body as { error: { code: string } }).error.code).to.equal('Authentication_MissingOrMalformed');
    expect(f.tenant.doc().applications.find((x) => x.appId === appId)!.keyCredentials).to.have.length(1);
  });

  it('refuses a token without the Directory Synchronization Accounts role (403), and another server\'s application', async () => {
    const hia = (await acquireUserToken(f.conn, upn('hybridadmin'), DEFAULT_PASSWORD, [SYNC_SCOPE], APP_ID.entraConnect)).accessToken;
    const r = await tenantRequest(f.conn, hia, 'POST', path, { displayName: NAME });
    expect(r.status).to.equal(403);
    expect((r.body as { error: { code: string; message: string } }).error.code).to.equal('Authorization_RequestDenied');
    expect((r.body as { error: { message: string } }).error.message).to.contain('Directory Synchronization Accounts');
    const other = await tenantRequest(f.conn, connector, 'POST', path, { displayName: 'ConnectSyncProvisioning_OTHER01_0123456789ab' });
    expect(other.status).to.equal(403);
    const unauth = await tenantRequest(f.conn, '', 'POST', path, { displayName: NAME });
    expect(unauth.status).to.equal(401);
    expect(f.tenant.doc().applications.some((a) => a.displayName.startsWith('ConnectSyncProvisioning_'))).to.equal(false);
  });
});
