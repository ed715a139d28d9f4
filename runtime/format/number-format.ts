import { PSDecimal, numberText, formatDouble, isNumeric, numKindOf, isIntegerKind, toJsNumber } from '../values/numeric.js';
import { roundTo } from '../values/decimal.js';

/**
 * .NET number-to-text rules as PowerShell prints numbers (en-US), over the numeric values of
 * runtime/values/numeric.ts (plain JS numbers for Int32/Double, boxed PSDouble/PSInteger/PSDecimal otherwise).
 */

/** Double.ToString() as PowerShell shows it: 15 significant digits ('G15'), 'E+XX' exponents. */
export { formatDouble };

/** Any plain JS number as PowerShell prints it (runtime/values/numeric.ts says which type it is). */
export function formatNumber(n: number): string { return numberText(n); }

/** Fixed-point 'F<digits>' (no group separators), as table cells show Double/Single/Decimal values. */
export function formatFixed(v: unknown, digits: number): string {
  if (v instanceof PSDecimal) {
    const r = roundTo(v, digits, 'away');
    const neg = r.mantissa < 0n;
    let t = new PSDecimal(neg ? -r.mantissa : r.mantissa, r.scale).toString();
    if (r.scale < digits) t += (r.scale === 0 && digits > 0 ? '.' : '') + '0'.repeat(digits - r.scale);
    return (neg ? '-' : '') + t;
  }
  const n = toJsNumber(v);
  if (!Number.isFinite(n)) return formatDouble(n);
  if (Math.abs(n) < 1e21) return n.toFixed(digits);
  // toFixed switches to exponent notation from 1e21; spell the integer out instead.
  const int = BigInt(Math.round(n)).toString();
  return digits > 0 ? `${int}.${'0'.repeat(digits)}` : int;
}

/** A .NET format string applied to a value ('N2', 'F0', 'D5', 'X2', or composite '{0:N2}'); others fall back to text. */
export function applyFormatString(value: unknown, format: string, fallback: (v: unknown) => string): string {
  if (format.includes('{0') || format.includes('}')) {
    return format.replace(/\{0(?:,(-?\d+))?(?::([^}]*))?\}/g, (_m, align?: string, inner?: string) => {
      let s = inner ? applyFormatString(value, inner, fallback) : fallback(value);
      if (align) {
        const w = Number(align);
        s = w < 0 ? s.padEnd(-w) : s.padStart(w);
      }
      return s;
    });
  }
  if (!isNumeric(value)) return fallback(value);
  const m = /^([NnFfDdXxPp])(\d*)$/.exec(format);
  if (!m) return fallback(value);
  const kind = m[1]!;
  const digits = m[2] === '' ? undefined : Number(m[2]);
  if (value instanceof PSDecimal && /[FfNn]/.test(kind)) {
    const fixed = formatFixed(value, digits ?? 2);
    if (kind === 'F' || kind === 'f') return fixed;
    const neg = fixed.startsWith('-');
    const [i, f] = (neg ? fixed.slice(1) : fixed).split('.') as [string, string | undefined];
    return (neg ? '-' : '') + i.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (f ? '.' + f : '');
  }
  if (typeof value !== 'number') {
    const k = numKindOf(value)!;
    if (isIntegerKind(k) || /[NnFfPp]/.test(kind)) return applyFormatString(toJsNumber(value), format, fallback);
    return fallback(value);
  }
  switch (kind.toUpperCase()) {
    case 'N': {
      const d = digits ?? 2;
      const fixed = formatFixed(Math.abs(value), d);
      const [i, f] = fixed.split('.') as [string, string | undefined];
      const grouped = i.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
      return (value < 0 && Number(fixed) !== 0 ? '-' : '') + grouped + (f ? '.' + f : '');
    }
    case 'F': return formatFixed(value, digits ?? 2);
    case 'P': return applyFormatString(value * 100, `N${digits ?? 2}`, fallback) + ' %';
    case 'D':
      if (!Number.isInteger(value)) return fallback(value);
      return (value < 0 ? '-' : '') + String(Math.abs(value)).padStart(digits ?? 0, '0');
    case 'X': {
      if (!Number.isInteger(value)) return fallback(value);
      const hex = (value < 0 ? (value >>> 0) : value).toString(16).padStart(digits ?? 0, '0');
      return kind === 'X' ? hex.toUpperCase() : hex;
    }
  }
  return fallback(value);
}
