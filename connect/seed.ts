import type { ServerDoc, SchedulerState } from './model.js';
import { DAY, MINUTE, newHex } from './util.js';
import { noFaults } from './faults.js';

/** The version a fresh server reports: current at the time of writing, and ≥ 2.5.76.0 (automatic onboarding). */
export const CURRENT_VERSION = '2.5.79.0';
export const DEFAULT_SERVER_NAME = 'CONNECT01';
export const DEFAULT_TENANT_DOMAIN = 'contoso.onmicrosoft.com';
export const DEFAULT_FOREST = 'contoso.com';
export const DEFAULT_DIRECTORY_SIZE = 300;

export interface ServerSeedOptions {
  version?: string;
  passwordWriteback?: boolean;
  serverName?: string;
  tenantDomain?: string;
  /** the legacy Sync_ account as the tenant holds it */
  legacyAccount?: { userPrincipalName: string; password: string };
}

export function defaultScheduler(now: Date): SchedulerState {
  return {
    syncCycleEnabled: true, maintenanceEnabled: true, schedulerSuspended: false, stagingModeEnabled: false,
    allowedSyncCycleIntervalMs: 30 * MINUTE, customizedSyncCycleIntervalMs: null,
    nextSyncCyclePolicyType: 'Delta',
    nextSyncCycleStartTime: new Date(now.getTime() + 30 * MINUTE).toISOString(),
    purgeRunHistoryIntervalMs: 7 * DAY,
  };
}

export function seedServer(now: Date, o: ServerSeedOptions = {}): ServerDoc {
  const serverName = (o.serverName ?? DEFAULT_SERVER_NAME).toUpperCase();
  const tenantDomain = o.tenantDomain ?? DEFAULT_TENANT_DOMAIN;
  // The Sync_ account's 12-hex id is the first 12 characters of SyncMachineIdentifier (reference §5).
  const fromUpn = o.legacyAccount && /^Sync_[^_@]+_([0-9a-f]{12})@/i.exec(o.legacyAccount.userPrincipalName)?.[1];
  const syncMachineIdentifier = (fromUpn ? fromUpn.toLowerCase() : newHex(6)) + newHex(10);
  const name = o.legacyAccount ? o.legacyAccount.userPrincipalName.split('@')[0] : `Sync_${serverName}_${syncMachineIdentifier.slice(0, 12)}`;
  const upn = o.legacyAccount?.userPrincipalName ?? `${name}@${tenantDomain}`;
  const password = o.legacyAccount?.password ?? newHex(16);
  const long = new Date(now.getTime() - 400 * DAY).toISOString();
  return {
    schema: 1, serverName, syncMachineIdentifier, version: o.version ?? CURRENT_VERSION,
    passwordWriteback: o.passwordWriteback ?? true, tenantDomain, adForest: DEFAULT_FOREST,
    credential: { type: 'ServiceAccount', name, userPrincipalName: upn, password },
    legacyAccount: { name, userPrincipalName: upn, password, createdAt: long, removed: false },
    pendingRegistration: null, createdKeyIds: [],
    scheduler: defaultScheduler(now),
    faults: noFaults(),
    autoOnboardingDueAt: null, last1014At: null, token: null, runNumber: 0, cycleInProgressUntil: null, revision: 0,
  };
}
