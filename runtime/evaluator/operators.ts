import { PSObject } from '../values/psobject.js';
import { PSHashtable } from '../values/hashtable.js';
import { PSDateTime } from '../values/datetime.js';
import { PSTimeSpan } from '../values/timespan.js';
import { isScriptBlock, type ScriptBlock } from '../values/scriptblock.js';
import { toPSString, toBool, toNumber, toNumeric, toNegatable, convertToType, parseNumericString, roundHalfEven, elementString } from '../values/convert.js';
import { PSChar, PSGuid, PSTypeRef, PSRegex, PSVersion, toJsRegex } from './value-types.js';
import { resolveType, typeNameOf, isInstance, type TypeInfo } from './types.js';
import { Errors, runtimeError } from './errors.js';
import { formatComposite, formatNumber, formatDateTime, formatTimeSpan, FormatError } from './format.js';
import { RuntimeError } from '../values/error-record.js';
import { isList } from './collections.js';
import { matchObject } from '../values/members.js';
import {
  PSDouble, PSInteger, PSDecimal, numKindOf, isNumeric, isIntegerKind, toBigIntValue, toJsNumber, makeInt, withoutTokenText,
} from '../values/numeric.js';
import { arith, int32Op, negateNumber, compareNumbers, numbersEqual, DivideByZero, NumericOverflow, OperandOverflow, type ArithOp } from '../values/numeric-ops.js';
import { formatNumeric } from './format.js';
import { PSEnum, formatEnum } from '../values/enum.js';
import { enumBinary, enumShift, enumEquals, enumCompare } from './enum-ops.js';

/**
 * PowerShell's operators over JS values: arithmetic with PowerShell's left-operand coercion,
 * comparisons (case-insensitive by default, -c variants), array-as-filter, regex and wildcard
 * matching, -split/-join/-replace/-f, -is/-as, bitwise and ranges. Shared by the sync and async evaluators.
 */

/** Is the value a collection PowerShell enumerates (arrays, lists, byte[]); strings and hashtables are not. */
export function isEnumerable(v: unknown): v is unknown[] | Uint8Array {
  return Array.isArray(v) || v instanceof Uint8Array;
}

/** LanguagePrimitives.GetEnumerable: the items of a collection, or null for a scalar. */
export function enumerate(v: unknown): unknown[] | null {
  if (Array.isArray(v)) return v;
  if (v instanceof Uint8Array) return Array.from(v);
  return null;
}

/** The items a value contributes to a pipeline or a foreach: collections enumerate, $null gives none. */
export function iterate(v: unknown): unknown[] {
  if (v === null || v === undefined) return [];
  if (Array.isArray(v)) return v;
  if (v instanceof Uint8Array) return Array.from(v);
  return [v];
}

// ---------- arithmetic ----------

/** The type a failed string operand reports: the other operand's numeric type, else Int32. */
function targetFor(other: unknown): string {
  const k = numKindOf(other);
  return k ? 'System.' + k : 'System.Int32';
}

/** Numeric `a op b` after PowerShell's operand conversion (strings parse as numbers, $null is 0, booleans 0/1). */
const OP_NAME: Record<ArithOp, string> = { '+': 'Addition', '-': 'Subtraction', '*': 'Multiply', '/': 'Division', '%': 'Modulus' };

/** Can the value take part in arithmetic as a number (after conversion)? */
function numberLike(v: unknown): boolean {
  return v === null || v === undefined || typeof v === 'string' || typeof v === 'boolean' || v instanceof PSChar || isNumeric(v) || v instanceof PSEnum;
}

function numericBinary(op: ArithOp, a: unknown, b: unknown): unknown {
  // A Boolean left operand converts to a number, except against a Decimal: .NET's binder finds no coercion.
  if (typeof a === 'boolean' && b instanceof PSDecimal) {
    throw runtimeError("No coercion operator is defined between types 'System.Boolean' and 'System.Decimal'.", 'System.InvalidOperationException', 'OperationStopped', null, 'System.InvalidOperationException');
  }
  const x = toNumeric(a, targetFor(b));
  if (!numberLike(b) && !(b instanceof PSObject && !b.isCustom)) {
    // PowerShell then looks for the operator on the right operand's type (a Decimal reports the failed conversion).
    if (x instanceof PSDecimal) {
      const text = isEnumerable(b) || b instanceof PSHashtable ? typeNameOf(b) : toPSString(b);
      throw runtimeError(`Cannot convert argument "1", with value: "${text}", for "op_${OP_NAME[op]}" to type "System.Decimal": "Cannot convert the "${text}" value of type "${typeNameOf(b)}" to type "System.Decimal"."`,
        'MethodArgumentConversionInvalidCastArgument', 'NotSpecified', null, 'System.Management.Automation.MethodException');
    }
    throw Errors.opNotSupported(OP_NAME[op], b instanceof PSObject && b.isCustom ? 'System.Management.Automation.PSObject' : typeNameOf(b));
  }
  const y = toNumeric(b, targetFor(a));
  if (typeof x === 'number' && typeof y === 'number' && (x | 0) === x && (y | 0) === y) {
    try { return int32Op(op, x, y); } catch (e) { throw arithmeticError(e); }
  }
  try { return arith(op, x, y); } catch (e) { throw arithmeticError(e); }
}

