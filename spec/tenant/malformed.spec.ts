import { expect } from 'chai';
import { createPrivateKey, sign, constants } from 'node:crypto';
import type { TenantRequest, TenantResponse } from '../../tenant/index.js';
import { adminToken, makeCert, makeTenant, registerApp, type Fixture, type TestCert } from './helpers.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const b64u = (s: string | Buffer) => Buffer.from(s).toString('base64url');

function shaped(res: TenantResponse): Record<string, unknown> | null {
  expect(res.status, res.body.slice(0, 300)).to.be.within(200, 599);
  expect(res.status, res.body.slice(0, 300)).to.not.equal(500);
  if (res.status === 204) { expect(res.body).to.equal(''); return null; }
  return JSON.parse(res.body) as Record<string, unknown>;
}

/** Entra's OAuth error JSON. */
function expectAad(res: TenantResponse, code: number, status = 400): void {
  const b = shaped(res)!;
  expect(res.status).to.equal(status);
  expect(b.error_codes).to.deep.equal([code]);
  expect(b.error_description).to.be.a('string').and.match(new RegExp(`^AADSTS${code}: `));
  expect(b).to.have.keys('error', 'error_description', 'error_codes', 'timestamp', 'trace_id', 'correlation_id', 'error_uri');
  expect(b.timestamp).to.match(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/);
}

/** Graph's error JSON. */
function expectGraph(res: TenantResponse, status: number, code: string): void {
  const b = shaped(res)! as { error: { code: string; message: string; innerError: Record<string, string> } };
  expect(res.status, JSON.stringify(b)).to.equal(status);
  expect(b.error.code).to.equal(code);
  expect(b.error.message).to.be.a('string').and.not.equal('');
  expect(b.error.innerError.date).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  expect(b.error.innerError['request-id']).to.match(/^[0-9a-f-]{36}$/);
}

