import { expect } from 'chai';
import { acquireAppToken, acquireUserToken, exportChanges, tenantRequest, APP_ID, SYNC_SCOPE, DEFAULT_PASSWORD } from '../../tenant/index.js';
import { adminToken, claimsOf, makeCert, makeTenant, registerApp, upn, type Fixture, type TestCert } from './helpers.js';

const SYNC = APP_ID.adSync;
const PW = APP_ID.passwordReset;

/**
 * The documents' Bring Your Own Application Graph steps 2–8, with the paths exactly as printed
 * (`/servicePrincipals/(appId=’…’)`, typographic quotes in the bodies), as the Application Administrator.
 */
export async function byoaSteps(f: Fixture, token: string, connectSyncAppId: string, writeback: boolean) {
  const get = async (path: string) => {
    const r = await tenantRequest(f.conn, token, 'GET', `/v1.0${path}`);
    return r;
  };
  const s2 = await get(`/servicePrincipals/(appId=’${SYNC}’)?$select=id`);
  expect(s2.status).to.equal(200);
  const syncSpId = (s2.body as { id: string }).id;
  const s3 = await get(`/servicePrincipals/(appId=’${SYNC}’)?$select=appRoles`);
  const syncRoleId = (s3.body as { appRoles: { id: string; value: string }[] }).appRoles.find((r) => r.value === 'ADSynchronization.ReadWrite.All')!.id;
  const s4 = await get(`/servicePrincipals/(appId=’${PW}’)?$select=id`);
  let pwSpId: string | undefined;
  const pwRoles: Record<string, string> = {};
  if (s4.status === 200) {
    pwSpId = (s4.body as { id: string }).id;
    const s5 = await get(`/servicePrincipals/(appId=’${PW}’)?$select=appRoles`);
    for (const r of (s5.body as { appRoles: { id: string; value: string }[] }).appRoles) pwRoles[r.value] = r.id;
  } else {
    expect(s4.status).to.equal(404);
    expect((s4.body as { error: { code: string } }).error.code).to.equal('Request_ResourceNotFound');
  }
  const rra = [
    ...(pwSpId ? [`{
                        "resourceAppId": "${PW}",
                        "resourceAccess": [
                             { "id": “${pwRoles['PasswordWriteback.OffboardClient.All']}", "type": "Role" },
                             { "id": “${pwRoles['PasswordWriteback.RegisterClientVersion.All']}", "type": "Role" },
                             { "id": “${pwRoles['PasswordWriteback.RefreshClient.All']}", "type": "Role" }
                        ]
                   }`] : []),
    `{ "resourceAppId": "${SYNC}", "resourceAccess": [ { "id": "${syncRoleId}", "type": "Role" } ] }`,
  ];
  const s6 = await tenantRequest(f.conn, token, 'PATCH', `/v1.0/applications(appId='${connectSyncAppId}')`, `{ "requiredResourceAccess": [ ${rra.join(',')} ] }`);
  expect(s6.status, JSON.stringify(s6.body)).to.equal(204);
  const connectSpId = ((await get(`/servicePrincipals(appId='${connectSyncAppId}')?$select=id`)).body as { id: string }).id;
  const assign = async (resourceId: string, appRoleId: string) => {
    const r = await tenantRequest(f.conn, token, 'POST', `/v1.0/servicePrincipals(appId='${connectSyncAppId}')/appRoleAssignments`,
      `{\n"principalId": “${connectSpId}”,\n"resourceId": “${resourceId}”,\n"appRoleId": "${appRoleId}"\n}`);
    expect(r.status, JSON.stringify(r.body)).to.equal(201);
    return r.body as Record<string, unknown>;
  };
  const first = await assign(syncSpId, syncRoleId);
  if (writeback && pwSpId) {
    await assign(pwSpId, pwRoles['PasswordWriteback.OffboardClient.All']);
    await assign(pwSpId, pwRoles['PasswordWriteback.RegisterClientVersion.All']);
    await assign(pwSpId, pwRoles['PasswordWriteback.RefreshClient.All']);
  }
  return { syncSpId, syncRoleId, pwSpId, pwRoles, connectSpId, first };
}

