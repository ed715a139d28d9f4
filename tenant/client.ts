import { randomUUID } from 'node:crypto';
import { ConfidentialClientApplication, LogLevel, PublicClientApplication, type Configuration } from '@azure/msal-node';
import { AuthenticationHandler, Client, type AuthenticationProvider } from '@microsoft/microsoft-graph-client';
import type { Clock } from '../state/index.js';
import { b64url } from './encoding.js';
import { signWith } from './jwt.js';
import { InProcessGraphMiddleware, InProcessNetworkClient, type TenantHandler } from './in-process.js';
import { HttpsTenantClient } from './https-client.js';
import { APP_ID } from './well-known.js';

/** How a client reaches the tenant: in-process (default) or a served authority over HTTPS. */
export interface TenantConnection {
  handler: TenantHandler;
  /** https://login.microsoftonline.com in-process; https://localhost:<port> when served. */
  authorityHost: string;
  /** https://graph.microsoft.com in-process; the served origin otherwise. */
  graphHost: string;
  tenantId: string;
  served: boolean;
}

export function inProcessConnection(tenant: TenantHandler & { doc(): { tenantId: string } }): TenantConnection {
  return { handler: tenant, authorityHost: 'https://login.microsoftonline.com', graphHost: 'https://graph.microsoft.com', tenantId: tenant.doc().tenantId, served: false };
}

/** A served tenant (syncshell serve): origin like https://localhost:8443, CA PEM from the state directory. */
export function servedConnection(origin: string, caPem: string | Buffer, tenantId: string): TenantConnection {
  const o = origin.replace(/\/+$/, '');
  return { handler: new HttpsTenantClient(caPem), authorityHost: o, graphHost: o, tenantId, served: true };
}

function msalConfig(conn: TenantConnection, clientId: string): Configuration {
  const authority = `${conn.authorityHost}/${conn.tenantId}`;
  const host = new URL(conn.authorityHost).host;
  return {
    auth: { clientId, authority, ...(conn.served ? { knownAuthorities: [host] } : {}) },
    // Warnings and errors only: at msal's default (Info) every call formats a dozen log lines nobody reads.
    system: { networkClient: new InProcessNetworkClient(conn.handler), loggerOptions: { logLevel: LogLevel.Warning, piiLoggingEnabled: false } },
  };
}

/** Something that signs with a private key the caller may not hold (a non-exportable key in the pki key provider). */
export interface AssertionSigner {
  alg: 'RS256' | 'PS256';
  /** Upper- or lower-case hex; SHA-1 for RS256 (x5t), SHA-256 for PS256 (x5t#S256). */
  thumbprint: string;
  sign(data: Uint8Array): Promise<Uint8Array> | Uint8Array;
}

export interface AppCredential {
  clientId: string;
  /** msal's clientCertificate: PEM private key plus thumbprintSha256 (PS256) or thumbprint (RS256). */
  certificate?: { privateKeyPem: string; thumbprintSha256?: string; thumbprint?: string; x5c?: string };
  /** Or sign the assertion through a key provider; claims stamped with `clock` (default real time). */
  signer?: AssertionSigner;
  clock?: Clock;
}

/** A client assertion as msal-node builds it, signed by an external signer. */
export async function buildClientAssertion(signer: AssertionSigner, clientId: string, tokenEndpoint: string, now: Date): Promise<string> {
  const thumb = Buffer.from(signer.thumbprint.replace(/[^0-9a-fA-F]/g, ''), 'hex');
  const header = signer.alg === 'PS256' ? { alg: 'PS256', typ: 'JWT', 'x5t#S256': b64url(thumb) } : { alg: 'RS256', typ: 'JWT', x5t: b64url(thumb) };
  const t = Math.floor(now.getTime() / 1000);
  return signWith(header, { aud: tokenEndpoint, iss: clientId, sub: clientId, jti: randomUUID(), nbf: t, iat: t, exp: t + 600 }, (d) => signer.sign(d));
}

export function confidentialClient(conn: TenantConnection, cred: AppCredential): ConfidentialClientApplication {
  const config = msalConfig(conn, cred.clientId);
  if (cred.signer) {
    const signer = cred.signer;
    config.auth.clientAssertion = async ({ clientId, tokenEndpoint }) => buildClientAssertion(signer, clientId, tokenEndpoint ?? '', cred.clock?.now() ?? new Date());
  } else if (cred.certificate) {
    const c = cred.certificate;
    // msal decodes thumbprints with Buffer.from(hex): colons would silently truncate them.
    const clean = (h?: string) => h?.replace(/[^0-9a-fA-F]/g, '');
    config.auth.clientCertificate = { privateKey: c.privateKeyPem, ...(c.thumbprintSha256 ? { thumbprintSha256: clean(c.thumbprintSha256) } : { thumbprint: clean(c.thumbprint) }), ...(c.x5c ? { x5c: c.x5c } : {}) };
  } else {
    throw new TypeError('An application credential needs a certificate or a signer.');
  }
  return new ConfidentialClientApplication(config);
}

export interface AccessToken { accessToken: string; expiresOn: Date | null; scopes: string[] }

