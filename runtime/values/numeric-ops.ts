/**
 * Arithmetic and comparison between numeric values with PowerShell's promotion rules:
 *   - Decimal wins (a Double operand is converted to Decimal),
 *   - then Double (Single counts as Double),
 *   - otherwise an integer type: the wider operand, at least Int32; unsigned when the widest is unsigned;
 *     an overflow widens to Double; an integer division that is not exact gives a Double.
 * Plain Int32 pairs never reach the slow path here (see the fast paths in operators.ts / compile.ts).
 */
import {
  PSDouble, PSInteger, PSDecimal, INT_RANGE, type IntKind, type NumKind,
  numKindOf, toJsNumber, toBigIntValue, makeDouble, makeInt, fitsInt, plainKind,
} from './numeric.js';
import { decAdd, decSub, decMul, decDiv, decRem, decCompare, DecimalOverflow } from './decimal.js';

export type ArithOp = '+' | '-' | '*' | '/' | '%';

export class DivideByZero extends Error {}
export class NumericOverflow extends Error {}
/** A Double operand (NaN, ±Infinity, beyond ±7.9e28) that cannot become a Decimal: .NET's own OverflowException, not wrapped. */
export class OperandOverflow extends Error {}

/** The type PowerShell computes `a op b` in. */
export function operationKind(ka: NumKind, kb: NumKind): NumKind {
  if (ka === 'Decimal' || kb === 'Decimal') return 'Decimal';
  if (ka === 'Double' || kb === 'Double' || ka === 'Single' || kb === 'Single') return 'Double';
  const ra = INT_RANGE[ka as 'Int32' | IntKind], rb = INT_RANGE[kb as 'Int32' | IntKind];
  const size = Math.max(ra[2], rb[2], 4);
  const unsigned = (ra[2] === size && ra[3]) || (rb[2] === size && rb[3]);
  if (size === 4) return unsigned ? 'UInt32' : 'Int32';
  return unsigned ? 'UInt64' : 'Int64';
}

/** Any numeric value as a Decimal (a Double keeps 15 significant digits, as .NET's conversion does). */
export function toDecimal(v: unknown): PSDecimal {
  if (v instanceof PSDecimal) return v;
  const k = numKindOf(v);
  if (k === 'Double' || k === 'Single') return PSDecimal.fromDouble(toJsNumber(v));
  return PSDecimal.fromInteger(toBigIntValue(v));
}

function doubleOp(op: ArithOp, x: number, y: number): number | PSDouble {
  switch (op) {
    case '+': return makeDouble(x + y);
    case '-': return makeDouble(x - y);
    case '*': return makeDouble(x * y);
    case '/': return makeDouble(x / y);
    case '%': return makeDouble(x % y);
  }
}

/** `a op b` for two numeric values (plain or boxed). Throws DivideByZero / NumericOverflow (Decimal). */
export function arith(op: ArithOp, a: unknown, b: unknown): unknown {
  const k = operationKind(numKindOf(a)!, numKindOf(b)!);
  if (k === 'Double') return doubleOp(op, toJsNumber(a), toJsNumber(b));
  if (k === 'Decimal') {
    let x: PSDecimal, y: PSDecimal;
    try {
      x = toDecimal(a);
      y = toDecimal(b);
    } catch (e) {
      if (e instanceof DecimalOverflow) throw new OperandOverflow(e.message);
      throw e;
    }
    try {
      switch (op) {
        case '+': return decAdd(x, y);
        case '-': return decSub(x, y);
        case '*': return decMul(x, y);
        case '/': if (y.isZero()) throw new DivideByZero(); return decDiv(x, y);
        case '%': if (y.isZero()) throw new DivideByZero(); return decRem(x, y);
      }
    } catch (e) {
      if (e instanceof DecimalOverflow) throw new NumericOverflow(e.message);
      throw e;
    }
  }
  const ik = k as 'Int32' | IntKind;
  if (ik === 'Int32' && typeof a === 'number' && typeof b === 'number') return int32Op(op, a, b);
  const x = toBigIntValue(a), y = toBigIntValue(b);
  let r: bigint;
  switch (op) {
    case '+': r = x + y; break;
    case '-': r = x - y; break;
    case '*': r = x * y; break;
    case '/':
      if (y === 0n) throw new DivideByZero();
      if (x % y !== 0n) return makeDouble(Number(x) / Number(y));
      r = x / y;
      break;
    case '%':
      if (y === 0n) throw new DivideByZero();
      r = x % y;
      break;
  }
  if (fitsInt(ik, r)) return makeInt(ik, r);
  return makeDouble(Number(r));
}

/** Int32 op Int32 (plain numbers): overflow widens to Double; an inexact division is a Double. */
export function int32Op(op: ArithOp, a: number, b: number): unknown {
  let r: number;
  switch (op) {
    case '+': r = a + b; break;
    case '-': r = a - b; break;
    case '*': r = a * b; if (!Number.isSafeInteger(r)) return makeDouble(Number(BigInt(a) * BigInt(b))); break;
    case '/':
      if (b === 0) throw new DivideByZero();
      r = a / b;
      if (!Number.isInteger(r)) return r;
      break;
    case '%':
      if (b === 0) throw new DivideByZero();
      r = a % b;
      break;
  }
  if ((r | 0) === r) return r === 0 ? 0 : r;
  return makeDouble(r);
}

/** Three-way comparison of two numeric values (NaN sorts below everything, as .NET's CompareTo does). */
export function compareNumbers(a: unknown, b: unknown): number {
  const ka = numKindOf(a)!, kb = numKindOf(b)!;
  const k = operationKind(ka, kb);
  if (k === 'Decimal') {
    try { return decCompare(toDecimal(a), toDecimal(b)); } catch { /* a Double beyond Decimal's range */ }
  } else if (k !== 'Double' && (a instanceof PSInteger || b instanceof PSInteger)) {
    const x = toBigIntValue(a), y = toBigIntValue(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = toJsNumber(a), y = toJsNumber(b);
  if (x < y) return -1;
  if (x > y) return 1;
  if (x === y) return 0;
  return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : -1) : 1;
}

/** Numeric equality across types (1 -eq 1.0, [long]5 -eq 5, 1.10d -eq 1.1). */
export function numbersEqual(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  const x = toJsNumber(a), y = toJsNumber(b);
  if (Number.isNaN(x) || Number.isNaN(y)) return false;
  return compareNumbers(a, b) === 0;
}

/** Unary minus keeping the type: -0.0 is Double -0; Int32.MinValue negated widens to Double. */
export function negateNumber(v: unknown): unknown {
  if (typeof v === 'number') {
    if ((v | 0) === v) return v === 0 ? 0 : v === -2147483648 ? makeDouble(2147483648) : -v;
    if (plainKind(v) === 'Int64') return makeInt('Int64', -BigInt(v));
    return makeDouble(0 - v);
  }
  // PowerShell negates as 0 - x: -(0.0) and -(-0.0) are +0.
  if (v instanceof PSDouble) return v.kind === 'Single' ? new PSDouble(0 - v.value, 'Single') : makeDouble(0 - v.value);
  if (v instanceof PSDecimal) return v.negate();
  if (v instanceof PSInteger) {
    const k = operationKind(v.kind, 'Int32') as 'Int32' | IntKind;
    const r = -v.value;
    if (fitsInt(k, r)) return makeInt(k, r);
    return makeDouble(Number(r));
  }
  return v;
}
