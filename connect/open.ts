import { VirtualClock, type StateStore } from '../state/index.js';
import { Tenant, inProcessConnection, type TenantConnection } from '../tenant/index.js';
import { openPki, type PkiContext } from '../pki/index.js';
import { ConnectServer } from './server.js';
import { SteppingClock } from './stepping-clock.js';
import { MsalTenantGateway } from './adapters/msal-tenant-gateway.js';
import { PkiKeyStore } from './adapters/pki-key-store.js';

export interface OpenedConnect {
  server: ConnectServer;
  /** the clock the server, the in-process tenant and pki share */
  clock: SteppingClock;
  /** the in-process tenant (absent when a served tenant is used) */
  tenant: Tenant | undefined;
  pki: PkiContext;
}

export interface OpenConnectOptions {
  /** a served tenant (syncshell serve) instead of the in-process one; its domain and the server name it seeded */
  served?: { connection: TenantConnection; tenantDomain: string; serverName?: string };
  /** an in-process tenant already opened on the same store — construct it with `clock` below so it sees each cycle's time */
  tenant?: Tenant;
  clock?: SteppingClock;
}

/**
 * The production wiring: persisted virtual clock, in-process tenant reached through msal-node, pki key providers.
 * One call per shell session; the returned server caches the admin sign-in for that session.
 */
export function openConnect(store: StateStore, o: OpenConnectOptions = {}): OpenedConnect {
  const virtual = new VirtualClock(store);
  const clock = o.clock ?? new SteppingClock(virtual);
  const pki = openPki(store, clock);
  let tenant: Tenant | undefined;
  let gateway: MsalTenantGateway;
  if (o.served) {
    gateway = new MsalTenantGateway(o.served.connection, clock, { tenantDomain: o.served.tenantDomain, serverName: o.served.serverName });
  } else {
    tenant = o.tenant ?? new Tenant({ store, clock });
    const doc = tenant.doc();
    gateway = new MsalTenantGateway(inProcessConnection(tenant), clock, { tenantDomain: doc.domains[0], serverName: doc.serverName });
  }
  const server = new ConnectServer({ store, clock, advanceBaseClock: (ms) => { virtual.advance(ms); }, tenant: gateway, keys: new PkiKeyStore(pki) });
  return { server, clock, tenant, pki };
}
