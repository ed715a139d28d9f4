import { randomBytes } from 'node:crypto';
import { aadsts } from './errors.js';
import { Directory } from './directory.js';
import type { TenantDoc } from './model.js';
import type { RequestContext } from './http.js';
import { checkPassword, isPreviousPassword } from './passwords.js';
import { delegatedScopes } from './scopes.js';
import { clientInfo, mintIdToken, mintUserToken } from './access-tokens.js';
import { ACCESS_TOKEN_SECONDS } from './clock-policy.js';

/**
 * The resource-owner password grant (msal-node's deprecated acquireTokenByUsernamePassword): the emulated
 * admin sign-in and the legacy connector account. Scopes are granted as if an admin had consented
 * (docs/tenant.md); a permission the resource does not expose is 70011.
 */
export function passwordGrant(doc: TenantDoc, ctx: RequestContext, form: URLSearchParams, tenantSegment: string): unknown {
  const clientId = form.get('client_id');
  if (!clientId) throw aadsts.missingParameter('client_id');
  const username = form.get('username');
  if (!username) throw aadsts.missingParameter('username');
  const password = form.get('password');
  if (password === null || password === '') throw aadsts.missingParameter('password');
  const scope = form.get('scope');
  if (!scope) throw aadsts.missingParameter('scope');
  const { resource: resourceId, permissions } = delegatedScopes(scope);

  const client = Directory.sp(doc, clientId);
  if (!client) throw aadsts.applicationNotFound(clientId, tenantSegment);
  if (!client.accountEnabled) throw aadsts.applicationDisabled(clientId, client.displayName);
  // A tenant's own application is confidential unless it allows public client flows (isFallbackPublicClient).
  if (!client.publicClient && Directory.app(doc, clientId)?.isFallbackPublicClient !== true) throw aadsts.credentialRequired();

  const user = Directory.user(doc, username);
  if (!user) throw aadsts.userNotFound(tenantSegment);
  if (!user.accountEnabled) throw aadsts.userDisabled();
  if (!checkPassword(password, user.password)) throw isPreviousPassword(password, user) ? aadsts.oldPassword() : aadsts.invalidCredentials();

  const resource = Directory.resource(doc, resourceId);
  if (!resource) throw aadsts.resourceNotFound(resourceId, tenantSegment);
  const offered = resource.oauth2PermissionScopes.filter((s) => s.isEnabled).map((s) => s.value);
  let granted: string[];
  if (permissions.some((p) => p === '.default')) {
    granted = offered;
  } else {
    for (const p of permissions) if (!offered.some((o) => o.toLowerCase() === p.toLowerCase())) throw aadsts.invalidScope(`${resourceId}/${p}`);
    granted = offered.filter((o) => permissions.some((p) => p.toLowerCase() === o.toLowerCase()));
  }
  const audience = resourceId.replace(/\/+$/, '');
  const oidc = ['openid', 'profile', 'offline_access'].filter((s) => scope.split(/\s+/).includes(s));
  return {
    token_type: 'Bearer',
    scope: [...granted.map((g) => (resource.appId === audience ? `${audience}/${g}` : g)), ...oidc].join(' '),
    expires_in: ACCESS_TOKEN_SECONDS,
    ext_expires_in: ACCESS_TOKEN_SECONDS,
    access_token: mintUserToken(doc, user, client, audience, granted, ctx.now),
    refresh_token: `0.emulated.${randomBytes(32).toString('base64url')}`,
    id_token: mintIdToken(doc, user, clientId, ctx.origin, ctx.now),
    client_info: clientInfo(doc, user),
  };
}
