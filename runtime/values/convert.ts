/**
 * PowerShell's value conversions (LanguagePrimitives): to string, to bool, to numbers, and casts to
 * any type the language knows, with PowerShell's error texts and ids. The binder uses convertTo().
 */
import { PSObject } from './psobject.js';
import { PSHashtable } from './hashtable.js';
import { PSDateTime } from './datetime.js';
import { PSTimeSpan } from './timespan.js';
import { ErrorRecord, RuntimeError } from './error-record.js';
import { isScriptBlock } from './scriptblock.js';
import { T, type TypeSpec } from '../commands/types.js';
import { PSChar, PSGuid, PSTypeRef, PSException, PSRegex, PSVersion } from '../evaluator/value-types.js';
import { resolveType, typeNameOf, isInt32, isNumericCategory, type TypeInfo } from '../evaluator/types.js';
import { numberToString, formatG15, formatDateTime } from '../evaluator/format.js';
import { Errors } from '../evaluator/errors.js';
import { makeList, makeTypedArray, typedArrayName } from '../evaluator/collections.js';
import {
  PSDouble, PSInteger, PSDecimal, parseNumberLiteral, toJsNumber, numKindOf, isIntegerKind, makeDouble, makeInt, fitsInt,
  type IntKind,
} from './numeric.js';
import { roundTo, DecimalOverflow } from './decimal.js';
import { isUri, parseUri } from './uri.js';
import { parseXmlDocument, XmlParseError, XML_DOCUMENT } from './xml.js';
import { PSEnum, parseEnum, enumFromNumber, nullToEnum } from './enum.js';

/** Session hooks the converter reads: $OFS, and how to compile text to a script block. */
export const conversionContext: { ofs: () => string; compile?: (text: string) => unknown } = { ofs: () => ' ' };

/** Value → string as PowerShell converts it (string interpolation, [string] casts, -join's elements). */
export function toPSString(v: unknown): string {
  if (v === null || v === undefined) return '';
  switch (typeof v) {
    case 'string': return v;
    case 'boolean': return v ? 'True' : 'False';
    case 'number': return numberToString(v);
    case 'bigint': return v.toString();
  }
  if (v instanceof PSDouble || v instanceof PSInteger || v instanceof PSDecimal) return v.toString();
  if (Array.isArray(v) || v instanceof Uint8Array) {
    const ofs = conversionContext.ofs();
    const parts: string[] = [];
    for (const x of Array.from(v as ArrayLike<unknown>)) parts.push(elementString(x));
    return parts.join(ofs);
  }
  return objectToString(v);
}

/**
 * An element of an array being joined: nested arrays show their type name, as .NET ToString does, and a
 * PSCustomObject its base object's ToString(), which is empty (only a PSCustomObject on its own reads '@{...}').
 */
export function elementString(x: unknown): string {
  if (Array.isArray(x)) return 'System.Object[]';
  if (x instanceof Uint8Array) return 'System.Byte[]';
  if (x instanceof PSObject && !x.toStringImpl && (x.isCustom || x.typeNames.includes(PSObject.customTypeName)) && !x.method('ToString')) return '';
  return toPSString(x);
}