function arithmeticError(e: unknown): unknown {
  if (e instanceof DivideByZero) return Errors.divideByZero();
  if (e instanceof NumericOverflow) return runtimeError(e.message, 'RuntimeException', 'NotSpecified', null, 'System.Management.Automation.RuntimeException', 'System.OverflowException');
  if (e instanceof OperandOverflow) return runtimeError(e.message, 'System.OverflowException', 'OperationStopped', null, 'System.OverflowException');
  return e;
}

/** Plain + plain: Int32 pairs and non-integral results stay plain; the rest goes through the typed path. */
export function addNumbers(a: number, b: number): unknown {
  const r = a + b;
  if ((r | 0) === r && (a | 0) === a && (b | 0) === b) return r;
  if (!Number.isInteger(r) && Number.isFinite(r)) return r;
  return arith('+', a, b);
}

export function subtractNumbers(a: number, b: number): unknown {
  const r = a - b;
  if ((r | 0) === r && (a | 0) === a && (b | 0) === b) return r;
  if (!Number.isInteger(r) && Number.isFinite(r)) return r;
  return arith('-', a, b);
}

export function multiplyNumbers(a: number, b: number): unknown {
  const r = a * b;
  if ((r | 0) === r && (a | 0) === a && (b | 0) === b) return r === 0 ? 0 : r;
  if (!Number.isInteger(r) && Number.isFinite(r)) return r;
  return arith('*', a, b);
}

export function add(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') return addNumbers(a, b);
  if (a === null || a === undefined) {
    if (b === null || b === undefined) return null;
    if (Array.isArray(b)) return b.slice();
    return withoutTokenText(b);
  }
  if (typeof a === 'string') return a + toPSString(withoutTokenText(b));
  if (a instanceof PSChar) return a.toString() + toPSString(withoutTokenText(b));
  if (a instanceof PSEnum) return enumBinary('+', a, b);
  if (isEnumerable(a)) {
    const out = Array.from(a as ArrayLike<unknown>);
    if (isEnumerable(b)) for (const x of Array.from(b as ArrayLike<unknown>)) out.push(x); else out.push(b);
    return out;
  }
  if (a instanceof PSHashtable) {
    if (!(b instanceof PSHashtable)) throw Errors.hashtableAdd();
    const h = a.clone();
    for (const [k, v] of b.entries()) {
      if (h.has(k)) throw runtimeError(`Item has already been added. Key in dictionary: '${toPSString(k)}'  Key being added: '${toPSString(k)}'`, 'System.ArgumentException', 'OperationStopped', null, 'System.ArgumentException');
      h.set(k, v);
    }
    return h;
  }
  if (a instanceof PSDateTime) {
    if (b instanceof PSTimeSpan) return new PSDateTime(a.ms + b.ticks / PSTimeSpan.TicksPerMs, a.kind);
    throw Errors.opNotSupported('Addition', 'System.DateTime');
  }
  if (a instanceof PSTimeSpan) {
    if (b instanceof PSTimeSpan) return new PSTimeSpan(a.ticks + b.ticks);
    if (b instanceof PSDateTime) throw Errors.opNotSupported('Addition', 'System.TimeSpan');
    return new PSTimeSpan(a.ticks + toNumber(b));
  }
  if (typeof a === 'boolean' || isNumeric(a)) return numericBinary('+', a, b);
  throw Errors.opNotSupported('Addition', typeNameOf(a));
}

export function subtract(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') return subtractNumbers(a, b);
  if (a instanceof PSDateTime) {
    if (b instanceof PSDateTime) return new PSTimeSpan(Math.round((a.ms - b.ms) * PSTimeSpan.TicksPerMs));
    if (b instanceof PSTimeSpan) return new PSDateTime(a.ms - b.ticks / PSTimeSpan.TicksPerMs, a.kind);
    throw Errors.opNotSupported('Subtraction', 'System.DateTime');
  }
  if (a instanceof PSTimeSpan) {
    if (b instanceof PSTimeSpan) return new PSTimeSpan(a.ticks - b.ticks);
    throw Errors.opNotSupported('Subtraction', 'System.TimeSpan');
  }
  if (isEnumerable(a) || a instanceof PSHashtable) throw Errors.opNotSupported('Subtraction', typeNameOf(a));
  if (a instanceof PSEnum) return enumBinary('-', a, b);
  return numericBinary('-', a, b);
}

/** `$x++` / `$x--`: $null counts from 0, strings convert to numbers, numbers keep their type, an enum stays an enum. */
export function stepValue(old: unknown, delta: 1 | -1): unknown {
  if (old === null || old === undefined) return delta;
  return add(typeof old === 'number' || old instanceof PSEnum ? old : toNumeric(old), delta);
}

