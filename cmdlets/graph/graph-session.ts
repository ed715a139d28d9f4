import { readFileSync } from 'node:fs';
import { Tenant, inProcessConnection, servedConnection, servedEndpoint, type TenantConnection } from '../../tenant/index.js';
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

  tenant(): Tenant {
    if (this.services.has(TENANT_SERVICE)) return this.services.get<Tenant>(TENANT_SERVICE);
    this.tenantInstance ??= new Tenant({ store: this.services.get<StateStore>('state'), clock: this.clock });
    return this.tenantInstance;
  }

  /** A connection whose authority names `tenantId` as the user typed it (the tenant checks it: AADSTS90002). */
  connection(tenantId?: string): TenantConnection {
    if (this.preferServed) {
      const ep = servedEndpoint(this.home ?? this.services.get<StateStore>('state').home);
      if (ep) return servedConnection(ep.origin, readFileSync(ep.caFile), tenantId ?? ep.tenantId);
    }
    const conn = inProcessConnection(this.tenant());
    return tenantId ? { ...conn, tenantId } : conn;
  }

  connect(ctx: GraphContext): void { this.context = ctx; }
  disconnect(): GraphContext | undefined { const c = this.context; this.context = undefined; return c; }
}

/** Called once by the composition root: the 'graph' service, created on first use. */
export function registerGraphService(services: ServiceRegistry, opts: { home?: string; preferServed?: boolean } = {}): void {
  services.register(GRAPH_SERVICE, (s) => new GraphSession(s, opts.home, opts.preferServed ?? false));
}
