import { randomUUID } from 'node:crypto';
import { aadTimestamp, graphErrorDate } from './encoding.js';
import { AadstsError, GraphError } from './errors.js';

/** What the tenant handles: a transport-independent HTTP request. */
export interface TenantRequest {
  method: string;
  /** Absolute URL, or a path with query. */
  url: string;
  headers?: Record<string, string | string[] | undefined>;
  body?: Buffer | Uint8Array | string;
}

export interface TenantResponse { status: number; headers: Record<string, string>; body: string }

/** One request as the handlers see it. */
export interface RequestContext {
  method: string;
  url: URL;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  bodyText: string;
  requestId: string;
  correlationId: string;
  /** Virtual time (the tenant's clock). */
  now: Date;
  /** Real time: what msal-node stamps assertions with. */
  realNow: Date;
  /** scheme://host[:port] the client used: discovery documents point back to it. */
  origin: string;
}

export const MAX_BODY = 4 * 1024 * 1024;

export function normaliseHeaders(h: TenantRequest['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h ?? {})) {
    if (v === undefined) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
  }
  return out;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): TenantResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body) };
}

export const GRAPH_CONTENT_TYPE = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export function graphJson(ctx: RequestContext, status: number, body: unknown): TenantResponse {
  return json(status, body, { 'content-type': GRAPH_CONTENT_TYPE, 'request-id': ctx.requestId, 'client-request-id': ctx.correlationId });
}

export function noContent(ctx: RequestContext): TenantResponse {
  return { status: 204, headers: { 'request-id': ctx.requestId, 'client-request-id': ctx.correlationId }, body: '' };
}

export function aadError(ctx: RequestContext, e: AadstsError): TenantResponse {
  const timestamp = aadTimestamp(ctx.now);
  const traceId = randomUUID();
  return json(e.status, {
    error: e.error,
    error_description: `AADSTS${e.code}: ${e.text}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${ctx.correlationId}\r\nTimestamp: ${timestamp}`,
    error_codes: [e.code],
    timestamp,
    trace_id: traceId,
    correlation_id: ctx.correlationId,
    error_uri: `${ctx.origin}/error?code=${e.code}`,
  }, { 'x-ms-request-id': traceId, 'cache-control': 'no-store, no-cache', pragma: 'no-cache' });
}

export function graphError(ctx: RequestContext, e: GraphError): TenantResponse {
  const res = graphJson(ctx, e.status, {
    error: { code: e.code, message: e.message, innerError: { date: graphErrorDate(ctx.now), 'request-id': ctx.requestId, 'client-request-id': ctx.correlationId } },
  });
  Object.assign(res.headers, e.headers);
  return res;
}

export function bodyText(body: TenantRequest['body']): string {
  if (body === undefined) return '';
  return typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
}