/** The repeat count of `string * n` / `array * n`: an [int] conversion (half to even). */
function repeatCount(b: unknown, what: string): number {
  const n = convertToType(b, resolveType('int')!) as number;
  if (n < 0) {
    throw runtimeError(`times ('${n}') must be a non-negative value. (Parameter 'times')\nActual value was ${n}.`, 'System.ArgumentOutOfRangeException', 'OperationStopped', null, 'System.ArgumentOutOfRangeException');
  }
  void what;
  return n;
}

export function multiply(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') return multiplyNumbers(a, b);
  if (typeof a === 'string') return a.repeat(repeatCount(b, 'String'));
  if (isEnumerable(a)) {
    const n = repeatCount(b, 'Object[]');
    const src = Array.from(a as ArrayLike<unknown>);
    const out: unknown[] = [];
    for (let i = 0; i < n; i++) out.push(...src);
    return out;
  }
  if (a === null || a === undefined) return null;
  if (a instanceof PSTimeSpan) return new PSTimeSpan(Math.round(a.ticks * toNumber(b)));
  if (a instanceof PSHashtable || a instanceof PSDateTime) throw Errors.opNotSupported('Multiply', typeNameOf(a));
  if (a instanceof PSEnum) return enumBinary('*', a, b);
  // Multiplication has no numeric conversion for a Boolean or Char left operand (unlike + - / %).
  if (typeof a === 'boolean' || a instanceof PSChar) {
    // With a reference-type right operand PowerShell then looks for op_Multiply on that type.
    if (typeof b === 'string' || isEnumerable(b) || b instanceof PSHashtable || b instanceof PSObject) throw Errors.opNotSupported('Multiply', typeNameOf(b));
    throw runtimeError(`The operation '[${typeNameOf(a)}] * [${b === null || b === undefined ? '$null' : typeNameOf(b)}]' is not defined.`, 'NotADefinedOperationForType', 'InvalidOperation');
  }
  return numericBinary('*', a, b);
}

export function divide(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number' && b !== 0) {
    const r = a / b;
    if ((a | 0) === a && (b | 0) === b) return (r | 0) === r ? (r === 0 ? 0 : r) : Number.isInteger(r) ? arith('/', a, b) : r;
    if (!Number.isInteger(r) && Number.isFinite(r)) return r;
  }
  if (a instanceof PSTimeSpan) {
    if (b instanceof PSTimeSpan) return a.ticks / b.ticks;
    return new PSTimeSpan(Math.round(a.ticks / toNumber(b)));
  }
  if (isEnumerable(a) || a instanceof PSHashtable || a instanceof PSDateTime) throw Errors.opNotSupported('Division', typeNameOf(a));
  if (a instanceof PSEnum) return enumBinary('/', a, b);
  return numericBinary('/', a, b);
}

export function remainder(a: unknown, b: unknown): unknown {
  if (isEnumerable(a) || a instanceof PSHashtable) throw Errors.opNotSupported('Modulus', typeNameOf(a));
  if (a instanceof PSEnum) return enumBinary('%', a, b);
  return numericBinary('%', a, b);
}

/** An integer operand of a bitwise operator as Int64 bits (doubles round half to even, as a [long] cast does). */
function toInt64Big(v: unknown): bigint {
  const n = toNumeric(v, 'System.Int64');
  const k = numKindOf(n)!;
  if (isIntegerKind(k)) return BigInt.asIntN(64, toBigIntValue(n));
  if (n instanceof PSDecimal) return BigInt(roundHalfEven(n.toNumber()));
  const x = toJsNumber(n);
  return BigInt(Number.isInteger(x) ? x : roundHalfEven(x));
}

/** Bitwise results are Int32 when both operands are Int32 (or narrower), otherwise Int64. */
function bitsKind(a: unknown, b?: unknown): 'Int32' | 'Int64' {
  const narrow = (v: unknown) => {
    if (v === null || v === undefined || typeof v === 'boolean' || v instanceof PSChar || v instanceof PSEnum) return true;
    const k = numKindOf(typeof v === 'string' ? parseNumericString(v) : v);
    return k === 'Int32' || k === 'Int16' || k === 'Byte' || k === 'SByte' || k === 'UInt16';
  };
  return narrow(a) && (b === undefined || narrow(b)) ? 'Int32' : 'Int64';
}

function fromBits(kind: 'Int32' | 'Int64', b: bigint): unknown {
  return kind === 'Int32' ? Number(BigInt.asIntN(32, b)) : makeInt('Int64', BigInt.asIntN(64, b));
}