/** Object.ToString() of a non-primitive value. */
export function objectToString(v: unknown): string {
  if (v instanceof PSEnum) return v.toString();
  if (v instanceof PSObject) {
    if (v.toStringImpl) return v.toStringImpl();
    const m = v.method('ToString');
    if (m) return toPSString(m.impl([]));
    // A PSCustomObject prints as @{...}, Select-Object's Selected.* ones included.
    if (v.isCustom || v.typeNames.includes(PSObject.customTypeName)) return '@{' + v.properties().map((p) => `${p.name}=${elementString(p.get())}`).join('; ') + '}';
    return v.typeNames[0] ?? '';
  }
  if (v instanceof PSHashtable) return v.ordered ? 'System.Collections.Specialized.OrderedDictionary' : 'System.Collections.Hashtable';
  if (v instanceof PSDateTime) return formatDateTime(v, 'MM/dd/yyyy HH:mm:ss');
  if (v instanceof PSVersion) return v.toString();
  if (v instanceof PSTimeSpan || v instanceof PSChar || v instanceof PSGuid || v instanceof PSTypeRef || v instanceof PSRegex) return v.toString();
  if (v instanceof PSException) return v.message;
  if (v instanceof ErrorRecord) return v.message;
  if (isScriptBlock(v)) return v.text;
  if (Array.isArray(v)) return 'System.Object[]';
  if (typeof v === 'object' && v !== null && typeof (v as { toString?: unknown }).toString === 'function' && (v as object).toString !== Object.prototype.toString) return String(v);
  return typeNameOf(v);
}

/** PowerShell truthiness (LanguagePrimitives.IsTrue). */
export function toBool(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  switch (typeof v) {
    case 'boolean': return v;
    case 'number': return v !== 0 && !Number.isNaN(v);
    case 'string': return v.length > 0;
  }
  if (Array.isArray(v)) return v.length === 0 ? false : v.length === 1 ? toBool(v[0]) : true;
  if (v instanceof PSChar) return v.code !== 0;
  if (v instanceof PSDouble) return v.value !== 0 && !Number.isNaN(v.value);
  if (v instanceof PSInteger) return v.value !== 0n;
  if (v instanceof PSDecimal) return !v.isZero();
  if (v instanceof PSEnum) return v.value !== 0;
  return true;
}

function fail(v: unknown, typeName: string, inner: string, id: string): never {
  throw Errors.cannotConvert(toPSString(v), typeName, inner, id);
}

function failType(v: unknown, typeName: string): never {
  const from = typeNameOf(v);
  throw Errors.cannotConvertType(Array.isArray(v) ? from : toPSString(v), from, typeName);
}

/**
 * A string as a typed number, as PowerShell's parser reads numeric strings (hex, exponents, kb suffixes,
 * type suffixes, surrounding spaces): '3' is an Int32, '3.5' a Double, '1.5d' a Decimal.
 */
export function parseNumericString(s: string): unknown {
  const t = s.trim();
  if (t === '') return 0;
  const n = parseNumberLiteral(t);
  if (n !== undefined) return n;
  // .NET also accepts thousands separators and a leading '+' in invariant culture.
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return parseNumberLiteral(t.replace(/,/g, ''));
  return undefined;
}

/** A value as a number for arithmetic: strings parse, $null is 0, booleans 0/1, chars their code. */
export function toNumber(v: unknown, target = 'System.Int32'): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const n = parseNumericString(v);
    if (n === undefined) fail(v, target, `The input string '${v}' was not in a correct format.`, stringCastId(target));
    return toJsNumber(n);
  }
  if (Array.isArray(v) && v.length === 1) return toNumber(v[0], target);
  // Everything else converts as toNumeric does, then unboxes.
  return toJsNumber(toNumeric(v, target));
}

/** The operand of unary minus: an integer string beyond Decimal's range fails as an Int32 (binary operators take it as a Double). */
export function toNegatable(v: unknown): unknown {
  const n = toNumeric(v);
  if (typeof v === 'string' && typeof n === 'number' && !Number.isSafeInteger(n) && /^\s*[+-]?\d+\s*$/.test(v)) {
    fail(v, 'System.Int32', 'Value was either too large or too small for an Int32.', 'InvalidCastFromStringToInteger');
  }
  return n;
}

/** The ErrorId of a failed string-to-number conversion, by target type. */
export function stringCastId(target: string): string {
  if (target === 'System.Double' || target === 'System.Single') return 'InvalidCastFromStringToDoubleOrSingle';
  if (target === 'System.Decimal') return 'InvalidCastFromStringToDecimal';
  return 'InvalidCastFromStringToInteger';
}

