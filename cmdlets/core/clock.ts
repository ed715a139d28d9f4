import type { ExecutionContext } from '../../runtime/commands/context.js';

/** The emulator's virtual clock ('clock' service); real time only when no clock is provided (unit tests). */
export function now(ctx: ExecutionContext): Date {
  let clock: { now(): Date } | undefined;
  try { clock = ctx.service<{ now(): Date }>('clock'); } catch { clock = undefined; }
  return clock ? clock.now() : new Date();
}
