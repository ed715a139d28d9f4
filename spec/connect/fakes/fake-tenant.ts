import { createPublicKey, createHmac, verify as rsaVerify, randomBytes, randomUUID } from 'node:crypto';
import type { Clock, StateStore } from '../../../state/index.js';
import type {
  TenantGateway, Actor, AdminSession, ApplicationInfo, KeyCredentialInfo, AccessToken, CertificateSigner, ObjectChange, ExportResult,
} from '../../../connect/index.js';
import { TenantAuthError, TenantRequestError } from '../../../connect/index.js';

/**
 * A persisted stand-in for tenant/ with the checks that matter to the server: keys must be registered and valid,
 * signatures must verify, tokens expire, the sync endpoint wants ADSynchronization.ReadWrite.All or a Directory
 * Synchronization Accounts user whose role has taken effect (15 minutes after creation).
 */
interface User { upn: string; password: string; roles: string[]; rolesEffective: string }
interface Key { keyId: string; thumbprint: string; spki: string; start: string; end: string; displayName: string }
interface App { appId: string; objectId: string; displayName: string; keys: Key[]; roles: string[] }
interface Token { token: string; expiresOn: string; roles: string[]; subject: string }
interface TenantDoc { users: User[]; apps: App[] }
const SECRET = 'fake-tenant-signing-secret';

export const DOMAIN = 'contoso.onmicrosoft.com';
export const ADMIN = 'hia@contoso.onmicrosoft.com';
export const GA = 'ga@contoso.onmicrosoft.com';
export const APPADMIN = 'appadmin@contoso.onmicrosoft.com';
export const NOBODY = 'user@contoso.onmicrosoft.com';
export const PASSWORD = 'Pa$$w0rd-Contoso1';
export const SYNC_UPN = `Sync_CONNECT01_0123456789ab@${DOMAIN}`;
const LIFETIME = 3600_000;

function seed(now: Date): TenantDoc {
  const old = new Date(now.getTime() - 400 * 86400_000).toISOString();
  return {
    users: [
      { upn: ADMIN, password: PASSWORD, roles: ['Hybrid Identity Administrator'], rolesEffective: old },
      { upn: GA, password: PASSWORD, roles: ['Global Administrator'], rolesEffective: old },
      { upn: APPADMIN, password: PASSWORD, roles: ['Application Administrator'], rolesEffective: old },
      { upn: NOBODY, password: PASSWORD, roles: [], rolesEffective: old },
      { upn: SYNC_UPN, password: 'legacy-' + 'x'.repeat(20), roles: ['Directory Synchronization Accounts'], rolesEffective: old },
    ],
    apps: [],
  };
}

function parseDer(der: Uint8Array): { spki: string; notBefore: string; notAfter: string } {
  return JSON.parse(Buffer.from(der).toString('utf8'));
}

export class FakeTenant implements TenantGateway {
  readonly tenantDomain = DOMAIN;
  readonly tenantId = '11111111-2222-3333-4444-555555555555';
  /** per process: what this process saw exported and how many tokens it issued */
  exported = new Map<string, number>();
  exportCalls = 0;
  /** objects the sync endpoint refuses (e.g. a duplicate proxyAddresses value) */
  failAnchors = new Set<string>();
  tokenRequests = 0;
  constructor(private readonly store: StateStore, private readonly clock: Clock) {
    store.load<TenantDoc>('fake-tenant', () => seed(clock.now()));
  }
  doc(): TenantDoc { return this.store.read<TenantDoc>('fake-tenant')!; }
  private update<R>(fn: (d: TenantDoc) => R): R { return this.store.update<TenantDoc, R>('fake-tenant', () => seed(this.clock.now()), fn); }
  private now(): Date { return this.clock.now(); }

  seededSyncAccount() { const u = this.doc().users.find((x) => x.upn === SYNC_UPN); return u ? { serverName: 'CONNECT01', userPrincipalName: u.upn, password: u.password } : undefined; }

  private authorize(actor: Actor, d: TenantDoc): void {
    if (actor.kind === 'admin') return;
    this.check(actor.accessToken);
  }

