import { aadPreciseTime, usDateTime } from './encoding.js';
import { aadsts } from './errors.js';
import { Directory } from './directory.js';
import { decodeJwt, publicKeyFromSpki, verifyJws } from './jwt.js';
import type { KeyCredentialRecord, TenantDoc } from './model.js';
import type { RequestContext } from './http.js';
import { clientCredentialResource } from './scopes.js';
import { ACCESS_TOKEN_SECONDS, assertionTimely } from './clock-policy.js';
import { mintAppToken } from './access-tokens.js';

export const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const LOGIN_HOSTS = new Set(['login.microsoftonline.com', 'login.windows.net', 'login.microsoft.com', 'sts.windows.net']);

/** The assertion's aud must be this tenant's token endpoint (v2 or v1), on the host the client used or Entra's. */
function audienceMatches(doc: TenantDoc, ctx: RequestContext, aud: unknown): boolean {
  const values = Array.isArray(aud) ? aud : [aud];
  return values.some((v) => {
    if (typeof v !== 'string') return false;
    let u: URL;
    try { u = new URL(v); } catch { return false; }
    if (u.protocol !== 'https:' || (u.host.toLowerCase() !== ctx.url.host.toLowerCase() && !LOGIN_HOSTS.has(u.hostname.toLowerCase()))) return false;
    const parts = u.pathname.replace(/\/+$/, '').split('/').slice(1).map((p) => p.toLowerCase());
    if (parts.length === 0 || !Directory.matchesTenant(doc, decodeURIComponent(parts[0]))) return false;
    const rest = parts.slice(1).join('/');
    return rest === 'oauth2/v2.0/token' || rest === 'oauth2/token' || rest === 'v2.0' || rest === '';
  });
}

const window = (k: KeyCredentialRecord) => ({ start: usDateTime(new Date(k.startDateTime)), end: usDateTime(new Date(k.endDateTime)) });

/**
 * Client credentials with a certificate assertion, validated in Entra's order (docs/tenant.md):
 * parameters → application → assertion → key lookup → key validity → signature → aud → sub/iss → nbf/exp
 * → service principal → resource → roles.
 */
export function clientCredentials(doc: TenantDoc, ctx: RequestContext, form: URLSearchParams, tenantSegment: string): unknown {
  const clientId = form.get('client_id');
  if (!clientId) throw aadsts.missingParameter('client_id');
  const scope = form.get('scope');
  if (!scope) throw aadsts.missingParameter('scope');
  const resourceId = clientCredentialResource(scope);
  const assertion = form.get('client_assertion');
  if (!assertion || form.get('client_assertion_type') !== JWT_BEARER) throw aadsts.credentialRequired();

  const app = Directory.app(doc, clientId);
  const sp = Directory.sp(doc, clientId);
  if (!app && !sp) throw aadsts.applicationNotFound(clientId, tenantSegment);
  if (sp && !sp.accountEnabled) throw aadsts.applicationDisabled(clientId, sp.displayName);

  const jwt = decodeJwt(assertion);
  if (!jwt || (jwt.header.alg !== 'RS256' && jwt.header.alg !== 'PS256')) throw aadsts.malformedJwt();
  const s256 = typeof jwt.header['x5t#S256'] === 'string' ? Buffer.from(jwt.header['x5t#S256'] as string, 'base64url') : undefined;
  const s1 = typeof jwt.header.x5t === 'string' ? Buffer.from(jwt.header.x5t as string, 'base64url') : undefined;
  const thumbprint = (s256 ?? s1)?.toString('hex').toUpperCase() ?? '';
  const keys = (app?.keyCredentials ?? []).filter((k) => k.usage === 'Verify' && k.type === 'AsymmetricX509Cert');
  const key = s256 ? keys.find((k) => k.sha256 === thumbprint) : s1 ? keys.find((k) => k.thumbprint === thumbprint) : undefined;
  if (!key) throw aadsts.keyNotFound(thumbprint, clientId);
  if (ctx.now.getTime() > new Date(key.endDateTime).getTime()) throw aadsts.keyExpired(thumbprint, clientId, window(key));
  if (ctx.now.getTime() < new Date(key.startDateTime).getTime()) throw aadsts.keyNotYetValid(thumbprint, clientId, window(key));
  if (!verifyJws(jwt, publicKeyFromSpki(key.spki))) throw aadsts.badSignature(thumbprint, clientId, window(key));

  const p = jwt.payload;
  if (!audienceMatches(doc, ctx, p.aud)) throw aadsts.wrongAudience();
  if (p.sub !== p.iss) throw aadsts.subjectMismatch();
  if (typeof p.iss !== 'string' || p.iss.toLowerCase() !== clientId.toLowerCase()) throw aadsts.issuerMismatch();
  const nbf = typeof p.nbf === 'number' ? p.nbf : 0;
  const exp = typeof p.exp === 'number' ? p.exp : 0;
  if (!assertionTimely(nbf, exp, ctx.realNow, ctx.now)) {
    throw aadsts.assertionTimeRange(aadPreciseTime(ctx.realNow), aadPreciseTime(new Date(nbf * 1000)), aadPreciseTime(new Date(exp * 1000)));
  }

  if (!sp) throw aadsts.servicePrincipalMissing(clientId, doc.tenantId);
  const resource = Directory.resource(doc, resourceId);
  if (!resource) throw aadsts.resourceNotFound(resourceId, tenantSegment);
  const roles = doc.appRoleAssignments
    .filter((a) => a.principalId === sp.id && a.resourceId === resource.id)
    .map((a) => resource.appRoles.find((r) => r.id === a.appRoleId && r.isEnabled)?.value)
    .filter((v): v is string => typeof v === 'string');
  const token = mintAppToken(doc, sp, resourceId.replace(/\/+$/, ''), [...new Set(roles)], ctx.now);
  return { token_type: 'Bearer', expires_in: ACCESS_TOKEN_SECONDS, ext_expires_in: ACCESS_TOKEN_SECONDS, access_token: token };
}
