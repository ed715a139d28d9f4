import { createHash } from 'node:crypto';
import {
  acquireAppToken, acquireUserToken, tenantRequest, exportChanges as postExport, SYNC_SCOPE, APP_ID, APP_ROLE, ROLE_NAMES,
  DEFAULT_PASSWORD, serviceAccountUpn, type TenantConnection, type RawResponse,
} from '../../tenant/index.js';
import type { Clock } from '../../state/index.js';
import type {
  TenantGateway, Actor, ConnectorActor, AdminSession, ApplicationInfo, KeyCredentialInfo, CertificateUpload, AccessToken, CertificateSigner,
  ObjectChange, ExportResult,
} from '../gateways.js';
import { ConnectError, TenantAuthError, TenantRequestError, TenantUnreachableError } from '../errors.js';

const GRAPH = 'https://graph.microsoft.com';
/** What the Connect wizard's admin sign-in asks Graph for (Directory.AccessAsUser.All covers the sync API's account calls). */
const ADMIN_SCOPES = [`${GRAPH}/Application.ReadWrite.All`, `${GRAPH}/AppRoleAssignment.ReadWrite.All`, `${GRAPH}/Directory.AccessAsUser.All`];
const ROLE_VALUES: Record<string, string> = {
  [APP_ROLE.adSyncReadWriteAll]: 'ADSynchronization.ReadWrite.All',
  [APP_ROLE.pwOffboardClient]: 'PasswordWriteback.OffboardClient.All',
  [APP_ROLE.pwRegisterClientVersion]: 'PasswordWriteback.RegisterClientVersion.All',
  [APP_ROLE.pwRefreshClient]: 'PasswordWriteback.RefreshClient.All',
};

interface ProvisionedApp {
  id: string; appId: string; displayName: string; assignedRoles: string[]; addedKeyId?: string | null;
  keyCredentials: { keyId: string; thumbprint: string; displayName: string | null; startDateTime: string; endDateTime: string; provisioned?: boolean }[];
}

const b64url = (b: Uint8Array | string) => Buffer.from(b).toString('base64url');

