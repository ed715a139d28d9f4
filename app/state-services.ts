import type { ShellModule } from '../runtime/module-catalog.js';
import { StateStore, VirtualClock, stateHome } from '../state/index.js';

/** The persisted state and the emulator's virtual clock, shared by every module of a session. */
export function stateModule(home: string = stateHome()): ShellModule & { clock: VirtualClock; store: StateStore } {
  const store = new StateStore(home);
  const clock = new VirtualClock(store);
  return {
    name: 'state',
    store,
    clock,
    register(_registry, services) {
      services.set('state', store);
      services.set('clock', clock);
    },
  };
}
