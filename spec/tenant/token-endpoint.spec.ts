import { expect } from 'chai';
import { ConfidentialClientApplication, ServerError } from '@azure/msal-node';
import { InProcessNetworkClient, acquireAppToken, tenantRequest, type AppCredential } from '../../tenant/index.js';
import { adminToken, claimsOf, makeCert, makeTenant, registerApp, type Fixture, type TestCert } from './helpers.js';

const DAY = 86_400_000;

async function expectAadsts(p: Promise<unknown>, code: number, status: number, error?: string): Promise<ServerError> {
  try {
    await p;
  } catch (e) {
    expect(e, String(e)).to.be.instanceOf(ServerError);
    const se = e as ServerError;
    expect(String(se.errorNo), se.message).to.equal(String(code));
    expect(se.status).to.equal(status);
    if (error) expect(se.errorCode).to.equal(error);
    expect(se.errorMessage).to.match(new RegExp(`AADSTS${code}: `));
    return se;
  }
  throw new Error(`expected AADSTS${code}, got a token`);
}

describe('tenant: token endpoint with unmodified msal-node (acceptance 1)', function () {
  let f: Fixture;
  let admin: string;
  let cert: TestCert;
  let app: { appId: string; id: string; spId: string };
  const cred = (c: TestCert, sha256 = true, clientId = app.appId): AppCredential =>
    ({ clientId, certificate: { privateKeyPem: c.privateKeyPem, ...(sha256 ? { thumbprintSha256: c.sha256 } : { thumbprint: c.thumbprint }) } });

  before(async () => {
    f = makeTenant();
    admin = await adminToken(f);
    cert = await makeCert({ clock: f.clock });
    app = await registerApp(f, admin, cert);
  });
  after(() => f.cleanup());

  it('issues a token for thumbprintSha256 (PS256, x5t#S256) signed by the tenant key', async () => {
    const t = await acquireAppToken(f.conn, cred(cert, true));
    const c = claimsOf(t.accessToken);
    expect(c.appid).to.equal(app.appId);
    expect(c.oid).to.equal(app.spId);
    expect(c.tid).to.equal(f.tenant.doc().tenantId);
    expect(c.appidacr).to.equal('2');
    expect(c.roles).to.equal(undefined);
    const jwks = await tenantRequest(f.conn, undefined, 'GET', `/${f.conn.tenantId}/discovery/v2.0/keys`);
    const header = JSON.parse(Buffer.from(t.accessToken.split('.')[0], 'base64url').toString());
    expect((jwks.body as { keys: { kid: string }[] }).keys.map((k) => k.kid)).to.include(header.kid);
  });

  it('issues a token for the deprecated SHA-1 thumbprint (RS256, x5t)', async () => {
    const t = await acquireAppToken(f.conn, cred(cert, false));
    expect(claimsOf(t.accessToken).appid).to.equal(app.appId);
  });

  it('700027 key not found when signed by an unregistered certificate (status 401, invalid_client)', async () => {
    const other = await makeCert({ clock: f.clock });
    const se = await expectAadsts(acquireAppToken(f.conn, cred(other)), 700027, 401, 'invalid_client');
    expect(se.errorMessage).to.contain('The key was not found.').and.to.contain(other.sha256);
  });

  it('700027 bad signature when the header names a registered certificate but another key signs', async () => {
    const other = await makeCert({ clock: f.clock });
    const forged: AppCredential = { clientId: app.appId, certificate: { privateKeyPem: other.privateKeyPem, thumbprintSha256: cert.sha256 } };
    const se = await expectAadsts(acquireAppToken(f.conn, forged), 700027, 401);
    expect(se.errorMessage).to.contain('use of the key to verify the signature failed');
  });

  it('700027 key expired once the virtual clock passes the credential end', async () => {
    const short = await makeCert({ clock: f.clock, notBefore: new Date(f.clock.now().getTime() - DAY), notAfter: new Date(f.clock.now().getTime() + 2 * DAY) });
    const a = await registerApp(f, admin, short, 'ShortLived');
    await acquireAppToken(f.conn, cred(short, true, a.appId));
    f.clock.advance(3 * DAY);
    try {
      const se = await expectAadsts(acquireAppToken(f.conn, cred(short, true, a.appId)), 700027, 401);
      expect(se.errorMessage).to.contain('The key used is expired.');
    } finally { f.clock.advance(-3 * DAY); }
  });

  it('700027 after the key is removed from the application', async () => {
    const k2 = await makeCert({ clock: f.clock });
    const a = await registerApp(f, admin, k2, 'KeyRemoved');
    await acquireAppToken(f.conn, cred(k2, true, a.appId));
    const patch = await tenantRequest(f.conn, admin, 'PATCH', `/v1.0/applications(appId='${a.appId}')`, { keyCredentials: [] });
    expect(patch.status).to.equal(204);
    await expectAadsts(acquireAppToken(f.conn, cred(k2, true, a.appId)), 700027, 401);
  });

  it('700016 for an unknown application (400, unauthorized_client)', async () => {
    await expectAadsts(acquireAppToken(f.conn, cred(cert, true, '11111111-2222-3333-4444-555555555555')), 700016, 400, 'unauthorized_client');
  });

  it('90002 for an unknown tenant', async () => {
    const conn = { ...f.conn, tenantId: 'fabrikam.onmicrosoft.com' };
    await expectAadsts(acquireAppToken(conn, cred(cert)), 90002, 400);
  });

  it('accepts the tenant by domain name, case-insensitively', async () => {
    const conn = { ...f.conn, tenantId: 'Contoso.OnMicrosoft.com' };
    const t = await acquireAppToken(conn, cred(cert));
    expect(claimsOf(t.accessToken).appid).to.equal(app.appId);
  });

  it('700023 when the assertion audience is another tenant\'s token endpoint', async () => {
    const cca = new ConfidentialClientApplication({
      auth: { clientId: app.appId, authority: `https://login.microsoftonline.com/${f.conn.tenantId}`,
        clientCertificate: { privateKey: cert.privateKeyPem, thumbprintSha256: cert.sha256 } },
      system: { networkClient: new InProcessNetworkClient({
        // The client is told the token endpoint of another tenant (aud), but the request reaches ours.
        handle: (req) => f.tenant.handle({ ...req, url: req.url.replace('/99999999-9999-9999-9999-999999999999/', `/${f.conn.tenantId}/`) }),
      }) },
    });
    await expectAadsts(cca.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'], authority: 'https://login.microsoftonline.com/99999999-9999-9999-9999-999999999999', skipCache: true }), 700023, 401);
  });

  it('50048 when sub differs from iss, 700024 outside nbf/exp (signed by the registered key)', async () => {
    const { signWith } = await import('../../tenant/jwt.js');
    const { createPrivateKey, sign, constants } = await import('node:crypto');
    const key = createPrivateKey(cert.privateKeyPem);
    const signer = (d: Uint8Array) => sign('sha256', d, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
    const header = { alg: 'PS256', typ: 'JWT', 'x5t#S256': Buffer.from(cert.sha256, 'hex').toString('base64url') };
    const aud = `https://login.microsoftonline.com/${f.conn.tenantId}/oauth2/v2.0/token`;
    const now = Math.floor(Date.now() / 1000);
    const post = async (claims: Record<string, unknown>) => {
      const assertion = await signWith(header, claims, signer);
      const res = await f.tenant.handle({ method: 'POST', url: aud, headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: app.appId, scope: 'https://graph.microsoft.com/.default',
          client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: assertion }).toString() });
      return { status: res.status, body: JSON.parse(res.body) };
    };
    const sub = await post({ aud, iss: app.appId, sub: 'someone-else', nbf: now, exp: now + 600 });
    expect(sub.status).to.equal(401);
    expect(sub.body.error_codes).to.deep.equal([50048]);
    const old = await post({ aud, iss: app.appId, sub: app.appId, nbf: now - 7200, exp: now - 3600 });
    expect(old.status).to.equal(401);
    expect(old.body.error_codes).to.deep.equal([700024]);
    expect(old.body.error_description).to.match(/^AADSTS700024: Client assertion is not within its valid time range\./);
    const ok = await post({ aud, iss: app.appId, sub: app.appId, nbf: now, exp: now + 600 });
    expect(ok.status).to.equal(200);
  });

  it('7000112 for a disabled application, 1002012 for a scope without /.default', async () => {
    const k = await makeCert({ clock: f.clock });
    const a = await registerApp(f, admin, k, 'Disabled');
    expect((await tenantRequest(f.conn, admin, 'PATCH', `/v1.0/servicePrincipals/${a.spId}`, { accountEnabled: false })).status).to.equal(204);
    await expectAadsts(acquireAppToken(f.conn, cred(k, true, a.appId)), 7000112, 400, 'unauthorized_client');
    await expectAadsts(acquireAppToken(f.conn, cred(cert), 'https://graph.microsoft.com/User.Read'), 1002012, 400, 'invalid_scope');
  });

  it('keeps accepting msal assertions (real time) after the virtual clock jumps a month', async () => {
    f.clock.advance(30 * DAY);
    try {
      const t = await acquireAppToken(f.conn, cred(cert));
      expect((claimsOf(t.accessToken).iat as number) * 1000).to.be.closeTo(f.clock.now().getTime(), 5000);
    } finally { f.clock.advance(-30 * DAY); }
  });

  it('a key-provider signer through msal\'s clientAssertion callback (RS256/x5t and PS256/x5t#S256, virtual-time claims)', async () => {
    const { createPrivateKey, sign, constants } = await import('node:crypto');
    const key = createPrivateKey(cert.privateKeyPem);
    f.clock.advance(90 * DAY);
    try {
      for (const alg of ['RS256', 'PS256'] as const) {
        const signer = {
          alg, thumbprint: alg === 'PS256' ? cert.sha256 : cert.thumbprint,
          sign: (d: Uint8Array) => (alg === 'PS256' ? sign('sha256', d, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }) : sign('sha256', d, key)),
        };
        const t = await acquireAppToken(f.conn, { clientId: app.appId, signer, clock: f.clock });
        expect(claimsOf(t.accessToken).appid).to.equal(app.appId);
      }
    } finally { f.clock.advance(-90 * DAY); }
  });

  it('openssl verifies an issued token against the key published at jwks_uri (independent check)', async () => {
    const { createPublicKey } = await import('node:crypto');
    const { execFileSync } = await import('node:child_process');
    const fs = await import('node:fs');
    const path = await import('node:path');
    const t = (await acquireAppToken(f.conn, cred(cert))).accessToken;
    const oidc = (await tenantRequest(f.conn, undefined, 'GET', `/${f.conn.tenantId}/v2.0/.well-known/openid-configuration`)).body as { jwks_uri: string };
    const jwks = (await tenantRequest(f.conn, undefined, 'GET', new URL(oidc.jwks_uri).pathname)).body as { keys: { kid: string; n: string; e: string }[] };
    const kid = JSON.parse(Buffer.from(t.split('.')[0], 'base64url').toString()).kid;
    const jwk = jwks.keys.find((k) => k.kid === kid)!;
    const pem = createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e }, format: 'jwk' }).export({ format: 'pem', type: 'spki' });
    const [h, p, sig] = t.split('.');
    const dir = f.home;
    fs.writeFileSync(path.join(dir, 'k.pem'), pem);
    fs.writeFileSync(path.join(dir, 'data'), `${h}.${p}`);
    fs.writeFileSync(path.join(dir, 'sig'), Buffer.from(sig, 'base64url'));
    const out = execFileSync('openssl', ['dgst', '-sha256', '-verify', path.join(dir, 'k.pem'), '-signature', path.join(dir, 'sig'), path.join(dir, 'data')]).toString();
    expect(out.trim()).to.equal('Verified OK');
    fs.writeFileSync(path.join(dir, 'data'), `${h}.${p}x`);
    expect(() => execFileSync('openssl', ['dgst', '-sha256', '-verify', path.join(dir, 'k.pem'), '-signature', path.join(dir, 'sig'), path.join(dir, 'data')], { stdio: 'pipe' })).to.throw();
  });

  it('serves instance discovery and the OpenID configuration when msal asks (an authority host msal does not know)', async () => {
    const seen: string[] = [];
    const cca = new ConfidentialClientApplication({
      auth: { clientId: app.appId, authority: `https://login.emulated.test/${f.conn.tenantId}`, clientCertificate: { privateKey: cert.privateKeyPem, thumbprintSha256: cert.sha256 } },
      system: { networkClient: new InProcessNetworkClient({ handle: (req) => { seen.push(`${req.method} ${new URL(req.url).host}${new URL(req.url).pathname}`); return f.tenant.handle(req); } }) },
    });
    const r = await cca.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'], skipCache: true });
    expect(claimsOf(r!.accessToken).appid).to.equal(app.appId);
    expect(seen).to.deep.equal([
      'GET login.microsoftonline.com/common/discovery/instance',
      `GET login.emulated.test/${f.conn.tenantId}/v2.0/.well-known/openid-configuration`,
      `POST login.emulated.test/${f.conn.tenantId}/oauth2/v2.0/token`,
    ]);
  });
});
