import { createHash, generateKeyPairSync, randomBytes, randomUUID, sign, verify, constants, type KeyObject } from 'node:crypto';
import type { Clock } from '../state/index.js';
import type {
  TenantGateway, KeyStoreGateway, StoredCertificate, Actor, AdminSession, ApplicationInfo, KeyCredentialInfo, AccessToken,
  CertificateSigner, ObjectChange, ExportResult,
} from '../connect/index.js';
import { TenantAuthError, TenantRequestError } from '../connect/index.js';

/** Counts of the RSA operations the cycles needed, so the bench can time the same number bare. */
export const ops = { pssSign: 0, pssVerify: 0, pkcs1Sign: 0, pkcs1Verify: 0, keygen: 0 };

const b64u = (b: Buffer | string) => Buffer.from(b).toString('base64url');

/**
 * In-memory gateways that do the cryptography a real cycle needs and nothing else: the connector signs a
 * PS256 client assertion inside the key store, the tenant verifies it and signs an RS256 access token,
 * the sync endpoint verifies that token on every export call.
 */
export class MemoryKeys implements KeyStoreGateway {
  private keys = new Map<string, { cert: StoredCertificate; key: KeyObject; pub: KeyObject }>();
  tpmPresent(): boolean { return true; }
  async createManagedCertificate(o: { subject: string; notBefore: Date; notAfter: Date; useTpm: boolean }): Promise<StoredCertificate> {
    ops.keygen++;
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const der = Buffer.concat([publicKey.export({ type: 'spki', format: 'der' }), randomBytes(16)]);
    const cert: StoredCertificate = {
      der, thumbprint: createHash('sha1').update(der).digest('hex').toUpperCase(), sha256: createHash('sha256').update(der).digest('hex').toUpperCase(),
      subject: o.subject, issuer: o.subject, serialNumber: randomBytes(16).toString('hex').toUpperCase(), notBefore: o.notBefore, notAfter: o.notAfter,
      keyAlgorithm: 'RSA', keyLength: 2048, signatureHashAlgorithm: 'SHA256', hasPrivateKey: true, exportable: false,
      provider: 'Microsoft Platform Crypto Provider', tpmBacked: true, store: 'CurrentUser\\My',
    };
    this.keys.set(cert.sha256, { cert, key: privateKey, pub: publicKey });
    return cert;
  }
  publicKeyOf(sha256: string): KeyObject | undefined { return this.keys.get(sha256)?.pub; }
  findBySha256(h: string): StoredCertificate[] { const k = this.keys.get(h.toUpperCase()); return k ? [k.cert] : []; }
  findByThumbprint(t: string): StoredCertificate[] { return [...this.keys.values()].filter((k) => k.cert.thumbprint === t.toUpperCase()).map((k) => k.cert); }
  async sign(cert: StoredCertificate, data: Uint8Array, padding: 'pkcs1' | 'pss'): Promise<Uint8Array> {
    const k = this.keys.get(cert.sha256)!.key;
    if (padding === 'pss') { ops.pssSign++; return sign('sha256', data, { key: k, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }); }
    ops.pkcs1Sign++;
    return sign('sha256', data, k);
  }
  async removeCertificate(cert: StoredCertificate): Promise<void> { this.keys.delete(cert.sha256); }
}

