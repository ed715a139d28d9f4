import { numberText, plainKind, PSDouble, PSInteger, PSDecimal, INT_RANGE, formatSingle } from '../values/numeric.js';
import { roundTo } from '../values/decimal.js';
import { PSDateTime } from '../values/datetime.js';
import { PSTimeSpan } from '../values/timespan.js';

/**
 * .NET number, date and composite formatting in the en-US culture as Windows defines it (the documents'
 * captures come from Windows: two decimal digits for N/P, a plain space before AM/PM).
 */

function pad(n: number, w = 2): string { return String(Math.abs(Math.trunc(n))).padStart(w, '0'); }

/** Digits and exponent of x rounded to `precision` significant digits (or shortest round-trip when undefined). */
function decompose(x: number, precision?: number): { digits: string; exp: number } {
  const s = precision === undefined ? Math.abs(x).toExponential() : Math.abs(x).toExponential(precision - 1);
  const [m, e] = s.split('e') as [string, string];
  return { digits: m.replace('.', '').replace(/0+$/, '') || '0', exp: parseInt(e, 10) };
}

function generalFrom(x: number, digits: string, exp: number, sciAt: number, expDigits = 2, expChar = 'E'): string {
  const sign = x < 0 ? '-' : '';
  if (exp >= sciAt || exp < -4) {
    const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${mant}${expChar}${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(expDigits, '0')}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return sign + digits + '0'.repeat(exp + 1 - digits.length);
  return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}

function special(x: number): string | undefined {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return '-∞';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  return undefined;
}

/** What PowerShell's string conversion prints for a double: 15 significant digits ("G15"). */
export function formatG15(x: number): string {
  const s = special(x);
  if (s !== undefined) return s;
  const { digits, exp } = decompose(x, 15);
  return generalFrom(x, digits, exp, 15);
}

/** Double.ToString(): the shortest text that round-trips. */
export function doubleToString(x: number): string {
  const s = special(x);
  if (s !== undefined) return s;
  const { digits, exp } = decompose(x);
  return generalFrom(x, digits, exp, Math.max(15, digits.length + 1) );
}

/** A plain JS number as its PowerShell type prints it (runtime/values/numeric.ts says which type that is). */
export function numberToString(x: number): string {
  return numberText(x);
}

function group(intDigits: string): string { return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ','); }

/**
 * |x| with `decimals` digits as the standard formats (F N P C) round: correctly on the binary value,
 * an exact tie to even (2.25 → 2.2, 2.5 → 2), as .NET Core 3.0+ does.
 */
function fixed(x: number, decimals: number): string {
  const ax = Math.abs(x);
  if (ax >= 1e21) return BigInt(Math.round(ax)).toString() + (decimals ? '.' + '0'.repeat(decimals) : '');
  const d = Math.min(decimals, 99);
  const exact = ax.toFixed(Math.min(100, d + 40));
  const [ip, fp = ''] = exact.split('.') as [string, string | undefined];
  const rest = fp.slice(d);
  if (/^50*$/.test(rest)) {
    const keep = fp.slice(0, d);
    const last = d > 0 ? Number(keep[d - 1]) : Number(ip[ip.length - 1]);
    if (last % 2 === 0) return ip + (d ? '.' + keep : '');
  }
  return ax.toFixed(d);
}

/** Custom formats ('0.00') round half away from zero. */
function fixedAway(x: number, decimals: number): string {
  const ax = Math.abs(x);
  if (ax >= 1e21) return BigInt(Math.round(ax)).toString() + (decimals ? '.' + '0'.repeat(decimals) : '');
  return ax.toFixed(Math.min(decimals, 100));
}

export class FormatError extends Error {}