interface SignerClient { cca: ConfidentialClientApplication; cred: AppCredential; signer: AssertionSigner }
const signerClients = new WeakMap<TenantConnection, Map<string, SignerClient>>();

/**
 * One msal client per application and key, as a long-running service keeps its ConfidentialClientApplication
 * (a server asks for a new token every hour for a year). Its assertion callback signs with the signer and clock
 * of the current call, so a key looked up again (moved store, new clock) is used as given.
 */
function signerClient(conn: TenantConnection, cred: AppCredential, signer: AssertionSigner): ConfidentialClientApplication {
  let byKey = signerClients.get(conn);
  if (!byKey) signerClients.set(conn, byKey = new Map());
  const key = `${cred.clientId.toLowerCase()}|${signer.alg}|${signer.thumbprint.replace(/[^0-9a-fA-F]/g, '').toUpperCase()}`;
  let c = byKey.get(key);
  if (!c) {
    const entry = { cred, signer } as SignerClient;
    entry.cca = confidentialClient(conn, {
      clientId: cred.clientId,
      signer: { alg: signer.alg, thumbprint: signer.thumbprint, sign: (d) => entry.signer.sign(d) },
      clock: { now: () => entry.cred.clock?.now() ?? new Date() },
    });
    if (byKey.size >= 64) byKey.clear();
    byKey.set(key, c = entry);
  }
  c.cred = cred;
  c.signer = signer;
  return c.cca;
}

/**
 * An app-only token through msal-node (client credentials with a certificate assertion). skipCache defaults to
 * true: msal caches by real time, the tenant judges lifetimes by the virtual clock (docs/tenant.md, "Time").
 */
export async function acquireAppToken(conn: TenantConnection, cred: AppCredential, scope = 'https://graph.microsoft.com/.default', skipCache = true): Promise<AccessToken> {
  const cca = cred.signer ? signerClient(conn, cred, cred.signer) : confidentialClient(conn, cred);
  const r = await cca.acquireTokenByClientCredential({ scopes: [scope], skipCache });
  if (!r) throw new Error('msal-node returned no token.');
  return { accessToken: r.accessToken, expiresOn: r.expiresOn, scopes: r.scopes };
}

/** One public client per connection and client id, kept like the signer clients above. */
const publicClients = new WeakMap<TenantConnection, Map<string, PublicClientApplication>>();

/**
 * A delegated token by username and password: msal-node 7.2.1 still ships PublicClientApplication.
 * acquireTokenByUsernamePassword (deprecated), which the tenant's password grant answers.
 */
export async function acquireUserToken(conn: TenantConnection, username: string, password: string,
  scopes: string[] = ['https://graph.microsoft.com/.default'], clientId: string = APP_ID.graphPowerShell): Promise<AccessToken> {
  let byClient = publicClients.get(conn);
  if (!byClient) publicClients.set(conn, byClient = new Map());
  let pca = byClient.get(clientId.toLowerCase());
  if (!pca) byClient.set(clientId.toLowerCase(), pca = new PublicClientApplication(msalConfig(conn, clientId)));
  // the password grant always goes to the token endpoint (msal does not answer it from its cache)
  const r = await pca.acquireTokenByUsernamePassword({ scopes, username, password });
  if (!r) throw new Error('msal-node returned no token.');
  return { accessToken: r.accessToken, expiresOn: r.expiresOn, scopes: r.scopes };
}

/** A Microsoft Graph JS client whose requests reach the tenant through the connection. */
export function graphClient(conn: TenantConnection, token: string | (() => Promise<string>)): Client {
  const provider: AuthenticationProvider = { getAccessToken: async () => (typeof token === 'string' ? token : token()) };
  const auth = new AuthenticationHandler(provider);
  auth.setNext(new InProcessGraphMiddleware(conn.handler));
  const host = new URL(conn.graphHost).hostname;
  return Client.initWithMiddleware({ middleware: auth, baseUrl: `${conn.graphHost}/`, ...(conn.served ? { customHosts: new Set([host]) } : {}) });
}

export interface RawResponse { status: number; headers: Record<string, string>; body: unknown }

/** A raw Graph (or sync API) call: path relative to the Graph host, e.g. '/v1.0/applications'. */
export async function tenantRequest(conn: TenantConnection, token: string | undefined, method: string, path: string, body?: unknown): Promise<RawResponse> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await conn.handler.handle({
    method, url: `${conn.graphHost}${path.startsWith('/') ? '' : '/'}${path}`, headers,
    body: body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body),
  });
  let parsed: unknown = res.body;
  try { parsed = res.body === '' ? null : JSON.parse(res.body); } catch { /* leave text */ }
  return { status: res.status, headers: res.headers, body: parsed };
}

/** POST /syncapi/v1.0/{tenant}/export: what the Connect server's export step calls. */
export function exportChanges(conn: TenantConnection, token: string, objects: unknown[]): Promise<RawResponse> {
  return tenantRequest(conn, token, 'POST', `/syncapi/v1.0/${conn.tenantId}/export`, { objects });
}

/** The resource the sync API expects tokens for. */
export const SYNC_SCOPE = `${APP_ID.adSync}/.default`;
