import { expect } from 'chai';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PSHashtable } from '../../runtime/values/hashtable.js';
import { openPki, exportPrivateKeyPem, type StoredCertificate } from '../../pki/index.js';
import { APP_ID, SYNC_SCOPE, Tenant, acquireAppToken, exportChanges, inProcessConnection } from '../../tenant/index.js';
import { certificateSigner } from '../../cmdlets/graph/certificate-credential.js';
import { BYOA_STEPS } from './byoa-steps.js';
import { DEFAULT_PASSWORD, GraphRig, b64 } from './harness.js';
import { stepScript } from './steps-script.js';

const SYNC_ROLE = 'ADSynchronization.ReadWrite.All';
const PW_ROLES = ['PasswordWriteback.OffboardClient.All', 'PasswordWriteback.RegisterClientVersion.All', 'PasswordWriteback.RefreshClient.All'];

/** Plain JSON of what the shell returned (Hashtables at every depth). */
function plain(v: unknown): unknown {
  if (v instanceof PSHashtable) return Object.fromEntries(v.entries().map(([k, x]) => [String(k), plain(x)]));
  if (Array.isArray(v)) return v.map(plain);
  return v;
}

function single(objects: unknown[]): Record<string, unknown> {
  expect(objects, 'one object from the request').to.have.length(1);
  expect(objects[0]).to.be.instanceOf(PSHashtable);
  return plain(objects[0]) as Record<string, unknown>;
}

function claims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** The admin's part before the documents start: an application with the certificate and its service principal. */
async function registerApplication(r: GraphRig, cert: StoredCertificate, name: string): Promise<{ appId: string; objectId: string; spId: string }> {
  const app = single((await r.run(`$app = Invoke-MgGraphRequest -Method POST -Uri /v1.0/applications -Body @{ displayName = '${name}' }; $app`)).objects);
  const sp = single((await r.run('Invoke-MgGraphRequest -Method POST -Uri /v1.0/servicePrincipals -Body @{ appId = $app.appId }')).objects);
  const patch = await r.run(`Invoke-MgGraphRequest -Method PATCH -Uri "/v1.0/applications/$($app.id)" -Body @{ keyCredentials = @(@{ type = 'AsymmetricX509Cert'; usage = 'Verify'; key = '${b64(cert.der)}' }) }`);
  expect(patch.errors, patch.errorText).to.have.length(0);
  return { appId: String(app.appId), objectId: String(app.id), spId: String(sp.id) };
}