/**
 * A value as a typed number for arithmetic (strings parse as literals do, $null is Int32 0, booleans 0/1,
 * chars their code). `target` names the type a failed string conversion reports (the other operand's).
 */
export function toNumeric(v: unknown, target = 'System.Int32'): unknown {
  if (typeof v === 'number' || v instanceof PSDouble || v instanceof PSInteger || v instanceof PSDecimal) return v;
  if (v === null || v === undefined) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const n = parseNumericString(v);
    if (n === undefined) fail(v, target, `The input string '${v}' was not in a correct format.`, stringCastId(target));
    // An integer string too long even for a Double fails as the target type's range.
    if (n === Infinity || n === -Infinity) {
      if (/^\s*[+-]?\d+\s*$/.test(v)) fail(v, target, `Value was either too large or too small for ${target === 'System.Int64' ? 'an Int64' : target === 'System.Decimal' ? 'a Decimal' : target === 'System.Double' ? 'a Double' : 'an Int32'}.`, stringCastId(target));
    }
    return n;
  }
  if (v instanceof PSChar) return v.code;
  if (v instanceof PSEnum) return v.value;
  if (Array.isArray(v) && v.length === 1) return toNumeric(v[0], target);
  if (v instanceof PSObject && !v.isCustom) {
    const inner = v.get('Value');
    if (typeof inner === 'number') return inner;
  }
  failType(v, target);
}

const INT_RANGES: Record<string, [number, number, string]> = {
  int: [-2147483648, 2147483647, 'an Int32'],
  long: [-(2 ** 63), 2 ** 63 - 1, 'an Int64'],
  short: [-32768, 32767, 'an Int16'],
  ushort: [0, 65535, 'a UInt16'],
  uint: [0, 4294967295, 'a UInt32'],
  ulong: [0, 2 ** 64 - 1, 'a UInt64'],
  byte: [0, 255, 'an unsigned byte'],
  sbyte: [-128, 127, 'a signed byte'],
};

/** Banker's rounding, as .NET's Convert.ToInt32(double) and PowerShell's [int] cast do. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  if (Math.abs(x % 1) === 0.5) return 2 * Math.round(x / 2);
  return r;
}

const INT_KIND: Record<string, 'Int32' | IntKind> = {
  int: 'Int32', long: 'Int64', short: 'Int16', ushort: 'UInt16', uint: 'UInt32', ulong: 'UInt64', byte: 'Byte', sbyte: 'SByte',
};

/** A numeric value rounded to an integer as Convert.ToIntNN does (half to even); undefined for NaN/∞. */
function integralOf(v: unknown): bigint | undefined {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return undefined;
    return BigInt(Number.isInteger(v) ? v : roundHalfEven(v));
  }
  if (v instanceof PSInteger) return v.value;
  if (v instanceof PSDouble) return Number.isFinite(v.value) ? BigInt(roundHalfEven(v.value)) : undefined;
  if (v instanceof PSDecimal) return roundTo(v, 0, 'even').mantissa;
  return undefined;
}