export class MemoryTenant implements TenantGateway {
  readonly tenantDomain = 'contoso.onmicrosoft.com';
  readonly tenantId = randomUUID();
  private readonly signing = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private apps = new Map<string, { info: ApplicationInfo; keys: Map<string, KeyObject> }>();
  constructor(private readonly clock: Clock, private readonly keyStore: MemoryKeys) {}
  seededSyncAccount() { return { serverName: 'CONNECT01', userPrincipalName: `Sync_CONNECT01_0123456789ab@${this.tenantDomain}`, password: 'pw' }; }
  async signInAdmin(upn: string): Promise<AdminSession> {
    return { userPrincipalName: upn, roles: ['Hybrid Identity Administrator'], accessToken: 'admin', expiresOn: new Date(this.clock.now().getTime() + 3600_000) };
  }
  async createApplication(_a: Actor, displayName: string): Promise<ApplicationInfo> {
    const info: ApplicationInfo = { appId: randomUUID(), objectId: randomUUID(), displayName, keyCredentials: [], assignedRoles: [] };
    this.apps.set(info.appId, { info, keys: new Map() });
    return info;
  }
  async getApplication(_a: Actor, appId: string) { return this.apps.get(appId)?.info; }
  async addKeyCredential(_a: Actor, appId: string, cert: { der: Uint8Array; displayName: string }): Promise<KeyCredentialInfo> {
    const app = this.apps.get(appId)!;
    const thumb = createHash('sha1').update(cert.der).digest('hex').toUpperCase();
    const sha = createHash('sha256').update(cert.der).digest('hex').toUpperCase();
    const k: KeyCredentialInfo = { keyId: randomUUID(), thumbprint: thumb, displayName: cert.displayName, startDateTime: '', endDateTime: '' };
    app.info.keyCredentials.push(k);
    app.keys.set(thumb, this.keyStore.publicKeyOf(sha)!);
    return k;
  }
  async removeKeyCredential(_a: Actor, appId: string, keyId: string): Promise<void> {
    const app = this.apps.get(appId)!;
    const k = app.info.keyCredentials.find((x) => x.keyId === keyId);
    if (!k) throw new TenantRequestError(404, 'Request_ResourceNotFound', 'not found');
    app.info.keyCredentials = app.info.keyCredentials.filter((x) => x.keyId !== keyId);
    app.keys.delete(k.thumbprint);
  }
  async assignAppRoles(_a: Actor, appId: string, roles: { value: string }[]): Promise<void> { this.apps.get(appId)!.info.assignedRoles.push(...roles.map((r) => r.value)); }
  async upsertSyncAccount(_a: Actor, name: string) { return { userPrincipalName: `${name}@${this.tenantDomain}`, password: 'pw', created: false }; }
  async deleteUser(): Promise<boolean> { return true; }
  private mint(sub: string, roles: string[]): AccessToken {
    const exp = Math.floor(this.clock.now().getTime() / 1000) + 3599;
    const body = `${b64u(JSON.stringify({ alg: 'RS256', typ: 'JWT' }))}.${b64u(JSON.stringify({ sub, roles, exp }))}`;
    ops.pkcs1Sign++;
    return { accessToken: `${body}.${b64u(sign('sha256', Buffer.from(body), this.signing.privateKey))}`, expiresOn: new Date(exp * 1000) };
  }
  async acquireTokenWithCertificate(s: CertificateSigner): Promise<AccessToken> {
    const app = this.apps.get(s.appId);
    const pub = app?.keys.get(s.thumbprint);
    if (!app || !pub) throw new TenantAuthError(700027, 'invalid_client', 'AADSTS700027: The key was not found.');
    const assertion = Buffer.from(`${b64u('{"alg":"PS256"}')}.${b64u(JSON.stringify({ aud: 'token', iss: s.appId, jti: randomUUID() }))}`);
    const sig = await s.sign(assertion, 'pss');
    ops.pssVerify++;
    if (!verify('sha256', assertion, { key: pub, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, sig)) throw new TenantAuthError(700027, 'invalid_client', 'AADSTS700027: bad signature');
    return this.mint(s.appId, app.info.assignedRoles);
  }
  async acquireTokenWithPassword(upn: string): Promise<AccessToken> { return this.mint(upn, ['DirSync']); }
  async exportChanges(token: string, changes: ObjectChange[]): Promise<ExportResult> {
    const [h, p, s] = token.split('.');
    ops.pkcs1Verify++;
    if (!verify('sha256', Buffer.from(`${h}.${p}`), this.signing.publicKey, Buffer.from(s, 'base64url'))) throw new TenantRequestError(401, 'InvalidAuthenticationToken', 'bad token');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    if (claims.exp * 1000 <= this.clock.now().getTime()) throw new TenantRequestError(401, 'InvalidAuthenticationToken', 'expired');
    const r: ExportResult = { added: 0, updated: 0, deleted: 0, errors: [] };
    for (const c of changes) if (c.op === 'add') r.added++; else if (c.op === 'update') r.updated++; else r.deleted++;
    return r;
  }
}
