/**
 * PowerShell's numeric types over JS values. The hot, common cases stay plain JS numbers:
 *   - an integral number in Int32 range is an Int32 (-0 counts as Int32 0),
 *   - a non-integral number, NaN or ±Infinity is a Double,
 *   - an integral number outside Int32 range but within Int64's is an Int64 (ticks, file sizes; exact up
 *     to 2^53 — the runtime itself boxes larger Int64 results so they stay exact),
 *   - an integral number beyond Int64's range is a Double.
 * What a plain number cannot say is boxed: an integral Double or -0 (`PSDouble`, also `[float]` as
 * kind 'Single'), an Int64 in Int32 range or beyond 2^53 and the other integer widths (`PSInteger`,
 * a bigint), and a Decimal with its scale (`PSDecimal`).
 */
import { PSDecimal } from './decimal.js';

export { PSDecimal } from './decimal.js';

export type IntKind = 'Int64' | 'UInt64' | 'UInt32' | 'Int16' | 'UInt16' | 'Byte' | 'SByte';
export type NumKind = 'Int32' | IntKind | 'Double' | 'Single' | 'Decimal';

/** A Double (or Single) a plain JS number would misread: an integral value, -0, or any Single. */
export class PSDouble {
  constructor(readonly value: number, readonly kind: 'Double' | 'Single' = 'Double') {}
  valueOf(): number { return this.value; }
  toString(): string { return this.kind === 'Single' ? formatSingle(this.value) : formatDouble(this.value); }
}

/** An integer of a width other than Int32's (or an Int64 a plain number cannot carry exactly). */
export class PSInteger {
  constructor(readonly kind: IntKind, readonly value: bigint) {}
  valueOf(): number { return Number(this.value); }
  toString(): string { return this.value.toString(); }
}

/**
 * A numeric command argument whose text is not its value's (`k 0x10`, `g 1kb`, `f 2.50`): PowerShell passes the
 * number wrapped with its token text. Conversions to string ([string], -join, -f, binding to a string
 * parameter, the formatter) show that text; arithmetic, string expansion of the value and ToString() see the number.
 */
export class PSIntegerToken extends PSInteger {
  constructor(kind: 'Int32' | IntKind, value: bigint, readonly tokenText: string) { super(kind as IntKind, value); }
  override toString(): string { return this.tokenText; }
}

export class PSDoubleToken extends PSDouble {
  constructor(value: number, kind: 'Double' | 'Single', readonly tokenText: string) { super(value, kind); }
  override toString(): string { return this.tokenText; }
}

/** The number a command argument's literal gives, carrying the literal's text when the two read differently. */
export function withTokenText(v: unknown, text: string): unknown {
  if (numberText(v) === text) return v;
  if (typeof v === 'number') {
    if ((v | 0) === v && !Object.is(v, -0)) return new PSIntegerToken('Int32', BigInt(v), text);
    return Number.isInteger(v) ? v : new PSDoubleToken(v, 'Double', text);
  }
  if (v instanceof PSDouble) return new PSDoubleToken(v.value, v.kind, text);
  if (v instanceof PSInteger) return new PSIntegerToken(v.kind, v.value, text);
  return v;
}

/** The number itself under a token wrapper (string expansion and ToString() see it, not the literal's text). */
export function withoutTokenText(v: unknown): unknown {
  if (v instanceof PSIntegerToken) return makeInt(v.kind, v.value);
  if (v instanceof PSDoubleToken) return v.kind === 'Single' ? new PSDouble(v.value, 'Single') : makeDouble(v.value);
  return v;
}

export const INT_RANGE: Record<'Int32' | IntKind, readonly [bigint, bigint, number, boolean]> = {
  // [min, max, size in bytes, unsigned]
  SByte: [-128n, 127n, 1, false],
  Byte: [0n, 255n, 1, true],
  Int16: [-32768n, 32767n, 2, false],
  UInt16: [0n, 65535n, 2, true],
  Int32: [-2147483648n, 2147483647n, 4, false],
  UInt32: [0n, 4294967295n, 4, true],
  Int64: [-(2n ** 63n), 2n ** 63n - 1n, 8, false],
  UInt64: [0n, 2n ** 64n - 1n, 8, true],
};

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const TWO63 = 2 ** 63;