export function bitwise(op: string, a: unknown, b: unknown): unknown {
  if (a instanceof PSEnum) return op === 'shl' || op === 'shr' ? enumShift(op, a, b) : enumBinary(op as 'band' | 'bor' | 'bxor', a, b);
  const x = toInt64Big(a), y = toInt64Big(b);
  const k = bitsKind(a, b);
  switch (op) {
    case 'band': return fromBits(k, x & y);
    case 'bor': return fromBits(k, x | y);
    case 'bxor': return fromBits(k, x ^ y);
    case 'shl': { const lk = bitsKind(a); return fromBits(lk, x << (y & (lk === 'Int32' ? 31n : 63n))); }
    case 'shr': { const lk = bitsKind(a); return fromBits(lk, x >> (y & (lk === 'Int32' ? 31n : 63n))); }
  }
  throw Errors.badOperator(op);
}

export function negate(v: unknown): unknown {
  if (typeof v === 'number' && (v | 0) === v && v !== -2147483648) return v === 0 ? 0 : -v;
  if (v instanceof PSTimeSpan) return new PSTimeSpan(-v.ticks);
  if (isEnumerable(v) || v instanceof PSHashtable) throw Errors.opNotSupported('UnaryNegation', typeNameOf(v));
  return negateNumber(toNegatable(v));
}

export function range(a: unknown, b: unknown): unknown[] {
  // PowerShell 7: 'a'..'e' is a character range.
  if (typeof a === 'string' && typeof b === 'string' && a.length === 1 && b.length === 1 && parseNumericString(a) === undefined) {
    const s = a.charCodeAt(0), e = b.charCodeAt(0);
    const out: unknown[] = [];
    for (let i = s; s <= e ? i <= e : i >= e; i += s <= e ? 1 : -1) out.push(new PSChar(i));
    return out;
  }
  const s = toRangeInt(a), e = toRangeInt(b);
  const n = Math.abs(e - s) + 1;
  if (n > 50_000_000) throw Errors.rangeTooBig();
  const out = new Array<unknown>(n);
  if (s <= e) for (let i = 0; i < n; i++) out[i] = s + i;
  else for (let i = 0; i < n; i++) out[i] = s - i;
  return out;
}

/** `a..b` as a lazy sequence (pipeline input, foreach), so a million-item range is never materialised. */
export function rangeIterable(a: unknown, b: unknown): (Iterable<unknown> & { readonly from: number; readonly to: number }) | undefined {
  if (typeof a === 'string' || typeof b === 'string') return undefined;
  const s = toRangeInt(a), e = toRangeInt(b);
  if (Math.abs(e - s) + 1 > 50_000_000) throw Errors.rangeTooBig();
  const step = s <= e ? 1 : -1;
  return {
    // The bounds let a consumer (the pipeline runner) count instead of iterating.
    from: s, to: e,
    [Symbol.iterator](): Iterator<unknown> {
      let i = s;
      const done = { value: undefined, done: true as const };
      return { next: () => { if (step > 0 ? i > e : i < e) return done; const v = i; i += step; return { value: v, done: false }; } };
    },
  };
}

function toRangeInt(v: unknown): number {
  return convertToType(v, resolveType('int')!) as number;
}

// ---------- comparison ----------

const collatorCI = new Intl.Collator('en-US', { sensitivity: 'accent' });
const collatorCS = new Intl.Collator('en-US', { sensitivity: 'variant', caseFirst: 'lower' });

function stringEquals(a: string, b: string, ci: boolean): boolean {
  if (a === b) return true;
  if (!ci || a.length !== b.length) return false;
  return a.toLowerCase() === b.toLowerCase() || a.toUpperCase() === b.toUpperCase();
}

/** `a -eq b` for scalars: the right operand is converted to the left operand's type. */
export function equals(a: unknown, b: unknown, ci = true): boolean {
  if (a === b) return true;
  if (a === null || a === undefined) return b === null || b === undefined;
  if (b === null || b === undefined) return false;
  switch (typeof a) {
    case 'string':
      if (typeof b === 'string') return stringEquals(a, b, ci);
      return stringEquals(a, toPSString(b), ci);
    case 'number': return numericEquals(a, b);
    case 'boolean': return a === toBool(b);
  }
  if (a instanceof PSDouble || a instanceof PSInteger || a instanceof PSDecimal) return numericEquals(a, b);
  if (a instanceof PSEnum) return enumEquals(a, b);
  if (a instanceof PSChar) {
    if (b instanceof PSChar) return a.code === b.code || (ci && a.toString().toLowerCase() === b.toString().toLowerCase());
    if (typeof b === 'string') return b.length === 1 && stringEquals(a.toString(), b, ci);
    if (typeof b === 'number') return a.code === b;
    return false;
  }
  if (a instanceof PSDateTime) {
    const d = b instanceof PSDateTime ? b : tryConvert(b, 'datetime') as PSDateTime | undefined;
    return !!d && d.ms === a.ms;
  }
  if (a instanceof PSTimeSpan) {
    const t = b instanceof PSTimeSpan ? b : tryConvert(b, 'timespan') as PSTimeSpan | undefined;
    return !!t && t.ticks === a.ticks;
  }
  if (a instanceof PSGuid) return stringEquals(a.value, toPSString(b), true);
  if (a instanceof PSVersion) {
    const v = b instanceof PSVersion ? b : tryConvert(b, 'version') as PSVersion | undefined;
    return !!v && a.compareTo(v) === 0;
  }
  if (a instanceof PSTypeRef) return b instanceof PSTypeRef && a.fullName === b.fullName;
  return false;
}