  /** tokens are self-contained (HMAC-signed) so no process needs to persist them */
  private check(token: string): Token {
    const [body, mac] = token.split('.');
    const t = mac === createHmac('sha256', SECRET).update(body ?? '').digest('base64url') ? JSON.parse(Buffer.from(body, 'base64url').toString()) as Token : undefined;
    if (!t || new Date(t.expiresOn) <= this.now()) throw new TenantRequestError(401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.');
    return t;
  }

  async signInAdmin(upn: string, password: string): Promise<AdminSession> {
    const u = this.doc().users.find((x) => x.upn.toLowerCase() === upn.toLowerCase());
    if (!u) throw new TenantAuthError(50034, 'invalid_grant', `AADSTS50034: The user account {EUII Hidden} does not exist in the ${DOMAIN} directory.`);
    if (u.password !== password) throw new TenantAuthError(50126, 'invalid_grant', 'AADSTS50126: Error validating credentials due to invalid username or password.');
    return { userPrincipalName: u.upn, roles: u.roles, accessToken: randomUUID(), expiresOn: new Date(this.now().getTime() + LIFETIME) };
  }

  private info(a: App): ApplicationInfo {
    return { appId: a.appId, objectId: a.objectId, displayName: a.displayName, assignedRoles: [...a.roles],
      keyCredentials: a.keys.map((k): KeyCredentialInfo => ({ keyId: k.keyId, thumbprint: k.thumbprint, displayName: k.displayName, startDateTime: k.start, endDateTime: k.end })) };
  }
  async createApplication(actor: Actor, displayName: string): Promise<ApplicationInfo> {
    return this.update((d) => { this.authorize(actor, d); const a: App = { appId: randomUUID(), objectId: randomUUID(), displayName, keys: [], roles: [] }; d.apps.push(a); return this.info(a); });
  }
  /** what an admin does by Graph (BYOA steps, or an Application Administrator adding a credential) */
  createByoaApp(displayName: string, roles: string[]): ApplicationInfo {
    return this.update((d) => { const a: App = { appId: randomUUID(), objectId: randomUUID(), displayName, keys: [], roles }; d.apps.push(a); return this.info(a); });
  }
  async getApplication(actor: Actor, appId: string): Promise<ApplicationInfo | undefined> {
    const d = this.doc(); this.authorize(actor, d);
    const a = d.apps.find((x) => x.appId === appId); return a && this.info(a);
  }
  async addKeyCredential(actor: Actor, appId: string, cert: { der: Uint8Array; displayName: string }): Promise<KeyCredentialInfo> {
    const { createHash } = await import('node:crypto');
    return this.update((d) => {
      this.authorize(actor, d);
      const a = d.apps.find((x) => x.appId === appId);
      if (!a) throw new TenantRequestError(404, 'Request_ResourceNotFound', `Resource '${appId}' does not exist.`);
      const p = parseDer(cert.der);
      const k: Key = { keyId: randomUUID(), thumbprint: createHash('sha1').update(cert.der).digest('hex').toUpperCase(), spki: p.spki, start: p.notBefore, end: p.notAfter, displayName: cert.displayName };
      a.keys.push(k);
      return { keyId: k.keyId, thumbprint: k.thumbprint, displayName: k.displayName, startDateTime: k.start, endDateTime: k.end };
    });
  }
  async removeKeyCredential(actor: Actor, appId: string, keyId: string): Promise<void> {
    this.update((d) => {
      this.authorize(actor, d);
      const a = d.apps.find((x) => x.appId === appId);
      if (!a || !a.keys.some((k) => k.keyId === keyId)) throw new TenantRequestError(404, 'Request_ResourceNotFound', `Resource '${keyId}' does not exist.`);
      a.keys = a.keys.filter((k) => k.keyId !== keyId);
    });
  }
  async assignAppRoles(actor: Actor, appId: string, roles: { resourceAppId: string; value: string }[]): Promise<void> {
    this.update((d) => { this.authorize(actor, d); const a = d.apps.find((x) => x.appId === appId)!; for (const r of roles) if (!a.roles.includes(r.value)) a.roles.push(r.value); });
  }
  async upsertSyncAccount(actor: Actor, name: string): Promise<{ userPrincipalName: string; password: string; created: boolean }> {
    return this.update((d) => {
      this.authorize(actor, d);
      const upn = `${name}@${DOMAIN}`;
      const password = randomBytes(12).toString('base64');
      const u = d.users.find((x) => x.upn.toLowerCase() === upn.toLowerCase());
      if (u) { u.password = password; return { userPrincipalName: u.upn, password, created: false }; }
      d.users.push({ upn, password, roles: ['Directory Synchronization Accounts'], rolesEffective: new Date(this.now().getTime() + 15 * 60_000).toISOString() });
      return { userPrincipalName: upn, password, created: true };
    });
  }
  async deleteUser(actor: Actor, upn: string): Promise<boolean> {
    return this.update((d) => { this.authorize(actor, d); const n = d.users.length; d.users = d.users.filter((u) => u.upn.toLowerCase() !== upn.toLowerCase()); return d.users.length < n; });
  }
  private issue(subject: string, roles: string[]): AccessToken {
    const expiresOn = new Date(this.now().getTime() + LIFETIME);
    const body = Buffer.from(JSON.stringify({ token: randomBytes(8).toString('hex'), expiresOn: expiresOn.toISOString(), roles, subject })).toString('base64url');
    this.tokenRequests++;
    return { accessToken: `${body}.${createHmac('sha256', SECRET).update(body).digest('base64url')}`, expiresOn };
  }
  async acquireTokenWithCertificate(s: CertificateSigner): Promise<AccessToken> {
    const d0 = this.doc();
    const a = d0.apps.find((x) => x.appId === s.appId);
    if (!a) throw new TenantAuthError(700016, 'unauthorized_client', `AADSTS700016: Application with identifier '${s.appId}' was not found in the directory '${DOMAIN}'.`);
    const k = a.keys.find((x) => x.thumbprint === s.thumbprint);
    if (!k) throw new TenantAuthError(700027, 'invalid_client', 'AADSTS700027: The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found.]');
    if (new Date(k.end) <= this.now()) throw new TenantAuthError(700027, 'invalid_client', `AADSTS700027: Client assertion contains an invalid signature. [Reason - The key used is expired. Thumbprint of key used by client: '${k.thumbprint}']`);
    const data = randomBytes(64);
    const sig = await s.sign(data, 'pss');
    const ok = rsaVerify('sha256', data, { key: createPublicKey({ key: Buffer.from(k.spki, 'base64'), format: 'der', type: 'spki' }), padding: 6, saltLength: 32 }, Buffer.from(sig));
    if (!ok) throw new TenantAuthError(700027, 'invalid_client', 'AADSTS700027: Client assertion failed signature validation.');
    return (this.issue(`app:${a.appId}`, a.roles.includes('ADSynchronization.ReadWrite.All') ? ['ADSynchronization.ReadWrite.All'] : []));
  }
  async acquireTokenWithPassword(upn: string, password: string): Promise<AccessToken> {
    const d = this.doc();
    {
      const u = d.users.find((x) => x.upn.toLowerCase() === upn.toLowerCase());
      if (!u) throw new TenantAuthError(50034, 'invalid_grant', `AADSTS50034: To sign into this application the account must be added to the ${DOMAIN} directory.`);
      if (u.password !== password) throw new TenantAuthError(50126, 'invalid_grant', 'AADSTS50126: Error validating credentials due to invalid username or password.');
      const effective = new Date(u.rolesEffective) <= this.now();
      return this.issue(`user:${u.upn}`, effective && u.roles.includes('Directory Synchronization Accounts') ? ['DirSync'] : []);
    }
  }
  async exportChanges(accessToken: string, changes: ObjectChange[]): Promise<ExportResult> {
    {
      const t = this.check(accessToken);
      if (!t.roles.length) throw new TenantRequestError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
      this.exportCalls++;
      const r: ExportResult = { added: 0, updated: 0, deleted: 0, errors: [] };
      for (const c of changes) {
        if (this.failAnchors.has(c.anchor)) { r.errors.push({ anchor: c.anchor, code: 'AttributeValueMustBeUnique', message: 'Unable to update this object because the following attributes must be unique.' }); continue; }
        if (c.op === 'add') r.added++; else if (c.op === 'update') r.updated++; else r.deleted++;
        this.exported.set(c.anchor, (this.exported.get(c.anchor) ?? 0) + 1);
      }
      return r;
    }
  }
}
