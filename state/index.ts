export { stateHome } from './home.js';
export { writeFileAtomic } from './atomic.js';
export { StateLock } from './lock.js';
export { StateStore } from './store.js';
export { StateCorruptError } from './errors.js';
export { VirtualClock, ManualClock, type Clock } from './clock.js';
