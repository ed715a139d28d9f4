import type { Clock } from '../state/index.js';

/**
 * The clock the server and an in-process tenant share. While the scheduler catches up on a clock advance it
 * pins time to each due cycle in turn, so certificate validity, token lifetimes and audit times are those of
 * that cycle; otherwise it reads the underlying (virtual) clock.
 */
export class SteppingClock implements Clock {
  private pinned: Date | null = null;
  constructor(readonly base: Clock) {}
  now(): Date { return this.pinned ? new Date(this.pinned.getTime()) : this.base.now(); }
  pin(d: Date): void { this.pinned = new Date(d.getTime()); }
  unpin(): void { this.pinned = null; }
}
