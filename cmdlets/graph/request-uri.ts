/** Where an Invoke-MgGraphRequest -Uri points, against the session's Graph host. */
export type ResolvedUri = { ok: true; url: string; display: string } | { ok: false; host: string };

const GRAPH_HOSTS = new Set(['graph.microsoft.com']);

/**
 * Relative URIs: '/v1.0/…' and '/beta/…' as given; without a version segment ('/servicePrincipals/…', as the
 * documents and Graph Explorer write them) v1.0 is assumed. Absolute URIs must name Graph (or the served tenant).
 * No parsing through URL: the documents' typographic quotes reach the tenant as typed.
 */
export function resolveGraphUri(uri: string, graphHost: string): ResolvedUri {
  const base = graphHost.replace(/\/+$/, '');
  const abs = /^https?:\/\/([^/?#]+)(.*)$/i.exec(uri.trim());
  if (abs) {
    const host = abs[1]!.toLowerCase();
    const servedHost = /^https?:\/\/([^/]+)/i.exec(base)?.[1]?.toLowerCase();
    if (!GRAPH_HOSTS.has(host.replace(/:443$/, '')) && host !== servedHost) return { ok: false, host: abs[1]! };
    const path = abs[2] || '/';
    return { ok: true, url: base + path, display: `https://${abs[1]}${path}` };
  }
  let path = uri.trim();
  if (!path.startsWith('/')) path = '/' + path;
  if (!/^\/(v1\.0|beta)(\/|$|\?)/i.test(path)) path = '/v1.0' + path;
  return { ok: true, url: base + path, display: `https://graph.microsoft.com${path}` };
}

/** A dictionary -Body on GET becomes the query string, appended to any query the URI has. */
export function withQuery(url: string, params: [string, unknown][]): string {
  if (params.length === 0) return url;
  const q = params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`).join('&');
  return url + (url.includes('?') ? '&' : '?') + q;
}