export function isNumeric(v: unknown): boolean {
  return typeof v === 'number' || v instanceof PSDouble || v instanceof PSInteger || v instanceof PSDecimal;
}

/** A plain JS number's PowerShell type. */
export function plainKind(n: number): 'Int32' | 'Int64' | 'Double' {
  if ((n | 0) === n) return 'Int32';
  if (Number.isInteger(n) && n >= -TWO63 && n < TWO63) return 'Int64';
  return 'Double';
}

export function numKindOf(v: unknown): NumKind | undefined {
  if (typeof v === 'number') return plainKind(v);
  if (v instanceof PSDouble) return v.kind;
  if (v instanceof PSInteger) return v.kind;
  if (v instanceof PSDecimal) return 'Decimal';
  return undefined;
}

export const isIntegerKind = (k: NumKind): boolean => k !== 'Double' && k !== 'Single' && k !== 'Decimal';

/** A numeric value as a JS double (the value .NET's Convert.ToDouble gives). */
export function toJsNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (v instanceof PSDouble) return v.value;
  if (v instanceof PSInteger) return Number(v.value);
  if (v instanceof PSDecimal) return v.toNumber();
  return NaN;
}

/** An integral numeric value as a bigint (integer kinds only). */
export function toBigIntValue(v: unknown): bigint {
  if (typeof v === 'number') return BigInt(v);
  if (v instanceof PSInteger) return v.value;
  if (v instanceof PSDouble) return BigInt(v.value);
  throw new TypeError('not an integer');
}

/** A Double result: plain when a plain number reads as Double, boxed otherwise. */
export function makeDouble(n: number): number | PSDouble {
  if (n === 0) return Object.is(n, -0) ? new PSDouble(n) : new PSDouble(0);
  if (Number.isInteger(n) && n >= -TWO63 && n < TWO63) return new PSDouble(n);
  return n;
}

/** An integer of a kind (its range already checked). */
export function makeInt(kind: 'Int32' | IntKind, v: bigint): number | PSInteger {
  if (kind === 'Int32') return Number(v);
  if (kind === 'Int64') {
    if (v > 2147483647n || v < -2147483648n) { if (v <= BigInt(MAX_SAFE) && v >= -BigInt(MAX_SAFE)) return Number(v); }
    return new PSInteger('Int64', v);
  }
  return new PSInteger(kind, v);
}

/** An Int64 from a JS integer: plain when a plain number reads as Int64. */
export function makeInt64(n: number): number | PSInteger {
  if ((n | 0) !== n && n >= -MAX_SAFE && n <= MAX_SAFE) return n;
  return new PSInteger('Int64', BigInt(n));
}

export function fitsInt(kind: 'Int32' | IntKind, v: bigint): boolean {
  const r = INT_RANGE[kind];
  return v >= r[0] && v <= r[1];
}

export function numTypeName(k: NumKind): string { return 'System.' + k; }

// ---------- text ----------

/** Double.ToString() as PowerShell shows it: 15 significant digits ('G15'), 'E+XX' exponents. */
export function formatDouble(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return '∞';
  if (n === -Infinity) return '-∞';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  return formatSignificant(n, 15);
}

/** Single.ToString(): the shortest text that round-trips as a float32. */
export function formatSingle(n: number): string {
  if (!Number.isFinite(n) || n === 0) return formatDouble(n);
  const f = Math.fround(n);
  for (let p = 1; p <= 9; p++) {
    const s = f.toPrecision(p);
    if (Math.fround(Number(s)) === f) return formatSignificant(Number(s), p, 7);
  }
  return formatSignificant(f, 9, 7);
}

