import type { OpContext } from './context.js';
import type { AccessToken, CertificateSigner, ConnectorActor, KeyStoreGateway, StoredCertificate } from './gateways.js';
import type { ApplicationCredential, CertificateRecord } from './model.js';
import { ConnectError } from './errors.js';
import { MINUTE } from './util.js';

/** A cached token is reused until five minutes before it expires (virtual time), as MSAL's cache does. */
const REFRESH_MARGIN = 5 * MINUTE;

export function certificateRecord(c: StoredCertificate, keyId: string): CertificateRecord {
  return {
    keyId, thumbprint: c.thumbprint, sha256: c.sha256, subject: c.subject, issuer: c.issuer, serialNumber: c.serialNumber,
    notBefore: c.notBefore.toISOString(), notAfter: c.notAfter.toISOString(), provider: c.provider, tpmBacked: c.tpmBacked, store: c.store,
  };
}

/** Find the stored certificate a credential names, preferring the store it was registered from. */
export function storedFor(keys: KeyStoreGateway, rec: { sha256: string; store: string }): StoredCertificate {
  const all = keys.findBySha256(rec.sha256).filter((c) => c.hasPrivateKey);
  const found = all.find((c) => c.store.toLowerCase() === rec.store.toLowerCase()) ?? all[0];
  if (!found) {
    throw new ConnectError(
      `The certificate with SHA256 hash '${rec.sha256}' used by the Microsoft Entra connector was not found in the ${rec.store} certificate store, or its private key is not accessible (Keyset does not exist).`,
      'ConnectorCertificateMissing', 'ObjectNotFound', rec.sha256);
  }
  return found;
}

export function signerFor(keys: KeyStoreGateway, appId: string, c: StoredCertificate): CertificateSigner {
  return { appId, thumbprint: c.thumbprint, sha256: c.sha256, der: c.der, sign: (data, padding) => keys.sign(c, data, padding) };
}

function subjectOf(ctx: OpContext): string {
  const c = ctx.doc.credential;
  return c.type === 'Application' ? `app:${c.appId}:${c.certificate.sha256}` : `user:${c.userPrincipalName.toLowerCase()}`;
}

/** The connector's token for the tenant: reused for its lifetime, fetched through msal-node otherwise. */
export async function connectorToken(ctx: OpContext): Promise<string> {
  const subject = subjectOf(ctx);
  const t = ctx.doc.token;
  if (t && t.subject === subject && new Date(t.expiresOn).getTime() - REFRESH_MARGIN > ctx.now.getTime()) return t.accessToken;
  ctx.doc.token = null;
  const c = ctx.doc.credential;
  const fresh: AccessToken = c.type === 'Application'
    ? await ctx.tenant.acquireTokenWithCertificate(signerFor(ctx.keys, c.appId, storedFor(ctx.keys, c.certificate)))
    : await ctx.tenant.acquireTokenWithPassword(c.userPrincipalName, c.password);
  ctx.doc.token = { subject, accessToken: fresh.accessToken, expiresOn: fresh.expiresOn.toISOString() };
  return fresh.accessToken;
}

/** Prove a new application credential works before the server switches to it. */
export async function verifyApplicationCredential(ctx: OpContext, appId: string, c: StoredCertificate): Promise<AccessToken> {
  return ctx.tenant.acquireTokenWithCertificate(signerFor(ctx.keys, appId, c));
}

export function adoptToken(ctx: OpContext, cred: ApplicationCredential, token: AccessToken): void {
  ctx.doc.token = { subject: `app:${cred.appId}:${cred.certificate.sha256}`, accessToken: token.accessToken, expiresOn: token.expiresOn.toISOString() };
}

/** The connector acting on its own behalf (automatic rotation and onboarding). */
export async function connectorActor(ctx: OpContext): Promise<ConnectorActor> {
  const accessToken = await connectorToken(ctx);
  const c = ctx.doc.credential;
  if (c.type === 'ServiceAccount') return { kind: 'connector', accessToken, userPrincipalName: c.userPrincipalName, password: c.password };
  return {
    kind: 'connector', accessToken, appObjectId: c.appObjectId,
    signer: () => {
      const cur = ctx.doc.credential as ApplicationCredential;
      return signerFor(ctx.keys, cur.appId, storedFor(ctx.keys, cur.certificate));
    },
  };
}