function claims(jwt: string): Record<string, unknown> {
  try { return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')); } catch { return {}; }
}

/** The token's own exp (virtual time, as the tenant stamped it): msal's expiresOn is computed on the real clock. */
function tokenOf(accessToken: string): AccessToken {
  const exp = claims(accessToken).exp;
  return { accessToken, expiresOn: new Date(typeof exp === 'number' ? exp * 1000 : Date.now() + 3599_000) };
}

/** msal-node errors carry the tenant's AADSTS text; keep its code, OAuth error and description. */
function authError(e: unknown): Error {
  const err = e as { errorCode?: string; errorMessage?: string; message?: string };
  const text = err.errorMessage || err.message || String(e);
  const m = /AADSTS(\d+)/.exec(text);
  if (!m) return e instanceof Error ? e : new Error(text);
  const description = text.slice(text.indexOf('AADSTS')).split(/\r?\n/)[0].trim();
  return new TenantAuthError(Number(m[1]), err.errorCode ?? 'invalid_request', description);
}

function fail(r: RawResponse): TenantRequestError {
  const b = r.body as { error?: { code?: string; message?: string } } | null;
  return new TenantRequestError(r.status, b?.error?.code ?? `Http${r.status}`, b?.error?.message ?? `The tenant answered ${r.status}.`);
}

/**
 * The server's side of the tenant: every token through msal-node (a clientAssertion callback signing inside the
 * key provider for Application; username/password for the legacy account and the admin sign-in), every change through
 * Graph and the sync API. Works over the in-process transport and over a served tenant alike.
 */
export class MsalTenantGateway implements TenantGateway {
  readonly tenantId: string;
  constructor(
    private readonly conn: TenantConnection,
    private readonly clock: Clock,
    private readonly o: { tenantDomain: string; serverName?: string; serviceAccountPassword?: string },
  ) { this.tenantId = conn.tenantId; }

  get tenantDomain(): string { return this.o.tenantDomain; }

  seededSyncAccount() {
    const serverName = this.o.serverName ?? 'CONNECT01';
    return { serverName, userPrincipalName: serviceAccountUpn(serverName, this.tenantId, this.tenantDomain), password: this.o.serviceAccountPassword ?? DEFAULT_PASSWORD };
  }

  private async call(token: string, method: string, path: string, body?: unknown): Promise<RawResponse> {
    let r: RawResponse;
    try { r = await tenantRequest(this.conn, token, method, path, body); } catch (e) { throw new TenantUnreachableError((e as Error).message); }
    if (r.status >= 400) throw fail(r);
    return r;
  }

  async signInAdmin(upn: string, password: string): Promise<AdminSession> {
    let t;
    try { t = await acquireUserToken(this.conn, upn, password, ADMIN_SCOPES, APP_ID.entraConnect); } catch (e) { throw authError(e); }
    const c = claims(t.accessToken);
    const wids = Array.isArray(c.wids) ? (c.wids as string[]) : [];
    const tok = tokenOf(t.accessToken);
    return { userPrincipalName: typeof c.upn === 'string' ? c.upn : upn, roles: wids.map((w) => ROLE_NAMES[w] ?? w), accessToken: tok.accessToken, expiresOn: tok.expiresOn };
  }

  /** Graph token of whoever acts: the admin's session, or the connector's own identity (app token / legacy user). */
  private async graphToken(actor: Actor): Promise<string> {
    if (actor.kind === 'admin') return actor.session.accessToken;
    if (actor.signer) {
      const s = actor.signer();
      return this.appToken(s, `${GRAPH}/.default`).then((t) => t.accessToken);
    }
    if (actor.userPrincipalName && actor.password !== undefined) {
      try { return (await acquireUserToken(this.conn, actor.userPrincipalName, actor.password, [`${GRAPH}/Application.ReadWrite.All`], APP_ID.entraConnect)).accessToken; } catch (e) { throw authError(e); }
    }
    return actor.accessToken;
  }

  private appPath(appId: string): string { return `/v1.0/applications(appId='${appId}')`; }

  /**
   * The legacy connector (automatic onboarding) has no Graph rights: its backend provisioning goes through the
   * tenant's sync API route, with its own sync token (docs/connect.md). Admins and applications keep using Graph.
   */
  private static legacy(actor: Actor): ConnectorActor | undefined { return actor.kind === 'connector' && !actor.signer ? actor : undefined; }
  private get provisioningPath(): string { return `/syncapi/v1.0/${this.tenantId}/applicationProvisioning`; }

  private async provision(actor: ConnectorActor, body: Record<string, unknown>): Promise<ProvisionedApp> {
    return (await this.call(actor.accessToken, 'POST', this.provisioningPath, body)).body as ProvisionedApp;
  }

  private static info(p: ProvisionedApp): ApplicationInfo {
    return {
      appId: p.appId, objectId: p.id, displayName: p.displayName, assignedRoles: p.assignedRoles,
      keyCredentials: p.keyCredentials.map((k) => ({ keyId: k.keyId, thumbprint: k.thumbprint.toUpperCase(), displayName: k.displayName ?? '', startDateTime: k.startDateTime, endDateTime: k.endDateTime, provisionedByConnector: k.provisioned === true })),
    };
  }

  async createApplication(actor: Actor, displayName: string): Promise<ApplicationInfo> {
    const legacy = MsalTenantGateway.legacy(actor);
    if (legacy) return MsalTenantGateway.info(await this.provision(legacy, { displayName }));
    const token = await this.graphToken(actor);
    const app = (await this.call(token, 'POST', '/v1.0/applications', { displayName, signInAudience: 'AzureADMyOrg' })).body as { id: string; appId: string; displayName: string };
    await this.call(token, 'POST', '/v1.0/servicePrincipals', { appId: app.appId });
    return { appId: app.appId, objectId: app.id, displayName: app.displayName, keyCredentials: [], assignedRoles: [] };
  }

  async getApplication(actor: Actor, appId: string): Promise<ApplicationInfo | undefined> {
    const legacy = MsalTenantGateway.legacy(actor);
    if (legacy) {
      try { return MsalTenantGateway.info((await this.call(legacy.accessToken, 'GET', `${this.provisioningPath}/${appId}`)).body as ProvisionedApp); }
      catch (e) { if (e instanceof TenantRequestError && e.status === 404) return undefined; throw e; }
    }
    const token = await this.graphToken(actor);
    let app;
    try { app = (await this.call(token, 'GET', this.appPath(appId))).body as { id: string; appId: string; displayName: string; keyCredentials: { keyId: string; customKeyIdentifier: string | null; displayName: string | null; startDateTime: string; endDateTime: string }[] }; }
    catch (e) { if (e instanceof TenantRequestError && e.status === 404) return undefined; throw e; }
    let assigned: string[] = [];
    try {
      const r = await this.call(token, 'GET', `/v1.0/servicePrincipals(appId='${appId}')/appRoleAssignments`);
      assigned = ((r.body as { value: { appRoleId: string }[] }).value ?? []).map((a) => ROLE_VALUES[a.appRoleId] ?? a.appRoleId);
    } catch (e) { if (!(e instanceof TenantRequestError && e.status === 404)) throw e; }
    const keys = await this.keysWithThumbprints(token, appId, app.keyCredentials);
    return { appId: app.appId, objectId: app.id, displayName: app.displayName, keyCredentials: keys, assignedRoles: assigned };
  }

  /** customKeyIdentifier's encoding is the tenant's choice: derive the thumbprint from the certificate itself. */
  private async keysWithThumbprints(token: string, appId: string, listed: { keyId: string; displayName: string | null; startDateTime: string; endDateTime: string }[]): Promise<KeyCredentialInfo[]> {
    const full = await this.fullKeys(token, appId);
    return listed.map((k) => {
      const der = full.find((f) => f.keyId === k.keyId)?.key;
      return { keyId: k.keyId, displayName: k.displayName ?? '', startDateTime: k.startDateTime, endDateTime: k.endDateTime,
        thumbprint: der ? createHash('sha1').update(Buffer.from(der, 'base64')).digest('hex').toUpperCase() : '' };
    });
  }

  private async fullKeys(token: string, appId: string): Promise<{ keyId: string; key: string; type: string; usage: string; displayName: string | null; startDateTime: string; endDateTime: string; customKeyIdentifier: string | null }[]> {
    const r = await this.call(token, 'GET', `${this.appPath(appId)}?$select=id,keyCredentials`);
    return (r.body as { keyCredentials: never[] }).keyCredentials ?? [];
  }

  async addKeyCredential(actor: Actor, appId: string, cert: CertificateUpload): Promise<KeyCredentialInfo> {
    const thumbprint = createHash('sha1').update(cert.der).digest('hex').toUpperCase();
    const key = Buffer.from(cert.der).toString('base64');
    const legacy = MsalTenantGateway.legacy(actor);
    if (legacy) {
      const p = await this.provision(legacy, { appId, keyCredential: { type: 'AsymmetricX509Cert', usage: 'Verify', key, displayName: cert.displayName } });
      const k = p.keyCredentials.find((x) => x.keyId === p.addedKeyId);
      if (!k) throw new ConnectError(`The certificate ${thumbprint} was not added to application ${appId}.`, 'KeyCredentialNotAdded', 'InvalidResult');
      return { keyId: k.keyId, thumbprint, displayName: k.displayName ?? cert.displayName, startDateTime: k.startDateTime, endDateTime: k.endDateTime };
    }
    if (actor.kind === 'connector' && actor.signer && actor.appObjectId) {
      // An application rolls its own keys with addKey and a proof signed by its current certificate (no permission needed).
      const s = actor.signer();
      const token = await this.graphToken(actor);
      const r = await this.call(token, 'POST', `${this.appPath(appId)}/addKey`, {
        keyCredential: { type: 'AsymmetricX509Cert', usage: 'Verify', key, displayName: cert.displayName }, passwordCredential: null,
        proof: await this.proof(s, actor.appObjectId),
      });
      const k = r.body as { keyId: string; displayName: string | null; startDateTime: string; endDateTime: string };
      return { keyId: k.keyId, thumbprint, displayName: k.displayName ?? cert.displayName, startDateTime: k.startDateTime, endDateTime: k.endDateTime };
    }
    const token = await this.graphToken(actor);
    const existing = await this.fullKeys(token, appId);
    const keep = existing.map((k) => ({ keyId: k.keyId, type: k.type, usage: k.usage, key: k.key, displayName: k.displayName, customKeyIdentifier: k.customKeyIdentifier, startDateTime: k.startDateTime, endDateTime: k.endDateTime }));
    await this.call(token, 'PATCH', this.appPath(appId), { keyCredentials: [...keep, { type: 'AsymmetricX509Cert', usage: 'Verify', key, displayName: cert.displayName }] });
    const after = await this.fullKeys(token, appId);
    const added = after.find((k) => !existing.some((e) => e.keyId === k.keyId) && createHash('sha1').update(Buffer.from(k.key, 'base64')).digest('hex').toUpperCase() === thumbprint);
    if (!added) throw new ConnectError(`The certificate ${thumbprint} was not added to application ${appId}.`, 'KeyCredentialNotAdded', 'InvalidResult');
    return { keyId: added.keyId, thumbprint, displayName: added.displayName ?? '', startDateTime: added.startDateTime, endDateTime: added.endDateTime };
  }

  async removeKeyCredential(actor: Actor, appId: string, keyId: string): Promise<void> {
    const legacy = MsalTenantGateway.legacy(actor);
    if (legacy) {
      // Undoing a failed switch: the route removes a key it provisioned for this server (audited), no proof needed.
      await this.provision(legacy, { appId, removeKeyId: keyId });
      return;
    }
    const token = await this.graphToken(actor);
    if (actor.kind === 'connector' && actor.signer && actor.appObjectId) {
      await this.call(token, 'POST', `${this.appPath(appId)}/removeKey`, { keyId, proof: await this.proof(actor.signer(), actor.appObjectId) });
      return;
    }
    const existing = await this.fullKeys(token, appId);
    if (!existing.some((k) => k.keyId === keyId)) throw new TenantRequestError(404, 'Request_ResourceNotFound', `Resource '${keyId}' does not exist or one of its queried reference-property objects are not present.`);
    const keep = existing.filter((k) => k.keyId !== keyId).map((k) => ({ keyId: k.keyId, type: k.type, usage: k.usage, key: k.key, displayName: k.displayName, customKeyIdentifier: k.customKeyIdentifier, startDateTime: k.startDateTime, endDateTime: k.endDateTime }));
    await this.call(token, 'PATCH', this.appPath(appId), { keyCredentials: keep });
  }

  /** The addKey/removeKey proof of possession: aud Azure AD Graph, iss the application's object id, 10 minutes. */
  private async proof(s: CertificateSigner, appObjectId: string): Promise<string> {
    const nbf = Math.floor(this.clock.now().getTime() / 1000);
    const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', x5t: b64url(Buffer.from(s.thumbprint, 'hex')) }));
    const payload = b64url(JSON.stringify({ aud: APP_ID.aadGraph, iss: appObjectId, nbf, exp: nbf + 600 }));
    const sig = await s.sign(Buffer.from(`${header}.${payload}`), 'pkcs1');
    return `${header}.${payload}.${b64url(sig)}`;
  }

  async assignAppRoles(actor: Actor, appId: string, roles: { resourceAppId: string; value: string }[]): Promise<void> {
    const legacy = MsalTenantGateway.legacy(actor);
    if (legacy) {
      // The route assigns exactly the interactive path's set: the sync role, plus the writeback roles when asked.
      await this.provision(legacy, { appId, passwordWriteback: roles.some((r) => r.resourceAppId === APP_ID.passwordReset) });
      return;
    }
    const token = await this.graphToken(actor);
    const client = (await this.call(token, 'GET', `/v1.0/servicePrincipals(appId='${appId}')?$select=id`)).body as { id: string };
    for (const role of roles) {
      let res: { id: string; appRoles: { id: string; value: string }[] };
      try { res = (await this.call(token, 'GET', `/v1.0/servicePrincipals(appId='${role.resourceAppId}')?$select=id,appRoles`)).body as typeof res; }
      catch (e) {
        // The password reset service principal "might not exist in the tenant" (seed 001): nothing to assign then.
        if (e instanceof TenantRequestError && e.status === 404 && role.resourceAppId === APP_ID.passwordReset) continue;
        throw e;
      }
      const appRole = res.appRoles.find((r) => r.value === role.value);
      if (!appRole) continue;
      await this.call(token, 'POST', `/v1.0/servicePrincipals/${client.id}/appRoleAssignments`, { principalId: client.id, resourceId: res.id, appRoleId: appRole.id });
    }
  }

  /**
   * Add-ADSyncAADServiceAccount: reset the password of the existing Sync_<SERVER>_<hex> account through the sync
   * API (same object, same role, no 15-minute wait), or create the account when it does not exist (it then waits
   * its 15 minutes like any new account). The tenant creates connector accounts by server name.
   */
  async upsertSyncAccount(actor: Actor, name: string): Promise<{ userPrincipalName: string; password: string; created: boolean }> {
    const m = /^Sync_([A-Za-z0-9-]{1,15})(_[0-9a-f]{12})?$/i.exec(name);
    if (!m) throw new ConnectError(`The emulated tenant creates connector accounts named Sync_<SERVER>_<id>; '${name}' cannot be created.`, 'UnsupportedServiceAccountName', 'InvalidArgument', name);
    const token = await this.graphToken(actor);
    const base = `/syncapi/v1.0/${this.tenantId}/serviceAccounts`;
    const upn = serviceAccountUpn(m[1], this.tenantId, this.tenantDomain);
    try {
      const reset = (await this.call(token, 'POST', `${base}/${encodeURIComponent(upn.split('@')[0])}/resetPassword`)).body as { userPrincipalName: string; password: string };
      return { userPrincipalName: reset.userPrincipalName, password: reset.password, created: false };
    } catch (e) { if (!(e instanceof TenantRequestError && e.status === 404)) throw e; }
    const r = (await this.call(token, 'POST', base, { serverName: m[1] })).body as { userPrincipalName: string; password: string };
    return { userPrincipalName: r.userPrincipalName, password: r.password, created: true };
  }

  async deleteUser(actor: Actor, upn: string): Promise<boolean> {
    const token = await this.graphToken(actor);
    try { await this.call(token, 'DELETE', `/syncapi/v1.0/${this.tenantId}/serviceAccounts/${encodeURIComponent(upn.split('@')[0])}`); return true; }
    catch (e) { if (e instanceof TenantRequestError && e.status === 404) return false; throw e; }
  }

  private async appToken(s: CertificateSigner, scope: string): Promise<AccessToken> {
    try {
      const t = await acquireAppToken(this.conn, {
        clientId: s.appId, clock: this.clock,
        signer: { alg: 'PS256', thumbprint: s.sha256, sign: (data) => s.sign(data, 'pss') },
      }, scope, true);
      return tokenOf(t.accessToken);
    } catch (e) { throw authError(e); }
  }

  acquireTokenWithCertificate(s: CertificateSigner): Promise<AccessToken> { return this.appToken(s, SYNC_SCOPE); }

  async acquireTokenWithPassword(upn: string, password: string): Promise<AccessToken> {
    try { return tokenOf((await acquireUserToken(this.conn, upn, password, [SYNC_SCOPE], APP_ID.entraConnect)).accessToken); } catch (e) { throw authError(e); }
  }

  async exportChanges(accessToken: string, changes: ObjectChange[]): Promise<ExportResult> {
    let r: RawResponse;
    try {
      r = await postExport(this.conn, accessToken, changes.map((c) => ({ sourceAnchor: c.anchor, operation: c.op, objectType: c.objectType, attributes: c.attributes })));
    } catch (e) { throw new TenantUnreachableError((e as Error).message); }
    if (r.status >= 400) throw fail(r);
    const out: ExportResult = { added: 0, updated: 0, deleted: 0, errors: [] };
    const results = (r.body as { results?: { sourceAnchor: string | null; status: string; error?: string }[] }).results ?? [];
    results.forEach((x, i) => {
      const c = changes[i];
      if (x.status === 'error') out.errors.push({ anchor: x.sourceAnchor ?? c.anchor, code: 'DataValidationFailed', message: x.error ?? 'export failed' });
      else if (c.op === 'add') out.added++; else if (c.op === 'update') out.updated++; else out.deleted++;
    });
    return out;
  }
}
