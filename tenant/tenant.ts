import { randomUUID } from 'node:crypto';
import { StateCorruptError, StateStore, type Clock } from '../state/index.js';
import { Directory } from './directory.js';
import { AadstsError, GraphError, aadsts, graph, tenantErrors } from './errors.js';

export type TenantFault = 'tokenEndpoint' | 'graph' | 'syncApi' | 'removeKey' | 'unreachable';
import {
  MAX_BODY, aadError, bodyText, graphError, json, normaliseHeaders, type RequestContext, type TenantRequest, type TenantResponse,
} from './http.js';
import type { SeedOptions, TenantDoc, UserRecord } from './model.js';
import { isComplex, replacePassword } from './passwords.js';
import { serviceAccountUpn } from './seed.js';
import { instanceDiscovery, keys, openidConfiguration } from './discovery.js';
import { tokenEndpoint } from './token-endpoint.js';
import { GraphService } from './graph/service.js';
import { handleSyncApi } from './sync-api.js';

const DEFAULT_ORIGIN = 'https://login.microsoftonline.com';
const MULTI_TENANT = new Set(['common', 'organizations']);

function safeDecode(s: string): string {
  try { return decodeURIComponent(s); } catch { return s; }
}

export interface TenantOptions {
  store: StateStore;
  clock: Clock;
  /** Used only when the directory is seeded (first use or reset). */
  seed?: SeedOptions;
  /** Real time source for assertion windows (tests inject one); default Date.now. */
  realNow?: () => Date;
}

/**
 * The emulated Entra tenant behind one transport-independent entry point: handle(request) → response.
 * It never throws and never answers 500 for a client's mistake; every error is Entra- or Graph-shaped.
 */
export class Tenant {
  readonly directory: Directory;
  readonly graph: GraphService;
  private readonly realNow: () => Date;

  constructor(readonly options: TenantOptions) {
    this.directory = new Directory(options.store, options.clock, options.seed);
    this.graph = new GraphService(this.directory);
    this.realNow = options.realNow ?? (() => new Date());
  }

  get clock(): Clock { return this.options.clock; }
  doc(): TenantDoc { return this.directory.read(); }

  unreachable(): boolean { return this.doc().faults.unreachable === true; }

  /** Reseed the directory (Reset-Emulator): a fresh tenant, new signing key; tokens issued before no longer verify. */
  reset(seed: SeedOptions = this.options.seed ?? {}, serviceAccountPassword?: string): TenantDoc {
    return this.directory.reset(seed, serviceAccountPassword);
  }

  /** Set-EmulatorFault / Clear-EmulatorFault: tokenEndpoint, graph, syncApi, removeKey, unreachable. */
  setFault(name: TenantFault, on: boolean): void {
    this.directory.update(null, (d) => { if (on) d.faults[name] = true; else delete d.faults[name]; });
  }

  /** Change a user's password (admin action outside Graph); audited. */
  setPassword(userPrincipalName: string, password: string): void {
    if (!isComplex(password)) throw tenantErrors.weakPassword();
    this.directory.update(null, (d, audit) => {
      const u = Directory.user(d, userPrincipalName);
      if (!u) throw tenantErrors.userNotFound(userPrincipalName);
      replacePassword(u, password);
      audit('Reset user password', 'UserManagement', [{ id: u.id, displayName: u.userPrincipalName, type: 'User' }]);
    });
  }

  /** The legacy connector account of a server (Sync_<SERVER>_<hex>), if it exists. */
  serviceAccount(serverName: string): UserRecord | undefined {
    const d = this.doc();
    return Directory.user(d, serviceAccountUpn(serverName, d.tenantId, d.domains[0]));
  }

  async handle(req: TenantRequest): Promise<TenantResponse> {
    let ctx: RequestContext | undefined;
    try {
      ctx = this.context(req);
      return this.route(ctx);
    } catch (e) {
      const c = ctx ?? this.fallbackContext();
      if (e instanceof AadstsError) return aadError(c, e);
      if (e instanceof GraphError) return graphError(c, e);
      if (e instanceof StateCorruptError) return json(503, { error: { code: 'StateCorrupt', message: e.message } });
      return json(500, { error: { code: 'InternalServerError', message: `The emulated tenant failed: ${(e as Error)?.message ?? String(e)}` } });
    }
  }