/** Convert to an integer type: a JS number for Int32, the boxed/plain form numeric.ts gives the others. */
function toInteger(v: unknown, t: TypeInfo): unknown {
  const [, , what] = INT_RANGES[t.category]!;
  const kind = INT_KIND[t.category]!;
  let n: bigint | undefined;
  if (typeof v === 'string') {
    const p = parseNumericString(v);
    if (p === undefined) fail(v, t.fullName, `The input string '${v}' was not in a correct format.`, 'InvalidCastFromStringToInteger');
    n = integralOf(p);
    // Out of range: PowerShell's last try is .NET's own parse, which only knows plain digits ('3e3' is a format error).
    if (n === undefined || !fitsInt(kind, n)) {
      fail(v, t.fullName, /^\s*[+-]?(\d+|0x[0-9a-f]+)\s*$/i.test(v) ? `Value was either too large or too small for ${what}.` : `The input string '${v}' was not in a correct format.`, 'InvalidCastFromStringToInteger');
    }
    return makeInt(kind, n);
  }
  if (typeof v === 'number' && kind === 'Int32' && (v | 0) === v) return v === 0 ? 0 : v;
  if (typeof v === 'boolean') n = v ? 1n : 0n;
  else if (v instanceof PSChar) n = BigInt(v.code);
  else if (v === null || v === undefined) return kind === 'Int32' ? 0 : makeInt(kind, 0n);
  else if (numKindOf(v) === undefined) failType(v, t.fullName);
  else n = integralOf(v);
  if (n === undefined || !fitsInt(kind, n)) fail(v, t.fullName, `Value was either too large or too small for ${what}.`, 'InvalidCastIConvertible');
  return makeInt(kind, n);
}

/** A byte for a byte[] element. */
function toByte(v: unknown, t: TypeInfo): number { return toJsNumber(toInteger(v, t)); }

function toDoubleValue(v: unknown, t: TypeInfo): number {
  if (typeof v === 'number') return v;
  if (v instanceof PSDouble || v instanceof PSInteger || v instanceof PSDecimal) return toJsNumber(v);
  if (typeof v === 'string') {
    const s = v.trim();
    const n = parseNumericString(s);
    if (n !== undefined) return toJsNumber(n);
    if (/^[+-]?(infinity|∞)$/i.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
    if (/^nan$/i.test(s)) return NaN;
    fail(v, t.fullName, `The input string '${v}' was not in a correct format.`, t.category === 'decimal' ? 'InvalidCastFromStringToDecimal' : 'InvalidCastFromStringToDoubleOrSingle');
  }
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof PSChar) return v.code;
  if (v === null || v === undefined) return 0;
  failType(v, t.fullName);
}

/** Convert to Double, Single or Decimal. */
function toReal(v: unknown, t: TypeInfo): unknown {
  if (t.category === 'decimal') {
    if (v instanceof PSDecimal) return v;
    const k = numKindOf(v);
    try {
      if (k !== undefined && isIntegerKind(k)) return PSDecimal.fromInteger(typeof v === 'number' ? BigInt(v) : (v as PSInteger).value);
      if (typeof v === 'string') {
        // A string converts through its number (Double for '1.50', so the scale is not kept, as PowerShell does).
        const n = parseNumericString(v);
        if (n !== undefined) return toReal(n, t);
      }
      return PSDecimal.fromDouble(toDoubleValue(v, t));
    } catch (e) {
      if (!(e instanceof DecimalOverflow)) throw e;
      fail(v, t.fullName, 'Value was either too large or too small for a Decimal.', 'InvalidCastIConvertible');
    }
  }
  const x = toDoubleValue(v, t);
  if (t.category === 'single') return new PSDouble(Math.fround(x), 'Single');
  return makeDouble(x);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** DateTime.Parse with the invariant culture (what a [datetime] cast uses). */
export function parseDateTime(s: string): PSDateTime | undefined {
  const t = s.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(t);
  let y: number, mo: number, d: number, h = 0, mi = 0, sec = 0, ms = 0, subTicks = 0, zone: string | undefined;
  if (m) {
    y = +m[1]!; mo = +m[2]!; d = +m[3]!; h = +(m[4] ?? 0); mi = +(m[5] ?? 0); sec = +(m[6] ?? 0);
    ms = m[7] ? Math.floor(+m[7].padEnd(7, '0') / 10000) : 0; subTicks = m[7] ? +m[7].padEnd(7, '0') % 10000 : 0; zone = m[8];
  } else if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?)?$/i.exec(t))) {
    mo = +m[1]!; d = +m[2]!; y = +m[3]!; h = +(m[4] ?? 0); mi = +(m[5] ?? 0); sec = +(m[6] ?? 0);
    if (m[7]) { const pm = m[7].toUpperCase() === 'PM'; if (h === 12) h = pm ? 12 : 0; else if (pm) h += 12; }
  } else if ((m = /^(?:[a-z]+,?\s+)?([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?)?$/i.exec(t))
    && MONTHS.includes(m[1]!.toLowerCase())) {
    mo = MONTHS.indexOf(m[1]!.toLowerCase()) + 1; d = +m[2]!; y = +m[3]!; h = +(m[4] ?? 0); mi = +(m[5] ?? 0); sec = +(m[6] ?? 0);
    if (m[7]) { const pm = m[7].toUpperCase() === 'PM'; if (h === 12) h = pm ? 12 : 0; else if (pm) h += 12; }
  } else {
    const p = Date.parse(t);
    if (Number.isNaN(p) || !/\d/.test(t)) return undefined;
    return new PSDateTime(p, /(GMT|UTC|Z|[+-]\d{2}:?\d{2})$/i.test(t) ? 'Local' : 'Unspecified');
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59) return undefined;
  if (zone) {
    let off = 0;
    if (zone.toUpperCase() !== 'Z') { const zm = /([+-])(\d{2}):?(\d{2})/.exec(zone)!; off = (zm[1] === '-' ? -1 : 1) * (+zm[2]! * 60 + +zm[3]!); }
    // A zoned string becomes local time, as DateTime.Parse does.
    // Date.UTC reads years 0-99 as 19xx; set the full year instead.
    const utc = new Date(Date.UTC(2000, mo - 1, d, h, mi, sec, ms));
    utc.setUTCFullYear(y);
    return new PSDateTime(utc.getTime() - off * 60000, 'Local', subTicks);
  }
  const local = new Date(y, mo - 1, d, h, mi, sec, ms);
  local.setFullYear(y);
  if (local.getDate() !== d) return undefined;
  return new PSDateTime(local.getTime(), 'Unspecified', subTicks);
}