/** Number.ToString(format): standard (C D E F G N P R X) and custom ('0.00', '#,##0') formats. */
export function formatNumber(x: number, format: string | undefined, isInteger = Number.isInteger(x)): string {
  if (!format) return isInteger ? numberToString(x) : doubleToString(x);
  const m = /^([CcDdEeFfGgNnPpRrXx])(\d{0,2})$/.exec(format);
  if (!m) return customNumber(x, format);
  const kind = m[1]!.toUpperCase();
  const prec = m[2] === '' ? undefined : Number(m[2]);
  const neg = x < 0 || Object.is(x, -0);
  const sign = neg && x !== 0 ? '-' : '';
  switch (kind) {
    case 'D': {
      if (!isInteger) throw new FormatError('Format specifier was invalid.');
      return sign + String(Math.abs(x)).padStart(prec ?? 0, '0');
    }
    case 'X': {
      if (!isInteger) throw new FormatError('Format specifier was invalid.');
      let v = x;
      if (v < 0) v = v >= -(2 ** 31) ? v + 2 ** 32 : Number(BigInt.asUintN(64, BigInt(v)));
      const h = v.toString(16).padStart(prec ?? 0, '0');
      return m[1] === 'X' ? h.toUpperCase() : h;
    }
    case 'F': { const r = fixed(x, prec ?? 2); return (neg && /[1-9]/.test(r) ? '-' : '') + r; }
    case 'N': {
      const r = fixed(x, prec ?? 2);
      const [i, f] = r.split('.') as [string, string | undefined];
      return (neg && /[1-9]/.test(r) ? '-' : '') + group(i) + (f ? '.' + f : '');
    }
    case 'P': {
      const r = fixed(x * 100, prec ?? 2);
      const [i, f] = r.split('.') as [string, string | undefined];
      return (neg && /[1-9]/.test(r) ? '-' : '') + group(i) + (f ? '.' + f : '') + '%';
    }
    case 'C': {
      const r = fixed(x, prec ?? 2);
      const [i, f] = r.split('.') as [string, string | undefined];
      return (neg && /[1-9]/.test(r) ? '-' : '') + '$' + group(i) + (f ? '.' + f : '');
    }
    case 'E': {
      const p = prec ?? 6;
      const s = Math.abs(x).toExponential(p);
      const [mant, e] = s.split('e') as [string, string];
      const ex = parseInt(e, 10);
      return `${sign}${mant}${m[1] === 'e' ? 'e' : 'E'}${ex < 0 ? '-' : '+'}${String(Math.abs(ex)).padStart(3, '0')}`;
    }
    case 'G': {
      if (prec === undefined || prec === 0) return isInteger ? numberToString(x) : doubleToString(x);
      const sp = special(x);
      if (sp !== undefined) return sp;
      const { digits, exp } = decompose(x, prec);
      return generalFrom(x, digits, exp, prec, 2, m[1] === 'g' ? 'e' : 'E');
    }
    case 'R': return isInteger ? numberToString(x) : doubleToString(x);
  }
  return String(x);
}

/** Any numeric value (plain or boxed, runtime/values/numeric.ts) with a .NET format string, as its type formats it. */
export function formatNumeric(v: unknown, format: string | undefined): string {
  if (typeof v === 'number') return formatNumber(v, format, plainKind(v) !== 'Double');
  if (v instanceof PSDouble) {
    if (!format && v.kind === 'Single') return formatSingle(v.value);
    return formatNumber(v.value, format, false);
  }
  if (v instanceof PSInteger) {
    const k = /^([DdXx])(\d{0,2})$/.exec(format ?? '');
    if (!format) return v.value.toString();
    if (k) {
      const w = k[2] ? Number(k[2]) : 0;
      if (k[1] === 'D' || k[1] === 'd') return (v.value < 0n ? '-' : '') + (v.value < 0n ? -v.value : v.value).toString().padStart(w, '0');
      const h = BigInt.asUintN(INT_RANGE[v.kind][2] * 8, v.value).toString(16).padStart(w, '0');
      return k[1] === 'X' ? h.toUpperCase() : h;
    }
    return formatNumber(Number(v.value), format, true);
  }
  if (v instanceof PSDecimal) {
    if (!format) return v.toString();
    const k = /^([FfNnPpCcGgRrDdXx])(\d{0,2})$/.exec(format);
    if (!k) return formatNumber(v.toNumber(), format, false);
    const kind = k[1]!.toUpperCase();
    if (kind === 'D' || kind === 'X') throw new FormatError('Format specifier was invalid.');
    if (kind === 'G' || kind === 'R') return k[2] && kind === 'G' ? formatNumber(v.toNumber(), format, false) : v.toString();
    // Decimal formats round half away from zero on the exact decimal value.
    const scaled = kind === 'P' ? new PSDecimal(v.mantissa * 100n, v.scale) : v;
    const prec = k[2] === '' ? 2 : Number(k[2]);
    const r = roundTo(scaled, prec, 'away');
    const text = new PSDecimal(r.mantissa < 0n ? -r.mantissa : r.mantissa, r.scale).toString();
    const padded = r.scale < prec ? (r.scale === 0 && prec > 0 ? text + '.' + '0'.repeat(prec) : text + '0'.repeat(prec - r.scale)) : text;
    const [i, f] = padded.split('.') as [string, string | undefined];
    const body = kind === 'F' ? padded : group(i) + (f ? '.' + f : '');
    const sign = r.mantissa < 0n ? '-' : '';
    return sign + (kind === 'C' ? '$' : '') + body + (kind === 'P' ? '%' : '');
  }
  return String(v);
}

