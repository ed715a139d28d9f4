import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createSelfSignedCertificate } from '../../pki/index.js';
import { ManualClock, StateStore } from '../../state/index.js';
import { Tenant } from '../../tenant/index.js';
import { acquireUserToken, inProcessConnection, tenantRequest, type TenantConnection } from '../../tenant/index.js';
import { DEFAULT_PASSWORD, DEFAULT_DOMAIN } from '../../tenant/index.js';

export interface Fixture { home: string; store: StateStore; clock: ManualClock; tenant: Tenant; conn: TenantConnection; cleanup(): void }

export function makeTenant(opts: { writeback?: boolean; clock?: ManualClock } = {}): Fixture {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'syncshell-tenant-'));
  const store = new StateStore(home);
  const clock = opts.clock ?? new ManualClock(new Date());
  const tenant = new Tenant({ store, clock, seed: { writeback: opts.writeback ?? true, serverName: 'CONNECT01' } });
  return { home, store, clock, tenant, conn: inProcessConnection(tenant), cleanup: () => fs.rmSync(home, { recursive: true, force: true }) };
}

export const upn = (name: string) => `${name}@${DEFAULT_DOMAIN}`;

export async function adminToken(f: Fixture, name = 'admin', scopes?: string[]): Promise<string> {
  return (await acquireUserToken(f.conn, upn(name), DEFAULT_PASSWORD, scopes)).accessToken;
}

export interface TestCert { der: Uint8Array; pem: string; privateKeyPem: string; thumbprint: string; sha256: string; b64: string }

export async function makeCert(opts: { notBefore?: Date; notAfter?: Date; subject?: string; clock?: ManualClock } = {}): Promise<TestCert> {
  const c = await createSelfSignedCertificate({ subject: opts.subject ?? 'CN=ConnectSyncBYOA', notBefore: opts.notBefore, notAfter: opts.notAfter, clock: opts.clock ?? new ManualClock(new Date()) });
  const b64 = Buffer.from(c.der).toString('base64');
  return {
    der: c.der, b64, pem: `-----BEGIN CERTIFICATE-----\n${b64.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`,
    privateKeyPem: c.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), thumbprint: c.info.thumbprint, sha256: c.info.sha256,
  };
}

/** An application with a service principal and (optionally) a registered certificate, made through Graph as the admin. */
export async function registerApp(f: Fixture, token: string, cert?: TestCert, name = 'ConnectSyncBYOA'): Promise<{ appId: string; id: string; spId: string }> {
  const body: Record<string, unknown> = { displayName: name };
  if (cert) body.keyCredentials = [{ type: 'AsymmetricX509Cert', usage: 'Verify', key: cert.b64 }];
  const app = await tenantRequest(f.conn, token, 'POST', '/v1.0/applications', body);
  if (app.status !== 201) throw new Error(`create app: ${app.status} ${JSON.stringify(app.body)}`);
  const a = app.body as { appId: string; id: string };
  const sp = await tenantRequest(f.conn, token, 'POST', '/v1.0/servicePrincipals', { appId: a.appId });
  if (sp.status !== 201) throw new Error(`create sp: ${sp.status} ${JSON.stringify(sp.body)}`);
  return { appId: a.appId, id: a.id, spId: (sp.body as { id: string }).id };
}

export function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
}
