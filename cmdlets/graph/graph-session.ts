import { readFileSync } from 'node:fs';
import type { Tenant, TenantConnection } from '../../tenant/index.js';
import type { Clock, StateStore } from '../../state/index.js';
import type { ServiceRegistry } from '../../runtime/services.js';

/** The session service the Graph cmdlets share (one sign-in per shell session, as GraphSession.Instance). */
export const GRAPH_SERVICE = 'graph';
/** A Tenant another module registered on the session, reused when present so all cmdlets see one instance. */
export const TENANT_SERVICE = 'tenant';

export type AuthType = 'Delegated' | 'AppOnly';

/** What Connect-MgGraph leaves behind and Get-MgContext shows (Microsoft.Graph.PowerShell.Authentication.AuthContext). */
export interface GraphContext {
  clientId: string;
  tenantId: string;
  scopes: string[];
  authType: AuthType;
  account: string | null;
  appName: string | null;
  certificateThumbprint: string | null;
  certificateSubjectName: string | null;
  contextScope: 'Process' | 'CurrentUser';
  token: string;
  expiresOn: Date | null;
  /** The transport the token was obtained over; requests go the same way. */
  connection: TenantConnection;
  /** App-only: a new token from the same certificate, as the real module's credential does when one expires. */
  renew?: () => Promise<{ token: string; expiresOn: Date | null }>;
}

/**
 * The Graph sign-in of one shell session. The transport is the in-process tenant, even when `syncshell serve`
 * is running: both read and write the same state directory under the same lock, so the results are the same
 * and no socket or CA trust is needed (docs/graph-cmdlets.md). `preferServed` switches to HTTPS for those who
 * want to see the served tenant answer.
 */
export class GraphSession {
  context: GraphContext | undefined;
  private tenantInstance: Tenant | undefined;

  constructor(private readonly services: ServiceRegistry, readonly home?: string, private readonly preferServed = false) {}

  get clock(): Clock { return this.services.get<Clock>('clock'); }

  /** tenant/ (and msal with it) is loaded on first use, so registering this service costs nothing. */
  async tenant(): Promise<Tenant> {
    if (this.services.has(TENANT_SERVICE)) return this.services.get<Tenant>(TENANT_SERVICE);
    const { Tenant } = await import('../../tenant/index.js');
    this.tenantInstance ??= new Tenant({ store: this.services.get<StateStore>('state'), clock: this.clock });
    return this.tenantInstance;
  }

  /** A connection whose authority names `tenantId` as the user typed it (the tenant checks it: AADSTS90002). */
  async connection(tenantId?: string): Promise<TenantConnection> {
    const { inProcessConnection, servedConnection, servedEndpoint } = await import('../../tenant/index.js');
    if (this.preferServed) {
      const ep = servedEndpoint(this.home ?? this.services.get<StateStore>('state').home);
      if (ep) return servedConnection(ep.origin, readFileSync(ep.caFile), tenantId ?? ep.tenantId);
    }
    const conn = inProcessConnection(await this.tenant());
    return tenantId ? { ...conn, tenantId } : conn;
  }

  connect(ctx: GraphContext): void { this.context = ctx; }

  /**
   * The bearer token for the next request. Lifetimes are judged by the virtual clock (the tenant's); an app-only
   * token within a minute of its `exp` is renewed from the certificate. Delegated tokens are not: no password or
   * refresh token is kept, so after a clock jump Graph answers 401 and the admin connects again.
   */
  async bearer(): Promise<string> {
    const ctx = this.context!;
    if (ctx.renew) {
      const exp = tokenExpiry(ctx.token);
      if (exp !== undefined && exp - 60_000 <= this.clock.now().getTime()) {
        const fresh = await ctx.renew();
        ctx.token = fresh.token;
        ctx.expiresOn = fresh.expiresOn;
      }
    }
    return ctx.token;
  }
  disconnect(): GraphContext | undefined { const c = this.context; this.context = undefined; return c; }
}

/** Called once by the composition root: the 'graph' service, created on first use. */
export function registerGraphService(services: ServiceRegistry, opts: { home?: string; preferServed?: boolean } = {}): void {
  services.register(GRAPH_SERVICE, (s) => new GraphSession(s, opts.home, opts.preferServed ?? false));
}

function tokenExpiry(token: string): number | undefined {
  try {
    const exp = (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch { return undefined; }
}