/** TimeSpan.Parse: [-][d.]hh:mm[:ss[.fffffff]] or d. */
export function parseTimeSpan(s: string): PSTimeSpan | undefined {
  const t = s.trim();
  const m = /^(-)?(?:(\d+)\.)?(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,7}))?)?$/.exec(t)
    ?? /^(-)?(\d+):(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d{1,7}))?$/.exec(t);
  if (m) {
    const ticks = (+(m[2] ?? 0)) * PSTimeSpan.TicksPerDay + +m[3]! * PSTimeSpan.TicksPerHour + +m[4]! * PSTimeSpan.TicksPerMinute
      + +(m[5] ?? 0) * PSTimeSpan.TicksPerSecond + (m[6] ? +m[6].padEnd(7, '0') : 0);
    if (+m[3]! > 23 || +m[4]! > 59 || +(m[5] ?? 0) > 59) return undefined;
    return new PSTimeSpan(m[1] ? -ticks : ticks);
  }
  if (/^-?\d+$/.test(t)) return new PSTimeSpan(Number(t) * PSTimeSpan.TicksPerDay);
  return undefined;
}

function enumerateForConvert(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (v instanceof Uint8Array) return Array.from(v);
  return [v];
}


/** A cast to an enum type: names (with unique prefixes) or numbers, checked against the values the type defines. */
function toEnum(v: unknown, t: TypeInfo): PSEnum {
  if (v instanceof PSEnum) return v.type.fullName === t.fullName ? v : enumFromNumber(t, v.value, v.toString());
  if (v === null) nullToEnum(t);
  if (typeof v === 'string') return parseEnum(t, v);
  const k = numKindOf(v);
  if (k !== undefined) {
    const n = toJsNumber(v);
    // A fractional number goes through its text, which names no member.
    if (!Number.isInteger(n)) return parseEnum(t, toPSString(v));
    return enumFromNumber(t, n, toPSString(v));
  }
  if (typeof v === 'boolean') fail(v, t.fullName, `Invalid cast from 'System.Boolean' to '${t.fullName}'.`, 'InvalidCastIConvertible');
  if (Array.isArray(v) && v.length === 1) return toEnum(v[0], t);
  failType(v, t.fullName);
}

