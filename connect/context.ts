import type { NewEvent } from './event-log.js';
import type { KeyStoreGateway, TenantGateway } from './gateways.js';
import type { ServerDoc } from './model.js';
import type { OnPremDoc } from './onprem.js';
import type { RunHistoryDoc } from './run-history.js';
import { TenantRequestError, TenantUnreachableError } from './errors.js';
import { STEP_FAULTS } from './faults.js';

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

/** The tenant as seen through the emulator's TenantUnreachable and switch-step faults (persisted server settings). */
export function guardTenant(tenant: TenantGateway, doc: ServerDoc): TenantGateway {
  return new Proxy(tenant, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function' || PASS_THROUGH.has(prop)) return value;
      return (...args: unknown[]) => {
        if (doc.faults.tenantUnreachable) return Promise.reject(new TenantUnreachableError());
        const step = STEP_FAULTS[String(prop)];
        if (step && doc.faults[step]) return Promise.reject(new TenantRequestError(503, 'serviceNotAvailable', 'The service is temporarily unavailable. Please try again later.'));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}