/** Custom numeric format strings: 0 # . , % ‰ E0 'literal' \c and ; sections. */
function customNumber(x: number, format: string): string {
  const sections = splitSections(format);
  let fmt = sections[0]!;
  let v = x;
  if (x < 0 && sections[1] !== undefined) { fmt = sections[1]; v = -x; }
  else if (x === 0 && sections[2] !== undefined) fmt = sections[2];
  // tokenise into literal and pattern parts
  let intPattern = '', fracPattern = '', seenDot = false, percent = false, grouping = false, scale = 0;
  const prefix: string[] = [], suffix: string[] = [];
  let sawDigit = false;
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i]!;
    const lit = (s: string) => { (sawDigit ? suffix : prefix).push(s); };
    if (c === "'" || c === '"') { const j = fmt.indexOf(c, i + 1); lit(fmt.slice(i + 1, j < 0 ? fmt.length : j)); i = j < 0 ? fmt.length : j; continue; }
    if (c === '\\') { lit(fmt[i + 1] ?? ''); i++; continue; }
    if (c === '0' || c === '#') { sawDigit = true; if (suffix.length) { suffix.length = 0; } if (seenDot) fracPattern += c; else intPattern += c; continue; }
    if (c === '.') { if (!seenDot) { seenDot = true; sawDigit = true; } continue; }
    if (c === ',') {
      if (!seenDot) {
        // trailing commas scale by 1000
        let j = i; while (fmt[j] === ',') j++;
        if (!/[0#]/.test(fmt[j] ?? '')) { scale += j - i; i = j - 1; continue; }
        grouping = true;
      }
      continue;
    }
    if (c === '%') { percent = true; lit('%'); continue; }
    lit(c);
  }
  if (percent) v *= 100;
  if (scale) v /= 1000 ** scale;
  const maxFrac = fracPattern.length;
  const minFrac = fracPattern.replace(/#+$/, '').length;
  const minInt = intPattern.replace(/^#+/, '').length;
  let r = fixedAway(v, maxFrac);
  let [ip, fp] = r.split('.') as [string, string | undefined];
  if (ip === '0' && minInt === 0) ip = '';
  ip = ip.padStart(minInt, '0');
  fp = (fp ?? '').replace(/0+$/, '');
  if (fp.length < minFrac) fp = fp.padEnd(minFrac, '0');
  if (grouping) ip = group(ip);
  r = ip + (fp ? '.' + fp : '');
  const negative = v < 0 && /[1-9]/.test(r) && !(x < 0 && sections[1] !== undefined);
  return (negative ? '-' : '') + prefix.join('') + r + suffix.join('');
}

function splitSections(format: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if (c === '\\') { cur += c + (format[i + 1] ?? ''); i++; continue; }
    if (c === "'" || c === '"') { const j = format.indexOf(c, i + 1); const e = j < 0 ? format.length : j; cur += format.slice(i, e + 1); i = e; continue; }
    if (c === ';') { out.push(cur); cur = ''; continue; }
    cur += c;
  }
  out.push(cur);
  return out;
}

// ---------- DateTime ----------

const ABBR_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const ABBR_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const STANDARD_DATE: Record<string, string> = {
  d: 'M/d/yyyy', D: 'dddd, MMMM d, yyyy', t: 'h:mm tt', T: 'h:mm:ss tt', f: 'dddd, MMMM d, yyyy h:mm tt',
  F: 'dddd, MMMM d, yyyy h:mm:ss tt', g: 'M/d/yyyy h:mm tt', G: 'M/d/yyyy h:mm:ss tt', M: 'MMMM d', m: 'MMMM d',
  Y: 'MMMM yyyy', y: 'MMMM yyyy', s: "yyyy'-'MM'-'dd'T'HH':'mm':'ss", u: "yyyy'-'MM'-'dd HH':'mm':'ss'Z'",
};

export function formatDateTime(d: PSDateTime, format: string | undefined): string {
  if (!format) return d.toString();
  if (format === 'o' || format === 'O') return d.toIso();
  if (format === 'r' || format === 'R') {
    const u = d.kind === 'Utc' ? d : new PSDateTime(d.ms, 'Utc');
    return customDate(u, "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'");
  }
  if (format.length === 1) {
    const f = STANDARD_DATE[format];
    if (!f) throw new FormatError('Input string was not in a correct format.');
    return customDate(d, f);
  }
  return customDate(d, format);
}

function ticksFraction(d: PSDateTime): string { return String(d.fields().millisecond).padStart(3, '0') + '0000'; }

function customDate(d: PSDateTime, format: string): string {
  const f = d.fields();
  let out = '';
  for (let i = 0; i < format.length;) {
    const c = format[i]!;
    let n = 1;
    while (format[i + n] === c) n++;
    switch (c) {
      case 'y': out += n === 1 ? String(f.year % 100) : n === 2 ? pad(f.year % 100) : pad(f.year, n); break;
      case 'M': out += n === 1 ? String(f.month) : n === 2 ? pad(f.month) : n === 3 ? ABBR_MONTHS[f.month - 1] : PSDateTime.monthName(f.month); break;
      case 'd': out += n === 1 ? String(f.day) : n === 2 ? pad(f.day) : n === 3 ? ABBR_DAYS[f.dayOfWeek] : PSDateTime.dayName(f.dayOfWeek); break;
      case 'h': { const h = f.hour % 12 === 0 ? 12 : f.hour % 12; out += n === 1 ? String(h) : pad(h); break; }
      case 'H': out += n === 1 ? String(f.hour) : pad(f.hour); break;
      case 'm': out += n === 1 ? String(f.minute) : pad(f.minute); break;
      case 's': out += n === 1 ? String(f.second) : pad(f.second); break;
      case 'f': out += ticksFraction(d).slice(0, Math.min(n, 7)); break;
      case 'F': out += ticksFraction(d).slice(0, Math.min(n, 7)).replace(/0+$/, ''); break;
      case 't': out += n === 1 ? (f.hour < 12 ? 'A' : 'P') : f.hour < 12 ? 'AM' : 'PM'; break;
      case 'z': {
        const off = d.kind === 'Utc' ? 0 : -new Date(d.ms).getTimezoneOffset();
        const sg = off >= 0 ? '+' : '-';
        const a = Math.abs(off);
        out += n === 1 ? `${sg}${Math.floor(a / 60)}` : n === 2 ? `${sg}${pad(Math.floor(a / 60))}` : `${sg}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
        break;
      }
      case 'K': {
        if (d.kind === 'Utc') out += 'Z';
        else if (d.kind === 'Local') { const off = -new Date(d.ms).getTimezoneOffset(); out += `${off >= 0 ? '+' : '-'}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`; }
        n = 1;
        break;
      }
      case "'": case '"': {
        const j = format.indexOf(c, i + 1);
        const e = j < 0 ? format.length : j;
        out += format.slice(i + 1, e);
        i = e + 1;
        continue;
      }
      case '\\': out += format[i + 1] ?? ''; i += 2; continue;
      case '%': i += 1; continue;
      case 'g': out += 'A.D.'; break;
      default: out += c.repeat(n);
    }
    i += n;
  }
  return out;
}

// ---------- TimeSpan ----------

export function formatTimeSpan(t: PSTimeSpan, format: string | undefined): string {
  if (!format || format === 'c' || format === 't' || format === 'T') return t.toString();
  const neg = t.ticks < 0;
  const a = Math.abs(t.ticks);
  const days = Math.trunc(a / PSTimeSpan.TicksPerDay);
  const h = Math.trunc(a / PSTimeSpan.TicksPerHour) % 24;
  const mi = Math.trunc(a / PSTimeSpan.TicksPerMinute) % 60;
  const s = Math.trunc(a / PSTimeSpan.TicksPerSecond) % 60;
  const frac = String(a % PSTimeSpan.TicksPerSecond).padStart(7, '0');
  if (format === 'g') return `${neg ? '-' : ''}${days ? days + ':' : ''}${h}:${pad(mi)}:${pad(s)}${/[1-9]/.test(frac) ? '.' + frac.replace(/0+$/, '') : ''}`;
  if (format === 'G') return `${neg ? '-' : ''}${days}:${pad(h)}:${pad(mi)}:${pad(s)}.${frac}`;
  let out = '';
  for (let i = 0; i < format.length;) {
    const c = format[i]!;
    let n = 1;
    while (format[i + n] === c) n++;
    switch (c) {
      case 'd': out += String(days).padStart(n, '0'); break;
      case 'h': out += n === 1 ? String(h) : pad(h); break;
      case 'm': out += n === 1 ? String(mi) : pad(mi); break;
      case 's': out += n === 1 ? String(s) : pad(s); break;
      case 'f': out += frac.slice(0, n); break;
      case 'F': out += frac.slice(0, n).replace(/0+$/, ''); break;
      case "'": case '"': { const j = format.indexOf(c, i + 1); const e = j < 0 ? format.length : j; out += format.slice(i + 1, e); i = e + 1; continue; }
      case '\\': out += format[i + 1] ?? ''; i += 2; continue;
      case '%': i += 1; continue;
      default: throw new FormatError('Input string was not in a correct format.');
    }
    i += n;
  }
  return out;
}

// ---------- composite ----------

/**
 * String.Format: `{index[,alignment][:format]}` with `{{`/`}}` escapes. `format1` formats one argument
 * (number/date formats, or the value's string form).
 */
export function formatComposite(fmt: string, args: readonly unknown[], format1: (v: unknown, f: string | undefined) => string): string {
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i]!;
    if (c === '{') {
      if (fmt[i + 1] === '{') { out += '{'; i++; continue; }
      const close = fmt.indexOf('}', i);
      if (close < 0) throw new FormatError('Input string was not in a correct format.');
      const spec = fmt.slice(i + 1, close);
      const m = /^\s*(\d+)\s*(?:,\s*(-?\d+)\s*)?(?::(.*))?$/s.exec(spec);
      if (!m) throw new FormatError('Input string was not in a correct format.');
      const idx = Number(m[1]);
      if (idx >= args.length) throw new FormatError('Index (zero based) must be greater than or equal to zero and less than the size of the argument list.');
      let s = format1(args[idx], m[3]);
      if (m[2]) { const w = Number(m[2]); s = w < 0 ? s.padEnd(-w) : s.padStart(w); }
      out += s;
      i = close;
      continue;
    }
    if (c === '}') {
      if (fmt[i + 1] === '}') { out += '}'; i++; continue; }
      throw new FormatError('Input string was not in a correct format.');
    }
    out += c;
  }
  return out;
}
