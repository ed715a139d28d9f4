import type { OpContext } from './context.js';
import { connectorActor } from './auth.js';
import { ev } from './event-texts.js';
import { purge } from './run-history.js';
import { rotateCredential } from './rotation.js';
import { registerApplication } from './registration.js';
import { settleStrandedKeys } from './credential-switch.js';
import { compareVersions, DAY, HOUR } from './util.js';
import { createHash } from 'node:crypto';

export const ROTATION_WARNING_DAYS = 150;
export const AUTO_ONBOARDING_MIN_VERSION = '2.5.76.0';
const WINDOW_MS = 6 * HOUR;

/**
 * The maintenance task the scheduler runs before each cycle: purge run history, warn about (or, when the server
 * manages the certificate, rotate) a certificate due within 150 days, report an expired one, remind that the key
 * is not TPM-backed, and onboard a ≥ 2.5.76.0 server still on the legacy account within six hours.
 */
export async function runMaintenance(ctx: OpContext): Promise<void> {
  const doc = ctx.doc;
  purge(ctx.runs(), new Date(ctx.now.getTime() - doc.scheduler.purgeRunHistoryIntervalMs));
  const cred = doc.credential;
  if (cred.type === 'Application') {
    const left = new Date(cred.certificate.notAfter).getTime() - ctx.now.getTime();
    const due = left <= ROTATION_WARNING_DAYS * DAY;
    let handled = false;
    if (due && cred.mode === 'Managed' && cred.automaticRotation) {
      try {
        await rotateCredential(ctx, await connectorActor(ctx), {}, 'Automatic');
        handled = true;
      } catch (e) {
        ctx.events.push(ev.rotationFailed(ctx.now, cred.appId, (e as Error).message));
      }
    }
    if (!handled && due) {
      ctx.events.push(left <= 0 ? ev.expired(ctx.now, cred.appId, cred.certificate) : ev.rotationDue(ctx.now, cred.appId, cred.certificate, Math.ceil(left / DAY)));
    }
    // A key a failed switch left on the application is an unused credential: take it off (a later attempt could
    // reuse it, but an idle extra credential on the sync application is worse). Failing, the next run tries again.
    if (!handled && (doc.strandedKeys ?? []).some((k) => k.appId === cred.appId)) {
      await settleStrandedKeys(ctx, await connectorActor(ctx), cred.appId, undefined, false).catch(() => undefined);
    }
    const now = doc.credential;
    if (now.type === 'Application' && !now.certificate.tpmBacked
        && (!doc.last1014At || ctx.now.getTime() - new Date(doc.last1014At).getTime() >= DAY)) {
      ctx.events.push(ev.notTpm(ctx.now, now.appId, now.certificate));
      doc.last1014At = ctx.now.toISOString();
    }
    return;
  }
  if (compareVersions(doc.version, AUTO_ONBOARDING_MIN_VERSION) < 0) return;
  if (!doc.autoOnboardingDueAt) {
    // A fixed point inside the six-hour window, derived from the machine id, so replays are reproducible.
    const offset = createHash('sha256').update(doc.syncMachineIdentifier).digest().readUInt32BE(0) % WINDOW_MS;
    doc.autoOnboardingDueAt = new Date(ctx.now.getTime() + offset).toISOString();
    return;
  }
  if (ctx.now < new Date(doc.autoOnboardingDueAt)) return;
  try {
    const r = await registerApplication(ctx, await connectorActor(ctx), {}, true);
    doc.autoOnboardingDueAt = null;
    ctx.events.push(ev.onboarded(ctx.now, r.ApplicationId, r.ApplicationDisplayName, 'Automatic onboarding to application-based authentication'));
  } catch (e) {
    doc.autoOnboardingDueAt = new Date(ctx.now.getTime() + WINDOW_MS).toISOString();
    ctx.events.push(ev.onboardingFailed(ctx.now, (e as Error).message));
  }
}