  private fallbackContext(): RequestContext {
    return { method: 'GET', url: new URL(DEFAULT_ORIGIN), headers: {}, bodyText: '', requestId: randomUUID(), correlationId: randomUUID(), now: this.clock.now(), realNow: this.realNow(), origin: DEFAULT_ORIGIN };
  }

  private context(req: TenantRequest): RequestContext {
    const headers = normaliseHeaders(req.headers);
    let host = DEFAULT_ORIGIN;
    if (headers.host && /^[A-Za-z0-9.\-:[\]]+$/.test(headers.host)) {
      try { host = new URL(`https://${headers.host}`).origin; } catch { host = DEFAULT_ORIGIN; }
    }
    let url: URL;
    try { url = new URL(String(req.url ?? ''), host); } catch { url = new URL('/invalid-url', host); }
    const body = req.body;
    const size = body === undefined ? 0 : typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
    const correlation = headers['client-request-id'] ?? url.searchParams.get('client-request-id') ?? '';
    const ctx: RequestContext = {
      method: String(req.method ?? 'GET').toUpperCase(), url, headers, bodyText: size > MAX_BODY ? '' : bodyText(body),
      requestId: randomUUID(), correlationId: /^[0-9a-f-]{36}$/i.test(correlation) ? correlation : randomUUID(),
      now: this.clock.now(), realNow: this.realNow(), origin: `${url.protocol}//${url.host}`,
    };
    if (size > MAX_BODY) throw graph.payloadTooLarge();
    return ctx;
  }

  private route(ctx: RequestContext): TenantResponse {
    const raw = ctx.url.pathname.split('/').filter((s) => s.length > 0);
    const parts = raw.map(safeDecode);
    const first = (parts[0] ?? '').toLowerCase();
    if (first === 'v1.0' || first === 'beta') {
      const rest = raw.slice(1).join('/');
      return this.graph.handle(ctx, safeDecode(rest));
    }
    const doc = this.directory.read();
    if (first === 'syncapi') {
      if ((parts[1] ?? '').toLowerCase() !== 'v1.0' || !parts[2]) throw graph.segment(parts[1] ?? 'syncapi');
      if (!Directory.matchesTenant(doc, parts[2])) throw graph.notFound(parts[2]);
      return handleSyncApi(this.directory, ctx, doc, parts.slice(3));
    }
    if (parts.length === 0) return json(200, { service: 'syncshell emulated Microsoft Entra tenant', tenantId: doc.tenantId, domains: doc.domains });
    if (first === 'error') return json(200, { code: ctx.url.searchParams.get('code'), message: 'See docs/tenant.md for the emulated AADSTS codes.' });
    const tenantSegment = parts[0];
    const rest = parts.slice(1).join('/').toLowerCase();
    if (rest === 'discovery/instance') {
      if (ctx.method !== 'GET') throw graph.methodNotAllowed(ctx.method);
      return json(200, instanceDiscovery(ctx));
    }
    const known = Directory.matchesTenant(doc, tenantSegment) || MULTI_TENANT.has(first);
    if (!known) throw aadsts.tenantNotFound(tenantSegment);
    switch (rest) {
      case 'v2.0/.well-known/openid-configuration': return json(200, openidConfiguration(doc, ctx, tenantSegment, true));
      case '.well-known/openid-configuration': return json(200, openidConfiguration(doc, ctx, tenantSegment, false));
      case 'discovery/v2.0/keys': case 'discovery/keys': return json(200, keys(doc, ctx));
      case 'oauth2/v2.0/token': case 'oauth2/token': return tokenEndpoint(doc, ctx, tenantSegment);
      default: return json(404, { error: 'not_found', error_description: `The emulated tenant serves no '${ctx.url.pathname}'.` });
    }
  }
}