/** Numeric left operand: the right one converts to a number (a string that is no number is simply unequal). */
function numericEquals(a: unknown, b: unknown): boolean {
  if (typeof b === 'number' && typeof a === 'number') return a === b;
  let y: unknown = b;
  if (typeof b === 'string') { y = parseNumericString(b); if (y === undefined) return false; }
  else if (typeof b === 'boolean') y = b ? 1 : 0;
  else if (b instanceof PSChar) y = b.code;
  else if (b instanceof PSEnum) y = b.value;
  else if (!isNumeric(b)) return false;
  return numbersEqual(a, y);
}

function tryConvert(v: unknown, type: string): unknown {
  try { return convertToType(v, resolveType(type)!); } catch { return undefined; }
}

function compareFailed(a: unknown, b: unknown, inner: RuntimeError | undefined): never {
  const msg = inner ? `Could not compare "${toPSString(a)}" to "${toPSString(b)}". Error: "${inner.record.message}"`
    : `Cannot compare "${toPSString(a)}" because it is not IComparable.`;
  throw runtimeError(msg, inner ? 'ComparisonFailure' : 'NotIcomparable', 'InvalidOperation', a);
}

/** Ordering for -lt/-gt/-le/-ge and Sort-Object: negative, zero or positive. */
export function compare(a: unknown, b: unknown, ci = true): number {
  // LanguagePrimitives.CompareObjectToNull: $null sits above negative numbers and below everything else.
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : isNumeric(b) && toJsNumber(b) < 0 ? 1 : -1;
  if (b === null || b === undefined) return isNumeric(a) && toJsNumber(a) < 0 ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (isNumeric(a)) return compareNumbers(a, toNumeric(b, typeNameOf(a)));
  if (typeof a === 'string') {
    const s = typeof b === 'string' ? b : toPSString(b);
    return (ci ? collatorCI : collatorCS).compare(a, s);
  }
  if (typeof a === 'boolean') { const x = a ? 1 : 0, y = toBool(b) ? 1 : 0; return x - y; }
  if (a instanceof PSEnum) return enumCompare(a, b);
  if (a instanceof PSChar) {
    const y = b instanceof PSChar ? b.code : typeof b === 'number' ? b : typeof b === 'string' && b.length === 1 ? b.charCodeAt(0) : NaN;
    if (Number.isNaN(y)) compareFailed(a, b, undefined);
    const x = ci ? a.toString().toLowerCase().charCodeAt(0) : a.code;
    const yy = ci ? String.fromCharCode(y).toLowerCase().charCodeAt(0) : y;
    return x - yy;
  }
  if (a instanceof PSDateTime) {
    let d: PSDateTime;
    try { d = b instanceof PSDateTime ? b : convertToType(b, resolveType('datetime')!) as PSDateTime; } catch (e) { compareFailed(a, b, e as RuntimeError); }
    return Math.sign(a.ms - d.ms);
  }
  if (a instanceof PSTimeSpan) {
    let t: PSTimeSpan;
    try { t = b instanceof PSTimeSpan ? b : convertToType(b, resolveType('timespan')!) as PSTimeSpan; } catch (e) { compareFailed(a, b, e as RuntimeError); }
    return Math.sign(a.ticks - t.ticks);
  }
  if (a instanceof PSGuid) return collatorCI.compare(a.value, toPSString(b));
  if (a instanceof PSVersion) {
    let v: PSVersion;
    try { v = b instanceof PSVersion ? b : convertToType(b, resolveType('version')!) as PSVersion; } catch (e) { compareFailed(a, b, e as RuntimeError); }
    return a.compareTo(v);
  }
  compareFailed(a, b, undefined);
}

// ---------- wildcard and regex ----------

const wildcardCache = new Map<string, RegExp>();

/** WildcardPattern → RegExp: * ? [a-z] and backtick escapes. */
export function wildcardToRegex(pattern: string, ci: boolean): RegExp {
  const key = (ci ? 'i' : 'c') + pattern;
  let r = wildcardCache.get(key);
  if (r) return r;
  let src = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '`' && i + 1 < pattern.length) { src += escapeRegex(pattern[++i]!); continue; }
    if (c === '*') { src += '[\\s\\S]*'; continue; }
    if (c === '?') { src += '[\\s\\S]'; continue; }
    if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end > i + 1) {
        let set = pattern.slice(i + 1, end).replace(/\\/g, '\\\\');
        if (set.startsWith('!')) set = '^' + set.slice(1);
        src += '[' + set + ']';
        i = end;
        continue;
      }
    }
    src += escapeRegex(c);
  }
  r = new RegExp(src + '$', ci ? 'i' : '');
  if (wildcardCache.size > 1000) wildcardCache.clear();
  wildcardCache.set(key, r);
  return r;
}

