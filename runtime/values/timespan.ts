/** System.TimeSpan, held in ticks (100 ns) as .NET does so '7.00:00:00' and fractions print exactly. */
export class PSTimeSpan {
  static readonly TicksPerMs = 10_000;
  static readonly TicksPerSecond = 10_000_000;
  static readonly TicksPerMinute = 600_000_000;
  static readonly TicksPerHour = 36_000_000_000;
  static readonly TicksPerDay = 864_000_000_000;

  constructor(readonly ticks: number) {}

  static fromMs(ms: number): PSTimeSpan { return new PSTimeSpan(Math.round(ms * PSTimeSpan.TicksPerMs)); }
  static from(days: number, hours = 0, minutes = 0, seconds = 0, ms = 0): PSTimeSpan {
    return new PSTimeSpan(days * PSTimeSpan.TicksPerDay + hours * PSTimeSpan.TicksPerHour + minutes * PSTimeSpan.TicksPerMinute
      + seconds * PSTimeSpan.TicksPerSecond + ms * PSTimeSpan.TicksPerMs);
  }

  get totalMilliseconds(): number { return this.ticks / PSTimeSpan.TicksPerMs; }
  get days(): number { return Math.trunc(this.ticks / PSTimeSpan.TicksPerDay); }
  get hours(): number { return Math.trunc(this.ticks / PSTimeSpan.TicksPerHour) % 24; }
  get minutes(): number { return Math.trunc(this.ticks / PSTimeSpan.TicksPerMinute) % 60; }
  get seconds(): number { return Math.trunc(this.ticks / PSTimeSpan.TicksPerSecond) % 60; }
  get milliseconds(): number { return Math.trunc(this.ticks / PSTimeSpan.TicksPerMs) % 1000; }

  /** TimeSpan.ToString() ('c' format): [-][d.]hh:mm:ss[.fffffff]. */
  toString(): string {
    const neg = this.ticks < 0;
    const t = Math.abs(this.ticks);
    const days = Math.trunc(t / PSTimeSpan.TicksPerDay);
    const rem = t - days * PSTimeSpan.TicksPerDay;
    const h = Math.trunc(rem / PSTimeSpan.TicksPerHour);
    const m = Math.trunc(rem / PSTimeSpan.TicksPerMinute) % 60;
    const s = Math.trunc(rem / PSTimeSpan.TicksPerSecond) % 60;
    const frac = rem % PSTimeSpan.TicksPerSecond;
    const pad = (n: number, w = 2) => String(n).padStart(w, '0');
    return `${neg ? '-' : ''}${days ? days + '.' : ''}${pad(h)}:${pad(m)}:${pad(s)}${frac ? '.' + pad(frac, 7) : ''}`;
  }
}