describe('tenant: Bring Your Own Application Graph steps (acceptance 3, domain level)', function () {
  for (const writeback of [true, false]) {
    describe(writeback ? 'tenant with password writeback' : 'tenant without the password reset service', () => {
      let f: Fixture;
      let cert: TestCert;
      let app: { appId: string; id: string; spId: string };
      let token: string;
      before(async () => {
        f = makeTenant({ writeback });
        token = await adminToken(f, 'appadmin');
        cert = await makeCert({ clock: f.clock });
        app = await registerApp(f, token, cert);
      });
      after(() => f.cleanup());

      it('without the assignment the app token has no roles and the sync call is refused (403)', async () => {
        const t = await acquireAppToken(f.conn, { clientId: app.appId, certificate: { privateKeyPem: cert.privateKeyPem, thumbprintSha256: cert.sha256 } }, SYNC_SCOPE);
        expect(claimsOf(t.accessToken).roles).to.equal(undefined);
        const r = await exportChanges(f.conn, t.accessToken, [{ sourceAnchor: 'a1', operation: 'add', objectType: 'user', attributes: { displayName: 'x' } }]);
        expect(r.status).to.equal(403);
        expect((r.body as { error: { code: string; message: string } }).error.message).to.match(/^Access Denied/);
      });

      it('steps 2–8 leave exactly the documented requiredResourceAccess and assignments', async () => {
        const out = await byoaSteps(f, token, app.appId, writeback);
        expect(out.first).to.include({ principalId: out.connectSpId, resourceId: out.syncSpId, appRoleId: out.syncRoleId, principalType: 'ServicePrincipal', resourceDisplayName: 'Microsoft Entra AD Synchronization Service' });
        expect(out.first['@odata.context']).to.match(/\/\$metadata#servicePrincipals\('[0-9a-f-]{36}'\)\/appRoleAssignments\/\$entity$/);
        expect(out.first.id).to.match(/^[A-Za-z0-9_-]{43}$/);
        const got = await tenantRequest(f.conn, token, 'GET', `/v1.0/applications(appId='${app.appId}')?$select=requiredResourceAccess`);
        const expected = [
          ...(writeback ? [{ resourceAppId: PW, resourceAccess: ['PasswordWriteback.OffboardClient.All', 'PasswordWriteback.RegisterClientVersion.All', 'PasswordWriteback.RefreshClient.All'].map((v) => ({ id: out.pwRoles[v], type: 'Role' })) }] : []),
          { resourceAppId: SYNC, resourceAccess: [{ id: out.syncRoleId, type: 'Role' }] },
        ];
        expect((got.body as { requiredResourceAccess: unknown }).requiredResourceAccess).to.deep.equal(expected);
        const assignments = await tenantRequest(f.conn, token, 'GET', `/v1.0/servicePrincipals(appId='${app.appId}')/appRoleAssignments`);
        const rows = (assignments.body as { value: { resourceId: string; appRoleId: string }[] }).value.map((a) => `${a.resourceId}/${a.appRoleId}`).sort();
        const want = [`${out.syncSpId}/${out.syncRoleId}`, ...(writeback ? Object.values(out.pwRoles).map((r) => `${out.pwSpId}/${r}`) : [])].sort();
        expect(rows).to.deep.equal(want);
      });

      it('the app token then carries ADSynchronization.ReadWrite.All and the sync export succeeds', async () => {
        const t = await acquireAppToken(f.conn, { clientId: app.appId, certificate: { privateKeyPem: cert.privateKeyPem, thumbprintSha256: cert.sha256 } }, SYNC_SCOPE);
        const c = claimsOf(t.accessToken);
        expect(c.roles).to.deep.equal(['ADSynchronization.ReadWrite.All']);
        expect(c.aud).to.equal(SYNC);
        const r = await exportChanges(f.conn, t.accessToken, [{ sourceAnchor: 'a1', operation: 'add', objectType: 'user', attributes: { displayName: 'x' } }]);
        expect(r.status).to.equal(200);
        expect((r.body as { results: { status: string }[] }).results[0].status).to.equal('success');
        if (writeback) {
          const pw = await acquireAppToken(f.conn, { clientId: app.appId, certificate: { privateKeyPem: cert.privateKeyPem, thumbprintSha256: cert.sha256 } }, `${PW}/.default`);
          expect((claimsOf(pw.accessToken).roles as string[]).sort()).to.deep.equal(['PasswordWriteback.OffboardClient.All', 'PasswordWriteback.RefreshClient.All', 'PasswordWriteback.RegisterClientVersion.All']);
        }
      });

      it('a repeated assignment is refused as Graph does', async () => {
        const sync = (await tenantRequest(f.conn, token, 'GET', `/v1.0/servicePrincipals(appId='${SYNC}')`)).body as { id: string; appRoles: { id: string }[] };
        const r = await tenantRequest(f.conn, token, 'POST', `/v1.0/servicePrincipals/${app.spId}/appRoleAssignments`, { principalId: app.spId, resourceId: sync.id, appRoleId: sync.appRoles[0].id });
        expect(r.status).to.equal(400);
        expect((r.body as { error: { code: string } }).error.code).to.equal('Request_BadRequest');
      });
    });
  }

  it('a user without a role cannot assign app roles (403 Authorization_RequestDenied); the Application Administrator cannot grant Microsoft Graph permissions', async () => {
    const f = makeTenant();
    try {
      const admin = await adminToken(f);
      const app = await registerApp(f, admin);
      const sync = (await tenantRequest(f.conn, admin, 'GET', `/v1.0/servicePrincipals(appId='${SYNC}')`)).body as { id: string; appRoles: { id: string }[] };
      const nobody = await adminToken(f, 'user');
      const r = await tenantRequest(f.conn, nobody, 'POST', `/v1.0/servicePrincipals/${app.spId}/appRoleAssignments`, { principalId: app.spId, resourceId: sync.id, appRoleId: sync.appRoles[0].id });
      expect(r.status).to.equal(403);
      expect((r.body as { error: { code: string; message: string } }).error).to.include({ code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' });
      const graphSp = (await tenantRequest(f.conn, admin, 'GET', `/v1.0/servicePrincipals(appId='${APP_ID.graph}')`)).body as { id: string; appRoles: { id: string }[] };
      const appAdmin = await adminToken(f, 'appadmin');
      const g = await tenantRequest(f.conn, appAdmin, 'POST', `/v1.0/servicePrincipals/${graphSp.id}/appRoleAssignedTo`, { principalId: app.spId, resourceId: graphSp.id, appRoleId: graphSp.appRoles[0].id });
      expect(g.status).to.equal(403);
      const ga = await tenantRequest(f.conn, admin, 'POST', `/v1.0/servicePrincipals/${graphSp.id}/appRoleAssignedTo`, { principalId: app.spId, resourceId: graphSp.id, appRoleId: graphSp.appRoles[0].id });
      expect(ga.status).to.equal(201);
    } finally { f.cleanup(); }
  });

  it('legacy connector account: password grant to the sync service and export; wrong password 50126, removed account 50034', async () => {
    const f = makeTenant();
    try {
      const doc = f.tenant.doc();
      const account = doc.users.find((u) => u.isServiceAccount)!;
      expect(account.userPrincipalName).to.match(/^Sync_CONNECT01_[0-9a-f]{12}@contoso\.onmicrosoft\.com$/);
      const t = await acquireUserToken(f.conn, account.userPrincipalName, DEFAULT_PASSWORD, [SYNC_SCOPE], APP_ID.entraConnect);
      expect(claimsOf(t.accessToken).wids).to.deep.equal(['d29b2b05-8046-44ba-8758-1e26182fcf32']);
      expect((await exportChanges(f.conn, t.accessToken, [{ sourceAnchor: 'b1', operation: 'add' }])).status).to.equal(200);
      const bad = await acquireUserToken(f.conn, account.userPrincipalName, 'wrong', [SYNC_SCOPE], APP_ID.entraConnect).then(() => undefined, (e) => e);
      expect(String(bad?.errorNo)).to.equal('50126');
      const hybrid = await adminToken(f, 'hybridadmin');
      const del = await tenantRequest(f.conn, hybrid, 'DELETE', `/syncapi/v1.0/${doc.tenantId}/serviceAccounts/${account.userPrincipalName.split('@')[0]}`);
      expect(del.status).to.equal(204);
      const gone = await acquireUserToken(f.conn, account.userPrincipalName, DEFAULT_PASSWORD, [SYNC_SCOPE], APP_ID.entraConnect).then(() => undefined, (e) => e);
      expect(String(gone?.errorNo)).to.equal('50034');
      // Re-created: signs in at once, but the sync API says Access Denied for 15 virtual minutes.
      const created = await tenantRequest(f.conn, hybrid, 'POST', `/syncapi/v1.0/${doc.tenantId}/serviceAccounts`, { serverName: 'CONNECT01' });
      expect(created.status).to.equal(201);
      const { userPrincipalName, password } = created.body as { userPrincipalName: string; password: string };
      const t2 = await acquireUserToken(f.conn, userPrincipalName, password, [SYNC_SCOPE], APP_ID.entraConnect);
      const early = await exportChanges(f.conn, t2.accessToken, [{ sourceAnchor: 'b2', operation: 'add' }]);
      expect(early.status).to.equal(403);
      expect((early.body as { error: { message: string } }).error.message).to.match(/^Access Denied/);
      f.clock.advance(15 * 60 * 1000);
      expect((await exportChanges(f.conn, t2.accessToken, [{ sourceAnchor: 'b2', operation: 'add' }])).status).to.equal(200);
      expect((await exportChanges(f.conn, (await acquireUserToken(f.conn, upn('user'), DEFAULT_PASSWORD, [SYNC_SCOPE])).accessToken, [])).status).to.equal(403);
    } finally { f.cleanup(); }
  });
});
