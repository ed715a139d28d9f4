import { aadsts } from './errors.js';
import { APP_ID, OIDC_SCOPES } from './well-known.js';

/** The resource a scope names and the permission part: 'https://graph.microsoft.com/.default' → resource + '.default'. */
export interface ParsedScope { resource: string; permission: string; raw: string }

export function splitScope(raw: string): ParsedScope {
  const cut = raw.lastIndexOf('/');
  // A bare permission ('User.Read') belongs to Microsoft Graph, as Entra assumes.
  if (cut <= 0) return { resource: 'https://graph.microsoft.com', permission: raw, raw };
  return { resource: raw.slice(0, cut), permission: raw.slice(cut + 1), raw };
}

export const scopeList = (param: string): string[] => param.split(/\s+/).filter((s) => s.length > 0);

/** Client-credential scopes: each must be '<resource>/.default' (1002012), all for one resource (700022). */
export function clientCredentialResource(param: string): string {
  const scopes = scopeList(param).filter((s) => !OIDC_SCOPES.has(s.toLowerCase()));
  if (scopes.length === 0) throw aadsts.missingParameter('scope');
  for (const s of scopes) if (!s.toLowerCase().endsWith('/.default')) throw aadsts.scopeNotDefault(s);
  const resources = new Set(scopes.map((s) => splitScope(s).resource.toLowerCase().replace(/\/+$/, '')));
  if (resources.size > 1) throw aadsts.multipleResources(param);
  return splitScope(scopes[0]).resource;
}

/** Delegated scopes: OIDC ones aside, one resource (Graph when none is named). */
export function delegatedScopes(param: string): { resource: string; permissions: string[] } {
  const scopes = scopeList(param).filter((s) => !OIDC_SCOPES.has(s.toLowerCase()));
  if (scopes.length === 0) return { resource: 'https://graph.microsoft.com', permissions: ['User.Read'] };
  const parsed = scopes.map(splitScope);
  const resources = new Set(parsed.map((p) => (p.resource.toLowerCase() === APP_ID.graph ? 'https://graph.microsoft.com' : p.resource.toLowerCase().replace(/\/+$/, ''))));
  if (resources.size > 1) throw aadsts.multipleResources(param);
  return { resource: parsed[0].resource, permissions: parsed.map((p) => p.permission) };
}
