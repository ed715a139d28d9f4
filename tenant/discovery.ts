import type { TenantDoc } from './model.js';
import type { RequestContext } from './http.js';
import { jwks } from './signing-key.js';

/** The OpenID configuration msal-node fetches ({authority}v2.0/.well-known/openid-configuration). */
export function openidConfiguration(doc: TenantDoc, ctx: RequestContext, tenantSegment: string, v2: boolean): unknown {
  const o = ctx.origin;
  const t = tenantSegment.toLowerCase();
  const v = v2 ? '/v2.0' : '';
  return {
    token_endpoint: v2 ? `${o}/${t}/oauth2/v2.0/token` : `${o}/${t}/oauth2/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${o}/${t}/discovery${v}/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: v2 ? `${o}/${doc.tenantId}/v2.0` : `https://sts.windows.net/${doc.tenantId}/`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: 'https://graph.microsoft.com/oidc/userinfo',
    authorization_endpoint: `${o}/${t}/oauth2${v}/authorize`,
    device_authorization_endpoint: `${o}/${t}/oauth2${v}/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${o}/${t}/oauth2${v}/logout`,
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'at_hash', 'c_hash', 'email'],
    kerberos_endpoint: `${o}/${t}/kerberos`,
    tenant_region_scope: 'EU',
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
    rbac_url: 'https://pas.windows.net',
  };
}

/** Instance discovery: the authority's own host is its only alias, next to Entra's public cloud. */
export function instanceDiscovery(ctx: RequestContext): unknown {
  let host = ctx.url.host;
  let tenant = 'common';
  const endpoint = ctx.url.searchParams.get('authorization_endpoint');
  if (endpoint) {
    try {
      const u = new URL(endpoint);
      host = u.host;
      tenant = u.pathname.split('/')[1] || 'common';
    } catch { /* fall back to the host asked */ }
  }
  const ms = ['login.microsoftonline.com', 'login.windows.net', 'login.microsoft.com', 'sts.windows.net'];
  const metadata = [{ preferred_network: 'login.microsoftonline.com', preferred_cache: 'login.windows.net', aliases: ms }];
  if (!ms.includes(host.toLowerCase())) metadata.push({ preferred_network: host, preferred_cache: host, aliases: [host] });
  return {
    tenant_discovery_endpoint: `https://${host}/${tenant}/v2.0/.well-known/openid-configuration`,
    'api-version': '1.1',
    metadata,
  };
}

export function keys(doc: TenantDoc, ctx: RequestContext): unknown {
  return jwks(doc.signingKey, `${ctx.origin}/${doc.tenantId}/v2.0`);
}
