import { expect } from 'chai';
import { createPrivateKey, sign } from 'node:crypto';
import * as fs from 'node:fs';
import { StateStore, ManualClock } from '../../state/index.js';
import { Tenant, acquireAppToken, acquireUserToken, graphClient, tenantRequest, APP_ID, DEFAULT_PASSWORD, PROOF_AUDIENCE, ROLE } from '../../tenant/index.js';
import { adminToken, claimsOf, makeCert, makeTenant, registerApp, upn, type Fixture, type TestCert } from './helpers.js';

function proof(cert: TestCert, iss: string, opts: { aud?: string; lifetime?: number; now?: number } = {}): string {
  const now = opts.now ?? Math.floor(Date.now() / 1000);
  const h = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT', x5t: Buffer.from(cert.thumbprint, 'hex').toString('base64url') })).toString('base64url');
  const p = Buffer.from(JSON.stringify({ aud: opts.aud ?? PROOF_AUDIENCE, iss, nbf: now, exp: now + (opts.lifetime ?? 600) })).toString('base64url');
  return `${h}.${p}.${sign('sha256', Buffer.from(`${h}.${p}`), createPrivateKey(cert.privateKeyPem)).toString('base64url')}`;
}

describe('tenant: directory, seed, audit and key rollover', function () {
  let f: Fixture;
  before(() => { f = makeTenant(); });
  after(() => f.cleanup());

  it('seeds contoso.onmicrosoft.com with the documented users, roles and service principals, persisted as state document "tenant"', () => {
    const doc = f.tenant.doc();
    expect(doc.domains).to.deep.equal(['contoso.onmicrosoft.com']);
    const roles = Object.fromEntries(doc.users.map((u) => [u.userPrincipalName.split('@')[0], u.roles]));
    expect(roles.admin).to.deep.equal([ROLE.globalAdministrator]);
    expect(roles.hybridadmin).to.deep.equal([ROLE.hybridIdentityAdministrator]);
    expect(roles.appadmin).to.deep.equal([ROLE.applicationAdministrator]);
    expect(roles.user).to.deep.equal([]);
    expect(doc.users.filter((u) => /^Sync_CONNECT01_[0-9a-f]{12}@/.test(u.userPrincipalName)).map((u) => u.roles)).to.deep.equal([[ROLE.directorySynchronizationAccounts]]);
    expect(doc.servicePrincipals.map((s) => s.appId)).to.include.members([APP_ID.adSync, APP_ID.passwordReset, APP_ID.graph]);
    expect(JSON.stringify(doc.users)).to.not.contain(DEFAULT_PASSWORD);
    const onDisk = JSON.parse(fs.readFileSync(f.store.file('tenant'), 'utf8'));
    expect(onDisk.tenantId).to.equal(doc.tenantId);
    // A second Tenant over the same directory sees the same directory (no reseed).
    const again = new Tenant({ store: new StateStore(f.home), clock: f.clock });
    expect(again.doc().signingKey.kid).to.equal(doc.signingKey.kid);
  });

  it('a tenant seeded without writeback has no password reset service principal', () => {
    const g = makeTenant({ writeback: false });
    try {
      expect(g.tenant.doc().servicePrincipals.some((s) => s.appId === APP_ID.passwordReset)).to.equal(false);
    } finally { g.cleanup(); }
  });

  it('keyCredentials: dates from the certificate, customKeyIdentifier = base64 of the SHA-1 thumbprint, key only on $select of one object', async () => {
    const admin = await adminToken(f);
    const cert = await makeCert({ clock: f.clock });
    const app = await registerApp(f, admin, cert, 'KeyShape');
    const list = await tenantRequest(f.conn, admin, 'GET', `/v1.0/applications/${app.id}`);
    const kc = (list.body as { keyCredentials: Record<string, unknown>[] }).keyCredentials[0];
    expect(kc).to.include({ type: 'AsymmetricX509Cert', usage: 'Verify', key: null, customKeyIdentifier: Buffer.from(cert.thumbprint, 'hex').toString('base64') });
    expect(kc.keyId).to.match(/^[0-9a-f-]{36}$/);
    const der = (await import('../../pki/index.js')).parseCertificate(cert.der);
    expect(kc.startDateTime).to.equal(der.notBefore.toISOString().replace(/\.\d{3}Z$/, 'Z'));
    expect(kc.endDateTime).to.equal(der.notAfter.toISOString().replace(/\.\d{3}Z$/, 'Z'));
    const sel = await tenantRequest(f.conn, admin, 'GET', `/v1.0/applications/${app.id}?$select=id,keyCredentials`);
    expect((sel.body as { keyCredentials: { key: string }[] }).keyCredentials[0].key).to.equal(cert.b64);
    expect(Object.keys(sel.body as object)).to.deep.equal(['@odata.context', 'id', 'keyCredentials']);
  });

  it('addKey/removeKey: an application rolls its own certificate with a proof of possession', async () => {
    const admin = await adminToken(f);
    const oldCert = await makeCert({ clock: f.clock });
    const app = await registerApp(f, admin, oldCert, 'Rollover');
    const self = (await acquireAppToken(f.conn, { clientId: app.appId, certificate: { privateKeyPem: oldCert.privateKeyPem, thumbprintSha256: oldCert.sha256 } })).accessToken;
    const newCert = await makeCert({ clock: f.clock });
    const add = (p: string, c = newCert) => tenantRequest(f.conn, self, 'POST', `/v1.0/applications/${app.id}/addKey`, { keyCredential: { type: 'AsymmetricX509Cert', usage: 'Verify', key: c.b64 }, passwordCredential: null, proof: p });
    for (const bad of [proof(oldCert, app.id, { aud: APP_ID.graph }), proof(oldCert, app.id, { lifetime: 3600 }), proof(newCert, app.id), proof(oldCert, app.appId)]) {
      const r = await add(bad);
      expect(r.status).to.equal(401);
      expect((r.body as { error: { code: string; message: string } }).error).to.include({ code: 'Authentication_MissingOrMalformed', message: 'Access Token missing or malformed.' });
    }
    const ok = await add(proof(oldCert, app.id));
    expect(ok.status).to.equal(200);
    const added = ok.body as { keyId: string; key: unknown };
    expect(added.key).to.equal(null);
    await acquireAppToken(f.conn, { clientId: app.appId, certificate: { privateKeyPem: newCert.privateKeyPem, thumbprintSha256: newCert.sha256 } });
    const keys = ((await tenantRequest(f.conn, admin, 'GET', `/v1.0/applications/${app.id}`)).body as { keyCredentials: { keyId: string }[] }).keyCredentials;
    const oldId = keys.find((k) => k.keyId !== added.keyId)!.keyId;
    const rm = await tenantRequest(f.conn, self, 'POST', `/v1.0/applications(appId='${app.appId}')/removeKey`, { keyId: oldId, proof: proof(newCert, app.id) });
    expect(rm.status).to.equal(204);
    const err = await acquireAppToken(f.conn, { clientId: app.appId, certificate: { privateKeyPem: oldCert.privateKeyPem, thumbprintSha256: oldCert.sha256 } }).then(() => undefined, (e) => e);
    expect(String(err?.errorNo)).to.equal('700027');
    // Another app cannot roll this app's keys.
    const otherCert = await makeCert({ clock: f.clock });
    const other = await registerApp(f, admin, otherCert, 'Other');
    const otherToken = (await acquireAppToken(f.conn, { clientId: other.appId, certificate: { privateKeyPem: otherCert.privateKeyPem, thumbprintSha256: otherCert.sha256 } })).accessToken;
    const denied = await tenantRequest(f.conn, otherToken, 'POST', `/v1.0/applications/${app.id}/addKey`, { keyCredential: { type: 'AsymmetricX509Cert', usage: 'Verify', key: otherCert.b64 }, proof: proof(newCert, app.id) });
    expect(denied.status).to.equal(403);
  });

  it('audits every change with who, what and when (virtual clock)', async () => {
    const g = makeTenant({ clock: new ManualClock(new Date('2027-03-01T10:00:00Z')) });
    try {
      const token = await adminToken(g, 'appadmin');
      const app = await registerApp(g, token, undefined, 'Audited');
      await tenantRequest(g.conn, token, 'PATCH', `/v1.0/applications/${app.id}`, { requiredResourceAccess: [] });
      const audit = g.tenant.doc().audit;
      expect(audit.map((a) => a.activityDisplayName)).to.deep.equal(['Add application', 'Add service principal', 'Update application']);
      for (const a of audit) {
        expect(a.activityDateTime).to.equal('2027-03-01T10:00:00Z');
        expect(a.initiatedBy.user?.userPrincipalName).to.equal(upn('appadmin'));
      }
      const admin = await adminToken(g);
      const viaGraph = await tenantRequest(g.conn, admin, 'GET', '/v1.0/auditLogs/directoryAudits');
      expect((viaGraph.body as { value: unknown[] }).value).to.have.length(3);
      expect((await tenantRequest(g.conn, token, 'GET', '/v1.0/auditLogs/directoryAudits')).status).to.equal(403);
    } finally { g.cleanup(); }
  });

  it('/me and /users answer delegated callers; /me with an app token is Graph\'s 400; tokens expire on the virtual clock', async () => {
    const userTok = await adminToken(f, 'user', ['User.Read']);
    const me = await tenantRequest(f.conn, userTok, 'GET', '/v1.0/me');
    expect(me.status).to.equal(200);
    expect(me.body).to.include({ userPrincipalName: upn('user'), displayName: 'Adele Vance' });
    expect((await tenantRequest(f.conn, userTok, 'GET', '/v1.0/users')).status).to.equal(403);
    const admin = await adminToken(f);
    const users = await tenantRequest(f.conn, admin, 'GET', `/v1.0/users?$filter=userPrincipalName eq '${upn('hybridadmin')}'&$select=id,userPrincipalName`);
    expect((users.body as { value: unknown[] }).value).to.deep.equal([{ id: f.tenant.doc().users.find((u) => u.userPrincipalName === upn('hybridadmin'))!.id, userPrincipalName: upn('hybridadmin') }]);
    const cert = await makeCert({ clock: f.clock });
    const app = await registerApp(f, admin, cert, 'MeApp');
    const appTok = (await acquireAppToken(f.conn, { clientId: app.appId, certificate: { privateKeyPem: cert.privateKeyPem, thumbprintSha256: cert.sha256 } })).accessToken;
    const meApp = await tenantRequest(f.conn, appTok, 'GET', '/v1.0/me');
    expect(meApp.status).to.equal(400);
    expect((meApp.body as { error: { message: string } }).error.message).to.equal('/me request is only valid with delegated authentication flow.');
    f.clock.advance(2 * 3600_000);
    try {
      const late = await tenantRequest(f.conn, userTok, 'GET', '/v1.0/me');
      expect(late.status).to.equal(401);
      expect((late.body as { error: { message: string } }).error.message).to.equal('Lifetime validation failed, the token is expired.');
    } finally { f.clock.advance(-2 * 3600_000); }
  });

  it('the Graph JS client works in-process through the final middleware (GraphError mapping included)', async () => {
    const admin = await adminToken(f);
    const client = graphClient(f.conn, admin);
    const sp = await client.api(`/servicePrincipals(appId='${APP_ID.adSync}')`).select(['id', 'appRoles']).get();
    expect(sp.appRoles[0].value).to.equal('ADSynchronization.ReadWrite.All');
    let err: { statusCode?: number; code?: string } = {};
    try { await client.api(`/applications(appId='${APP_ID.adSync}')`).get(); } catch (e) { err = e as typeof err; }
    expect(err.statusCode).to.equal(404);
    expect(err.code).to.equal('Request_ResourceNotFound');
    const app = await client.api('/applications').post({ displayName: 'ViaGraphClient' });
    await client.api(`/applications/${app.id}`).patch({ tags: ['byoa'] });
    const got = await client.api(`/applications(appId='${app.appId}')`).select('tags').get();
    expect(got.tags).to.deep.equal(['byoa']);
    await client.api(`/applications/${app.id}`).delete();
    expect(f.tenant.doc().applications.some((a) => a.id === app.id)).to.equal(false);
  });

  it('the user password is changeable; the old one then fails as an old password (70002, AADSTS50054)', async () => {
    const g = makeTenant();
    try {
      const admin = await adminToken(g);
      const target = g.tenant.doc().users.find((u) => u.userPrincipalName === upn('user'))!;
      const r = await tenantRequest(g.conn, admin, 'PATCH', `/v1.0/users/${target.id}`, { passwordProfile: { password: 'N3w-Passw0rd!' } });
      expect(r.status).to.equal(204);
      await acquireUserToken(g.conn, upn('user'), 'N3w-Passw0rd!');
      const old = await acquireUserToken(g.conn, upn('user'), DEFAULT_PASSWORD).then(() => undefined, (e) => e);
      expect(String(old?.errorNo)).to.equal('70002');
      expect(String(old?.errorMessage)).to.contain('AADSTS50054: Old password is used for authentication.');
      const wrong = await acquireUserToken(g.conn, upn('user'), 'Never-the-Passw0rd').then(() => undefined, (e) => e);
      expect(String(wrong?.errorNo)).to.equal('50126');
      // The password grant through a confidential (non-public) application needs a credential: 7000218.
      const app = await registerApp(g, admin, undefined, 'Confidential');
      const conf = await acquireUserToken(g.conn, upn('user'), 'N3w-Passw0rd!', undefined, app.appId).then(() => undefined, (e) => e);
      expect(String(conf?.errorNo)).to.equal('7000218');
      expect((await tenantRequest(g.conn, admin, 'PATCH', `/v1.0/applications/${app.id}`, { isFallbackPublicClient: true })).status).to.equal(204);
      await acquireUserToken(g.conn, upn('user'), 'N3w-Passw0rd!', ['User.Read'], app.appId);
      void claimsOf;
    } finally { g.cleanup(); }
  });

  it('faults: a failing removeKey answers 503 and changes nothing; an unreachable tenant is a network error for msal', async () => {
    const g = makeTenant();
    try {
      const admin = await adminToken(g);
      const cert = await makeCert({ clock: g.clock });
      const app = await registerApp(g, admin, cert, 'Faulty');
      const self = (await acquireAppToken(g.conn, { clientId: app.appId, certificate: { privateKeyPem: cert.privateKeyPem, thumbprintSha256: cert.sha256 } })).accessToken;
      const keyId = g.tenant.doc().applications.find((a) => a.id === app.id)!.keyCredentials[0].keyId;
      g.tenant.setFault('removeKey', true);
      const r = await tenantRequest(g.conn, self, 'POST', `/v1.0/applications/${app.id}/removeKey`, { keyId, proof: proof(cert, app.id) });
      expect(r.status).to.equal(503);
      expect(g.tenant.doc().applications.find((a) => a.id === app.id)!.keyCredentials).to.have.length(1);
      g.tenant.setFault('removeKey', false);
      g.tenant.setFault('unreachable', true);
      const err = await acquireAppToken(g.conn, { clientId: app.appId, certificate: { privateKeyPem: cert.privateKeyPem, thumbprintSha256: cert.sha256 } }).then(() => undefined, (e) => e);
      expect(String(err)).to.match(/network|fetch failed|ECONNREFUSED/i);
      g.tenant.setFault('unreachable', false);
      await acquireAppToken(g.conn, { clientId: app.appId, certificate: { privateKeyPem: cert.privateKeyPem, thumbprintSha256: cert.sha256 } });
    } finally { g.cleanup(); }
  });
});
