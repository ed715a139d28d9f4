import type { OpContext } from './context.js';
import { runMaintenance } from './maintenance.js';
import { churn } from './onprem.js';
import { effectiveInterval } from './scheduler.js';
import { cycleInProgress, runCycle } from './sync-cycle.js';

/**
 * One scheduler tick at its due time (ctx.now): on-premises changes accumulate, then — unless the scheduler is
 * disabled or suspended — maintenance (when enabled) and a sync cycle run; the next tick is one effective
 * interval later. Emulator choice: with SyncCycleEnabled = $false nothing runs at all, so no 1011/1012 either.
 */
export async function schedulerTick(ctx: OpContext): Promise<void> {
  const s = ctx.doc.scheduler;
  const onprem = ctx.onprem();
  if (onprem.churnPerCycle > 0) churn(onprem, onprem.churnPerCycle);
  if (s.syncCycleEnabled && !s.schedulerSuspended) {
    if (s.maintenanceEnabled) await runMaintenance(ctx);
    if (!cycleInProgress(ctx)) {
      const policy = s.nextSyncCyclePolicyType === 'Initial' ? 'Initial' : 'Delta';
      await runCycle(ctx, policy);
    }
  }
  s.nextSyncCycleStartTime = new Date(ctx.now.getTime() + effectiveInterval(ctx.doc)).toISOString();
}
