/**
 * .NET number-to-text rules as PowerShell prints numbers (en-US). JavaScript has one number type; an
 * integral value is taken for an Int32/Int64 and anything else for a Double, as the rest of the shell does.
 */

/** Double.ToString() as PowerShell shows it: 15 significant digits ('G15'), 'E+XX' exponents. */
export function formatDouble(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return '∞';
  if (n === -Infinity) return '-∞';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const [mant, expText] = n.toExponential(14).split('e') as [string, string];
  let exp = Number(expText);
  // Rounding to 15 digits can carry into a new digit (9.99…e4 → 1.00…e5): toExponential already normalises.
  let digits = mant.replace('-', '').replace('.', '').replace(/0+$/, '');
  if (digits === '') digits = '0';
  const neg = n < 0 ? '-' : '';
  if (exp >= 15 || exp < -4) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const sign = exp < 0 ? '-' : '+';
    exp = Math.abs(exp);
    return `${neg}${m}E${sign}${String(exp).padStart(2, '0')}`;
  }
  if (exp < 0) return `${neg}0.${'0'.repeat(-exp - 1)}${digits}`;
  const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const frac = digits.slice(exp + 1);
  return frac ? `${neg}${intPart}.${frac}` : `${neg}${intPart}`;
}

/** Any JS number as PowerShell prints it: integers plainly, others as a Double. */
export function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) <= Number.MAX_SAFE_INTEGER) return Object.is(n, -0) ? '-0' : String(n);
  return formatDouble(n);
}

/** Fixed-point 'F<digits>' (no group separators), as table cells show Double/Single/Decimal values. */
export function formatFixed(n: number, digits: number): string {
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
  if (typeof value !== 'number') return fallback(value);
  const m = /^([NnFfDdXxPp])(\d*)$/.exec(format);
  if (!m) return fallback(value);
  const kind = m[1]!;
  const digits = m[2] === '' ? undefined : Number(m[2]);
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
