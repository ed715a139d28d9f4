/**
 * System.Uri as `[uri]'https://...'` makes it: an object with .NET's properties (in the order pwsh lists
 * them) whose string form is the canonical URI. A string that is not an absolute URI stays a string.
 */
import { PSObject } from './psobject.js';

const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443, ftp: 21, ws: 80, wss: 443, ldap: 389, mailto: 25, news: 119, nntp: 119, gopher: 70, telnet: 23 };

export const URI_TYPE = 'System.Uri';

export function isUri(v: unknown): v is PSObject {
  return v instanceof PSObject && v.typeNames[0] === URI_TYPE;
}

function hostNameType(host: string): string {
  if (host.startsWith('[')) return 'IPv6';
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return 'IPv4';
  if (host === '') return 'Basic';
  return 'Dns';
}

/** The Uri for an absolute URI string, or undefined when the text is not one. */
export function parseUri(text: string): PSObject | undefined {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text.trim())) return undefined;
  let u: URL;
  try { u = new URL(text.trim()); } catch { return undefined; }
  const scheme = u.protocol.replace(/:$/, '');
  const port = u.port ? Number(u.port) : DEFAULT_PORTS[scheme] ?? -1;
  const host = u.hostname;
  const isFile = scheme === 'file';
  const pathname = u.pathname;
  const absoluteUri = u.href;
  const segments = pathname === '' ? [] : pathname.match(/[^/]*\/|[^/]+$/g) ?? [];
  let localPath = pathname;
  try { localPath = decodeURIComponent(pathname); } catch { /* keep the escaped form */ }
  const o = PSObject.typed(URI_TYPE);
  const add = (name: string, value: unknown, typeName: string) => o.addGetter(name, () => value, typeName);
  add('AbsolutePath', pathname, 'string');
  add('AbsoluteUri', absoluteUri, 'string');
  add('LocalPath', localPath, 'string');
  add('Authority', u.port ? `${host}:${u.port}` : host, 'string');
  add('HostNameType', hostNameType(host), 'System.UriHostNameType');
  add('IsDefaultPort', u.port === '', 'bool');
  add('IsFile', isFile, 'bool');
  add('IsLoopback', host === 'localhost' || /^127\./.test(host) || host === '[::1]' || (isFile && host === ''), 'bool');
  add('PathAndQuery', pathname + u.search, 'string');
  add('Segments', segments, 'string[]');
  add('IsUnc', isFile && host !== '', 'bool');
  add('Host', host, 'string');
  add('Port', port, 'int');
  add('Query', u.search, 'string');
  add('Fragment', u.hash, 'string');
  add('Scheme', scheme, 'string');
  add('OriginalString', text, 'string');
  add('DnsSafeHost', host.replace(/^\[|\]$/g, ''), 'string');
  add('IdnHost', host, 'string');
  add('IsAbsoluteUri', true, 'bool');
  add('UserEscaped', false, 'bool');
  add('UserInfo', u.username ? (u.password ? `${u.username}:${u.password}` : u.username) : '', 'string');
  // Uri.ToString(): the canonical form, unescaped.
  let shown = absoluteUri;
  try { shown = decodeURI(absoluteUri); } catch { /* keep it */ }
  o.toStringImpl = () => shown;
  // JavaScript's String(uri) (cmdlets that take a [uri] and want its text) gives the same.
  Object.defineProperty(o, 'toString', { value: () => shown, enumerable: false });
  return o;
}
