/**
 * System.DateTime. Stored as epoch milliseconds plus a Kind; rendered in the en-US culture,
 * which is what the documents' captures show (the emulator fixes the culture; see docs/shell.md).
 */
export type DateTimeKind = 'Local' | 'Utc' | 'Unspecified';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export class PSDateTime {
  /** subTicks: the 100-ns ticks below the millisecond (0..9999), which .NET keeps and JS time values cannot. */
  constructor(readonly ms: number, readonly kind: DateTimeKind = 'Local', readonly subTicks: number = 0) {}

  static fromDate(d: Date, kind: DateTimeKind = 'Local'): PSDateTime { return new PSDateTime(d.getTime(), kind); }
  toDate(): Date { return new Date(this.ms); }

  /** Calendar fields as the value presents them: local time for Local/Unspecified, UTC for Utc. */
  fields(): { year: number; month: number; day: number; hour: number; minute: number; second: number; millisecond: number; dayOfWeek: number } {
    const d = new Date(this.ms);
    const utc = this.kind === 'Utc';
    return {
      year: utc ? d.getUTCFullYear() : d.getFullYear(),
      month: (utc ? d.getUTCMonth() : d.getMonth()) + 1,
      day: utc ? d.getUTCDate() : d.getDate(),
      hour: utc ? d.getUTCHours() : d.getHours(),
      minute: utc ? d.getUTCMinutes() : d.getMinutes(),
      second: utc ? d.getUTCSeconds() : d.getSeconds(),
      millisecond: utc ? d.getUTCMilliseconds() : d.getMilliseconds(),
      dayOfWeek: utc ? d.getUTCDay() : d.getDay(),
    };
  }

  static dayName(i: number): string { return DAYS[i]!; }
  static monthName(i: number): string { return MONTHS[i - 1]!; }

  /** DateTime.ToString() in en-US: short date + long time, e.g. '1/23/2018 2:58:30 PM'. */
  toString(): string {
    const f = this.fields();
    const h12 = f.hour % 12 === 0 ? 12 : f.hour % 12;
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${f.month}/${f.day}/${f.year} ${h12}:${pad(f.minute)}:${pad(f.second)} ${f.hour < 12 ? 'AM' : 'PM'}`;
  }

  /** What pwsh prints for a bare DateTime (its DisplayHint DateTime view): 'Monday, November 23, 2026 6:06:42 AM'. */
  toLongString(): string {
    const f = this.fields();
    const h12 = f.hour % 12 === 0 ? 12 : f.hour % 12;
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${DAYS[f.dayOfWeek]}, ${MONTHS[f.month - 1]} ${f.day}, ${f.year} ${h12}:${pad(f.minute)}:${pad(f.second)} ${f.hour < 12 ? 'AM' : 'PM'}`;
  }

  /** ISO 8601 round-trip form ('o'), as ConvertTo-Json writes dates. */
  toIso(): string {
    const f = this.fields();
    const pad = (n: number, w = 2) => String(n).padStart(w, '0');
    const base = `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}T${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}.${pad(f.millisecond, 3)}${pad(this.subTicks, 4)}`;
    if (this.kind === 'Utc') return base + 'Z';
    if (this.kind === 'Unspecified') return base;
    const off = -new Date(this.ms).getTimezoneOffset();
    const sign = off >= 0 ? '+' : '-';
    return `${base}${sign}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
  }

  addMs(ms: number): PSDateTime { return new PSDateTime(this.ms + ms, this.kind, this.subTicks); }
}