/** A cast `[T]value` / parameter coercion to a resolved type. */
export function convertToType(v: unknown, t: TypeInfo): unknown {
  if (v === undefined) v = null;
  // An enum converts to any numeric type as its underlying Int32.
  if (v instanceof PSEnum && isNumericCategory(t.category)) v = v.value;
  switch (t.category) {
    case 'object': case 'psobject': return v;
    case 'void': return null;
    case 'string':
      if (v === null) return '';
      return toPSString(v);
    case 'bool': case 'switch': return toBool(v);
    case 'int': case 'long': case 'short': case 'ushort': case 'uint': case 'ulong': case 'byte': case 'sbyte':
      if (Array.isArray(v)) failType(v, t.fullName);
      return toInteger(v, t);
    case 'double': case 'single': case 'decimal':
      if (Array.isArray(v)) failType(v, t.fullName);
      return toReal(v, t);
    case 'char': {
      if (v instanceof PSChar) return v;
      if (typeof v === 'string') {
        if (v.length === 1) return new PSChar(v.charCodeAt(0));
        fail(v, t.fullName, 'String must be exactly one character long.', 'InvalidCastParseTargetInvocation');
      }
      if (v === null || v === undefined) return new PSChar(0);
      const kind = numKindOf(v);
      // Convert.ToChar refuses the floating types outright (IConvertible), whatever the value.
      if (kind === 'Double' || kind === 'Single' || kind === 'Decimal') fail(v, t.fullName, `Invalid cast from '${kind}' to 'Char'.`, 'InvalidCastIConvertible');
      if (kind !== undefined) {
        const n = toJsNumber(v);
        if (!Number.isInteger(n) || n < 0 || n > 65535) fail(v, t.fullName, 'Value was either too large or too small for a character.', 'InvalidCastIConvertible');
        return new PSChar(n);
      }
      failType(v, t.fullName);
    }
    // eslint-disable-next-line no-fallthrough
    case 'datetime': {
      if (v instanceof PSDateTime) return v;
      if (typeof v === 'string') {
        const d = parseDateTime(v);
        if (!d) fail(v, t.fullName, `The string '${v}' was not recognized as a valid DateTime. There is an unknown word starting at index '0'.`, 'InvalidCastParseTargetInvocationWithFormatProvider');
        return d;
      }
      if (numKindOf(v) !== undefined && isIntegerKind(numKindOf(v)!)) return new PSDateTime(Math.round(toJsNumber(v) / 10000) - 62135596800000, 'Unspecified');
      failType(v, t.fullName);
    }
    // eslint-disable-next-line no-fallthrough
    case 'timespan': {
      if (v instanceof PSTimeSpan) return v;
      if (typeof v === 'string') {
        const ts = parseTimeSpan(v);
        if (!ts) fail(v, t.fullName, 'String \'' + v + '\' was not recognized as a valid TimeSpan.', 'InvalidCastParseTargetInvocationWithFormatProvider');
        return ts;
      }
      if (numKindOf(v) !== undefined && isIntegerKind(numKindOf(v)!)) return new PSTimeSpan(toJsNumber(v));
      failType(v, t.fullName);
    }
    // eslint-disable-next-line no-fallthrough
    case 'guid': {
      if (v instanceof PSGuid) return v;
      if (typeof v === 'string') {
        const g = PSGuid.parse(v);
        if (!g) fail(v, t.fullName, 'Unrecognized Guid format.', 'InvalidCastParseTargetInvocationWithFormatProvider');
        return g;
      }
      failType(v, t.fullName);
    }
    // eslint-disable-next-line no-fallthrough
    case 'regex':
      if (v instanceof PSRegex) return v;
      return new PSRegex(toPSString(v));
    case 'array': {
      if (v === null) return null;
      const el = t.element;
      if (!el || el.category === 'object') {
        if (Array.isArray(v)) return v;
        return enumerateForConvert(v).slice();
      }
      if (el.category === 'byte') {
        if (v instanceof Uint8Array) return v;
        const items = enumerateForConvert(v);
        const out = new Uint8Array(items.length);
        items.forEach((x, i) => { out[i] = toByte(x, el); });
        return out;
      }
      if (typeof v === 'string' && el.category === 'char') return makeTypedArray(t.fullName, Array.from(v, (c) => new PSChar(c.charCodeAt(0))));
      if (Array.isArray(v) || v instanceof Uint8Array) {
        if (typedArrayName(v)?.toLowerCase() === t.fullName.toLowerCase()) return v;
        return makeTypedArray(t.fullName, enumerateForConvert(v).map((x) => convertToType(x, el)));
      }
      // LanguagePrimitives.ConvertScalarToArray wraps the element's failure in one naming the array type.
      try {
        return makeTypedArray(t.fullName, [convertToType(v, el)]);
      } catch (e) {
        if (!(e instanceof RuntimeError)) throw e;
        fail(v, t.fullName, e.record.message, 'InvalidCastExceptionScalarToArray');
      }
    }
    case 'arraylist': case 'list':
      if (v === null) return makeList(t.fullName);
      if (t.element && t.element.category !== 'object') return makeList(t.fullName, enumerateForConvert(v).map((x) => convertToType(x, t.element!)));
      return makeList(t.fullName, enumerateForConvert(v));
    case 'hashtable': case 'ordered':
      if (v instanceof PSHashtable) {
        if (t.category === 'ordered' && !v.ordered) { const h = new PSHashtable(true); for (const [k, x] of v.entries()) h.set(k, x); return h; }
        return v;
      }
      if (v instanceof PSObject) { const h = new PSHashtable(t.category === 'ordered'); for (const p of v.properties()) h.set(p.name, p.get()); return h; }
      failType(v, t.fullName);
    // eslint-disable-next-line no-fallthrough
    case 'pscustomobject':
      if (v instanceof PSHashtable) return PSObject.custom(v.entries().map(([k, x]) => [toPSString(k), x] as const));
      return v;
    case 'scriptblock':
      if (isScriptBlock(v)) return v;
      failType(v, t.fullName);
    // eslint-disable-next-line no-fallthrough
    case 'enum': return toEnum(v, t);
    // eslint-disable-next-line no-fallthrough
    case 'type':
      if (v instanceof PSTypeRef) return v;
      if (typeof v === 'string') { const r = resolveType(v); if (!r) fail(v, t.fullName, `Unable to find type [${v}].`, 'InvalidCastFromStringToType'); return new PSTypeRef(r.fullName, r.fullName.toLowerCase()); }
      failType(v, t.fullName);
    // eslint-disable-next-line no-fallthrough
    case 'exception':
      if (v instanceof PSException) return v;
      return new PSException(toPSString(v), t.fullName);
    case 'errorrecord':
      if (v instanceof ErrorRecord) return v;
      failType(v, t.fullName);
    // eslint-disable-next-line no-fallthrough
    case 'version': {
      if (v === null || v instanceof PSVersion) return v;
      const parsed = PSVersion.parse(toPSString(v));
      if (typeof parsed === 'string') fail(v, t.fullName, parsed, 'InvalidCastParseTargetInvocation');
      return parsed;
    }
    case 'uri': {
      if (v === null || isUri(v)) return v;
      const text = typeof v === 'string' ? v : toPSString(v);
      return parseUri(text) ?? text;
    }
    default:
      if (v === null) return null;
      if (t.fullName === XML_DOCUMENT && typeof v === 'string') {
        try { return parseXmlDocument(v); } catch (e) {
          if (e instanceof XmlParseError) fail(v, t.fullName, e.message, 'InvalidCastToXmlDocument');
          throw e;
        }
      }
      if (v instanceof PSObject && v.typeNames.some((n) => n.toLowerCase() === t.fullName.toLowerCase())) return v;
      if (typeNameOf(v).toLowerCase() === t.fullName.toLowerCase()) return v;
      // Unknown .NET shapes (certificates, credentials...) are the command layer's business: pass them through.
      if (t.category === 'certificate' || t.category === 'credential' || t.category === 'securestring') return v;
      failType(v, t.fullName);
  }
}

