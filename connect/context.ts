import type { NewEvent } from './event-log.js';
import type { KeyStoreGateway, TenantGateway } from './gateways.js';
import type { ServerDoc } from './model.js';
import type { OnPremDoc } from './onprem.js';
import type { RunHistoryDoc } from './run-history.js';
import { TenantUnreachableError } from './errors.js';

/** Everything one operation works on: the loaded documents, the time it runs at, the gateways, the events it writes. */
export interface OpContext {
  doc: ServerDoc;
  now: Date;
  tenant: TenantGateway;
  keys: KeyStoreGateway;
  events: NewEvent[];
  /** loaded on demand: only cycles need the directory and the run history */
  onprem(): OnPremDoc;
  runs(): RunHistoryDoc;
}

const PASS_THROUGH = new Set<string | symbol>(['tenantDomain', 'tenantId', 'seededSyncAccount']);

/** The tenant as seen through the emulator's TenantUnreachable fault (a persisted server setting). */
export function guardTenant(tenant: TenantGateway, doc: ServerDoc): TenantGateway {
  return new Proxy(tenant, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function' || PASS_THROUGH.has(prop)) return value;
      return (...args: unknown[]) => {
        if (doc.faults.tenantUnreachable) return Promise.reject(new TenantUnreachableError());
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}
