import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { StateStore, ManualClock } from '../../state/index.js';
import { ConnectServer, SteppingClock } from '../../connect/index.js';
import { MsalTenantGateway } from '../../connect/adapters/msal-tenant-gateway.js';
import { PkiKeyStore } from '../../connect/adapters/pki-key-store.js';
import { Tenant, inProcessConnection, DEFAULT_PASSWORD, DEFAULT_DOMAIN } from '../../tenant/index.js';
import { openPki, type PkiContext } from '../../pki/index.js';

export interface RealRig { home: string; store: StateStore; manual: ManualClock; clock: SteppingClock; tenant: Tenant; pki: PkiContext; server: ConnectServer; cleanup(): void }

/** The server wired to the real tenant (in-process transport, msal-node) and the real pki key providers. */
export function realRig(start = new Date('2026-01-05T08:00:00Z')): RealRig {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'connect-real-'));
  const store = new StateStore(home);
  const manual = new ManualClock(start);
  const clock = new SteppingClock(manual);
  const tenant = new Tenant({ store, clock });
  const gw = new MsalTenantGateway(inProcessConnection(tenant), clock, { tenantDomain: DEFAULT_DOMAIN });
  const pki = openPki(store, clock);
  const server = new ConnectServer({ store, clock, advanceBaseClock: (ms) => manual.advance(ms), tenant: gw, keys: new PkiKeyStore(pki) });
  return { home, store, manual, clock, tenant, pki, server, cleanup: () => fs.rmSync(home, { recursive: true, force: true }) };
}

export const HIA = { userPrincipalName: `hybridadmin@${DEFAULT_DOMAIN}`, password: DEFAULT_PASSWORD };
export const APPADMIN = { userPrincipalName: `appadmin@${DEFAULT_DOMAIN}`, password: DEFAULT_PASSWORD };
