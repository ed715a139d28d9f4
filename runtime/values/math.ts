/**
 * [System.Math] with the overload PowerShell picks for the argument types: an integer argument to
 * Round/Floor/Ceiling/Truncate selects the Decimal overload (so `[Math]::Round(10)` is a Decimal),
 * a Double argument the Double one; Abs/Max/Min keep an integer type; the rest compute in Double.
 * An argument that does not convert fails with PowerShell's MethodException text.
 */
import { RuntimeError } from './error-record.js';
import { convertToType, roundHalfEven, toPSString } from './convert.js';
import { PSDecimal, numKindOf, isIntegerKind, makeDouble, toJsNumber, toBigIntValue, makeInt, fitsInt, type NumKind } from './numeric.js';
import { roundTo, decCompare } from './decimal.js';
import { PSChar } from '../evaluator/value-types.js';
import { toDecimal } from './numeric-ops.js';
import { resolveType } from '../evaluator/types.js';
import { Errors, runtimeError } from '../evaluator/errors.js';

/** Parameter names of the .NET overloads, as the conversion error names them. */
const PARAM: Record<string, string[]> = {
  round: ['a', 'digits', 'mode'], floor: ['d'], ceiling: ['a'], truncate: ['d'], abs: ['value'], max: ['val1', 'val2'],
  min: ['val1', 'val2'], pow: ['x', 'y'], sqrt: ['d'], log: ['d', 'newBase'], log10: ['d'], log2: ['x'], exp: ['d'],
  sign: ['value'], sin: ['a'], cos: ['d'], tan: ['a'], atan: ['d'], atan2: ['y', 'x'], asin: ['d'], acos: ['d'],
  clamp: ['value', 'min', 'max'], divrem: ['a', 'b'], cbrt: ['d'],
};

const METHOD: Record<string, string> = {
  round: 'Round', floor: 'Floor', ceiling: 'Ceiling', truncate: 'Truncate', abs: 'Abs', max: 'Max', min: 'Min', pow: 'Pow',
  sqrt: 'Sqrt', log: 'Log', log10: 'Log10', log2: 'Log2', exp: 'Exp', sign: 'Sign', sin: 'Sin', cos: 'Cos', tan: 'Tan',
  atan: 'Atan', atan2: 'Atan2', asin: 'Asin', acos: 'Acos', clamp: 'Clamp', divrem: 'DivRem', cbrt: 'Cbrt',
};

/** Converts argument i to the overload's parameter type, failing as PowerShell's method binder does. */
function arg(n: string, args: unknown[], i: number, type: 'double' | 'decimal' | 'int' | 'long'): unknown {
  try {
    return convertToType(args[i] ?? null, resolveType(type)!);
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    const p = PARAM[n]?.[i] ?? 'value';
    const full = resolveType(type)!.fullName;
    throw runtimeError(`Cannot convert argument "${p}", with value: "${toPSString(args[i])}", for "${METHOD[n]}" to type "${full}": "${e.record.message}"`,
      'MethodArgumentConversionInvalidCastArgument', 'NotSpecified', null, 'System.Management.Automation.MethodException');
  }
}

const dbl = (n: string, args: unknown[], i: number): number => toJsNumber(arg(n, args, i, 'double'));

/** Which overload family the first argument selects. */
function family(v: unknown): 'decimal' | 'double' | 'integer' {
  const k: NumKind | undefined = numKindOf(v);
  if (k === 'Decimal') return 'decimal';
  if (k !== undefined && isIntegerKind(k)) return 'integer';
  if (typeof v === 'boolean' || v instanceof PSChar) return 'integer';
  return 'double';
}

function roundDecimal(d: PSDecimal, args: unknown[]): PSDecimal {
  let digits = 0;
  let away = false;
  for (const a of args.slice(1)) {
    if (numKindOf(a) !== undefined) digits = toJsNumber(a);
    else if (/awayfromzero/i.test(toPSString(a))) away = true;
    else if (/tozero/i.test(toPSString(a))) return roundTo(d, digits, 'trunc');
  }
  return roundTo(d, digits, away ? 'away' : 'even');
}

function roundDouble(x: number, args: unknown[]): number {
  let digits = 0;
  let away = false;
  for (const a of args.slice(1)) {
    if (numKindOf(a) !== undefined) digits = toJsNumber(a);
    else if (/awayfromzero/i.test(toPSString(a))) away = true;
  }
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  const y = x * f;
  const r = away ? Math.sign(y) * Math.round(Math.abs(y)) : roundHalfEven(Number(y.toPrecision(15)));
  return r / f;
}