const specCache = new Map<string, TypeInfo>();

/** The numeric specs cmdlet classes declare (runtime/commands/types.ts `T`): their code works on JS numbers. */
const COMMAND_NUMERIC_SPECS = new Set<TypeSpec>([T.Long, T.Double, T.Decimal, T.Byte]);

/**
 * Coerces a value to a parameter's TypeSpec (the binder's conversion), with PowerShell's messages.
 * A cmdlet class's [long]/[double]/[decimal] parameter receives a plain JS number (the domain code computes
 * with numbers); a script's typed parameter keeps the PowerShell type (a boxed value, runtime/values/numeric.ts).
 */
export function convertTo(v: unknown, spec: TypeSpec): unknown {
  if ((v === null || v === undefined) && spec.nullable) return null;
  let info = specCache.get(spec.name + '|' + spec.kind);
  if (!info) {
    info = specToInfo(spec);
    specCache.set(spec.name + '|' + spec.kind, info);
  }
  const r = convertToType(v, info);
  if (COMMAND_NUMERIC_SPECS.has(spec) || (spec.nullable && (spec.kind === 'long' || spec.kind === 'double' || spec.kind === 'decimal'))) return r === null ? r : toJsNumber(r);
  if (spec.element && COMMAND_NUMERIC_SPECS.has(spec.element) && Array.isArray(r)) return r.map(toJsNumber);
  // Likewise a cmdlet's enum parameter receives the member name (flags as 'A, B').
  if (spec.kind === 'enum' && !spec.keepsEnum && r instanceof PSEnum) return r.toString();
  if (spec.element?.kind === 'enum' && !spec.element.keepsEnum && Array.isArray(r)) return r.map((x) => (x instanceof PSEnum ? x.toString() : x));
  return r;
}

