import type { StateStore } from './store.js';

/** What every domain reads time from. */
export interface Clock { now(): Date }

interface ClockDoc { offsetMs: number }

/**
 * The emulator's virtual clock: real time plus a persisted offset. It only moves forward by
 * itself at real speed; Set-EmulatorClock moves the offset.
 */
export class VirtualClock implements Clock {
  constructor(private readonly store: StateStore) {}

  private doc(): ClockDoc { return this.store.read<ClockDoc>('clock') ?? { offsetMs: 0 }; }

  now(): Date { return new Date(Date.now() + this.doc().offsetMs); }

  offsetMs(): number { return this.doc().offsetMs; }

  advance(ms: number): Date {
    if (!(ms >= 0)) throw new RangeError('The clock can only be advanced by a non-negative time span.');
    return this.store.update<ClockDoc, Date>('clock', () => ({ offsetMs: 0 }), (d) => {
      d.offsetMs += ms;
      return new Date(Date.now() + d.offsetMs);
    });
  }

  set(date: Date): Date {
    return this.store.update<ClockDoc, Date>('clock', () => ({ offsetMs: 0 }), (d) => {
      d.offsetMs = date.getTime() - Date.now();
      return date;
    });
  }
}

/** A clock tests can hold still and move by hand. */
export class ManualClock implements Clock {
  constructor(private t: Date = new Date()) {}
  now(): Date { return new Date(this.t.getTime()); }
  set(d: Date): void { this.t = new Date(d.getTime()); }
  advance(ms: number): void { this.t = new Date(this.t.getTime() + ms); }
}