export function escapeRegex(s: string): string { return s.replace(/[.*+?^${}()|[\]\\\/-]/g, '\\$&'); }

/** WildcardPattern rejects a `[` that no `]` closes (an escaped one, `` `[ ``, is a literal). */
function checkWildcard(pattern: string): void {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '`') { i++; continue; }
    if (c !== '[') continue;
    const end = pattern.indexOf(']', i + 1);
    if (end < 0) {
      throw runtimeError(`The specified wildcard character pattern is not valid: ${pattern}`, 'RuntimeException', 'NotSpecified', null,
        'System.Management.Automation.WildcardPatternException');
    }
    i = end;
  }
}

export function like(a: unknown, pattern: unknown, ci: boolean): boolean {
  const p = toPSString(pattern);
  if (p.includes('[')) checkWildcard(p);
  return wildcardToRegex(p, ci).test(toPSString(a));
}

/** Compiles a PowerShell regex operand, turning a bad pattern into PowerShell's RegexParseException record. */
export function regexFor(pattern: unknown, ci: boolean, global = false): RegExp {
  if (pattern instanceof PSRegex) return global ? new RegExp(pattern.regex.source, pattern.regex.flags + 'g') : pattern.regex;
  const p = toPSString(pattern);
  try {
    const r = toJsRegex(p, (ci ? 'i' : '') + (global ? 'g' : ''));
    if (global) r.lastIndex = 0;
    return r;
  } catch (e) {
    throw Errors.regexError(p, regexMessage(p, e));
  }
}

function regexMessage(p: string, e: unknown): string {
  const opens = (p.match(/(?<!\\)\(/g) ?? []).length, closes = (p.match(/(?<!\\)\)/g) ?? []).length;
  if (opens > closes) return "Not enough )'s.";
  if (closes > opens) return "Too many )'s.";
  return String((e as Error).message ?? e);
}

/** For each JS capture group (index 1..n), its name when it is a named group. */
function captureNames(source: string): (string | undefined)[] {
  const names: (string | undefined)[] = [undefined];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') { i++; continue; }
    if (inClass) { if (c === ']') inClass = false; continue; }
    if (c === '[') { inClass = true; continue; }
    if (c !== '(') continue;
    if (source[i + 1] !== '?') { names.push(undefined); continue; }
    const named = /^\?(?:<(?![=!])|')([^>']+)[>']/.exec(source.slice(i + 1));
    if (named) names.push(named[1]);
  }
  return names;
}

/**
 * The $Matches table of a successful -match, keyed as .NET numbers groups: unnamed groups
 * 1..k, named groups by their name only. PowerShell's table lists names, then numbers descending.
 */
export function matchesTable(m: RegExpExecArray, re?: RegExp): PSHashtable {
  const h = new PSHashtable();
  const named = m.groups ?? {};
  for (const k of Object.keys(named)) if (named[k] !== undefined) h.set(k, named[k]);
  const names = re && m.groups ? captureNames(re.source) : undefined;
  const numbered: string[] = [m[0]];
  for (let i = 1; i < m.length; i++) {
    if (names ? names[i] !== undefined : false) continue;
    numbered.push(m[i] as string);
  }
  for (let i = numbered.length - 1; i >= 0; i--) {
    if (numbered[i] === undefined) continue;
    h.set(i, numbered[i]);
  }
  return h;
}

