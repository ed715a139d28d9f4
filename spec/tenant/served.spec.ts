import { expect } from 'chai';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ManualClock, StateStore } from '../../state/index.js';
import { Tenant, inProcessConnection, acquireAppToken, acquireUserToken, serve, servedConnection, servedEndpoint, tenantRequest, DEFAULT_PASSWORD, SYNC_SCOPE, type ServedTenant, type TenantConnection } from '../../tenant/index.js';
import { claimsOf, makeCert, type TestCert } from './helpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));

function run(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { env, maxBuffer: 1 << 24, timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

describe('tenant: served over HTTPS on loopback (acceptance 2)', function () {
  this.timeout(180_000);
  let home: string;
  let served: ServedTenant;
  let conn: TenantConnection;
  let cert: TestCert;
  let app: { appId: string; id: string };
  const lines: string[] = [];

  before(async () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'syncshell-serve-'));
    const clock = new ManualClock(new Date());
    served = await serve({ port: 0, home, clock, log: (l) => lines.push(l) });
    conn = servedConnection(served.origin, served.caPem, served.tenant.doc().tenantId);
    cert = await makeCert({ clock });
    const admin = (await acquireUserToken(conn, 'appadmin@contoso.onmicrosoft.com', DEFAULT_PASSWORD)).accessToken;
    const created = await tenantRequest(conn, admin, 'POST', '/v1.0/applications', { displayName: 'ConnectSyncBYOA', keyCredentials: [{ type: 'AsymmetricX509Cert', usage: 'Verify', key: cert.b64 }] });
    expect(created.status).to.equal(201);
    app = created.body as { appId: string; id: string };
    expect((await tenantRequest(conn, admin, 'POST', '/v1.0/servicePrincipals', { appId: app.appId })).status).to.equal(201);
  });
  after(async () => {
    await served?.close();
    (conn?.handler as { close?: () => void })?.close?.();
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('prints the authority, the Graph base URL, the CA file and how to trust it', () => {
    const text = lines.join('\n');
    expect(text).to.contain(`Authority:      ${served.origin}/${served.tenant.doc().tenantId}`);
    expect(text).to.contain(`Graph base URL: ${served.origin}/v1.0`);
    expect(text).to.contain(`CA certificate: ${path.join(home, 'tenant-ca.pem')}`);
    expect(text).to.contain('NODE_EXTRA_CA_CERTS');
    expect(fs.existsSync(served.caFile)).to.equal(true);
    expect(servedEndpoint(home)).to.include({ origin: served.origin, caFile: served.caFile, pid: process.pid });
  });

  it('unmodified msal-node and Graph client (NODE_EXTRA_CA_CERTS, customHosts) run BYOA steps 2–8 over HTTPS', async () => {
    const script = path.join(here, 'fixtures', 'served-byoa.js');
    const args = JSON.stringify({ origin: served.origin, tenantId: served.tenant.doc().tenantId, appId: app.appId, username: 'appadmin@contoso.onmicrosoft.com', password: DEFAULT_PASSWORD, privateKeyPem: cert.privateKeyPem, sha256: cert.sha256 });
    const env = { ...process.env, NODE_EXTRA_CA_CERTS: served.caFile };
    const r = await run(process.execPath, [script, args], env);
    expect(r.code, r.stderr).to.equal(0);
    const out = JSON.parse(r.stdout) as { failures: Record<string, unknown>; assigned: { context: string }[]; roles: string[]; graphError: { statusCode: number; code: string } };
    expect(out.assigned).to.have.length(4);
    expect(out.failures).to.deep.equal({ unknownApp: { errorNo: '700016', status: 400 }, wrongKey: { errorNo: '700027', status: 401 } });
    expect(out.assigned[0].context).to.match(new RegExp(`^${served.origin.replace(/[.]/g, '\\.')}/v1\\.0/\\$metadata#servicePrincipals\\('`));
    expect(out.roles).to.deep.equal(['ADSynchronization.ReadWrite.All']);
    expect(out.graphError).to.deep.equal({ statusCode: 400, code: 'Request_BadRequest' });
    // Without the CA the same client is refused by TLS: the trust really comes from the local CA.
    const untrusted = await run(process.execPath, [script, args], { ...process.env, NODE_EXTRA_CA_CERTS: '' });
    expect(untrusted.code).to.not.equal(0);
  });

  it('our own client helper works over HTTPS with the CA (no environment variable)', async () => {
    const t = await acquireAppToken(conn, { clientId: app.appId, certificate: { privateKeyPem: cert.privateKeyPem, thumbprint: cert.thumbprint } }, SYNC_SCOPE);
    expect(claimsOf(t.accessToken).appid).to.equal(app.appId);
  });

  it('a second Tenant on the same state (another syncshell process) and the served one see each other\'s changes at once', async () => {
    const other = new Tenant({ store: new StateStore(home), clock: new ManualClock(new Date()) });
    const local = inProcessConnection(other);
    const admin = (await acquireUserToken(local, 'admin@contoso.onmicrosoft.com', DEFAULT_PASSWORD)).accessToken;
    const c2 = await makeCert({ clock: new ManualClock(new Date()) });
    const made = await tenantRequest(local, admin, 'POST', '/v1.0/applications', { displayName: 'Staging', keyCredentials: [{ key: c2.b64 }] });
    const appId = (made.body as { appId: string }).appId;
    await tenantRequest(local, admin, 'POST', '/v1.0/servicePrincipals', { appId });
    const t = await acquireAppToken(conn, { clientId: appId, certificate: { privateKeyPem: c2.privateKeyPem, thumbprintSha256: c2.sha256 } });
    expect(claimsOf(t.accessToken).appid).to.equal(appId);
    // ...and a token the served tenant issued is accepted by the other instance's Graph.
    const viaServed = (await acquireUserToken(conn, 'admin@contoso.onmicrosoft.com', DEFAULT_PASSWORD)).accessToken;
    expect((await tenantRequest(local, viaServed, 'GET', `/v1.0/applications(appId='${appId}')?$select=id`)).status).to.equal(200);
  });

  it('curl --cacert reaches the OpenID configuration and gets Entra errors from the token endpoint', async () => {
    const tid = served.tenant.doc().tenantId;
    const oidc = await run('curl', ['-sS', '--cacert', served.caFile, `${served.origin}/${tid}/v2.0/.well-known/openid-configuration`], process.env);
    expect(oidc.code, oidc.stderr).to.equal(0);
    const doc = JSON.parse(oidc.stdout);
    expect(doc.token_endpoint).to.equal(`${served.origin}/${tid}/oauth2/v2.0/token`);
    expect(doc.issuer).to.equal(`${served.origin}/${tid}/v2.0`);
    const tok = await run('curl', ['-sS', '--cacert', served.caFile, '-w', '\n%{http_code}', '-d', 'grant_type=client_credentials', `${served.origin}/${tid}/oauth2/v2.0/token`], process.env);
    const [body, status] = tok.stdout.split('\n');
    expect(status).to.equal('400');
    expect(JSON.parse(body).error_codes).to.deep.equal([900144]);
    const insecure = await run('curl', ['-sS', `${served.origin}/${tid}/v2.0/.well-known/openid-configuration`], process.env);
    expect(insecure.code).to.not.equal(0);
  });

  it('refuses a non-loopback bind unless asked for', async () => {
    let err: unknown;
    try { await serve({ port: 0, home, host: '0.0.0.0', log: () => {} }); } catch (e) { err = e; }
    expect(err).to.have.property('errorId', 'NonLoopbackBindRefused');
    expect(err).to.have.property('category', 'SecurityError');
    const open = await serve({ port: 0, home, host: '0.0.0.0', allowRemote: true, log: () => {} });
    expect(open.port).to.be.greaterThan(0);
    await open.close();
  });
});
