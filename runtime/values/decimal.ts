/**
 * System.Decimal: a 96-bit integer mantissa and a scale of 0..28 (value = mantissa / 10^scale).
 * The scale is part of the value, as in .NET: 1.10d prints 1.10, 1.10d * 2 is 2.20.
 */
const MAX_MANTISSA = (1n << 96n) - 1n;
export const MAX_SCALE = 28;
const POW10: bigint[] = [];
for (let i = 0, p = 1n; i <= 60; i++, p *= 10n) POW10.push(p);
export const pow10 = (n: number): bigint => POW10[n] ?? 10n ** BigInt(n);

export class DecimalOverflow extends Error {}

export class PSDecimal {
  constructor(readonly mantissa: bigint, readonly scale: number) {}

  static fromInteger(v: bigint): PSDecimal {
    if (v > MAX_MANTISSA || v < -MAX_MANTISSA) throw new DecimalOverflow('Value was either too large or too small for a Decimal.');
    return new PSDecimal(v, 0);
  }

  /**
   * (decimal)double as .NET's VarDecFromR8 does it: scale the double to a 15-digit integer in double
   * arithmetic, round half to even, drop trailing zeros. (Scaling in double matters: 162 % 7.47 is
   * 5.13000000000000522, which prints 5.13000000000001 but converts to 5.13.)
   */
  static fromDouble(d: number): PSDecimal {
    if (!Number.isFinite(d) || Math.abs(d) >= 7.922816251426434e28) throw new DecimalOverflow('Value was either too large or too small for a Decimal.');
    if (d === 0) return new PSDecimal(0n, 0);
    const neg = d < 0;
    let dbl = Math.abs(d);
    const exp = Math.floor(Math.log2(dbl)) + 1; // the biased exponent minus DBL_BIAS (1022)
    let power = 14 - ((exp * 19728) >> 16);
    if (power >= 0) {
      if (power > MAX_SCALE) power = MAX_SCALE;
      dbl *= 10 ** power;
    } else if (power !== -1 || dbl >= 1e15) {
      dbl /= 10 ** -power;
    } else {
      power = 0;
    }
    if (dbl < 1e14 && power < MAX_SCALE) { dbl *= 10; power++; }
    let mant = Math.trunc(dbl);
    const frac = dbl - mant;
    if (frac > 0.5 || (frac === 0.5 && mant % 2 === 1)) mant++;
    if (mant === 0) return new PSDecimal(0n, 0);
    let m = BigInt(mant);
    if (power < 0) { m *= pow10(-power); power = 0; }
    while (power > 0 && m % 10n === 0n) { m /= 10n; power--; }
    return new PSDecimal(neg ? -m : m, power);
  }

  /** Decimal.Parse of plain digits with an optional fraction and exponent (invariant culture). */
  static parse(text: string): PSDecimal | undefined {
    const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text.trim());
    if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
    let digits = (m[2] ?? '') + (m[3] ?? '');
    let scale = (m[3] ?? '').length - Number(m[4] ?? 0);
    if (scale < 0) { digits += '0'.repeat(-scale); scale = 0; }
    let r = new PSDecimal(BigInt(digits || '0') * (m[1] === '-' ? -1n : 1n), scale);
    if (scale > MAX_SCALE) r = roundTo(r, MAX_SCALE, 'even');
    if (abs(r.mantissa) > MAX_MANTISSA) return undefined;
    return r;
  }

  toNumber(): number { return Number(this.toString()); }
  valueOf(): number { return this.toNumber(); }

  toString(): string {
    const neg = this.mantissa < 0n;
    let s = abs(this.mantissa).toString();
    if (this.scale > 0) {
      s = s.padStart(this.scale + 1, '0');
      s = s.slice(0, s.length - this.scale) + '.' + s.slice(s.length - this.scale);
    }
    return (neg ? '-' : '') + s;
  }

  isZero(): boolean { return this.mantissa === 0n; }
  negate(): PSDecimal { return new PSDecimal(-this.mantissa, this.scale); }
}

function abs(x: bigint): bigint { return x < 0n ? -x : x; }