/** .NET replacement syntax → a replacer: $1 ${name} $0 $& $$ $_ . */
function dotnetReplacement(repl: string): (m: RegExpExecArray | string[], input: string) => string {
  return (m, input) => repl.replace(/\$(\$|&|_|\d+|\{([^}]+)\}|`|')/g, (all, g: string, name?: string) => {
    if (g === '$') return '$';
    if (g === '&') return m[0] ?? '';
    if (g === '_') return input;
    if (name !== undefined) {
      if (/^\d+$/.test(name)) return m[Number(name)] ?? '';
      return ((m as RegExpExecArray).groups ?? {})[name] ?? all;
    }
    if (/^\d+$/.test(g)) { const i = Number(g); return i < m.length ? m[i] ?? '' : all; }
    return all;
  });
}

export type BlockInvoker = (sb: ScriptBlock, dollarUnder: unknown) => unknown;

export function replace(input: unknown, right: unknown, ci: boolean, invokeBlock?: BlockInvoker): unknown {
  const args = isEnumerable(right) ? Array.from(right as ArrayLike<unknown>) : [right];
  if (args.length > 2) throw runtimeError(`The -replace operator allows only two elements to follow it, not ${args.length}.`, 'BadReplaceArgument', 'InvalidOperation');
  const re = regexFor(args[0], ci, true);
  const repl = args[1] ?? '';
  const one = (s: unknown): string => {
    const str = toPSString(s);
    re.lastIndex = 0;
    if (isScriptBlock(repl)) {
      if (!invokeBlock) throw Errors.notSupported('A script block replacement');
      return str.replace(re, (...m: unknown[]) => {
        const hasGroups = typeof m[m.length - 1] === 'object' && m[m.length - 1] !== null;
        const arr = m.slice(0, hasGroups ? -3 : -2) as unknown as RegExpExecArray;
        arr.index = m[m.length - (hasGroups ? 3 : 2)] as number;
        arr.groups = hasGroups ? m[m.length - 1] as Record<string, string> : undefined;
        return toPSString(invokeBlock(repl, matchObject(arr, str)));
      });
    }
    const f = dotnetReplacement(toPSString(repl));
    return str.replace(re, (...m: unknown[]) => {
      const hasGroups = typeof m[m.length - 1] === 'object';
      const groupsObj = hasGroups ? m[m.length - 1] as Record<string, string> : undefined;
      const arr = m.slice(0, hasGroups ? -3 : -2) as string[] & { groups?: Record<string, string> };
      arr.groups = groupsObj;
      return f(arr as unknown as RegExpExecArray, str);
    });
  };
  if (isEnumerable(input)) return Array.from(input as ArrayLike<unknown>, one);
  return one(input);
}

const SPLIT_OPTIONS = ['simplematch', 'regexmatch', 'cultureinvariant', 'ignorepatternwhitespace', 'multiline', 'singleline', 'ignorecase', 'explicitcapture'];

export function split(input: unknown, right: unknown, ci: boolean, invokeBlock?: BlockInvoker): unknown[] {
  const args = isEnumerable(right) ? Array.from(right as ArrayLike<unknown>) : [right];
  const sep = args[0];
  const max = args.length > 1 ? toNumber(args[1]) : 0;
  const opts = args.length > 2 ? toPSString(args[2]).toLowerCase().split(',').map((s) => s.trim()) : [];
  for (const o of opts) if (!SPLIT_OPTIONS.includes(o)) throw runtimeError(`Cannot convert value "${args[2]}" to type "System.Management.Automation.SplitOptions".`, 'InvalidCastFromStringToInteger', 'InvalidArgument');
  const simple = opts.includes('simplematch');
  const caseInsensitive = ci || opts.includes('ignorecase');
  const out: unknown[] = [];
  for (const item of iterate(input).length ? iterate(input) : [input]) {
    const s = toPSString(item);
    if (isScriptBlock(sep)) {
      if (!invokeBlock) throw Errors.notSupported('A script block delimiter');
      let cur = '';
      for (const ch of s) { if (toBool(invokeBlock(sep, new PSChar(ch.charCodeAt(0))))) { out.push(cur); cur = ''; } else cur += ch; }
      out.push(cur);
      continue;
    }
    const re = simple ? new RegExp(escapeRegex(toPSString(sep)), caseInsensitive ? 'gi' : 'g') : regexFor(sep, caseInsensitive, true);
    out.push(...regexSplit(s, re, max));
  }
  return out;
}

/** Regex.Split(input, count): captured groups are included; count > 0 limits the number of substrings. */
export function regexSplit(s: string, re: RegExp, max: number): string[] {
  const out: string[] = [];
  re.lastIndex = 0;
  let last = 0;
  let pieces = 0;
  let m: RegExpExecArray | null;
  // .NET keeps empty matches at the start and the end too: "abc" -split "" is '', a, b, c, ''.
  while ((m = re.exec(s)) !== null) {
    if (max > 0 && pieces >= max - 1) break;
    out.push(s.slice(last, m.index));
    for (let i = 1; i < m.length; i++) if (m[i] !== undefined) out.push(m[i]!);
    pieces++;
    last = m.index + m[0].length;
    if (m[0] === '') {
      if (m.index >= s.length) break;
      re.lastIndex++;
    }
  }
  out.push(s.slice(last));
  return out;
}

export function unarySplit(v: unknown): string[] {
  const out: string[] = [];
  for (const item of isEnumerable(v) ? Array.from(v as ArrayLike<unknown>) : [v]) {
    const s = toPSString(item).trim();
    if (s) out.push(...s.split(/\s+/));
  }
  return out;
}

export function join(v: unknown, sep: unknown): string {
  const s = sep === undefined ? '' : toPSString(sep);
  if (isEnumerable(v)) return Array.from(v as ArrayLike<unknown>, elementString).join(s);
  return toPSString(v);
}

/** One argument of -f / String.Format: format strings apply to numbers, dates and time spans. */
export function formatOne(v: unknown, f: string | undefined): string {
  if (v === null || v === undefined) return '';
  // A literal argument's token text wins over any format string (PowerShell formats the wrapper, not the number).
  if (isNumeric(v)) return withoutTokenText(v) !== v ? String(v) : formatNumeric(v, f);
  if (v instanceof PSDateTime) return formatDateTime(v, f);
  if (v instanceof PSTimeSpan) return formatTimeSpan(v, f);
  if (v instanceof PSGuid && f) return guidFormat(v, f);
  if (v instanceof PSEnum) return formatEnum(v, f);
  if (Array.isArray(v)) return 'System.Object[]';
  return toPSString(v);
}

export function guidFormat(g: PSGuid, f: string): string {
  switch (f.toUpperCase()) {
    case 'N': return g.value.replace(/-/g, '');
    case 'B': return '{' + g.value + '}';
    case 'P': return '(' + g.value + ')';
    default: return g.value;
  }
}

export function format(fmt: unknown, args: unknown): string {
  const list = isEnumerable(args) ? Array.from(args as ArrayLike<unknown>) : [args];
  try {
    return formatComposite(toPSString(fmt), list, formatOne);
  } catch (e) {
    if (e instanceof FormatError) throw Errors.formatError(e.message);
    throw e;
  }
}

// ---------- types ----------

export function typeOperand(v: unknown): TypeInfo {
  if (v instanceof PSTypeRef) {
    const t = resolveType(v.fullName);
    if (t) return t;
    return { fullName: v.fullName, category: 'other' };
  }
  const name = toPSString(v).replace(/^\[|\]$/g, '');
  const t = resolveType(name);
  if (!t) throw Errors.typeNotFound(name);
  return t;
}

export function isOp(a: unknown, b: unknown): boolean { return isInstance(a, typeOperand(b)); }

export function asOp(a: unknown, b: unknown): unknown {
  const t = typeOperand(b);
  try { return convertToType(a, t); } catch { return null; }
}

// ---------- dispatch ----------

export interface OperatorHooks {
  setMatches(m: PSHashtable): void;
  invokeBlock?: BlockInvoker;
}

/** Comparison-family operator applied to a scalar left operand. */
function scalarCompare(base: string, ci: boolean, a: unknown, b: unknown, hooks: OperatorHooks | undefined, setMatches: boolean): boolean {
  switch (base) {
    case 'eq': return equals(a, b, ci);
    case 'ne': return !equals(a, b, ci);
    case 'gt': return compare(a, b, ci) > 0;
    case 'ge': return compare(a, b, ci) >= 0;
    case 'lt': return compare(a, b, ci) < 0;
    case 'le': return compare(a, b, ci) <= 0;
    case 'like': return like(a, b, ci);
    case 'notlike': return !like(a, b, ci);
    case 'match': case 'notmatch': {
      const re = regexFor(b, ci);
      const m = re.exec(toPSString(a));
      if (m && setMatches && hooks) hooks.setMatches(matchesTable(m, re));
      return base === 'match' ? m !== null : m === null;
    }
  }
  throw Errors.badOperator('-' + base);
}

function containsValue(coll: unknown, v: unknown, ci: boolean): boolean {
  for (const x of isEnumerable(coll) ? Array.from(coll as ArrayLike<unknown>) : [coll]) if (equals(x, v, ci)) return true;
  return false;
}

/** Applies a binary operator (not -and/-or, which short-circuit in the evaluator). */
export function binary(op: string, a: unknown, b: unknown, hooks?: OperatorHooks): unknown {
  switch (op) {
    case '+': return add(a, b);
    case '-': return subtract(a, b);
    case '*': return multiply(a, b);
    case '/': return divide(a, b);
    case '%': return remainder(a, b);
    case '..': return range(a, b);
    case 'f': return format(a, b);
    case 'is': return isOp(a, b);
    case 'isnot': return !isOp(a, b);
    case 'as': return asOp(a, b);
    case 'join': return join(a, b);
    case 'band': case 'bor': case 'bxor': case 'shl': case 'shr': return bitwise(op, a, b);
    case 'xor': return toBool(a) !== toBool(b);
  }
  let ci = true;
  let base = op;
  if (op.length > 2 && op[0] === 'c' && op !== 'contains') { ci = false; base = op.slice(1); }
  switch (base) {
    case 'contains': return containsValue(a, b, ci);
    case 'notcontains': return !containsValue(a, b, ci);
    case 'in': return containsValue(b, a, ci);
    case 'notin': return !containsValue(b, a, ci);
    case 'replace': return replace(a, b, ci, hooks?.invokeBlock);
    case 'split': return split(a, b, ci, hooks?.invokeBlock);
  }
  if (isEnumerable(a)) {
    const out: unknown[] = [];
    for (const x of Array.from(a as ArrayLike<unknown>)) if (scalarCompare(base, ci, x, b, hooks, false)) out.push(x);
    return out;
  }
  return scalarCompare(base, ci, a, b, hooks, true);
}

export function unary(op: string, v: unknown, hooks?: OperatorHooks): unknown {
  switch (op) {
    case 'not': return !toBool(v);
    case 'bnot': return v instanceof PSEnum ? new PSEnum(v.type, ~v.value) : fromBits(bitsKind(v), ~toInt64Big(v));
    case '-': return negate(v);
    case '+': return isNumeric(v) ? v : isEnumerable(v) ? v : toNumeric(v);
    case 'split': case 'csplit': return unarySplit(v);
    case 'join': return join(v, '');
  }
  void hooks;
  throw Errors.badOperator(op);
}

export { isList };