describe('graph cmdlets: the documented BYOA steps typed in the shell (acceptance 3)', function () {
  this.timeout(60_000);
  let r: GraphRig;
  beforeEach(() => { r = new GraphRig(); });
  afterEach(() => r.dispose());

  it('the fixture is the article verbatim (checked against the seed when it is beside the tree)', () => {
    const seed = path.resolve(process.cwd(), '../shared/seeds/001_41a8f00fe9e1d2f7.txt');
    const alt = '/work/shared/seeds/001_41a8f00fe9e1d2f7.txt';
    const file = fs.existsSync(seed) ? seed : fs.existsSync(alt) ? alt : undefined;
    expect(BYOA_STEPS.map((s) => s.method)).to.deep.equal(['GET', 'GET', 'GET', 'PATCH', 'POST', 'POST', 'POST', 'POST']);
    expect(BYOA_STEPS[0]!.uri).to.equal('/servicePrincipals/(appId=’{SynchronizationServiceAppId}’)?$select=id');
    if (!file) return;
    const text = fs.readFileSync(file, 'utf8');
    for (const s of BYOA_STEPS) {
      expect(text).to.include(`${s.method} ${s.uri}`);
      for (const line of (s.body ?? '').split('\n')) expect(text).to.include(line.trim());
    }
  });

  it('leaves the application with exactly the documented requiredResourceAccess and assignments; its token then carries the sync role', async () => {
    const cert = await r.certificate();
    const connect = await r.run('Connect-MgGraph -Scopes "Application.ReadWrite.All","AppRoleAssignment.ReadWrite.All"', 'admin@contoso.onmicrosoft.com', DEFAULT_PASSWORD);
    expect(connect.errors, connect.errorText).to.have.length(0);
    expect(connect.output).to.include('Welcome to Microsoft Graph!');
    expect(connect.hostText).to.include('Password for user admin@contoso.onmicrosoft.com: ');
    const app = await registerApplication(r, cert, 'Contoso Connect Sync (BYOA)');

    const v: Record<string, string> = { SynchronizationServiceAppId: APP_ID.adSync, PasswordResetServiceAppId: APP_ID.passwordReset, ConnectSyncAppId: app.appId };
    const [getSyncSp, getSyncRoles, getPwSp, patch, assignSync, ...assignPw] = BYOA_STEPS;

    // Steps 2-5: ids from the responses, as the admin reads them off the screen.
    v.SynchronizationServiceSPId = String(single((await r.run(stepScript(getSyncSp!, v))).objects).id);
    const syncRoles = single((await r.run(stepScript(getSyncRoles!, v))).objects).appRoles as { id: string; value: string }[];
    v.SynchronizationServiceAppRoleId = syncRoles.find((x) => x.value === SYNC_ROLE)!.id;
    v.PasswordResetServiceSPId = String(single((await r.run(stepScript(getPwSp!, v))).objects).id);
    // Step 5 reads the app roles of the password reset service the way step 3 does for the sync service.
    const pwRoles = single((await r.run(stepScript({ ...getSyncRoles!, uri: getSyncRoles!.uri.replace('{SynchronizationServiceAppId}', '{PasswordResetServiceAppId}') }, v))).objects).appRoles as { id: string; value: string }[];
    [v.PasswordResetServiceServiceOffboardClientAppRoleId, v.PasswordResetServiceServiceRegisterClientAppRoleId, v.PasswordResetServiceServiceRefreshClientAppRoleId] =
      PW_ROLES.map((name) => pwRoles.find((x) => x.value === name)!.id);
    v.ConnectSyncSPId = app.spId;

    // Step 6: PATCH → 204, nothing written to the pipeline.
    const patched = await r.run(stepScript(patch!, v));
    expect(patched.errors, patched.errorText).to.have.length(0);
    expect(patched.objects).to.have.length(0);
    // Steps 7-10: 201 with Graph's appRoleAssignment body, as a Hashtable.
    for (const step of [assignSync!, ...assignPw]) {
      const res = await r.run(stepScript(step, v));
      expect(res.errors, res.errorText).to.have.length(0);
      const a = single(res.objects);
      expect(a.principalId).to.equal(app.spId);
      expect(a.principalType).to.equal('ServicePrincipal');
    }

    const doc = r.tenantDoc();
    const stored = doc.applications.find((a) => a.appId === app.appId)!;
    expect(stored.requiredResourceAccess).to.deep.equal([
      { resourceAppId: APP_ID.passwordReset, resourceAccess: [
        { id: v.PasswordResetServiceServiceOffboardClientAppRoleId, type: 'Role' },
        { id: v.PasswordResetServiceServiceRegisterClientAppRoleId, type: 'Role' },
        { id: v.PasswordResetServiceServiceRefreshClientAppRoleId, type: 'Role' },
      ] },
      { resourceAppId: APP_ID.adSync, resourceAccess: [{ id: v.SynchronizationServiceAppRoleId, type: 'Role' }] },
    ]);
    const listed = single((await r.run(`Invoke-MgGraphRequest -Method GET -Uri "/v1.0/servicePrincipals/${app.spId}/appRoleAssignments"`)).objects);
    const assignments = (listed.value as { resourceId: string; appRoleId: string }[]).map((x) => `${x.resourceId}/${x.appRoleId}`).sort();
    expect(assignments).to.deep.equal([
      `${v.SynchronizationServiceSPId}/${v.SynchronizationServiceAppRoleId}`,
      `${v.PasswordResetServiceSPId}/${v.PasswordResetServiceServiceOffboardClientAppRoleId}`,
      `${v.PasswordResetServiceSPId}/${v.PasswordResetServiceServiceRegisterClientAppRoleId}`,
      `${v.PasswordResetServiceSPId}/${v.PasswordResetServiceServiceRefreshClientAppRoleId}`,
    ].sort());

    // A token for that application (signed through the key provider: the key is not exportable) carries the role.
    const pki = openPki(r.store, r.clock);
    expect(() => exportPrivateKeyPem(pki, cert.keyRef!)).to.throw();
    const conn = inProcessConnection(new Tenant({ store: r.store, clock: r.clock }));
    const token = await acquireAppToken(conn, { clientId: app.appId, signer: certificateSigner(pki, cert), clock: r.clock }, SYNC_SCOPE);
    expect(claims(token.accessToken).roles).to.deep.equal([SYNC_ROLE]);
    const exported = await exportChanges(conn, token.accessToken, [{ sourceAnchor: 'abc', objectType: 'user', operation: 'add', attributes: {} }]);
    expect(exported.status).to.equal(200);
  });

  it('without the step-7 assignment the token has no role and the sync call is refused', async () => {
    const cert = await r.certificate('CN=NoAssignment');
    await r.run('Connect-MgGraph -Scopes "Application.ReadWrite.All" -NoWelcome', 'admin@contoso.onmicrosoft.com', DEFAULT_PASSWORD);
    const app = await registerApplication(r, cert, 'Connect Sync without assignment');
    const v: Record<string, string> = { SynchronizationServiceAppId: APP_ID.adSync, PasswordResetServiceAppId: APP_ID.passwordReset, ConnectSyncAppId: app.appId };
    const syncRoles = single((await r.run(stepScript(BYOA_STEPS[1]!, v))).objects).appRoles as { id: string; value: string }[];
    v.SynchronizationServiceAppRoleId = syncRoles.find((x) => x.value === SYNC_ROLE)!.id;
    const body = BYOA_STEPS[3]!.body!;
    // Only the sync service's half of the documented PATCH (no writeback), and no assignment.
    const patched = await r.run(stepScript({ ...BYOA_STEPS[3]!, body: JSON.stringify({ requiredResourceAccess: [JSON.parse(body.replace(/“/g, '"')).requiredResourceAccess[1]] }) }, v));
    expect(patched.errors, patched.errorText).to.have.length(0);

    const pki = openPki(r.store, r.clock);
    const conn = inProcessConnection(new Tenant({ store: r.store, clock: r.clock }));
    const token = await acquireAppToken(conn, { clientId: app.appId, signer: certificateSigner(pki, cert), clock: r.clock }, SYNC_SCOPE);
    expect(claims(token.accessToken)).to.not.have.property('roles');
    const refused = await exportChanges(conn, token.accessToken, [{ sourceAnchor: 'abc', objectType: 'user', operation: 'add', attributes: {} }]);
    expect(refused.status).to.equal(403);
  });

  it('step 1 allows an Application Administrator: the same steps 6-7 succeed for appadmin', async () => {
    const cert = await r.certificate('CN=ByAppAdmin');
    const c = await r.run('Connect-MgGraph -Scopes "Application.ReadWrite.All","AppRoleAssignment.ReadWrite.All" -NoWelcome', 'appadmin@contoso.onmicrosoft.com', DEFAULT_PASSWORD);
    expect(c.errors, c.errorText).to.have.length(0);
    const app = await registerApplication(r, cert, 'Registered by the Application Administrator');
    const v: Record<string, string> = { SynchronizationServiceAppId: APP_ID.adSync, ConnectSyncAppId: app.appId, ConnectSyncSPId: app.spId };
    v.SynchronizationServiceSPId = String(single((await r.run(stepScript(BYOA_STEPS[0]!, v))).objects).id);
    const roles = single((await r.run(stepScript(BYOA_STEPS[1]!, v))).objects).appRoles as { id: string; value: string }[];
    v.SynchronizationServiceAppRoleId = roles.find((x) => x.value === SYNC_ROLE)!.id;
    const res = await r.run(stepScript(BYOA_STEPS[4]!, v));
    expect(res.errors, res.errorText).to.have.length(0);
    expect(single(res.objects).resourceId).to.equal(v.SynchronizationServiceSPId);
  });
});
