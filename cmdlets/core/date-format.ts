/**
 * DateTime.ToString(format) in the en-US culture (standard and custom .NET formats) and Get-Date
 * -UFormat's Unix specifiers. The emulator follows Windows' NLS data (a plain space before AM/PM),
 * as the documents' captures and PSDateTime.toString() do.
 */
import { PSDateTime } from '../../runtime/values/datetime.js';

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');
const SHORT_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Offset from UTC in minutes of the value's presentation (0 for Utc). */
function offsetMinutes(d: PSDateTime): number {
  return d.kind === 'Utc' ? 0 : -new Date(d.ms).getTimezoneOffset();
}

function offsetText(mins: number, form: 'z' | 'zz' | 'zzz'): string {
  const sign = mins >= 0 ? '+' : '-';
  const h = Math.floor(Math.abs(mins) / 60), m = Math.abs(mins) % 60;
  if (form === 'z') return `${sign}${h}`;
  if (form === 'zz') return `${sign}${pad(h)}`;
  return `${sign}${pad(h)}:${pad(m)}`;
}

function toUtc(d: PSDateTime): PSDateTime { return new PSDateTime(d.ms, 'Utc'); }

const STANDARD: Record<string, string> = {
  d: 'M/d/yyyy', D: 'dddd, MMMM d, yyyy', f: 'dddd, MMMM d, yyyy h:mm tt', F: 'dddd, MMMM d, yyyy h:mm:ss tt',
  g: 'M/d/yyyy h:mm tt', G: 'M/d/yyyy h:mm:ss tt', m: 'MMMM d', M: 'MMMM d', o: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
  O: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK", r: "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'", R: "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
  s: "yyyy'-'MM'-'dd'T'HH':'mm':'ss", t: 'h:mm tt', T: 'h:mm:ss tt', u: "yyyy'-'MM'-'dd HH':'mm':'ss'Z'", U: 'dddd, MMMM d, yyyy h:mm:ss tt',
  y: 'MMMM yyyy', Y: 'MMMM yyyy',
};

/** A .NET date format error, thrown as FormatException by the caller. */
export class DateFormatError extends Error {}

export function formatDateTime(d: PSDateTime, format: string | undefined): string {
  if (format === undefined || format === '') return d.toString();
  if (format.length === 1) {
    const std = STANDARD[format];
    if (!std) throw new DateFormatError('Input string was not in a correct format.');
    if (format === 'r' || format === 'R' || format === 'U') d = toUtc(d);
    return custom(d, std);
  }
  return custom(d, format);
}

function custom(d: PSDateTime, f: string): string {
  const F = d.fields();
  const ticksFraction = String(F.millisecond * 10000 + d.subTicks).padStart(7, '0');
  let out = '';
  let i = 0;
  const run = (c: string) => { let n = 0; while (f[i + n] === c) n++; return n; };
  while (i < f.length) {
    const c = f[i]!;
    switch (c) {
      case 'd': { const n = run(c); i += n; out += n === 1 ? String(F.day) : n === 2 ? pad(F.day) : n === 3 ? SHORT_DAYS[F.dayOfWeek] : PSDateTime.dayName(F.dayOfWeek); continue; }
      case 'M': { const n = run(c); i += n; out += n === 1 ? String(F.month) : n === 2 ? pad(F.month) : n === 3 ? SHORT_MONTHS[F.month - 1] : PSDateTime.monthName(F.month); continue; }
      case 'y': { const n = run(c); i += n; out += n === 1 ? String(F.year % 100) : n === 2 ? pad(F.year % 100) : pad(F.year, n); continue; }
      case 'h': { const n = run(c); i += n; const h = F.hour % 12 === 0 ? 12 : F.hour % 12; out += n === 1 ? String(h) : pad(h); continue; }
      case 'H': { const n = run(c); i += n; out += n === 1 ? String(F.hour) : pad(F.hour); continue; }
      case 'm': { const n = run(c); i += n; out += n === 1 ? String(F.minute) : pad(F.minute); continue; }
      case 's': { const n = run(c); i += n; out += n === 1 ? String(F.second) : pad(F.second); continue; }
      case 'f': { const n = run(c); i += n; out += ticksFraction.slice(0, Math.min(n, 7)); continue; }
      case 'F': { const n = run(c); i += n; out += ticksFraction.slice(0, Math.min(n, 7)).replace(/0+$/, ''); continue; }
      case 't': { const n = run(c); i += n; const ap = F.hour < 12 ? 'AM' : 'PM'; out += n === 1 ? ap[0] : ap; continue; }
      case 'z': { const n = Math.min(run(c), 3); i += run(c); out += offsetText(offsetMinutes(d), (['z', 'zz', 'zzz'] as const)[n - 1]!); continue; }
      case 'K': i++; out += d.kind === 'Utc' ? 'Z' : d.kind === 'Local' ? offsetText(offsetMinutes(d), 'zzz') : ''; continue;
      case 'g': { const n = run(c); i += n; out += 'A.D.'; continue; }
      case ':': case '/': i++; out += c; continue;
      case "'": case '"': {
        const end = f.indexOf(c, i + 1);
        if (end < 0) throw new DateFormatError(`Cannot find a matching quote character for the character '${c}'.`);
        out += f.slice(i + 1, end); i = end + 1; continue;
      }
      case '\\': out += f[i + 1] ?? ''; i += 2; continue;
      case '%': {
        const next = f[i + 1];
        if (next === undefined || next === '%') throw new DateFormatError('Input string was not in a correct format.');
        out += custom(d, next); i += 2; continue;
      }
      default: out += c; i++;
    }
  }
  return out;
}

