import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { TenantRequest, TenantResponse } from './http.js';

/** Anything that answers tenant requests: the Tenant itself, or a fault-injecting wrapper. */
export interface TenantHandler {
  handle(req: TenantRequest): Promise<TenantResponse>;
  /** True while the 'unreachable' fault is set: the transport then fails as a dead network would. */
  unreachable?(): boolean;
}

/** What undici's fetch throws when nothing answers; msal and the Graph client surface it as a network error. */
function networkDown(url: string): Error {
  return Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(`connect ECONNREFUSED (${url})`), { code: 'ECONNREFUSED' }) });
}

function parsed(res: TenantResponse): unknown {
  if (res.body === '') return {};
  try { return JSON.parse(res.body); } catch { return { body: res.body }; }
}

/**
 * msal-node's network client (system.networkClient) answered by the tenant in-process: no socket, no TLS.
 * msal routes discovery, OpenID configuration and token calls through it; bodies come back parsed, and
 * error statuses are returned, not thrown, as msal's own HttpClient does.
 */
export class InProcessNetworkClient implements INetworkModule {
  constructor(private readonly tenant: TenantHandler) {}

  async sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>('GET', url, options);
  }

  async sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>('POST', url, options);
  }

  private async send<T>(method: string, url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    if (this.tenant.unreachable?.()) throw networkDown(url);
    const res = await this.tenant.handle({ method, url, headers: options?.headers ?? {}, body: options?.body ?? '' });
    return { status: res.status, headers: res.headers, body: parsed(res) as T };
  }
}

function headersOf(h: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!h) return out;
  if (typeof (h as Headers).forEach === 'function' && !Array.isArray(h)) {
    (h as Headers).forEach((v, k) => { out[k] = v; });
  } else if (Array.isArray(h)) {
    for (const [k, v] of h as [string, string][]) out[k] = v;
  } else {
    for (const [k, v] of Object.entries(h as Record<string, string>)) out[k] = String(v);
  }
  return out;
}

/**
 * The Graph JS client's last middleware (in place of HTTPMessageHandler): hands the request to the tenant
 * and puts a fetch Response on the context, so the client's own error mapping and parsing run unchanged.
 */
export class InProcessGraphMiddleware implements Middleware {
  constructor(private readonly tenant: TenantHandler) {}

  async execute(context: Context): Promise<void> {
    const request = context.request as unknown;
    const isRequest = typeof request === 'object' && request !== null && 'url' in (request as Request);
    const url = isRequest ? (request as Request).url : String(request);
    const options = context.options ?? {};
    const method = options.method ?? (isRequest ? (request as Request).method : 'GET');
    const headers = { ...(isRequest ? headersOf((request as Request).headers) : {}), ...headersOf(options.headers) };
    let body: string | Buffer = '';
    if (typeof options.body === 'string') body = options.body;
    else if (options.body instanceof ArrayBuffer || ArrayBuffer.isView(options.body)) body = Buffer.from(options.body as ArrayBuffer);
    else if (isRequest && (request as Request).body) body = Buffer.from(await (request as Request).arrayBuffer());
    if (this.tenant.unreachable?.()) throw networkDown(url);
    const res = await this.tenant.handle({ method, url, headers, body });
    const nullBody = res.status === 204 || res.status === 304;
    context.response = new Response(nullBody ? null : res.body, { status: res.status, headers: res.headers });
  }
}
