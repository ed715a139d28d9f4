import type { OpContext } from './context.js';
import type { PolicyType } from './model.js';
import { connectorToken } from './auth.js';
import { TenantAuthError, TenantRequestError, TenantUnreachableError, ConnectError, errors } from './errors.js';
import { ev } from './event-texts.js';
import { importFromAd, markExported, pendingExports, toChange } from './onprem.js';
import { AAD_CONNECTOR_ID, aadConnectorName, adConnectorId, newRun } from './run-history.js';

/** Emulated durations, so a cycle is "in progress" for a while of virtual time and Start-ADSyncSyncCycle can be busy. */
const STEP_BASE_MS = 5_000;
const EXPORT_PER_OBJECT_MS = 20;
const BATCH = 500;

export interface CycleOutcome { result: string; exported: number; endsAt: Date }

export function cycleInProgress(ctx: OpContext): boolean {
  return !!ctx.doc.cycleInProgressUntil && new Date(ctx.doc.cycleInProgressUntil) > ctx.now;
}

/** Start-ADSyncSyncCycle: starts a cycle unless one runs (the real "Connector: … is busy." error). */
export async function startSyncCycle(ctx: OpContext, policy?: PolicyType): Promise<{ Result: 'Success' }> {
  if (cycleInProgress(ctx)) throw errors.busy(aadConnectorName(ctx.doc.tenantDomain));
  const p = !policy || policy === 'Unspecified' ? ctx.doc.scheduler.nextSyncCyclePolicyType : policy;
  await runCycle(ctx, p);
  return { Result: 'Success' };
}

/**
 * One sync cycle at ctx.now: import from AD, synchronize, export to Entra with the connector credential.
 * It never throws: whatever goes wrong is what the run history and the event log say, as on the real server.
 */
export async function runCycle(ctx: OpContext, policy: PolicyType): Promise<CycleOutcome> {
  const doc = ctx.doc;
  const onprem = ctx.onprem();
  const runs = ctx.runs().runs;
  const full = policy === 'Initial';
  const runNumber = ++doc.runNumber;
  const adId = adConnectorId(onprem.forest);
  const aadName = aadConnectorName(doc.tenantDomain);
  let t = ctx.now.getTime();
  ctx.events.push(ev.cycleStarted(ctx.now, full ? 'Initial' : 'Delta', runNumber));

  const imp = importFromAd(onprem, full);
  const scanned = full ? onprem.objects.length : imp.stageAdd + imp.stageUpdate + imp.stageDelete;
  const impEnd = t + STEP_BASE_MS + Math.ceil(scanned * 0.2);
  runs.push(newRun(adId, onprem.forest, full ? 'Full Import' : 'Delta Import', runNumber, new Date(t), new Date(impEnd), 'success', {
    StageNoChange: imp.stageNoChange, StageAdd: imp.stageAdd, StageUpdate: imp.stageUpdate, StageDelete: imp.stageDelete,
  }));
  t = impEnd;
  const pending = pendingExports(onprem);
  const syncEnd = t + STEP_BASE_MS + Math.ceil(pending.length * 0.5);
  runs.push(newRun(adId, onprem.forest, full ? 'Full Synchronization' : 'Delta Synchronization', runNumber, new Date(t), new Date(syncEnd), 'success', {
    ConnectorFlow: pending.length,
  }));
  t = syncEnd;

  let result = 'success';
  let exported = 0;
  if (!doc.scheduler.stagingModeEnabled) {
    const exportStart = new Date(t);
    let stats = { ExportAdd: 0, ExportUpdate: 0, ExportDelete: 0, ExportFailure: 0 };
    let detail = '';
    try {
      const token = await connectorToken(ctx);
      const failed = new Set<string>();
      const errs: { anchor: string; code: string; message: string }[] = [];
      for (let i = 0; i < pending.length; i += BATCH) {
        const slice = pending.slice(i, i + BATCH);
        const r = await ctx.tenant.exportChanges(token, slice.map((o) => toChange(onprem, o)));
        stats.ExportAdd += r.added; stats.ExportUpdate += r.updated; stats.ExportDelete += r.deleted;
        for (const e of r.errors) { failed.add(e.anchor); errs.push(e); }
      }
      markExported(onprem, pending, failed);
      stats.ExportFailure = failed.size;
      exported = pending.length - failed.size;
      if (failed.size > 0) {
        result = 'completed-export-errors';
        detail = errs.slice(0, 5).map((e) => `${e.code}: ${e.message}`).join(' ');
        ctx.events.push(ev.exportErrors(ctx.now, aadName, failed.size));
      }
    } catch (e) {
      ({ result, detail } = classify(ctx, e));
      stats = { ExportAdd: 0, ExportUpdate: 0, ExportDelete: 0, ExportFailure: 0 };
      ctx.events.push(ev.runProfileError(ctx.now, aadName, 'Export', result, detail));
    }
    const exportEnd = t + STEP_BASE_MS + exported * EXPORT_PER_OBJECT_MS;
    runs.push(newRun(AAD_CONNECTOR_ID, aadName, 'Export', runNumber, exportStart, new Date(exportEnd), result, {
      ...stats, ConnectorDiscoveryErrors: result.startsWith('stopped') ? detail : null, SyncErrors: result === 'completed-export-errors' ? detail : null,
    }));
    t = exportEnd;
  }
  const endsAt = new Date(t);
  doc.cycleInProgressUntil = endsAt.toISOString();
  if (full) doc.scheduler.nextSyncCyclePolicyType = 'Delta';
  ctx.events.push(ev.cycleFinished(endsAt, full ? 'Initial' : 'Delta', result));
  return { result, exported, endsAt };
}

/** What a failure looks like on the real server: run status, and the events an admin would find. */
function classify(ctx: OpContext, e: unknown): { result: string; detail: string } {
  if (e instanceof TenantUnreachableError) return { result: 'stopped-server-down', detail: e.message };
  if (e instanceof TenantAuthError) {
    const text = e.description;
    ctx.events.push(ctx.doc.credential.type === 'Application' ? ev.tokenFailedCertificate(ctx.now, text) : ev.tokenFailedPassword(ctx.now, text));
    // A password reset behind the server's back: the password hash sync manager reports it as 659 (reference §4).
    if (ctx.doc.credential.type === 'ServiceAccount' && text.includes('AADSTS50054')) ctx.events.push(ev.passwordPolicySyncFailed(ctx.now, text));
    ctx.doc.token = null;
    return { result: 'stopped-extension-dll-exception', detail: text };
  }
  if (e instanceof TenantRequestError && (e.status === 401 || e.status === 403)) {
    ctx.events.push(...ev.accessDenied(ctx.now, e.message));
    // A token refused by the resource is not reused: the next cycle asks for one with the current permissions.
    ctx.doc.token = null;
    return { result: 'stopped-extension-dll-exception', detail: `Access Denied. ${e.message}` };
  }
  if (e instanceof ConnectError) return { result: 'stopped-extension-dll-exception', detail: e.message };
  return { result: 'stopped-extension-dll-exception', detail: (e as Error)?.message ?? String(e) };
}
