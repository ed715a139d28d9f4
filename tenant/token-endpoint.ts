import { aadsts } from './errors.js';
import { json, type RequestContext, type TenantResponse } from './http.js';
import type { TenantDoc } from './model.js';
import { clientCredentials } from './client-credentials.js';
import { passwordGrant } from './password-grant.js';

const NO_STORE = { 'cache-control': 'no-store, no-cache', pragma: 'no-cache' };

/** The form body: only application/x-www-form-urlencoded is read, as Entra does (anything else has no parameters). */
export function formBody(ctx: RequestContext): URLSearchParams {
  const type = (ctx.headers['content-type'] ?? '').toLowerCase();
  if (!type.includes('application/x-www-form-urlencoded')) return new URLSearchParams();
  return new URLSearchParams(ctx.bodyText);
}

/** POST /{tenant}/oauth2/v2.0/token (and the v1 path): tenant and method were checked by the router. */
export function tokenEndpoint(doc: TenantDoc, ctx: RequestContext, tenantSegment: string): TenantResponse {
  if (ctx.method !== 'POST') throw aadsts.postOnly(ctx.method);
  if (doc.faults.tokenEndpoint) throw aadsts.unavailable();
  const form = formBody(ctx);
  const grant = form.get('grant_type');
  if (!grant) throw aadsts.missingParameter('grant_type');
  if (grant === 'client_credentials') return json(200, clientCredentials(doc, ctx, form, tenantSegment), NO_STORE);
  if (grant === 'password') return json(200, passwordGrant(doc, ctx, form, tenantSegment), NO_STORE);
  throw aadsts.unsupportedGrantType(grant);
}
