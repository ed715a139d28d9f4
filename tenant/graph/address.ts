import { graph } from '../errors.js';
import { isGuid } from '../encoding.js';

/** A parsed Graph v1.0 path: entity set, key (object id or alternate key appId), navigation, navigation key. */
export interface GraphAddress {
  set: 'applications' | 'servicePrincipals' | 'users' | 'me' | 'auditLogs';
  id?: string;
  appId?: string;
  nav?: string;
  navKey?: string;
}

const SETS: Record<string, GraphAddress['set']> = {
  applications: 'applications', serviceprincipals: 'servicePrincipals', users: 'users', me: 'me', auditlogs: 'auditLogs',
};

/**
 * Parse the path after /v1.0/. Accepts the documents' renderings too: `servicePrincipals/(appId=’…’)` with a slash
 * and typographic quotes reaches the same object as `servicePrincipals(appId='…')` (docs/tenant.md).
 */
export function parseAddress(rest: string): GraphAddress {
  let path = rest.replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'").replace(/\/+$/, '');
  path = path.replace(/^([A-Za-z]+)\/\(/, '$1(');
  const m = /^([A-Za-z]+)(?:\(\s*appId\s*=\s*'([^']*)'\s*\))?(?:\/([^/]+))?(?:\/([^/]+))?(?:\/([^/]+))?$/.exec(path);
  if (!m) throw graph.segment(path.split('/')[0] || rest);
  const set = SETS[m[1].toLowerCase()];
  if (!set) throw graph.segment(m[1]);
  const out: GraphAddress = { set };
  let parts = [m[3], m[4], m[5]].filter((p): p is string => p !== undefined);
  if (m[2] !== undefined) out.appId = m[2];
  else if (parts.length > 0 && set !== 'me' && set !== 'auditLogs') { out.id = parts[0]; parts = parts.slice(1); }
  if (set === 'auditLogs') { out.nav = parts[0]; if (parts.length > 1) throw graph.segment(parts[1]); return out; }
  if (parts.length > 0) out.nav = parts[0];
  if (parts.length > 1) out.navKey = parts[1];
  if (out.id !== undefined && set !== 'users' && !isGuid(out.id)) throw graph.invalidId(out.id);
  if (out.appId !== undefined && !isGuid(out.appId)) throw graph.invalidId(out.appId);
  return out;
}