function specToInfo(spec: TypeSpec): TypeInfo {
  if (spec.element) {
    const el = specToInfo(spec.element);
    return { fullName: el.fullName + '[]', category: 'array', element: el };
  }
  if (spec.kind === 'enum') {
    const known = resolveType(spec.name);
    return known?.category === 'enum' ? known : { fullName: spec.name, category: 'enum', enumValues: spec.enumValues ?? [] };
  }
  const byName = resolveType(spec.name);
  if (byName) return byName;
  const kindMap: Record<string, string> = { int: 'int', long: 'long', double: 'double', decimal: 'decimal', byte: 'byte', bool: 'bool', switch: 'switch',
    string: 'string', char: 'char', datetime: 'datetime', timespan: 'timespan', guid: 'guid', scriptblock: 'scriptblock', hashtable: 'hashtable',
    psobject: 'psobject', object: 'object' };
  const k = kindMap[spec.kind];
  if (k) return { ...resolveType(k)!, fullName: spec.name };
  return { fullName: spec.name, category: (spec.kind as TypeInfo['category']) ?? 'other' };
}

/** The conversion an error record gets when a JS error escapes a conversion (never shown as a stack trace). */
export function asRuntimeError(e: unknown): RuntimeError {
  if (e instanceof RuntimeError) return e;
  return new RuntimeError(new ErrorRecord(String((e as Error)?.message ?? e), 'RuntimeException', 'NotSpecified'));
}

export { isInt32, formatG15 };