/** 'G<digits>' for a finite non-zero number: fixed notation for exponents -5..digits-1, E notation otherwise. */
export function formatSignificant(n: number, precision: number, expLimit = precision): string {
  const [mant, expText] = n.toExponential(precision - 1).split('e') as [string, string];
  let exp = Number(expText);
  let digits = mant.replace('-', '').replace('.', '').replace(/0+$/, '');
  if (digits === '') digits = '0';
  const neg = n < 0 ? '-' : '';
  if (exp >= expLimit || exp < -4) {
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

/** A numeric value's ToString() (invariant culture, as PowerShell converts numbers to text). */
export function numberText(v: unknown): string {
  if (typeof v === 'number') {
    if ((v | 0) === v) return String(v | 0);
    if (Number.isInteger(v) && v >= -TWO63 && v < TWO63) return v === -TWO63 ? '-9223372036854775808' : BigInt(v).toString();
    return formatDouble(v);
  }
  return String(v);
}

// ---------- literals ----------

const MULTIPLIER: Record<string, bigint> = { kb: 1024n, mb: 1024n ** 2n, gb: 1024n ** 3n, tb: 1024n ** 4n, pb: 1024n ** 5n };
const SUFFIX_KIND: Record<string, 'Int32' | IntKind | 'Decimal'> = {
  l: 'Int64', ul: 'UInt64', u: 'UInt32', y: 'SByte', uy: 'Byte', s: 'Int16', us: 'UInt16', n: 'Int64', d: 'Decimal',
};

/** The smallest of Int32, Int64, Decimal, Double that holds an integer literal, as PowerShell's tokenizer picks it. */
function integerLiteral(v: bigint): unknown {
  if (v >= -2147483648n && v <= 2147483647n) return Number(v);
  if (fitsInt('Int64', v)) return makeInt('Int64', v);
  if (v < (1n << 96n) && v > -(1n << 96n)) return new PSDecimal(v, 0);
  return Number(v);
}

/**
 * A PowerShell numeric literal as its typed value (also how strings convert to numbers): decimal, hex (0x),
 * binary (0b), exponent, type suffix (l d u y s n, ul uy us) and multiplier (kb..pb). Undefined when not a number
 * (or when the value does not fit its suffix's type).
 */
export function parseNumberLiteral(text: string): unknown {
  const m = /^([+-]?)(?:0x([0-9a-f]+)|0b([01]+)|(\d+\.?\d*(?:e[+-]?\d+)?|\.\d+(?:e[+-]?\d+)?))(ul|uy|us|un|l|d|u|y|s|n)?(kb|mb|gb|tb|pb)?$/i.exec(text);
  if (!m) return undefined;
  const neg = m[1] === '-';
  const suffix = (m[5] ?? '').toLowerCase();
  const mult = m[6] ? MULTIPLIER[m[6].toLowerCase()]! : 1n;
  const kind = SUFFIX_KIND[suffix];
  if (m[2] !== undefined || m[3] !== undefined) {
    const digits = m[2] !== undefined ? m[2].replace(/^0+(?=.)/, '') : m[3]!.replace(/^0+(?=.)/, '');
    let v = BigInt(m[2] !== undefined ? '0x' + m[2] : '0b' + m[3]);
    const bits = m[2] !== undefined ? digits.length * 4 : digits.length;
    // Hex/binary literals up to 32 bits are Int32 (two's complement: 0xFFFFFFFF is -1), up to 64 bits Int64.
    if (!suffix.startsWith('u')) {
      if (bits <= 32 && kind !== 'Int64') { if (v > 0x7fffffffn) v -= 1n << 32n; }
      else if (bits <= 64 && v >= 1n << 63n) v -= 1n << 64n;
    }
    v *= mult;
    if (neg) v = -v;
    if (kind && kind !== 'Decimal') return fitsInt(kind, v) ? makeInt(kind, v) : undefined;
    if (kind === 'Decimal') return new PSDecimal(v, 0);
    return integerLiteral(v);
  }
  const body = m[4]!;
  const real = /[.e]/i.test(body);
  if (kind === 'Decimal') {
    let d = PSDecimal.parse(body);
    if (!d) return undefined;
    if (mult !== 1n) d = new PSDecimal(d.mantissa * mult, d.scale);
    return neg ? d.negate() : d;
  }
  if (!real) {
    let v = BigInt(body) * mult;
    if (neg) v = -v;
    if (kind) return fitsInt(kind, v) ? makeInt(kind, v) : undefined;
    return integerLiteral(v);
  }
  let x = Number(body) * Number(mult);
  if (!Number.isFinite(x)) return undefined;
  if (neg) x = -x;
  if (kind) {
    // 1.5l: a real literal with an integer suffix rounds to that type.
    const r = Math.round(x);
    const v = BigInt(Math.abs(x % 1) === 0.5 ? 2 * Math.round(x / 2) : r);
    return fitsInt(kind, v) ? makeInt(kind, v) : undefined;
  }
  return makeDouble(x);
}
