import type { PolicyType, ServerDoc } from './model.js';
import type { NewEvent } from './event-log.js';
import { ev } from './event-texts.js';
import { errors } from './errors.js';

/** Get-ADSyncScheduler's properties. TimeSpans are milliseconds (null = unset), dates are UTC. */
export interface SchedulerView {
  AllowedSyncCycleInterval: number;
  CurrentlyEffectiveSyncCycleInterval: number;
  CustomizedSyncCycleInterval: number | null;
  NextSyncCyclePolicyType: PolicyType;
  NextSyncCycleStartTimeInUTC: Date;
  PurgeRunHistoryInterval: number;
  SyncCycleEnabled: boolean;
  MaintenanceEnabled: boolean;
  StagingModeEnabled: boolean;
  SchedulerSuspended: boolean;
  SyncCycleInProgress: boolean;
}

export interface SchedulerPatch {
  customizedSyncCycleIntervalMs?: number | null;
  syncCycleEnabled?: boolean;
  nextSyncCyclePolicyType?: PolicyType;
  purgeRunHistoryIntervalMs?: number;
  maintenanceEnabled?: boolean;
  schedulerSuspended?: boolean;
}

/** Customized wins only when it is not shorter than what Entra allows (scheduler article). */
export function effectiveInterval(doc: ServerDoc): number {
  const s = doc.scheduler;
  const c = s.customizedSyncCycleIntervalMs;
  return c !== null && c >= s.allowedSyncCycleIntervalMs ? c : s.allowedSyncCycleIntervalMs;
}

export function schedulerView(doc: ServerDoc, now: Date): SchedulerView {
  const s = doc.scheduler;
  return {
    AllowedSyncCycleInterval: s.allowedSyncCycleIntervalMs,
    CurrentlyEffectiveSyncCycleInterval: effectiveInterval(doc),
    CustomizedSyncCycleInterval: s.customizedSyncCycleIntervalMs,
    NextSyncCyclePolicyType: s.nextSyncCyclePolicyType,
    NextSyncCycleStartTimeInUTC: new Date(s.nextSyncCycleStartTime),
    PurgeRunHistoryInterval: s.purgeRunHistoryIntervalMs,
    SyncCycleEnabled: s.syncCycleEnabled,
    MaintenanceEnabled: s.maintenanceEnabled,
    StagingModeEnabled: s.stagingModeEnabled,
    SchedulerSuspended: s.schedulerSuspended,
    SyncCycleInProgress: !!doc.cycleInProgressUntil && new Date(doc.cycleInProgressUntil) > now,
  };
}

const POLICIES: PolicyType[] = ['Unspecified', 'Delta', 'Initial'];

/** Set-ADSyncScheduler: validates everything first, then applies it all. Writes nothing to the pipeline. */
export function applySchedulerPatch(doc: ServerDoc, now: Date, p: SchedulerPatch, events: NewEvent[]): void {
  if (p.customizedSyncCycleIntervalMs !== undefined && p.customizedSyncCycleIntervalMs !== null && !(p.customizedSyncCycleIntervalMs > 0)) throw errors.badInterval('CustomizedSyncCycleInterval');
  if (p.purgeRunHistoryIntervalMs !== undefined && !(p.purgeRunHistoryIntervalMs > 0)) throw errors.badInterval('PurgeRunHistoryInterval');
  if (p.nextSyncCyclePolicyType !== undefined && !POLICIES.includes(p.nextSyncCyclePolicyType)) {
    throw errors.badInterval('NextSyncCyclePolicyType');
  }
  const s = doc.scheduler;
  const changed: string[] = [];
  const set = <K extends keyof typeof s>(k: K, v: (typeof s)[K] | undefined, label: string) => {
    if (v === undefined) return;
    if (s[k] !== v) changed.push(`${label}=${v === null ? '' : String(v)}`);
    s[k] = v;
  };
  set('customizedSyncCycleIntervalMs', p.customizedSyncCycleIntervalMs, 'CustomizedSyncCycleInterval');
  set('syncCycleEnabled', p.syncCycleEnabled, 'SyncCycleEnabled');
  set('nextSyncCyclePolicyType', p.nextSyncCyclePolicyType === 'Unspecified' ? 'Delta' : p.nextSyncCyclePolicyType, 'NextSyncCyclePolicyType');
  set('purgeRunHistoryIntervalMs', p.purgeRunHistoryIntervalMs, 'PurgeRunHistoryInterval');
  set('maintenanceEnabled', p.maintenanceEnabled, 'MaintenanceEnabled');
  set('schedulerSuspended', p.schedulerSuspended, 'SchedulerSuspended');
  // From build 1.1.281 a new interval applies at once: the next start moves if it is now further away than the interval.
  const latest = now.getTime() + effectiveInterval(doc);
  if (new Date(s.nextSyncCycleStartTime).getTime() > latest) s.nextSyncCycleStartTime = new Date(latest).toISOString();
  if (changed.length) events.push(ev.schedulerSettingsChanged(now, changed.join(', ')));
}