/** ISO 8601 week number (%V) and its week-based year (%G). */
function isoWeek(y: number, m: number, day: number): { week: number; year: number } {
  const t = new Date(Date.UTC(2000, m - 1, day));
  t.setUTCFullYear(y);
  const dow = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - dow);
  const yearStart = new Date(Date.UTC(2000, 0, 1));
  yearStart.setUTCFullYear(t.getUTCFullYear());
  return { week: Math.ceil(((t.getTime() - yearStart.getTime()) / 86400000 + 1) / 7), year: t.getUTCFullYear() };
}

/**
 * Get-Date -UFormat: Unix date(1)-style specifiers exactly as pwsh 7's UFormatDateString implements them,
 * including where it departs from strftime (%U and %W are DayOfYear / 7 unpadded, %c is 'ddd dd MMM yyyy
 * HH:mm:ss', an unknown specifier writes just its letter, a leading '+' is skipped).
 */
export function formatUnix(d: PSDateTime, f: string): string {
  const F = d.fields();
  const jan1 = new Date(Date.UTC(2000, 0, 1)); jan1.setUTCFullYear(F.year);
  const day = new Date(Date.UTC(2000, F.month - 1, F.day)); day.setUTCFullYear(F.year);
  const dayOfYear = Math.round((day.getTime() - jan1.getTime()) / 86400000) + 1;
  const h12 = F.hour % 12 === 0 ? 12 : F.hour % 12;
  const off = offsetMinutes(d);
  let out = '';
  for (let i = f.startsWith('+') ? 1 : 0; i < f.length; i++) {
    const c = f[i]!;
    if (c !== '%' || i + 1 >= f.length) { out += c; continue; }
    const s = f[++i]!;
    switch (s) {
      case 'A': out += PSDateTime.dayName(F.dayOfWeek); break;
      case 'a': out += SHORT_DAYS[F.dayOfWeek]; break;
      case 'B': out += PSDateTime.monthName(F.month); break;
      case 'b': case 'h': out += SHORT_MONTHS[F.month - 1]; break;
      case 'C': out += String(Math.floor(F.year / 100)); break; // unpadded, as pwsh's own tests show (year 30: 0)
      case 'c': out += `${SHORT_DAYS[F.dayOfWeek]} ${pad(F.day)} ${SHORT_MONTHS[F.month - 1]} ${pad(F.year, 4)} ${pad(F.hour)}:${pad(F.minute)}:${pad(F.second)}`; break;
      case 'D': out += `${pad(F.month)}/${pad(F.day)}/${pad(F.year % 100)}`; break;
      case 'd': out += pad(F.day); break;
      case 'e': out += String(F.day).padStart(2, ' '); break;
      case 'F': out += `${pad(F.year, 4)}-${pad(F.month)}-${pad(F.day)}`; break;
      case 'G': out += pad(isoWeek(F.year, F.month, F.day).year, 4); break;
      case 'g': out += pad(isoWeek(F.year, F.month, F.day).year % 100); break;
      case 'H': out += pad(F.hour); break;
      case 'I': out += pad(h12); break;
      case 'j': out += pad(dayOfYear, 3); break;
      case 'k': out += String(F.hour).padStart(2, ' '); break;
      case 'l': out += String(h12).padStart(2, ' '); break;
      case 'M': out += pad(F.minute); break;
      case 'm': out += pad(F.month); break;
      case 'n': out += '\n'; break;
      case 'p': out += F.hour < 12 ? 'AM' : 'PM'; break;
      case 'R': out += `${pad(F.hour)}:${pad(F.minute)}`; break;
      case 'r': out += `${pad(h12)}:${pad(F.minute)}:${pad(F.second)} ${F.hour < 12 ? 'AM' : 'PM'}`; break;
      case 'S': out += pad(F.second); break;
      case 's': out += String(Math.sign(d.ms) * Math.round(Math.abs(d.ms) / 1000)); break;
      case 'T': out += `${pad(F.hour)}:${pad(F.minute)}:${pad(F.second)}`; break;
      case 't': out += '\t'; break;
      case 'U': out += String(Math.floor(dayOfYear / 7)); break;
      case 'u': out += String(F.dayOfWeek === 0 ? 7 : F.dayOfWeek); break;
      case 'V': out += pad(isoWeek(F.year, F.month, F.day).week); break;
      case 'W': out += String(Math.floor(dayOfYear / 7)); break;
      case 'w': out += String(F.dayOfWeek); break;
      case 'X': out += `${pad(F.hour)}:${pad(F.minute)}:${pad(F.second)}`; break;
      case 'x': out += `${pad(F.month)}/${pad(F.day)}/${pad(F.year % 100)}`; break;
      case 'Y': out += String(F.year).padStart(4, '0'); break;
      case 'y': out += pad(F.year % 100); break;
      case 'Z': out += offsetText(off, 'zz'); break;
      default: out += s;
    }
  }
  return out;
}
