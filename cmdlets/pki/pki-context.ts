import { openPki, type PkiContext } from '../../pki/index.js';
import type { Clock, StateStore } from '../../state/index.js';
import type { ExecutionContext } from '../../runtime/commands/context.js';

/** Service names the coordinator registers on the session (see docs/pki-cmdlets.md). */
export const STATE_SERVICE = 'state';
export const CLOCK_SERVICE = 'clock';

const cache = new WeakMap<StateStore, WeakMap<Clock, PkiContext>>();

/** The pki/ context of this session: its state store and emulator clock. One per (store, clock) pair. */
export function pkiContext(ctx: Pick<ExecutionContext, 'service'>): PkiContext {
  const store = ctx.service<StateStore>(STATE_SERVICE);
  const clock = ctx.service<Clock>(CLOCK_SERVICE);
  let byClock = cache.get(store);
  if (!byClock) { byClock = new WeakMap(); cache.set(store, byClock); }
  let pki = byClock.get(clock);
  if (!pki) { pki = openPki(store, clock); byClock.set(clock, pki); }
  return pki;
}