function align(a: PSDecimal, b: PSDecimal): [bigint, bigint, number] {
  if (a.scale === b.scale) return [a.mantissa, b.mantissa, a.scale];
  if (a.scale > b.scale) return [a.mantissa, b.mantissa * pow10(a.scale - b.scale), a.scale];
  return [a.mantissa * pow10(b.scale - a.scale), b.mantissa, b.scale];
}

/** Brings a result back into 96 bits by lowering its scale (rounding half to even), or overflows. */
function fit(m: bigint, scale: number): PSDecimal {
  let r = new PSDecimal(m, scale);
  if (scale > MAX_SCALE) r = roundTo(r, MAX_SCALE, 'even');
  while (abs(r.mantissa) > MAX_MANTISSA && r.scale > 0) r = roundTo(r, r.scale - 1, 'even');
  if (abs(r.mantissa) > MAX_MANTISSA) throw new DecimalOverflow('Value was either too large or too small for a Decimal.');
  return r;
}

/** Rounds to `scale` decimals: 'even' (banker's, Math.Round's default) or 'away' (MidpointRounding.AwayFromZero, formatting). */
export function roundTo(d: PSDecimal, scale: number, mode: 'even' | 'away' | 'trunc' | 'floor' | 'ceiling'): PSDecimal {
  if (d.scale <= scale) return d;
  const div = pow10(d.scale - scale);
  let q = d.mantissa / div;
  const r = d.mantissa % div;
  if (r !== 0n) {
    const twice = abs(r) * 2n;
    const neg = d.mantissa < 0n;
    let up = false;
    switch (mode) {
      case 'even': up = twice > div || (twice === div && (abs(q) % 2n === 1n)); break;
      case 'away': up = twice >= div; break;
      case 'trunc': up = false; break;
      case 'floor': up = neg; break;
      case 'ceiling': up = !neg; break;
    }
    if (up) q += neg ? -1n : 1n;
  }
  return new PSDecimal(q, scale);
}

export function decAdd(a: PSDecimal, b: PSDecimal): PSDecimal { const [x, y, s] = align(a, b); return fit(x + y, s); }
export function decSub(a: PSDecimal, b: PSDecimal): PSDecimal { const [x, y, s] = align(a, b); return fit(x - y, s); }
export function decMul(a: PSDecimal, b: PSDecimal): PSDecimal { return fit(a.mantissa * b.mantissa, a.scale + b.scale); }
export function decCompare(a: PSDecimal, b: PSDecimal): number { const [x, y] = align(a, b); return x < y ? -1 : x > y ? 1 : 0; }
export function decRem(a: PSDecimal, b: PSDecimal): PSDecimal {
  const [x, y, s] = align(a, b);
  // .NET hands back the dividend itself (its own scale) when it is smaller than the divisor: 0d % 1.74d is 0.
  if (abs(x) < abs(y)) return a;
  return new PSDecimal(x % y, s);
}

/** Decimal division as .NET does it: exact when it can be, otherwise as many digits as 96 bits and scale 28 hold. */
export function decDiv(a: PSDecimal, b: PSDecimal): PSDecimal {
  let num = abs(a.mantissa);
  const den = abs(b.mantissa);
  const neg = (a.mantissa < 0n) !== (b.mantissa < 0n);
  let scale = a.scale - b.scale;
  if (scale < 0) { num *= pow10(-scale); scale = 0; }
  let q = num / den;
  let rem = num % den;
  while (rem !== 0n && scale < MAX_SCALE && q * 10n <= MAX_MANTISSA) {
    rem *= 10n;
    q = q * 10n + rem / den;
    rem %= den;
    scale++;
  }
  const inexact = rem !== 0n;
  if (inexact) {
    const twice = rem * 2n;
    if (twice > den || (twice === den && q % 2n === 1n)) q++;
  }
  // Digits the division added beyond the operands' own scale do not keep trailing zeros (as .NET unscales).
  const natural = inexact ? 0 : Math.max(0, a.scale - b.scale);
  let r = fit(neg ? -q : q, scale);
  while (r.scale > natural && r.mantissa % 10n === 0n) r = new PSDecimal(r.mantissa / 10n, r.scale - 1);
  return r;
}