/** A small deterministic PRNG so a failing fuzz case can be replayed. */
function mulberry32(seed: number) {
  return () => { seed |= 0; seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

describe('tenant: malformed requests (acceptance 4)', function () {
  let f: Fixture;
  let admin: string;
  let cert: TestCert;
  let app: { appId: string; id: string; spId: string };
  let tokenUrl: string;
  let goodAssertion: string;
  const h = (req: TenantRequest) => f.tenant.handle(req);
  const tokenForm = (extra: Record<string, string>) => new URLSearchParams({ grant_type: 'client_credentials', client_id: app.appId, scope: 'https://graph.microsoft.com/.default', client_assertion_type: JWT_BEARER, ...extra }).toString();

  before(async () => {
    f = makeTenant();
    admin = await adminToken(f);
    cert = await makeCert({ clock: f.clock });
    app = await registerApp(f, admin, cert);
    tokenUrl = `https://login.microsoftonline.com/${f.conn.tenantId}/oauth2/v2.0/token`;
    const header = b64u(JSON.stringify({ alg: 'PS256', typ: 'JWT', 'x5t#S256': Buffer.from(cert.sha256, 'hex').toString('base64url') }));
    const now = Math.floor(Date.now() / 1000);
    const payload = b64u(JSON.stringify({ aud: tokenUrl, iss: app.appId, sub: app.appId, nbf: now, exp: now + 3600, jti: 'x' }));
    const sig = sign('sha256', Buffer.from(`${header}.${payload}`), { key: createPrivateKey(cert.privateKeyPem), padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
    goodAssertion = `${header}.${payload}.${b64u(sig)}`;
  });
  after(() => f.cleanup());

  it('the hand-built assertion is accepted (so the cases below fail for their own reason)', async () => {
    const r = await h({ method: 'POST', url: tokenUrl, headers: FORM, body: tokenForm({ client_assertion: goodAssertion }) });
    expect(r.status, r.body).to.equal(200);
  });

  it('token endpoint: wrong content type, bad form encoding, GET, missing and unsupported parameters', async () => {
    expectAad(await h({ method: 'POST', url: tokenUrl, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ grant_type: 'client_credentials' }) }), 900144);
    expectAad(await h({ method: 'POST', url: tokenUrl, headers: FORM, body: 'grant_type=client_credentials&client_id=%ZZ%&scope=%E2%28' }), 1002012);
    expectAad(await h({ method: 'POST', url: tokenUrl, headers: FORM, body: `grant_type=client_credentials&client_id=%ZZ%&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default&client_assertion_type=${JWT_BEARER}&client_assertion=x.y.z` }), 700016);
    expectAad(await h({ method: 'POST', url: tokenUrl, headers: FORM, body: '&&&===&%%' }), 900144);
    expectAad(await h({ method: 'GET', url: tokenUrl }), 900561);
    expectAad(await h({ method: 'POST', url: tokenUrl, headers: FORM, body: 'grant_type=authorization_code' }), 70003);
    expectAad(await h({ method: 'POST', url: tokenUrl, headers: FORM, body: `grant_type=client_credentials&client_id=${app.appId}` }), 900144);
    expectAad(await h({ method: 'POST', url: tokenUrl, headers: FORM, body: tokenForm({}) }), 7000218, 401);
  });

  it('token endpoint: a 1 MB assertion, alg none, garbage base64 → AADSTS50027', async () => {
    expectAad(await h({ method: 'POST', url: tokenUrl, headers: FORM, body: tokenForm({ client_assertion: `${'A'.repeat(1 << 20)}.e30.x` }) }), 50027);
    const none = `${b64u('{"alg":"none","typ":"JWT"}')}.${b64u(JSON.stringify({ aud: tokenUrl, iss: app.appId, sub: app.appId }))}.`;
    expectAad(await h({ method: 'POST', url: tokenUrl, headers: FORM, body: tokenForm({ client_assertion: none }) }), 50027);
    expectAad(await h({ method: 'POST', url: tokenUrl, headers: FORM, body: tokenForm({ client_assertion: '%%%***.!!!.@@@' }) }), 50027);
    expectAad(await h({ method: 'POST', url: tokenUrl, headers: FORM, body: tokenForm({ client_assertion: 'bm90IGEgand0' }) }), 50027);
  });

  it('Graph: bad JSON, non-object JSON, no token, garbage token, unknown segment, bad ids, wrong method, oversize body', async () => {
    const auth = { authorization: `Bearer ${admin}`, 'content-type': 'application/json' };
    const g = (method: string, path: string, body?: string, headers: Record<string, string> = auth) => h({ method, url: `https://graph.microsoft.com/v1.0${path}`, headers, body });
    expectGraph(await g('PATCH', `/applications/${app.id}`, '{"displayName": '), 400, 'BadRequest');
    expectGraph(await g('PATCH', `/applications/${app.id}`, '[1,2]'), 400, 'BadRequest');
    expectGraph(await g('POST', '/applications', 'not json at all'), 400, 'BadRequest');
    expectGraph(await g('GET', '/applications', undefined, {}), 401, 'InvalidAuthenticationToken');
    expectGraph(await g('GET', '/applications', undefined, { authorization: 'Bearer abc' }), 401, 'InvalidAuthenticationToken');
    expectGraph(await g('GET', '/applications', undefined, { authorization: `Bearer ${admin.slice(0, -4)}AAAA` }), 401, 'InvalidAuthenticationToken');
    expectGraph(await g('GET', '/widgets'), 400, 'BadRequest');
    expectGraph(await g('GET', '/applications/not-a-guid'), 400, 'Request_BadRequest');
    expectGraph(await g('GET', `/applications/${app.appId}`), 404, 'Request_ResourceNotFound');
    expectGraph(await g('PUT', `/applications/${app.id}`, '{}'), 405, 'Request_BadRequest');
    expectGraph(await g('GET', `/applications?$select=nope`), 400, 'Request_BadRequest');
    expectGraph(await g('PATCH', `/applications/${app.id}`, JSON.stringify({ keyCredentials: [{ type: 'AsymmetricX509Cert', usage: 'Verify', key: 'bm90IGEgY2VydA==' }] })), 400, 'Request_BadRequest');
    expectGraph(await g('PATCH', `/applications/${app.id}`, JSON.stringify({ keyCredentials: [{ type: 'AsymmetricX509Cert', usage: 'Encrypt', key: cert.b64 }] })), 400, 'Request_BadRequest');
    expectGraph(await g('POST', '/applications', 'x'.repeat(5 * 1024 * 1024)), 413, 'Request_EntityTooLarge');
    expectGraph(await g('GET', '/me', undefined, { authorization: 'Bearer ' }), 401, 'InvalidAuthenticationToken');
    const unknown = await h({ method: 'GET', url: 'https://login.microsoftonline.com/nothing/here/at/all' });
    expect(unknown.status).to.equal(400);
    expect(JSON.parse(unknown.body).error_codes).to.deep.equal([90002]);
  });

  it(`fuzz: 6,000 mutated requests through the in-process transport never crash and never answer 500`, async function () {
    this.timeout(300_000);
    const rnd = mulberry32(0x5eed);
    const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
    const graphBase = 'https://graph.microsoft.com/v1.0';
    const seeds: TenantRequest[] = [
      { method: 'POST', url: tokenUrl, headers: FORM, body: tokenForm({ client_assertion: goodAssertion }) },
      { method: 'POST', url: tokenUrl, headers: FORM, body: new URLSearchParams({ grant_type: 'password', client_id: '14d82eec-204b-4c2f-b7e8-296a70dab67e', username: 'admin@contoso.onmicrosoft.com', password: 'x', scope: 'User.Read openid' }).toString() },
      { method: 'GET', url: `https://login.microsoftonline.com/${f.conn.tenantId}/v2.0/.well-known/openid-configuration` },
      { method: 'GET', url: 'https://login.microsoftonline.com/common/discovery/instance?api-version=1.1&authorization_endpoint=https://x/y/oauth2/v2.0/authorize' },
      { method: 'GET', url: `${graphBase}/servicePrincipals(appId='6bf85cfa-ac8a-4be5-b5de-425a0d0dc016')?$select=id,appRoles`, headers: { authorization: `Bearer ${admin}` } },
      { method: 'PATCH', url: `${graphBase}/applications(appId='${app.appId}')`, headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: JSON.stringify({ requiredResourceAccess: [{ resourceAppId: '6bf85cfa-ac8a-4be5-b5de-425a0d0dc016', resourceAccess: [{ id: 'ab43b826-2c7a-4aff-9ecd-d0629d0ca6a9', type: 'Role' }] }], tags: ['a'] }) },
      { method: 'POST', url: `${graphBase}/servicePrincipals/${app.spId}/appRoleAssignments`, headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: JSON.stringify({ principalId: app.spId, resourceId: app.spId, appRoleId: '00000000-0000-0000-0000-000000000000' }) },
      { method: 'POST', url: `${graphBase}/applications/${app.id}/addKey`, headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: JSON.stringify({ keyCredential: { type: 'AsymmetricX509Cert', usage: 'Verify', key: cert.b64 }, passwordCredential: null, proof: goodAssertion }) },
      { method: 'GET', url: `${graphBase}/users?$filter=userPrincipalName eq 'admin@contoso.onmicrosoft.com'&$select=id,displayName`, headers: { authorization: `Bearer ${admin}` } },
      { method: 'POST', url: `https://login.microsoftonline.com/syncapi/v1.0/${f.conn.tenantId}/export`.replace('login.microsoftonline.com/', 'graph.microsoft.com/'), headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: '{"objects":[{"sourceAnchor":"a","operation":"add"}]}' },
    ];
    const junk = ['%', '%ZZ', '\u0000', '’', '“', '(', ')', "'", '/', '..', '?', '&', '=', '#', '\\', '\uFFFD', '$select=', '{', '}', '[', ']', '"', 'null', '1e309', '-', '.', 'A'.repeat(300)];
    const mutateString = (s: string): string => {
      if (s.length === 0) return pick(junk);
      const i = Math.floor(rnd() * s.length);
      switch (Math.floor(rnd() * 5)) {
        case 0: return s.slice(0, i) + pick(junk) + s.slice(i);
        case 1: return s.slice(0, i) + s.slice(i + 1 + Math.floor(rnd() * 20));
        case 2: return s.slice(0, i) + String.fromCharCode(Math.floor(rnd() * 0x3000)) + s.slice(i + 1);
        case 3: return s.slice(0, i);
        default: return s + s.slice(i, i + Math.floor(rnd() * 200));
      }
    };
    let n = 0;
    const statuses = new Map<number, number>();
    for (; n < 6000; n++) {
      const base = pick(seeds);
      const req: TenantRequest = { method: base.method, url: base.url, headers: { ...(base.headers as Record<string, string> | undefined) }, body: base.body };
      const rounds = 1 + Math.floor(rnd() * 3);
      for (let k = 0; k < rounds; k++) {
        const what = rnd();
        if (what < 0.35 && typeof req.body === 'string') req.body = mutateString(req.body);
        else if (what < 0.6) req.url = mutateString(req.url);
        else if (what < 0.75) req.method = pick(['GET', 'POST', 'PATCH', 'DELETE', 'PUT', 'HEAD', 'OPTIONS', 'get', '', 'B R E W']);
        else if (what < 0.9) {
          const hs = req.headers as Record<string, string>;
          const key = pick(['authorization', 'content-type', 'host', 'client-request-id']);
          hs[key] = mutateString(hs[key] ?? '');
        } else req.body = Buffer.from(Array.from({ length: Math.floor(rnd() * 64) }, () => Math.floor(rnd() * 256)));
      }
      let res: TenantResponse;
      try {
        res = await f.tenant.handle(req);
      } catch (e) {
        throw new Error(`case ${n} threw: ${(e as Error).message} ${JSON.stringify(req).slice(0, 500)}`);
      }
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status === 500 || res.status < 200 || res.status > 599) throw new Error(`case ${n}: ${res.status} ${res.body.slice(0, 300)} for ${JSON.stringify(req).slice(0, 500)}`);
      if (res.status !== 204) {
        try { JSON.parse(res.body); } catch { throw new Error(`case ${n}: body is not JSON: ${res.body.slice(0, 200)}`); }
      }
    }
    expect(n).to.equal(6000);
    // The fuzz reached both successes and errors (it is not only bouncing off one check).
    expect([...statuses.keys()].some((s) => s < 300)).to.equal(true);
    expect([...statuses.keys()].filter((s) => s >= 400).length).to.be.greaterThan(3);
  });
});