/** [Math]::Name(args), or undefined when the method is not one of these. */
export function mathMethod(n: string, args: unknown[]): unknown {
  const a0 = args[0];
  // No overload takes an array: the binder finds none rather than reporting a failed conversion.
  if (METHOD[n] && args.some((a) => Array.isArray(a) || a instanceof Uint8Array)) throw Errors.overloadCount(METHOD[n]!, args.length);
  switch (n) {
    case 'round': case 'floor': case 'ceiling': case 'truncate': {
      if (family(a0) !== 'double') {
        const d = arg(n, args, 0, 'decimal') as PSDecimal;
        if (n === 'round') return roundDecimal(d, args);
        return roundTo(d, 0, n === 'floor' ? 'floor' : n === 'ceiling' ? 'ceiling' : 'trunc');
      }
      const x = dbl(n, args, 0);
      if (n === 'round') return makeDouble(roundDouble(x, args));
      return makeDouble(n === 'floor' ? Math.floor(x) : n === 'ceiling' ? Math.ceil(x) : Math.trunc(x));
    }
    case 'abs': {
      const f = family(a0);
      if (f === 'decimal') { const d = a0 as PSDecimal; return d.mantissa < 0n ? d.negate() : d; }
      if (f === 'integer') {
        const k = numKindOf(a0) === 'Int64' ? 'Int64' : 'Int32';
        const v = toBigIntValue(arg(n, args, 0, k === 'Int64' ? 'long' : 'int'));
        const r = v < 0n ? -v : v;
        if (!fitsInt(k, r)) throw runtimeError('Negating the minimum value of a twos complement number is invalid.', 'OverflowException', 'NotSpecified', null, 'System.Management.Automation.MethodInvocationException', 'System.OverflowException');
        return makeInt(k, r);
      }
      return makeDouble(Math.abs(dbl(n, args, 0)));
    }
    case 'max': case 'min': {
      // The first numeric argument's type picks the overload (Max(2, 3.5) is Max(int, int)).
      const k0 = numKindOf(a0), k1 = numKindOf(args[1]);
      const pickKind = k0 !== undefined ? k0 : k1;
      if (pickKind === 'Decimal') {
        const x = toDecimal(arg(n, args, 0, 'decimal')), y = toDecimal(arg(n, args, 1, 'decimal'));
        return (n === 'max') === (decCompare(x, y) > 0) ? x : y;
      }
      if (pickKind !== undefined && isIntegerKind(pickKind)) {
        const k = pickKind === 'Int64' ? 'long' : 'int';
        const x = toBigIntValue(arg(n, args, 0, k)), y = toBigIntValue(arg(n, args, 1, k));
        return makeInt(k === 'long' ? 'Int64' : 'Int32', (n === 'max') === (x > y) ? x : y);
      }
      const x = dbl(n, args, 0), y = dbl(n, args, 1);
      return makeDouble(n === 'max' ? Math.max(x, y) : Math.min(x, y));
    }
    case 'sign': {
      const x = family(a0) === 'decimal' ? (a0 as PSDecimal).toNumber() : dbl(n, args, 0);
      if (Number.isNaN(x)) throw runtimeError('Function does not accept floating point Not-a-Number values.', 'ArithmeticException', 'NotSpecified', null, 'System.Management.Automation.MethodInvocationException', 'System.ArithmeticException');
      return Math.sign(x) || 0;
    }
    case 'pow': return makeDouble(Math.pow(dbl(n, args, 0), dbl(n, args, 1)));
    case 'sqrt': return makeDouble(Math.sqrt(dbl(n, args, 0)));
    case 'cbrt': return makeDouble(Math.cbrt(dbl(n, args, 0)));
    case 'log': return makeDouble(args.length > 1 ? Math.log(dbl(n, args, 0)) / Math.log(dbl(n, args, 1)) : Math.log(dbl(n, args, 0)));
    case 'log10': return makeDouble(Math.log10(dbl(n, args, 0)));
    case 'log2': return makeDouble(Math.log2(dbl(n, args, 0)));
    case 'exp': return makeDouble(Math.exp(dbl(n, args, 0)));
    case 'sin': return makeDouble(Math.sin(dbl(n, args, 0)));
    case 'cos': return makeDouble(Math.cos(dbl(n, args, 0)));
    case 'tan': return makeDouble(Math.tan(dbl(n, args, 0)));
    case 'asin': return makeDouble(Math.asin(dbl(n, args, 0)));
    case 'acos': return makeDouble(Math.acos(dbl(n, args, 0)));
    case 'atan': return makeDouble(Math.atan(dbl(n, args, 0)));
    case 'atan2': return makeDouble(Math.atan2(dbl(n, args, 0), dbl(n, args, 1)));
    case 'divrem': return Math.trunc(dbl(n, args, 0) / dbl(n, args, 1));
    case 'clamp': {
      if (family(a0) === 'integer') {
        const [v, lo, hi] = [0, 1, 2].map((i) => toBigIntValue(arg(n, args, i, 'int')));
        return Number(v! < lo! ? lo : v! > hi! ? hi : v);
      }
      return makeDouble(Math.min(Math.max(dbl(n, args, 0), dbl(n, args, 1)), dbl(n, args, 2)));
    }
  }
  return undefined;
}
