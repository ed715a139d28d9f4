import { randomUUID } from 'node:crypto';
import { b64url } from './encoding.js';
import { decodeJwt, signRs256, verifyJws } from './jwt.js';
import type { ServicePrincipalRecord, TenantDoc, UserRecord } from './model.js';
import { signingKeyObjects } from './signing-key.js';
import { ACCESS_TOKEN_SECONDS, SKEW_SECONDS } from './clock-policy.js';

const secs = (d: Date) => Math.floor(d.getTime() / 1000);
// randomUUID draws from a pooled entropy cache: cheaper than randomBytes on the per-token path.
const uti = () => Buffer.from(randomUUID().replace(/-/g, ''), 'hex').toString('base64url');

function sign(doc: TenantDoc, payload: Record<string, unknown>): string {
  return signRs256({ typ: 'JWT', alg: 'RS256', x5t: doc.signingKey.kid, kid: doc.signingKey.kid }, payload, signingKeyObjects(doc.signingKey).priv);
}

/** An app-only access token (client credentials): v1.0 shape as Graph tokens have, `roles` from appRoleAssignments. */
export function mintAppToken(doc: TenantDoc, client: ServicePrincipalRecord, audience: string, roles: string[], now: Date): string {
  const iat = secs(now);
  const payload: Record<string, unknown> = {
    aud: audience, iss: `https://sts.windows.net/${doc.tenantId}/`, iat, nbf: iat, exp: iat + ACCESS_TOKEN_SECONDS,
    aio: uti() + uti(), app_displayname: client.displayName, appid: client.appId, appidacr: '2', idp: `https://sts.windows.net/${doc.tenantId}/`,
    idtyp: 'app', oid: client.id, rh: '0.emulated', sub: client.id, tid: doc.tenantId, uti: uti(), ver: '1.0',
  };
  if (roles.length > 0) payload.roles = roles;
  return sign(doc, payload);
}

/** A delegated access token (password grant): `scp` from the scopes granted, `wids` from the user's directory roles. */
export function mintUserToken(doc: TenantDoc, user: UserRecord, client: ServicePrincipalRecord, audience: string, scopes: string[], now: Date): string {
  const iat = secs(now);
  return sign(doc, {
    aud: audience, iss: `https://sts.windows.net/${doc.tenantId}/`, iat, nbf: iat, exp: iat + ACCESS_TOKEN_SECONDS,
    acct: 0, acr: '1', amr: ['pwd'], app_displayname: client.displayName, appid: client.appId, appidacr: '0',
    family_name: user.surname ?? undefined, given_name: user.givenName ?? undefined, idtyp: 'user', name: user.displayName,
    oid: user.id, scp: scopes.join(' '), sub: b64url(Buffer.from(`${user.id}|${client.appId}`)).slice(0, 43), tid: doc.tenantId,
    unique_name: user.userPrincipalName, upn: user.userPrincipalName, uti: uti(), ver: '1.0', wids: user.roles,
  });
}

export function mintIdToken(doc: TenantDoc, user: UserRecord, clientId: string, origin: string, now: Date): string {
  const iat = secs(now);
  return sign(doc, {
    aud: clientId, iss: `${origin}/${doc.tenantId}/v2.0`, iat, nbf: iat, exp: iat + ACCESS_TOKEN_SECONDS,
    name: user.displayName, oid: user.id, preferred_username: user.userPrincipalName, sub: user.id, tid: doc.tenantId, ver: '2.0',
  });
}

export const clientInfo = (doc: TenantDoc, user: UserRecord): string => b64url(JSON.stringify({ uid: user.id, utid: doc.tenantId }));

export type TokenCheck =
  | { ok: true; claims: Record<string, unknown> }
  | { ok: false; reason: 'malformed' | 'invalid' | 'expired' | 'audience' };

/** Tokens whose signature was verified, by token, with the signing key that verified them. */
const verified = new Map<string, { kid: string; claims: Record<string, unknown> }>();

/** Validate a bearer token the tenant issued: signature, tenant, audience, lifetime (virtual clock). */
export function checkAccessToken(doc: TenantDoc, token: string, audiences: (aud: string) => boolean, now: Date): TokenCheck {
  const hit = verified.get(token);
  let claims = hit?.kid === doc.signingKey.kid ? hit.claims : undefined;
  if (!claims) {
    const jwt = decodeJwt(token);
    if (!jwt) return { ok: false, reason: 'malformed' };
    if (jwt.header.alg !== 'RS256' || jwt.header.kid !== doc.signingKey.kid || !verifyJws(jwt, signingKeyObjects(doc.signingKey).pub)) return { ok: false, reason: 'invalid' };
    claims = jwt.payload;
    if (verified.size > 5000) verified.clear();
    verified.set(token, { kid: doc.signingKey.kid, claims });
  }
  if (claims.tid !== doc.tenantId) return { ok: false, reason: 'invalid' };
  const t = secs(now);
  if (typeof claims.exp !== 'number' || t - SKEW_SECONDS >= claims.exp) return { ok: false, reason: 'expired' };
  if (typeof claims.nbf === 'number' && t + SKEW_SECONDS < claims.nbf) return { ok: false, reason: 'invalid' };
  if (typeof claims.aud !== 'string' || !audiences(claims.aud)) return { ok: false, reason: 'audience' };
  return { ok: true, claims };
}
