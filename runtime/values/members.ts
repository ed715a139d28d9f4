/**
 * Members of built-in values as PowerShell's adapters expose them: properties and methods of strings,
 * numbers, arrays, hashtables, PSObjects, DateTime, TimeSpan, Guid, Regex, ErrorRecord, exceptions,
 * script blocks; static members of [Math], [Convert], [Text.Encoding], [SHA256], [DateTime]...;
 * member enumeration over collections. Errors carry PowerShell's texts.
 */
import { createHash, randomUUID } from 'node:crypto';
import * as nodePath from 'node:path';
import * as os from 'node:os';
import { PSObject } from './psobject.js';
import { PSCredential, SecureString } from './secure-string.js';
import { PSHashtable } from './hashtable.js';
import { PSDateTime, type DateTimeKind } from './datetime.js';
import { PSEnum, enumMember, enumMembers, enumNames, enumText, formatEnum, dotnetParseEnum } from './enum.js';
import { PSTimeSpan } from './timespan.js';
import { ErrorRecord, RuntimeError, isErrorCategory } from './error-record.js';
import { isScriptBlock, type ScriptBlock, type MaybePromise } from './scriptblock.js';
import { setReference } from '../evaluator/reference.js';
import { PSDictionary } from '../evaluator/dictionary.js';
import { toPSString, toBool, toNumber, convertToType, roundHalfEven, parseDateTime, parseTimeSpan, objectToString } from './convert.js';
import { PSChar, PSGuid, PSTypeRef, PSException, PSRegex, PSVersion } from '../evaluator/value-types.js';
import { resolveType, typeNameOf, type TypeInfo } from '../evaluator/types.js';
import { Errors, runtimeError } from '../evaluator/errors.js';
import { formatNumber, formatDateTime, formatTimeSpan, formatComposite, FormatError, doubleToString, formatNumeric } from '../evaluator/format.js';
import { PSDouble, PSInteger, PSDecimal, makeInt, makeDouble, INT_RANGE, withoutTokenText, type IntKind } from './numeric.js';
import { mathMethod } from './math.js';
import { equals, compare, formatOne, guidFormat, regexFor, regexSplit, matchesTable, iterate, isEnumerable, escapeRegex, wildcardToRegex } from '../evaluator/operators.js';
import { makeList, listTypeName, typedArrayName } from '../evaluator/collections.js';

/** What member code needs from the evaluator: running script blocks (.Where/.ForEach/.Invoke), the clock, compiling text. */
export interface MemberHost {
  invokeBlock(sb: ScriptBlock, dollarUnder: unknown, args: unknown[]): MaybePromise<unknown[]>;
  /** Epoch milliseconds for [datetime]::Now (the emulator's virtual clock). */
  now(): number;
  compile(text: string): ScriptBlock;
}

export const defaultMemberHost: MemberHost = {
  invokeBlock: () => { throw Errors.notSupported('Invoking a script block here'); },
  now: () => Date.now(),
  compile: () => { throw Errors.notSupported('[scriptblock]::Create'); },
};

const NONE = Symbol('none');

// ---------- helper objects ----------

/** System.Text.Encoding instances. */
export class PSEncoding {
  constructor(readonly webName: 'utf-8' | 'us-ascii' | 'utf-16' | 'utf-16BE' | 'utf-32' | 'iso-8859-1', readonly bom = false) {}
  get typeName(): string {
    if (this.webName === 'utf-8') return this.bom ? 'System.Text.UTF8Encoding+UTF8EncodingSealed' : 'System.Text.UTF8Encoding';
    return this.webName === 'us-ascii' ? 'System.Text.ASCIIEncoding+ASCIIEncodingSealed' : this.webName === 'utf-32' ? 'System.Text.UTF32Encoding' : this.webName === 'iso-8859-1' ? 'System.Text.Latin1Encoding+Latin1EncodingSealed' : 'System.Text.UnicodeEncoding';
  }
  getBytes(s: string): Uint8Array {
    switch (this.webName) {
      case 'utf-8': return new Uint8Array(Buffer.from(s, 'utf8'));
      case 'us-ascii': return new Uint8Array(Array.from(s, (c) => (c.charCodeAt(0) > 127 ? 63 : c.charCodeAt(0))));
      case 'iso-8859-1': return new Uint8Array(Buffer.from(s, 'latin1'));
      case 'utf-16': return new Uint8Array(Buffer.from(s, 'utf16le'));
      case 'utf-16BE': { const b = Buffer.from(s, 'utf16le'); b.swap16(); return new Uint8Array(b); }
      case 'utf-32': { const cps = Array.from(s, (c) => c.codePointAt(0)!); const b = Buffer.alloc(cps.length * 4); cps.forEach((cp, i) => b.writeUInt32LE(cp, i * 4)); return new Uint8Array(b); }
    }
  }
  getString(bytes: Uint8Array): string {
    const b = Buffer.from(bytes);
    switch (this.webName) {
      case 'utf-8': return b.toString('utf8');
      case 'us-ascii': return Array.from(bytes, (x) => String.fromCharCode(x > 127 ? 63 : x)).join('');
      case 'iso-8859-1': return b.toString('latin1');
      case 'utf-16': return b.toString('utf16le');
      case 'utf-16BE': { const c = Buffer.from(b); c.swap16(); return c.toString('utf16le'); }
      case 'utf-32': { let s = ''; for (let i = 0; i + 3 < b.length; i += 4) s += String.fromCodePoint(b.readUInt32LE(i)); return s; }
    }
  }
  toString(): string { return this.typeName; }
}

/** A hash algorithm object ([SHA256]::Create()). */
export class PSHashAlgorithm {
  constructor(readonly algorithm: 'sha256' | 'sha1' | 'sha384' | 'sha512' | 'md5') {}
  get typeName(): string { return `System.Security.Cryptography.${this.algorithm.toUpperCase()}+Implementation`; }
  compute(bytes: Uint8Array): Uint8Array { return new Uint8Array(createHash(this.algorithm).update(bytes).digest()); }
  toString(): string { return this.typeName; }
}

function toBytes(v: unknown): Uint8Array {
  if (v instanceof Uint8Array) return v;
  return convertToType(v, resolveType('byte[]')!) as Uint8Array;
}

function argError(method: string, argc: number, message: string, type = 'System.ArgumentException'): RuntimeError {
  return Errors.methodInvocation(method, argc, message, type);
}

/** .NET 8's ArgumentOutOfRangeException.ThrowIfNegative / ThrowIfGreaterThan, as a method-invocation error. */
function requireNonNegative(method: string, argc: number, param: string, v: number): void {
  if (v < 0) throw argError(method, argc, `${param} ('${v}') must be a non-negative value. (Parameter '${param}')\nActual value was ${v}.`, 'System.ArgumentOutOfRangeException');
}

function requireAtMost(method: string, argc: number, param: string, v: number, max: number): void {
  if (v > max) throw argError(method, argc, `${param} ('${v}') must be less than or equal to '${max}'. (Parameter '${param}')\nActual value was ${v}.`, 'System.ArgumentOutOfRangeException');
}

function needArgs(method: string, args: unknown[], ...counts: number[]): void {
  if (!counts.includes(args.length)) throw Errors.overloadCount(method, args.length);
}

function str(v: unknown): string { return toPSString(v); }
function int(v: unknown): number { return convertToType(v, resolveType('int')!) as number; }

// ---------- instance properties ----------

/** A property of a value, or NONE. */
function instanceProperty(v: unknown, name: string): unknown {
  const n = name.toLowerCase();
  if (v instanceof PSObject) {
    const p = v.property(name);
    if (p) return p.get();
    if (n === 'psobject') return psobjectView(v);
    return NONE;
  }
  if (v instanceof PSHashtable) {
    if (v.has(name)) return v.get(name);
    switch (n) {
      case 'count': return v.count;
      case 'keys': return v.keys();
      case 'values': return v.values();
      case 'issynchronized': case 'isreadonly': case 'isfixedsize': return false;
    }
    return NONE;
  }
  if (typeof v === 'string') {
    if (n === 'length') return v.length;
    return NONE;
  }
  if (isEnumerable(v)) {
    if (n === 'count' || n === 'length' || n === 'longlength') return v.length;
    if (n === 'rank') return 1;
    if (n === 'issynchronized' || n === 'isreadonly') return false;
    if (n === 'isfixedsize') return listTypeName(v) === undefined;
    return NONE;
  }
  if (v instanceof PSDateTime) {
    const f = v.fields();
    switch (n) {
      case 'year': return f.year;
      case 'month': return f.month;
      case 'day': return f.day;
      case 'hour': return f.hour;
      case 'minute': return f.minute;
      case 'second': return f.second;
      case 'millisecond': return f.millisecond;
      case 'microsecond': case 'nanosecond': return 0;
      case 'dayofweek': return enumMember(resolveType('System.DayOfWeek')!, PSDateTime.dayName(f.dayOfWeek));
      case 'dayofyear': { const start = v.kind === 'Utc' ? Date.UTC(f.year, 0, 1) : new Date(f.year, 0, 1).getTime(); return Math.floor((dateOnly(v).ms - start) / 86400000) + 1; }
      case 'date': return dateOnly(v);
      case 'timeofday': return new PSTimeSpan(((f.hour * 60 + f.minute) * 60 + f.second) * PSTimeSpan.TicksPerSecond + f.millisecond * PSTimeSpan.TicksPerMs);
      case 'kind': return enumMember(resolveType('System.DateTimeKind')!, v.kind);
      case 'ticks': return ticksBig(v);
      case 'datetime': return v.toLongString();
    }
    return NONE;
  }
  if (v instanceof PSTimeSpan) {
    switch (n) {
      case 'days': return v.days;
      case 'hours': return v.hours;
      case 'minutes': return v.minutes;
      case 'seconds': return v.seconds;
      case 'milliseconds': return v.milliseconds;
      case 'microseconds': return Math.trunc(v.ticks / 10) % 1000;
      case 'nanoseconds': return (v.ticks % 10) * 100;
      case 'ticks': return makeInt('Int64', BigInt(Math.round(v.ticks)));
      case 'totaldays': return makeDouble(v.ticks / PSTimeSpan.TicksPerDay);
      case 'totalhours': return makeDouble(v.ticks / PSTimeSpan.TicksPerHour);
      case 'totalminutes': return makeDouble(v.ticks / PSTimeSpan.TicksPerMinute);
      case 'totalseconds': return makeDouble(v.ticks / PSTimeSpan.TicksPerSecond);
      case 'totalmilliseconds': return makeDouble(v.ticks / PSTimeSpan.TicksPerMs);
      case 'totalmicroseconds': return makeDouble(v.ticks / 10);
      case 'totalnanoseconds': return makeDouble(v.ticks * 100);
    }
    return NONE;
  }
  if (v instanceof PSGuid) return n === 'guid' ? v.value : NONE;
  if (v instanceof PSVersion) {
    switch (n) {
      case 'major': return v.major;
      case 'minor': return v.minor;
      case 'build': return v.build;
      case 'revision': return v.revision;
      case 'majorrevision': return v.revision < 0 ? -1 : v.revision >> 16;
      case 'minorrevision': return v.revision < 0 ? -1 : v.revision & 0xffff;
    }
    return NONE;
  }
  if (v instanceof PSChar) return NONE;
  if (v instanceof PSEnum) return n === 'value__' ? v.value : NONE;
  if (v instanceof PSTypeRef) {
    switch (n) {
      case 'isenum': return resolveType(v.fullName)?.category === 'enum';
      case 'name': return v.name;
      case 'fullname': return v.fullName;
      case 'namespace': return v.fullName.includes('.') ? v.fullName.slice(0, v.fullName.lastIndexOf('.')) : '';
      case 'isarray': return v.fullName.endsWith('[]');
      case 'basetype':
        if (v.fullName.endsWith('[]')) return new PSTypeRef('System.Array', 'system.array');
        if (resolveType(v.fullName)?.category === 'enum') return new PSTypeRef('System.Enum', 'system.enum');
        return new PSTypeRef('System.Object', 'system.object');
    }
    return NONE;
  }
  if (v instanceof PSException) {
    switch (n) {
      case 'message': return v.message;
      case 'innerexception': return v.innerException;
      case 'errorrecord': return v.errorRecord;
      case 'stacktrace': case 'source': case 'helplink': case 'targetsite': return null;
      case 'data': return new PSHashtable();
      case 'hresult': return -2146233087;
      case 'wascaught': return true;
      // CommandNotFoundException.CommandName: the name that was not found (the record's target).
      case 'commandname':
        if (v.typeName === 'System.Management.Automation.CommandNotFoundException' && v.errorRecord instanceof ErrorRecord) return v.errorRecord.targetObject;
        break;
    }
    return NONE;
  }
  if (v instanceof ErrorRecord) return errorRecordProperty(v, n);
  if (isScriptBlock(v)) {
    if (n === 'ast' || n === 'startposition') return null;
    if (n === 'file') return null;
    if (n === 'isfilter') return false;
    return NONE;
  }
  if (v instanceof PSRegex) {
    if (n === 'options') return v.ignoreCase ? 'IgnoreCase' : 'None';
    return NONE;
  }
  if (v instanceof PSEncoding) {
    if (n === 'webname' || n === 'bodyname' || n === 'headername') return v.webName;
    if (n === 'encodingname') return v.webName === 'utf-8' ? 'Unicode (UTF-8)' : v.webName === 'us-ascii' ? 'US-ASCII' : 'Unicode';
    if (n === 'codepage') return v.webName === 'utf-8' ? 65001 : v.webName === 'us-ascii' ? 20127 : 1200;
    return NONE;
  }
  if (v instanceof PSHashAlgorithm) {
    if (n === 'hashsize') return { sha256: 256, sha1: 160, sha384: 384, sha512: 512, md5: 128 }[v.algorithm];
    return NONE;
  }
  return NONE;
}

/** DateTime.Ticks as an exact Int64 (beyond 2^53, so boxed). */
function ticksBig(d: PSDateTime): unknown {
  const f = d.fields();
  const utcOfFields = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, f.millisecond);
  return makeInt('Int64', BigInt(utcOfFields + 62135596800000) * 10000n + BigInt(Math.round(d.subTicks)));
}

function ticksOf(d: PSDateTime): number {
  const f = d.fields();
  const utcOfFields = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, f.millisecond);
  return (utcOfFields + 62135596800000) * 10000 + d.subTicks;
}

function dateOnly(d: PSDateTime): PSDateTime {
  const f = d.fields();
  if (d.kind === 'Utc') return new PSDateTime(Date.UTC(f.year, f.month - 1, f.day), 'Utc');
  const x = new Date(f.year, f.month - 1, f.day);
  x.setFullYear(f.year);
  return new PSDateTime(x.getTime(), d.kind);
}

/** psobject.Properties: enumerates like an array, plus the PSMemberInfoCollection lookups Item(name) and Match(pattern). */
const MEMBER_COLLECTION = 'System.Management.Automation.PSMemberInfoIntegratingCollection`1[[System.Management.Automation.PSPropertyInfo, System.Management.Automation]]';

function memberCollectionMethod(a: unknown[], n: string, name: string, args: unknown[]): unknown {
  const nameOf = (m: unknown) => (m instanceof PSObject ? String(m.get('Name') ?? '') : '');
  if (n === 'item' || n === 'get_item') {
    needArgs(name, args, 1);
    // The indexer is an exact, case-insensitive name lookup (no wildcards): '*' finds nothing.
    const want = str(args[0]).toLowerCase();
    return a.find((m) => nameOf(m).toLowerCase() === want) ?? null;
  }
  if (n === 'match') {
    needArgs(name, args, 1, 2);
    const re = wildcardToRegex(str(args[0]), true);
    return a.filter((m) => re.test(nameOf(m)));
  }
  return NONE;
}

function psobjectView(o: PSObject): PSObject {
  const view = PSObject.typed('System.Management.Automation.PSObject');
  view.addGetter('Properties', () => makeList(MEMBER_COLLECTION, o.properties().map((p) => {
    const value = p.get();
    return PSObject.typed(p.kind === 'Note' ? 'System.Management.Automation.PSNoteProperty' : 'System.Management.Automation.PSProperty', {
      Name: p.name, Value: value, MemberType: p.kind === 'Note' ? 'NoteProperty' : p.kind === 'Script' ? 'ScriptProperty' : 'Property',
      TypeNameOfValue: value === null || value === undefined ? 'System.Object' : typeNameOf(value), IsSettable: !!p.set, IsGettable: true,
    });
  })));
  view.addGetter('TypeNames', () => [...o.typeNames]);
  view.addGetter('BaseObject', () => o);
  view.addMethod('Copy', () => o.copy());
  return view;
}

function errorRecordProperty(e: ErrorRecord, n: string): unknown {
  switch (n) {
    case 'exception': return exceptionOf(e);
    case 'fullyqualifiederrorid': return e.fullyQualifiedErrorId;
    case 'targetobject': return e.targetObject;
    case 'categoryinfo': {
      const reason = e.exceptionType.split('.').pop() ?? '';
      const t = e.targetObject;
      const ci = PSObject.typed('System.Management.Automation.ErrorCategoryInfo', {
        Category: enumMember(resolveType('System.Management.Automation.ErrorCategory')!, e.category), Activity: e.position.commandName ?? '', Reason: reason,
        TargetName: t === null || t === undefined ? '' : toPSString(t), TargetType: t === null || t === undefined ? '' : typeNameOf(t).split('.').pop(),
      });
      ci.toStringImpl = () => e.categoryInfo();
      return ci;
    }
    case 'invocationinfo': {
      const p = e.position;
      return PSObject.typed('System.Management.Automation.InvocationInfo', {
        ScriptLineNumber: p.line ?? 0, OffsetInLine: p.column ?? 0, Line: p.lineText ?? '', ScriptName: p.scriptName ?? '',
        MyCommand: p.commandName ?? null, InvocationName: p.commandName ?? '', PositionMessage: positionMessage(e),
      });
    }
    case 'errordetails': return null;
    case 'scriptstacktrace': return 'at <ScriptBlock>, <No file>: line ' + (e.position.line ?? 1);
    case 'pipelineiterationinfo': return [];
  }
  return NONE;
}

export function positionMessage(e: ErrorRecord): string {
  const p = e.position;
  if (!p.line) return '';
  return `At ${p.scriptName || 'line'}:${p.line} char:${p.column ?? 1}\n+ ${p.lineText ?? ''}\n+ ${' '.repeat(Math.max(0, (p.column ?? 1) - 1))}${'~'.repeat(Math.max(1, p.length ?? 1))}`;
}

/** ErrorRecord.Exception as an object. */
export function exceptionOf(e: ErrorRecord): PSException {
  const cached = (e as unknown as { __exception?: PSException }).__exception;
  if (cached) return cached;
  const inner = e.inner instanceof PSException ? e.inner : null;
  const ex = new PSException(e.message, e.exceptionType, inner && inner.message !== e.message ? inner : inner, e);
  (e as unknown as { __exception?: PSException }).__exception = ex;
  return ex;
}

// ---------- get / set ----------

/**
 * `$value.Name`. Collections without such a property enumerate their members (member enumeration):
 * the results of each element, flattened, a single result unwrapped. Missing members are $null.
 */
export function getMember(v: unknown, name: string): unknown {
  if (v === null || v === undefined) {
    const n = name.toLowerCase();
    return n === 'count' || n === 'length' ? 0 : null;
  }
  const r = instanceProperty(v, name);
  if (r !== NONE) return r;
  if (isEnumerable(v)) {
    const out: unknown[] = [];
    for (const x of iterate(v)) {
      const y = getMember(x, name);
      if (y === null || y === undefined) { if (x !== null && instanceProperty(x, name) !== NONE) out.push(y); continue; }
      if (isEnumerable(y) && !(y instanceof Uint8Array)) out.push(...(y as unknown[])); else out.push(y);
    }
    if (out.length === 0) return null;
    return out.length === 1 ? out[0] : out;
  }
  // Scalars have .Count / .Length 1 (PowerShell's intrinsic members).
  const n = name.toLowerCase();
  if (n === 'count' || n === 'length') return 1;
  return null;
}

/** A property the value's own type defines (no member enumeration, no intrinsic Count/Length). */
export function ownProperty(v: unknown, name: string): { found: boolean; value?: unknown } {
  const r = instanceProperty(v, name);
  return r === NONE ? { found: false } : { found: true, value: r };
}

/**
 * `$value.Name` under Set-StrictMode -Version 2 or later: a property that is not there is an error
 * on a single object (dictionaries answer for any key; collections enumerate their members).
 */
export function getMemberStrict(v: unknown, name: string): unknown {
  if (v === null || v === undefined || v instanceof PSHashtable || isEnumerable(v)) return getMember(v, name);
  const r = instanceProperty(v, name);
  if (r !== NONE) return r;
  const n = name.toLowerCase();
  if (n === 'count' || n === 'length') return 1;
  throw Errors.propertyNotFoundStrict(name);
}

export function setMember(v: unknown, name: string, value: unknown): void {
  if (v === null || v === undefined) throw runtimeError(`The property '${name}' cannot be found on this object. Verify that the property exists and can be set.`, 'PropertyNotFound', 'InvalidOperation');
  if (v instanceof PSHashtable) { v.set(name, value); return; }
  if (v instanceof PSObject) {
    const p = v.property(name);
    if (!p) {
      if (v.isCustom) throw Errors.setOnPSObject(name);
      throw Errors.setOnPSObject(name);
    }
    if (!p.set) throw Errors.readOnlyProperty(p.name);
    p.set(value);
    return;
  }
  if (isEnumerable(v)) {
    for (const x of iterate(v)) setMember(x, name, value);
    return;
  }
  if (instanceProperty(v, name) !== NONE) throw Errors.readOnlyProperty(name);
  throw Errors.propertyNotFoundSet(name);
}

// ---------- methods ----------

function typeLabel(v: unknown): string { return typeNameOf(v); }

/** `$value.Name(args)`. May return a Promise when it runs a script block that is not pure. */
export function invokeMethod(v: unknown, name: string, args: unknown[], host: MemberHost = defaultMemberHost): unknown {
  if (v === null || v === undefined) throw Errors.methodOnNull();
  const n = name.toLowerCase();
  // Methods every object has.
  if (n === 'gettype' && args.length === 0) { const t = typeNameOf(v); return new PSTypeRef(t, t.toLowerCase()); }
  if (v instanceof PSObject) {
    const m = v.method(name);
    if (m) return m.impl(args);
    const p = v.property(name);
    if (p && isScriptBlock(p.get()) ) return host.invokeBlock(p.get() as ScriptBlock, null, args);
    // PSCustomObject.ToString() is empty; its string conversion ("$o") is the @{...} form.
    if (n === 'tostring' && args.length === 0) return v.isCustom && !v.toStringImpl ? '' : objectToString(v);
    if (n === 'equals') return v === args[0];
    if (n === 'gethashcode') return 0;
    throw Errors.methodNotFound(v.typeNames[0] ?? 'System.Object', name);
  }
  const r = builtinMethod(v, n, name, args, host);
  if (r !== NONE) return r;
  if (n === 'tostring' && args.length === 0) return objectToString(v);
  if (n === 'equals' && args.length === 1) return equals(v, args[0], false);
  if (n === 'gethashcode' && args.length === 0) return 0;
  if (isEnumerable(v) && !(v instanceof Uint8Array && false)) {
    // Method enumeration: call it on each element.
    const items = iterate(v);
    if (items.length === 0) throw Errors.methodNotFound(typeLabel(v), name);
    const out: unknown[] = [];
    for (const x of items) {
      const y = invokeMethod(x, name, args, host);
      if (y instanceof Promise) throw Errors.notSupported('Method enumeration over an asynchronous call');
      if (y !== undefined) out.push(y);
    }
    return out.length === 1 ? out[0] : out;
  }
  throw Errors.methodNotFound(typeLabel(v), name);
}

function builtinMethod(v: unknown, n: string, name: string, args: unknown[], host: MemberHost): unknown {
  if (typeof v === 'string') return stringMethod(v, n, name, args);
  if (typeof v === 'number' || v instanceof PSDouble || v instanceof PSInteger || v instanceof PSDecimal) return numberMethod(withoutTokenText(v), n, name, args);
  if (typeof v === 'boolean') {
    if (n === 'tostring') return v ? 'True' : 'False';
    if (n === 'compareto') return Number(v) - Number(toBool(args[0]));
    return NONE;
  }
  if (isEnumerable(v)) return arrayMethod(v, n, name, args, host);
  if (v instanceof PSHashtable) return hashtableMethod(v, n, name, args);
  if (v instanceof PSDateTime) return dateMethod(v, n, name, args);
  if (v instanceof PSTimeSpan) return timeSpanMethod(v, n, name, args);
  if (v instanceof PSChar) {
    if (n === 'tostring') return v.toString();
    if (n === 'compareto') return compare(v, args[0], false);
    return NONE;
  }
  if (v instanceof PSVersion) {
    if (n === 'tostring') return v.toString(args.length ? int(args[0]) : undefined);
    if (n === 'compareto') return compare(v, args[0]);
    if (n === 'equals') return equals(v, args[0], false);
    return NONE;
  }
  if (v instanceof PSGuid) {
    if (n === 'tostring') return args.length ? guidFormat(v, str(args[0])) : v.value;
    if (n === 'tobytearray') return new Uint8Array(Buffer.from(v.value.replace(/-/g, ''), 'hex'));
    return NONE;
  }
  if (isScriptBlock(v)) {
    if (n === 'invoke' || n === 'invokereturnasis') return host.invokeBlock(v, null, args);
    if (n === 'getnewclosure') return v;
    if (n === 'tostring') return v.text;
    return NONE;
  }
  if (v instanceof PSRegex) return regexMethod(v, n, name, args);
  if (v instanceof ErrorRecord) { if (n === 'tostring') return v.message; return NONE; }
  if (v instanceof PSException) {
    if (n === 'tostring') return `${v.typeName}: ${v.message}`;
    if (n === 'getbaseexception') { let e = v; while (e.innerException) e = e.innerException; return e; }
    return NONE;
  }
  if (v instanceof PSEnum) return enumMethod(v, n, name, args);
  if (v instanceof PSTypeRef) {
    if (n === 'tostring') return v.fullName;
    if (n === 'getenumnames' || n === 'getenumvalues') {
      const t = resolveType(v.fullName);
      if (t?.category !== 'enum') throw argError(name, 0, 'Type provided must be an Enum.', 'System.ArgumentException');
      return n === 'getenumnames' ? [...enumNames(t)] : enumMembers(t);
    }
    if (n === 'isinstanceoftype') return resolveType(v.fullName) ? convertSafeIs(args[0], v) : false;
    return NONE;
  }
  if (v instanceof PSEncoding) {
    if (n === 'getbytes') { needArgs(name, args, 1); return v.getBytes(str(args[0])); }
    if (n === 'getstring') { needArgs(name, args, 1, 3); const b = toBytes(args[0]); return v.getString(args.length === 3 ? b.subarray(int(args[1]), int(args[1]) + int(args[2])) : b); }
    if (n === 'getbytecount') return v.getBytes(str(args[0])).length;
    if (n === 'getpreamble') return v.bom ? new Uint8Array([0xef, 0xbb, 0xbf]) : new Uint8Array(0);
    return NONE;
  }
  if (v instanceof PSHashAlgorithm) {
    if (n === 'computehash') { needArgs(name, args, 1, 3); const b = toBytes(args[0]); return v.compute(args.length === 3 ? b.subarray(int(args[1]), int(args[1]) + int(args[2])) : b); }
    if (n === 'dispose' || n === 'clear') return undefined;
    return NONE;
  }
  return NONE;
}

function enumMethod(e: PSEnum, n: string, name: string, args: unknown[]): unknown {
  switch (n) {
    case 'tostring': return formatEnum(e, args.length ? str(args[0]) : undefined);
    case 'gethashcode': return e.value;
    case 'gettypecode': return enumMember(resolveType('System.TypeCode')!, 'Int32');
    case 'equals': needArgs(name, args, 1); return args[0] instanceof PSEnum && args[0].type.fullName === e.type.fullName && args[0].value === e.value;
    case 'compareto': {
      needArgs(name, args, 1);
      const o = args[0];
      if (o === null || o === undefined) return 1;
      if (!(o instanceof PSEnum) || o.type.fullName !== e.type.fullName) {
        throw argError(name, 1, `Object must be the same type as the enum. The type passed in was '${typeNameOf(o)}'; the enum type was '${e.type.fullName}'.`, 'System.ArgumentException');
      }
      return Math.sign((e.value >>> 0) - (o.value >>> 0));
    }
    case 'hasflag': {
      needArgs(name, args, 1);
      const f = args[0];
      if (!(f instanceof PSEnum)) {
        const text = str(f);
        throw runtimeError(`Cannot convert argument "flag", with value: "${text}", for "HasFlag" to type "System.Enum": "Cannot convert value "${text}" to type "System.Enum". Error: "Late bound operations cannot be performed on types or methods for which ContainsGenericParameters is true.""`,
          'MethodArgumentConversionInvalidCastArgument', 'NotSpecified', null, 'System.Management.Automation.MethodException');
      }
      if (f.type.fullName !== e.type.fullName) throw argError(name, 1, `The argument type, '${f.type.fullName}', is not the same as the enum type '${e.type.fullName}'.`, 'System.ArgumentException');
      return (e.value & f.value) === f.value;
    }
  }
  return NONE;
}

function convertSafeIs(x: unknown, t: PSTypeRef): boolean {
  return typeNameOf(x).toLowerCase() === t.fullName.toLowerCase();
}

function comparisonIgnoresCase(v: unknown): boolean {
  const s = str(v).toLowerCase();
  return s.includes('ignorecase');
}

function stringMethod(s: string, n: string, name: string, args: unknown[]): unknown {
  const a0 = args[0];
  switch (n) {
    case 'toupper': case 'toupperinvariant': return s.toUpperCase();
    case 'tolower': case 'tolowerinvariant': return s.toLowerCase();
    case 'tostring': return s;
    case 'trim': case 'trimstart': case 'trimend': {
      const chars = args.length ? iterate(args.length === 1 ? a0 : args).map((c) => str(c)).join('') : undefined;
      if (chars === undefined) return n === 'trim' ? s.trim() : n === 'trimstart' ? s.trimStart() : s.trimEnd();
      const set = escapeRegex(chars);
      const re = n === 'trim' ? new RegExp(`^[${set}]+|[${set}]+$`, 'g') : n === 'trimstart' ? new RegExp(`^[${set}]+`) : new RegExp(`[${set}]+$`);
      return s.replace(re, '');
    }
    case 'substring': {
      needArgs(name, args, 1, 2);
      const start = int(a0);
      if (start < 0 || start > s.length) throw argError(name, args.length, start < 0 ? "StartIndex cannot be less than zero. (Parameter 'startIndex')" : "startIndex cannot be larger than length of string. (Parameter 'startIndex')", 'System.ArgumentOutOfRangeException');
      if (args.length === 1) return s.slice(start);
      const len = int(args[1]);
      if (len < 0 || start + len > s.length) throw argError(name, 2, len < 0 ? "Length cannot be less than zero. (Parameter 'length')" : "Index and length must refer to a location within the string. (Parameter 'length')", 'System.ArgumentOutOfRangeException');
      return s.substr(start, len);
    }
    case 'replace': {
      needArgs(name, args, 2, 3);
      const from = str(a0);
      if (from === '') throw argError(name, args.length, "String cannot be of zero length. (Parameter 'oldValue')");
      const to = args[1] === null ? '' : str(args[1]);
      if (args.length === 3 && (args[2] === true || comparisonIgnoresCase(args[2]))) return s.replace(new RegExp(escapeRegex(from), 'gi'), () => to);
      return s.split(from).join(to);
    }
    case 'split': return stringSplit(s, name, args);
    case 'startswith': case 'endswith': case 'contains': case 'equals': {
      needArgs(name, args, 1, 2, 3);
      let x = a0 instanceof PSChar ? a0.toString() : str(a0);
      let t = s;
      if (args.length >= 2 && (args[1] === true || comparisonIgnoresCase(args[1]))) { x = x.toLowerCase(); t = t.toLowerCase(); }
      return n === 'startswith' ? t.startsWith(x) : n === 'endswith' ? t.endsWith(x) : n === 'contains' ? t.includes(x) : t === x;
    }
    case 'indexof': case 'lastindexof': {
      needArgs(name, args, 1, 2, 3);
      const x = a0 instanceof PSChar ? a0.toString() : str(a0);
      let ci = false;
      let from: number | undefined;
      for (const extra of args.slice(1)) { if (typeof extra === 'number') from = extra; else if (comparisonIgnoresCase(extra)) ci = true; }
      const t = ci ? s.toLowerCase() : s, y = ci ? x.toLowerCase() : x;
      if (from !== undefined && (from < 0 || from > s.length) && !(n === 'lastindexof' && from === -1 && s.length === 0)) {
        throw argError(name, args.length, n === 'indexof' ? "Index was out of range. Must be non-negative and less than or equal to the size of the collection. (Parameter 'startIndex')"
          : "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'startIndex')", 'System.ArgumentOutOfRangeException');
      }
      return n === 'indexof' ? t.indexOf(y, from ?? 0) : t.lastIndexOf(y, from ?? Infinity);
    }
    case 'indexofany': { const set = iterate(a0).map((c) => str(c)); for (let i = int(args[1] ?? 0); i < s.length; i++) if (set.includes(s[i]!)) return i; return -1; }
    case 'padleft': case 'padright': {
      needArgs(name, args, 1, 2);
      const w = int(a0);
      requireNonNegative(name, args.length, 'totalWidth', w);
      const c = args.length > 1 ? str(args[1]) : ' ';
      return n === 'padleft' ? s.padStart(w, c) : s.padEnd(w, c);
    }
    case 'insert': {
      needArgs(name, args, 2);
      const i = int(a0);
      // .NET compares as unsigned: -1 reads 4294967295.
      requireAtMost(name, 2, 'startIndex', i >>> 0, s.length);
      return s.slice(0, i) + str(args[1]) + s.slice(i);
    }
    case 'remove': {
      needArgs(name, args, 1, 2);
      const i = int(a0);
      if (args.length === 1) {
        if (i < 0 || i > s.length) throw argError(name, 1, i < 0 ? "StartIndex cannot be less than zero. (Parameter 'startIndex')" : "startIndex must be less than length of string. (Parameter 'startIndex')", 'System.ArgumentOutOfRangeException');
        return s.slice(0, i);
      }
      const count = int(args[1]);
      requireNonNegative(name, 2, 'startIndex', i);
      requireNonNegative(name, 2, 'count', count);
      requireAtMost(name, 2, 'count', count, s.length - i);
      return s.slice(0, i) + s.slice(i + count);
    }
    case 'tochararray': return Array.from(s, (c) => new PSChar(c.charCodeAt(0)));
    case 'compareto': return Math.sign(compare(s, a0, false));
    case 'normalize': return s.normalize(args.length ? (str(a0).replace('Form', 'NF') as 'NFC') : 'NFC');
    case 'getenumerator': return Array.from(s, (c) => new PSChar(c.charCodeAt(0)));
    case 'chars': return new PSChar(s.charCodeAt(int(a0)));
    case 'clone': return s;
  }
  return NONE;
}

/** new string(char, count). */
function stringCtor(args: unknown[]): string {
  const count = int(args[1] ?? 1);
  requireNonNegative('.ctor', args.length, 'count', count);
  return str(args[0]).repeat(count);
}

function stringSplit(s: string, name: string, args: unknown[]): unknown {
  if (args.length === 0) return s.split(/\s+/);
  let seps: string[];
  const a0 = args[0];
  if (Array.isArray(a0)) seps = a0.map((x) => str(x));
  else if (a0 instanceof PSChar) seps = [a0.toString()];
  else {
    const t = str(a0);
    // Split(string) with one string argument: in .NET Core that is the string overload (the whole separator).
    seps = [t];
  }
  let count = Infinity;
  let removeEmpty = false, trim = false;
  for (const extra of args.slice(1)) {
    if (typeof extra === 'number') count = extra;
    else { const o = str(extra).toLowerCase(); if (o.includes('removeemptyentries')) removeEmpty = true; if (o.includes('trimentries')) trim = true; }
  }
  if (seps.every((x) => x === '')) return [s];
  const re = new RegExp(seps.filter((x) => x).map(escapeRegex).join('|'), 'g');
  let parts = count === Infinity ? s.split(re) : regexSplit(s, re, count);
  if (trim) parts = parts.map((p) => p.trim());
  if (removeEmpty) parts = parts.filter((p) => p !== '');
  void name;
  return parts;
}

function numberMethod(x: unknown, n: string, name: string, args: unknown[]): unknown {
  switch (n) {
    case 'tostring': {
      if (args.length === 0) return formatNumeric(x, undefined);
      try { return formatNumeric(x, str(args[0])); } catch (e) {
        if (e instanceof FormatError) throw argError(name, args.length, 'Format specifier was invalid.', 'System.FormatException');
        throw e;
      }
    }
    case 'compareto': return Math.sign(compare(x, args[0]));
    case 'equals': return equals(x, args[0]);
  }
  return NONE;
}

function arrayMethod(a: unknown[] | Uint8Array, n: string, name: string, args: unknown[], host: MemberHost): unknown {
  const list = listTypeName(a);
  if (list === MEMBER_COLLECTION) { const r = memberCollectionMethod(a as unknown[], n, name, args); if (r !== NONE) return r; }
  switch (n) {
    case 'contains': needArgs(name, args, 1); return Array.from(a as ArrayLike<unknown>).some((x) => equals(x, args[0], false));
    case 'indexof': needArgs(name, args, 1, 2); return Array.from(a as ArrayLike<unknown>).findIndex((x, i) => i >= int(args[1] ?? 0) && equals(x, args[0], false));
    case 'lastindexof': return Array.from(a as ArrayLike<unknown>).map((x) => equals(x, args[0], false)).lastIndexOf(true);
    case 'clone': return a instanceof Uint8Array ? a.slice() : list ? makeList(list, a as unknown[]) : (a as unknown[]).slice();
    case 'toarray': return Array.from(a as ArrayLike<unknown>);
    case 'getvalue': return (a as ArrayLike<unknown>)[int(args[0])];
    case 'setvalue': (a as unknown[])[int(args[1])] = args[0]; return undefined;
    case 'where': return whereMethod(a, args, host);
    case 'foreach': return foreachMethod(a, args, host);
    case 'tostring': return list ?? typeNameOf(a);
    case 'copyto': return undefined;
  }
  if (!list || a instanceof Uint8Array) {
    if (['add', 'remove', 'removeat', 'insert', 'clear', 'addrange'].includes(n)) {
      throw argError(name, args.length, 'Collection was of a fixed size.', 'System.NotSupportedException');
    }
    return NONE;
  }
  const arr = a as unknown[];
  const generic = list.startsWith('System.Collections.Generic.');
  switch (n) {
    case 'add': needArgs(name, args, 1); arr.push(args[0]); return generic ? undefined : arr.length - 1;
    case 'addrange': for (const x of iterate(args[0])) arr.push(x); return undefined;
    case 'insert': arr.splice(int(args[0]), 0, args[1]); return undefined;
    case 'remove': { const i = arr.findIndex((x) => equals(x, args[0], false)); if (i >= 0) arr.splice(i, 1); return generic ? i >= 0 : undefined; }
    case 'removeat': arr.splice(int(args[0]), 1); return undefined;
    case 'clear': arr.length = 0; return undefined;
    case 'reverse': arr.reverse(); return undefined;
    case 'sort': arr.sort((x, y) => compare(x, y)); return undefined;
  }
  return NONE;
}

/** .Where({...}[, mode[, count]]) — modes First, Last, SkipUntil, Until, Split. */
function whereMethod(a: ArrayLike<unknown>, args: unknown[], host: MemberHost): unknown {
  const sb = args[0];
  if (!isScriptBlock(sb)) throw Errors.overloadCount('Where', args.length);
  const mode = args.length > 1 ? str(args[1]).toLowerCase() : 'default';
  const count = args.length > 2 ? int(args[2]) : 0;
  const items = Array.from(a);
  const results: (boolean | Promise<boolean>)[] = items.map((x) => {
    const r = host.invokeBlock(sb, x, [x]);
    return r instanceof Promise ? r.then(toBool) : toBool(r);
  });
  const finish = (flags: boolean[]): unknown[] => {
    const out: unknown[] = [];
    switch (mode) {
      case 'first': for (let i = 0; i < items.length && (count === 0 ? out.length < 1 : out.length < count); i++) if (flags[i]) out.push(items[i]); return out;
      case 'last': { const hits = items.filter((_, i) => flags[i]); return hits.slice(-(count || 1)); }
      case 'skipuntil': { const i = flags.indexOf(true); return i < 0 ? [] : items.slice(i); }
      case 'until': { const i = flags.indexOf(true); return i < 0 ? items : items.slice(0, i); }
      case 'split': return [items.filter((_, i) => flags[i]), items.filter((_, i) => !flags[i])];
      default: { const hits = items.filter((_, i) => flags[i]); return count ? hits.slice(0, count) : hits; }
    }
  };
  if (results.some((r) => r instanceof Promise)) return Promise.all(results).then(finish);
  return finish(results as boolean[]);
}

function foreachMethod(a: ArrayLike<unknown>, args: unknown[], host: MemberHost): unknown {
  const items = Array.from(a);
  const f = args[0];
  if (isScriptBlock(f)) {
    const outs = items.map((x) => host.invokeBlock(f, x, args.slice(1)));
    if (outs.some((o) => o instanceof Promise)) return Promise.all(outs).then((all) => all.flat());
    return (outs as unknown[][]).flat();
  }
  if (f instanceof PSTypeRef) { const t = resolveType(f.fullName); return items.map((x) => (t ? convertToType(x, t) : x)); }
  const member = str(f);
  if (args.length > 1) return items.map((x) => invokeMethod(x, member, args.slice(1), host));
  return items.map((x) => getMember(x, member));
}

function hashtableMethod(h: PSHashtable, n: string, name: string, args: unknown[]): unknown {
  switch (n) {
    case 'containskey': case 'contains': needArgs(name, args, 1); return h.has(args[0]);
    case 'containsvalue': return h.values().some((x) => equals(x, args[0], false));
    case 'add':
      needArgs(name, args, 2);
      if (args[0] === null || args[0] === undefined) throw argError(name, 2, "Key cannot be null. (Parameter 'key')", 'System.ArgumentNullException');
      if (h instanceof PSDictionary) {
        try { h.add(args[0], args[1]); } catch (e) { throw argError(name, 2, e instanceof RuntimeError ? e.record.message : (e as Error).message); }
        return undefined;
      }
      if (h.has(args[0])) throw argError(name, 2, `Item has already been added. Key in dictionary: '${str(args[0])}'  Key being added: '${str(args[0])}'`);
      h.set(args[0], args[1]);
      return undefined;
    case 'trygetvalue': {
      needArgs(name, args, 2);
      const found = h.has(args[0]);
      setReference(args[1], found ? h.get(args[0]) : null);
      return found;
    }
    case 'remove': needArgs(name, args, 1); h.delete(args[0]); return undefined;
    case 'clear': h.clear(); return undefined;
    case 'clone': return h.clone();
    case 'getenumerator': return h.entries().map(([k, v]) => dictionaryEntry(k, v));
    case 'item': return h.get(args[0]);
    case 'tostring': return objectToString(h);
    case 'getvalueordefault': return h.has(args[0]) ? h.get(args[0]) : args[1] ?? null;
  }
  return NONE;
}

export function dictionaryEntry(k: unknown, v: unknown): PSObject {
  const e = PSObject.typed('System.Collections.DictionaryEntry', { Name: k, Key: k, Value: v });
  return e;
}

function addMonths(d: PSDateTime, months: number): PSDateTime {
  const f = d.fields();
  const total = f.year * 12 + (f.month - 1) + months;
  const y = Math.floor(total / 12), m = total % 12;
  const dim = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const day = Math.min(f.day, dim);
  if (d.kind === 'Utc') return new PSDateTime(Date.UTC(y, m, day, f.hour, f.minute, f.second, f.millisecond), 'Utc');
  const x = new Date(y, m, day, f.hour, f.minute, f.second, f.millisecond);
  x.setFullYear(y);
  return new PSDateTime(x.getTime(), d.kind);
}

/** Adds calendar time (keeping the wall-clock fields for local dates across DST, as .NET does). */
function addWall(d: PSDateTime, ms: number): PSDateTime {
  if (d.kind === 'Utc') return d.addMs(ms);
  const f = d.fields();
  const utcWall = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, f.millisecond) + ms;
  const w = new Date(utcWall);
  const x = new Date(w.getUTCFullYear(), w.getUTCMonth(), w.getUTCDate(), w.getUTCHours(), w.getUTCMinutes(), w.getUTCSeconds(), w.getUTCMilliseconds());
  x.setFullYear(w.getUTCFullYear());
  return new PSDateTime(x.getTime(), d.kind);
}

function dateMethod(d: PSDateTime, n: string, name: string, args: unknown[]): unknown {
  const num = () => { needArgs(name, args, 1); return toNumber(args[0], 'System.Double'); };
  switch (n) {
    case 'adddays': return addWall(d, Math.round(num() * 86400000));
    case 'addhours': return addWall(d, Math.round(num() * 3600000));
    case 'addminutes': return addWall(d, Math.round(num() * 60000));
    case 'addseconds': return addWall(d, Math.round(num() * 1000));
    case 'addmilliseconds': return addWall(d, Math.round(num()));
    case 'addticks': return addWall(d, num() / 10000);
    case 'addmonths': return addMonths(d, int(args[0]));
    case 'addyears': return addMonths(d, int(args[0]) * 12);
    case 'add': { const t = convertToType(args[0], resolveType('timespan')!) as PSTimeSpan; return addWall(d, t.ticks / 10000); }
    case 'subtract': {
      if (args[0] instanceof PSDateTime) return new PSTimeSpan(Math.round((d.ms - args[0].ms) * 10000));
      const t = convertToType(args[0], resolveType('timespan')!) as PSTimeSpan;
      return addWall(d, -t.ticks / 10000);
    }
    case 'touniversaltime': return d.kind === 'Utc' ? d : new PSDateTime(d.ms, 'Utc');
    case 'tolocaltime': return d.kind === 'Local' ? d : new PSDateTime(d.ms, 'Local');
    case 'tostring':
      try { return formatDateTime(d, args.length ? str(args[0]) : undefined); } catch (e) {
        if (e instanceof FormatError) throw argError(name, args.length, e.message, 'System.FormatException');
        throw e;
      }
    case 'toshortdatestring': return formatDateTime(d, 'd');
    case 'tolongdatestring': return formatDateTime(d, 'D');
    case 'toshorttimestring': return formatDateTime(d, 't');
    case 'tolongtimestring': return formatDateTime(d, 'T');
    case 'tofiletime': case 'tofiletimeutc': return (d.ms + 11644473600000) * 10000;
    case 'compareto': return compare(d, args[0]);
    case 'equals': return equals(d, args[0]);
    case 'isdaylightsavingtime': return false;
  }
  return NONE;
}

function timeSpanMethod(t: PSTimeSpan, n: string, name: string, args: unknown[]): unknown {
  switch (n) {
    case 'add': return new PSTimeSpan(t.ticks + (convertToType(args[0], resolveType('timespan')!) as PSTimeSpan).ticks);
    case 'subtract': return new PSTimeSpan(t.ticks - (convertToType(args[0], resolveType('timespan')!) as PSTimeSpan).ticks);
    case 'negate': return new PSTimeSpan(-t.ticks);
    case 'duration': return new PSTimeSpan(Math.abs(t.ticks));
    case 'tostring':
      try { return formatTimeSpan(t, args.length ? str(args[0]) : undefined); } catch (e) {
        if (e instanceof FormatError) throw argError(name, args.length, e.message, 'System.FormatException');
        throw e;
      }
    case 'compareto': return compare(t, args[0]);
    case 'multiply': return new PSTimeSpan(Math.round(t.ticks * toNumber(args[0])));
    case 'divide': return args[0] instanceof PSTimeSpan ? t.ticks / args[0].ticks : new PSTimeSpan(Math.round(t.ticks / toNumber(args[0])));
  }
  return NONE;
}

/** A System.Text.RegularExpressions.Match for a JS match (also what -replace passes a script block as $_). */
export function matchObject(m: RegExpExecArray | null, input: string): PSObject {
  const o = PSObject.typed('System.Text.RegularExpressions.Match');
  const groups: PSObject[] = [];
  if (m) {
    for (let i = 0; i < m.length; i++) {
      const g = PSObject.typed('System.Text.RegularExpressions.Group', { Name: String(i), Success: m[i] !== undefined, Value: m[i] ?? '', Index: i === 0 ? m.index : (m[i] !== undefined ? input.indexOf(m[i]!, m.index) : 0), Length: (m[i] ?? '').length });
      g.toStringImpl = () => m[i] ?? '';
      groups.push(g);
    }
    for (const [k, val] of Object.entries(m.groups ?? {})) {
      const g = PSObject.typed('System.Text.RegularExpressions.Group', { Name: k, Success: val !== undefined, Value: val ?? '', Index: 0, Length: (val ?? '').length });
      g.toStringImpl = () => val ?? '';
      groups.push(g);
    }
  }
  const groupList = groups as unknown[] & Record<string, unknown>;
  o.addNote('Groups', groupList);
  o.addNote('Success', !!m);
  o.addNote('Name', '0');
  o.addNote('Captures', m ? [m[0]] : []);
  o.addNote('Index', m ? m.index : 0);
  o.addNote('Length', m ? m[0].length : 0);
  o.addNote('Value', m ? m[0] : '');
  o.toStringImpl = () => (m ? m[0] : '');
  return o;
}

function regexMethod(r: PSRegex, n: string, name: string, args: unknown[]): unknown {
  const s = str(args[0]);
  switch (n) {
    case 'ismatch': return r.regex.test(s);
    case 'match': return matchObject(r.regex.exec(s), s);
    case 'matches': {
      const g = new RegExp(r.regex.source, r.regex.flags + 'g');
      const out: PSObject[] = [];
      let m: RegExpExecArray | null;
      while ((m = g.exec(s)) !== null) { out.push(matchObject(m, s)); if (m[0] === '') g.lastIndex++; }
      return out;
    }
    case 'replace': {
      const g = new RegExp(r.regex.source, r.regex.flags + 'g');
      return s.replace(g, str(args[1]).replace(/\$\{(\w+)\}/g, '$<$1>').replace(/\$0/g, '$&'));
    }
    case 'split': return regexSplit(s, new RegExp(r.regex.source, r.regex.flags + 'g'), args.length > 1 ? int(args[1]) : 0);
    case 'tostring': return r.pattern;
  }
  void name;
  return NONE;
}

// ---------- static members ----------

function mathRound(args: unknown[]): number {
  const x = toNumber(args[0], 'System.Double');
  let digits = 0;
  let away = false;
  for (const a of args.slice(1)) {
    if (typeof a === 'number') digits = a;
    else if (/awayfromzero/i.test(str(a))) away = true;
  }
  const f = 10 ** digits;
  const y = x * f;
  const r = away ? Math.sign(y) * Math.round(Math.abs(y)) : roundHalfEven(Number(y.toPrecision(15)));
  return r / f;
}

const INT_KIND_OF: Record<string, IntKind> = { long: 'Int64', byte: 'Byte', sbyte: 'SByte', short: 'Int16', ushort: 'UInt16', uint: 'UInt32', ulong: 'UInt64' };

function numericStatics(t: TypeInfo, n: string, args: unknown[] | undefined): unknown {
  const ranges: Record<string, [number, number]> = {
    int: [-2147483648, 2147483647], long: [-9223372036854775808, 9223372036854775807], byte: [0, 255], sbyte: [-128, 127],
    short: [-32768, 32767], ushort: [0, 65535], uint: [0, 4294967295], ulong: [0, 18446744073709551615],
    double: [-1.7976931348623157e308, 1.7976931348623157e308], single: [-3.4028234663852886e38, 3.4028234663852886e38],
    decimal: [-79228162514264337593543950335, 79228162514264337593543950335],
  };
  const r = ranges[t.category];
  if (!r) return NONE;
  if (args === undefined) {
    if (n === 'maxvalue' || n === 'minvalue') {
      const max = n === 'maxvalue';
      switch (t.category) {
        case 'int': return max ? r[1] : r[0];
        case 'double': return max ? r[1] : r[0];
        case 'single': return new PSDouble(max ? r[1] : r[0], 'Single');
        case 'decimal': return new PSDecimal(max ? (1n << 96n) - 1n : -((1n << 96n) - 1n), 0);
      }
      const kind = INT_KIND_OF[t.category]!;
      return makeInt(kind, INT_RANGE[kind][max ? 1 : 0]);
    }
    if (t.category === 'double') {
      if (n === 'nan') return NaN;
      if (n === 'positiveinfinity') return Infinity;
      if (n === 'negativeinfinity') return -Infinity;
      if (n === 'epsilon') return 5e-324;
    }
    return NONE;
  }
  if (n === 'parse' && args.length === 1) return numericParse(args[0] === null || args[0] === undefined ? '' : str(args[0]), t);
  if (n === 'parse') return convertToType(str(args[0]), t);
  if (n === 'isnan') return Number.isNaN(toNumber(args[0]));
  if (n === 'isinfinity') return !Number.isFinite(toNumber(args[0])) && !Number.isNaN(toNumber(args[0]));
  if (n === 'tryparse') {
    needArgs('TryParse', args, 2);
    const parsed = tryParseNumber(str(args[0]), t);
    setReference(args[1], parsed ?? 0);
    return parsed !== undefined;
  }
  return NONE;
}

/**
 * .NET's T.Parse(string) for a numeric type: its own grammar (no hex, no exponent for integers), and its
 * FormatException / OverflowException surface as a method-invocation error, not as a cast error.
 */
function numericParse(text: string, t: TypeInfo): unknown {
  const integral = !['double', 'single', 'decimal'].includes(t.category);
  const s = text.trim();
  const ok = integral ? /^[+-]?\d+$/.test(s) : /^([+-]?(\d[\d,]*\.?\d*|\.\d+)(e[+-]?\d+)?|[+-]?(infinity|∞)|nan)$/i.test(s);
  if (!ok) throw argError('Parse', 1, `The input string '${text}' was not in a correct format.`, 'System.FormatException');
  try {
    return convertToType(integral ? s : s.replace(/,/g, ''), t);
  } catch (e) {
    const inner = e instanceof RuntimeError ? /Error: "(.*)"$/s.exec(e.record.message)?.[1] : undefined;
    if (inner) throw argError('Parse', 1, inner, 'System.OverflowException');
    throw e;
  }
}

/**
 * .NET's TryParse for a numeric type: integers take an optional sign and digits (blanks around
 * allowed); floating types also take a fraction, an exponent and thousands separators.
 */
function tryParseNumber(text: string, t: TypeInfo): number | undefined {
  const integral = !['double', 'single', 'decimal'].includes(t.category);
  const s = text.trim();
  if (integral) {
    if (!/^[+-]?\d+$/.test(s)) return undefined;
    const v = Number(s);
    try { return convertToType(v, t) as number; } catch { return undefined; }
  }
  if (/^[+-]?(infinity|∞)$/i.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  if (/^nan$/i.test(s)) return NaN;
  if (!/^[+-]?(\d[\d,]*\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return undefined;
  return Number(s.replace(/,/g, ''));
}

/** Static property `[Type]::Name`. */
export function getStaticMember(t: PSTypeRef, name: string, host: MemberHost = defaultMemberHost): unknown {
  const info = resolveType(t.fullName);
  const n = name.toLowerCase();
  const key = t.fullName.toLowerCase();
  if (info) {
    const num = numericStatics(info, n, undefined);
    if (num !== NONE) return num;
    if (info.category === 'enum' && enumNames(info).some((x) => x.toLowerCase() === n)) return enumMember(info, n);
  }
  switch (key) {
    case 'system.math':
      if (n === 'pi') return Math.PI;
      if (n === 'e') return Math.E;
      if (n === 'tau') return Math.PI * 2;
      break;
    case 'system.string': if (n === 'empty') return ''; break;
    case 'system.management.automation.language.nullstring': case 'system.dbnull': if (n === 'value') return null; break;
    case 'system.management.automation.internal.automationnull': if (n === 'value') return undefined; break;
    case 'system.guid': if (n === 'empty') return new PSGuid('00000000-0000-0000-0000-000000000000'); break;
    case 'system.datetime':
      if (n === 'now') return new PSDateTime(host.now(), 'Local');
      if (n === 'utcnow') return new PSDateTime(host.now(), 'Utc');
      if (n === 'today') { const d = new Date(host.now()); return new PSDateTime(new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime(), 'Local'); }
      if (n === 'minvalue') return new PSDateTime(-62135596800000 + new Date(-62135596800000).getTimezoneOffset() * 60000, 'Unspecified');
      if (n === 'maxvalue') return new PSDateTime(253402300799999 + new Date(253402300799999).getTimezoneOffset() * 60000, 'Unspecified');
      break;
    case 'system.timespan':
      if (n === 'zero') return new PSTimeSpan(0);
      if (n === 'maxvalue') return new PSTimeSpan(Number.MAX_SAFE_INTEGER);
      if (n === 'minvalue') return new PSTimeSpan(Number.MIN_SAFE_INTEGER);
      if (n.startsWith('ticksper')) return ({ ticksperday: PSTimeSpan.TicksPerDay, ticksperhour: PSTimeSpan.TicksPerHour, ticksperminute: PSTimeSpan.TicksPerMinute, tickspersecond: PSTimeSpan.TicksPerSecond, tickspermillisecond: PSTimeSpan.TicksPerMs } as Record<string, number>)[n];
      break;
    case 'system.text.encoding':
      if (n === 'utf8') return new PSEncoding('utf-8', true);
      if (n === 'ascii') return new PSEncoding('us-ascii');
      if (n === 'unicode') return new PSEncoding('utf-16');
      if (n === 'bigendianunicode') return new PSEncoding('utf-16BE');
      if (n === 'utf32') return new PSEncoding('utf-32');
      if (n === 'latin1') return new PSEncoding('iso-8859-1');
      if (n === 'default') return new PSEncoding('utf-8');
      break;
    case 'system.environment':
      if (n === 'newline') return '\n';
      if (n === 'machinename') return os.hostname().split('.')[0]!.toUpperCase();
      if (n === 'username') return os.userInfo().username;
      if (n === 'processorcount') return os.cpus().length;
      if (n === 'is64bitoperatingsystem' || n === 'is64bitprocess') return true;
      if (n === 'currentdirectory') return process.cwd();
      if (n === 'osversion') return PSObject.typed('System.OperatingSystem', { Platform: 'Unix', VersionString: os.release() });
      if (n === 'tickcount' || n === 'tickcount64') return Math.floor(performance.now());
      if (n === 'userdomainname') return os.hostname().split('.')[0]!.toUpperCase();
      break;
    case 'system.io.path':
      if (n === 'directoryseparatorchar') return new PSChar(nodePath.sep.charCodeAt(0));
      if (n === 'pathseparator') return new PSChar(nodePath.delimiter.charCodeAt(0));
      break;
  }
  throw runtimeError(`The property '${name}' cannot be found on type '${t.fullName}'.`, 'PropertyNotFound', 'InvalidOperation');
}

function hashAlgorithm(key: string): PSHashAlgorithm['algorithm'] | undefined {
  const m = /^system\.security\.cryptography\.(sha256|sha1|sha384|sha512|md5)$/.exec(key);
  return m ? (m[1] as PSHashAlgorithm['algorithm']) : undefined;
}

/** Static method `[Type]::Name(args)`, including `::new(...)`. */
export function invokeStaticMethod(t: PSTypeRef, name: string, args: unknown[], host: MemberHost = defaultMemberHost): unknown {
  const info = resolveType(t.fullName);
  const n = name.toLowerCase();
  const key = t.fullName.toLowerCase();
  if (n === 'new') return newObject(t.fullName, args, host);
  if (info) {
    const num = numericStatics(info, n, args);
    if (num !== NONE) return num;
  }
  const alg = hashAlgorithm(key);
  if (alg) {
    if (n === 'create') return new PSHashAlgorithm(alg);
    if (n === 'hashdata') return new PSHashAlgorithm(alg).compute(toBytes(args[0]));
  }
  const r = staticMethod(key, n, name, args, host);
  if (r !== NONE) return r;
  throw Errors.methodNotFound(t.fullName, name);
}

/** The enum type a [System.Enum] static method is asked about (its first argument). */
function enumArg(name: string, v: unknown): TypeInfo {
  const info = v instanceof PSTypeRef ? resolveType(v.fullName) : typeof v === 'string' ? resolveType(v) : undefined;
  if (!info || info.category !== 'enum') {
    throw argError(name, 1, `Type provided must be an Enum. (Parameter 'enumType')`, 'System.ArgumentException');
  }
  return info;
}

function staticMethod(key: string, n: string, name: string, args: unknown[], host: MemberHost): unknown {
  const x = () => toNumber(args[0], 'System.Double');
  switch (key) {
    case 'system.enum':
      switch (n) {
        case 'getnames': needArgs(name, args, 1); return [...enumNames(enumArg(name, args[0]))];
        case 'getvalues': needArgs(name, args, 1); return enumMembers(enumArg(name, args[0]));
        case 'isdefined': {
          needArgs(name, args, 2);
          const info = enumArg(name, args[0]);
          const v = args[1];
          if (v instanceof PSEnum) return v.type.fullName === info.fullName && enumNames(info).includes(v.toString());
          return typeof v === 'string' ? enumNames(info).includes(v) : enumNames(info).includes(enumText(info, toNumber(v)));
        }
        case 'getname': {
          needArgs(name, args, 2);
          const info = enumArg(name, args[0]);
          const v = args[1] instanceof PSEnum ? args[1].value : toNumber(args[1]);
          return enumNames(info).includes(enumText(info, v)) ? enumText(info, v) : null;
        }
        case 'toobject': needArgs(name, args, 2); return new PSEnum(enumArg(name, args[0]), args[1] instanceof PSEnum ? args[1].value : toNumber(args[1]));
        case 'parse': {
          needArgs(name, args, 2, 3);
          const info = enumArg(name, args[0]);
          const text = str(args[1]);
          const hit = dotnetParseEnum(info, text, args.length > 2 && toBool(args[2]));
          if (hit === undefined) throw argError(name, args.length, `Requested value '${text}' was not found.`, 'System.ArgumentException');
          return hit;
        }
        case 'tryparse': {
          needArgs(name, args, 3, 4);
          const hit = dotnetParseEnum(enumArg(name, args[0]), str(args[1]), args.length > 3 && toBool(args[2]));
          setReference(args[args.length - 1], hit ?? new PSEnum(enumArg(name, args[0]), 0));
          return hit !== undefined;
        }
      }
      break;
    case 'system.math': {
      if (n === 'round') needArgs(name, args, 1, 2, 3);
      const r = mathMethod(n, args);
      if (r !== undefined) return r;
      break;
    }
    case 'system.convert':
      switch (n) {
        case 'tobase64string': return Buffer.from(toBytes(args[0])).toString('base64');
        case 'frombase64string': {
          const s = str(args[0]).replace(/\s+/g, '');
          if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0) {
            throw argError(name, args.length, 'The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding characters, or an illegal character among the padding characters.', 'System.FormatException');
          }
          return new Uint8Array(Buffer.from(s, 'base64'));
        }
        case 'tohexstring': return Buffer.from(toBytes(args[0])).toString('hex').toUpperCase();
        case 'tohexstringlower': return Buffer.from(toBytes(args[0])).toString('hex');
        case 'fromhexstring': {
          const s = str(args[0]);
          if (s.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(s)) throw argError(name, 1, s.length % 2 ? 'The input is not a valid hex string as its length is not a multiple of 2.' : 'The input is not a valid hex string as it contains a non-hex character.', 'System.FormatException');
          return new Uint8Array(Buffer.from(s, 'hex'));
        }
        case 'toint32': case 'toint64': case 'toint16': case 'tobyte': case 'touint32': case 'touint64': {
          const target = resolveType(n.slice(2))!;
          if (args.length === 2) {
            const v = parseInt(str(args[0]), toNumber(args[1]));
            if (Number.isNaN(v)) throw argError(name, 2, 'Could not find any recognizable digits.', 'System.FormatException');
            return v;
          }
          return convertToType(args[0], target);
        }
        case 'tostring': {
          if (args.length === 2 && typeof args[1] === 'number') return toNumber(args[0]).toString(args[1]);
          return args[0] instanceof PSDateTime || typeof args[0] === 'number' ? formatOne(args[0], undefined) : str(args[0]);
        }
        case 'todouble': case 'todecimal': case 'tosingle': return convertToType(args[0], resolveType('double')!);
        case 'toboolean': {
          if (typeof args[0] === 'string') {
            const s = args[0].trim().toLowerCase();
            if (s === 'true') return true;
            if (s === 'false') return false;
            throw argError(name, 1, `String '${args[0]}' was not recognized as a valid Boolean.`, 'System.FormatException');
          }
          return toBool(args[0]);
        }
        case 'tochar': return convertToType(args[0], resolveType('char')!);
        case 'todatetime': return convertToType(args[0], resolveType('datetime')!);
      }
      break;
    case 'system.string':
      switch (n) {
        case 'isnullorempty': return args[0] === null || args[0] === undefined || str(args[0]) === '';
        case 'isnullorwhitespace': return args[0] === null || args[0] === undefined || str(args[0]).trim() === '';
        case 'join': {
          const sep = str(args[0]);
          const rest = args.length === 2 ? iterate(args[1]) : args.slice(1);
          return rest.map((v) => str(v)).join(sep);
        }
        case 'concat': return (args.length === 1 ? iterate(args[0]) : args).map((v) => str(v)).join('');
        case 'format': {
          const rest = args.length === 2 && Array.isArray(args[1]) ? args[1] : args.slice(1);
          try { return formatComposite(str(args[0]), rest, formatOne); } catch (e) {
            if (e instanceof FormatError) throw argError(name, args.length, e.message, 'System.FormatException');
            throw e;
          }
        }
        case 'compare': {
          const ci = args.length > 2 && (args[2] === true || comparisonIgnoresCase(args[2]));
          return Math.sign(compare(str(args[0]), str(args[1]), ci));
        }
        case 'equals': return str(args[0]) === str(args[1]);
        case 'new': return stringCtor(args);
      }
      break;
    case 'system.char':
      {
        const c = args[0] instanceof PSChar ? args[0].toString() : str(args[0]).charAt(args.length > 1 ? int(args[1]) : 0);
        switch (n) {
          case 'isdigit': return /^\d$/.test(c);
          case 'isletter': return /^\p{L}$/u.test(c);
          case 'isletterordigit': return /^[\p{L}\d]$/u.test(c);
          case 'iswhitespace': return /^\s$/.test(c);
          case 'isupper': return c !== c.toLowerCase();
          case 'islower': return c !== c.toUpperCase();
          case 'ispunctuation': return /^\p{P}$/u.test(c);
          case 'toupper': return new PSChar(c.toUpperCase().charCodeAt(0));
          case 'tolower': return new PSChar(c.toLowerCase().charCodeAt(0));
          case 'convertfromutf32': return String.fromCodePoint(int(args[0]));
          case 'parse': return convertToType(args[0], resolveType('char')!);
        }
      }
      break;
    case 'system.guid':
      if (n === 'newguid') return new PSGuid(randomUUID());
      if (n === 'parse') return convertToType(args[0], resolveType('guid')!);
      break;
    case 'system.datetime':
      switch (n) {
        case 'parse': return convertToType(str(args[0]), resolveType('datetime')!);
        case 'parseexact': return parseExact(str(args[0]), str(args[1]), name, args.length);
        case 'daysinmonth': return new Date(Date.UTC(int(args[0]), int(args[1]), 0)).getUTCDate();
        case 'isleapyear': { const y = int(args[0]); return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0; }
        case 'specifykind': { const d = args[0] as PSDateTime; return new PSDateTime(d.ms, str(args[1]) as DateTimeKind); }
        case 'fromfiletime': case 'fromfiletimeutc': return new PSDateTime(toNumber(args[0]) / 10000 - 11644473600000, n === 'fromfiletimeutc' ? 'Utc' : 'Local');
        case 'compare': return compare(args[0], args[1]);
      }
      break;
    case 'system.timespan':
      switch (n) {
        case 'fromdays': return PSTimeSpan.fromMs(x() * 86400000);
        case 'fromhours': return PSTimeSpan.fromMs(x() * 3600000);
        case 'fromminutes': return PSTimeSpan.fromMs(x() * 60000);
        case 'fromseconds': return PSTimeSpan.fromMs(x() * 1000);
        case 'frommilliseconds': return PSTimeSpan.fromMs(x());
        case 'fromticks': return new PSTimeSpan(x());
        case 'parse': {
          const ts = parseTimeSpan(str(args[0]));
          if (!ts) throw argError(name, 1, `String '${str(args[0])}' was not recognized as a valid TimeSpan.`, 'System.FormatException');
          return ts;
        }
      }
      break;
    case 'system.management.automation.scriptblock':
      if (n === 'create') return host.compile(str(args[0]));
      break;
    case 'system.text.regularexpressions.regex': {
      const input = str(args[0]);
      const ci = args.some((a, i) => i >= 2 && /ignorecase/i.test(str(a)));
      switch (n) {
        case 'escape': return input.replace(/[\\*+?|{}[\]()^$.#\s]/g, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : c === ' ' ? '\\ ' : '\\' + c));
        case 'unescape': return input.replace(/\\(.)/g, '$1');
        case 'ismatch': return regexFor(args[1], ci).test(input);
        case 'match': return matchObject(regexFor(args[1], ci).exec(input), input);
        case 'matches': return regexMethod(new PSRegex(str(args[1]), ci), 'matches', name, [input]);
        case 'replace': return regexMethod(new PSRegex(str(args[1]), ci), 'replace', name, [input, args[2]]);
        case 'split': return regexSplit(input, regexFor(args[1], ci, true), 0);
      }
      break;
    }
    case 'system.array':
      switch (n) {
        case 'indexof': return iterate(args[0]).findIndex((v) => equals(v, args[1], false));
        case 'reverse': { const a = args[0]; if (Array.isArray(a)) a.reverse(); else if (a instanceof Uint8Array) a.reverse(); return undefined; }
        case 'sort': { const a = args[0]; if (Array.isArray(a)) a.sort((p, q) => compare(p, q)); return undefined; }
        case 'exists': return undefined;
        case 'empty': return [];
      }
      break;
    case 'system.environment':
      switch (n) {
        case 'getenvironmentvariable': return process.env[str(args[0])] ?? null;
        case 'setenvironmentvariable': if (args[1] === null || args[1] === undefined || str(args[1]) === '') delete process.env[str(args[0])]; else process.env[str(args[0])] = str(args[1]); return undefined;
        case 'getenvironmentvariables': return PSHashtable.from(Object.entries(process.env).map(([k, v]) => [k, v ?? ''] as const));
        case 'getfolderpath': return os.homedir();
        case 'exit': throw Errors.notSupported('[Environment]::Exit');
      }
      break;
    case 'system.io.path':
      switch (n) {
        case 'combine': case 'join': return nodePath.join(...args.flatMap((a) => iterate(a)).map((a) => str(a)));
        case 'getfilename': return nodePath.basename(str(args[0]));
        case 'getextension': return nodePath.extname(str(args[0]));
        case 'getfilenamewithoutextension': { const b = nodePath.basename(str(args[0])); const e = nodePath.extname(b); return e ? b.slice(0, -e.length) : b; }
        case 'getdirectoryname': return nodePath.dirname(str(args[0]));
        case 'gettemppath': return os.tmpdir() + nodePath.sep;
        case 'getfullpath': return nodePath.resolve(str(args[0]));
        case 'ispathrooted': return nodePath.isAbsolute(str(args[0]));
        case 'getrandomfilename': return Math.random().toString(36).slice(2, 10) + '.' + Math.random().toString(36).slice(2, 5);
        case 'changeextension': { const p = str(args[0]); const e = nodePath.extname(p); return (e ? p.slice(0, -e.length) : p) + (args[1] === null ? '' : '.' + str(args[1]).replace(/^\./, '')); }
      }
      break;
    case 'system.bitconverter':
      if (n === 'tostring') return Array.from(toBytes(args[0]), (b) => b.toString(16).toUpperCase().padStart(2, '0')).join('-');
      if (n === 'getbytes') { const b = Buffer.alloc(4); b.writeInt32LE(int(args[0])); return new Uint8Array(b); }
      if (n === 'toint32') return Buffer.from(toBytes(args[0])).readInt32LE(int(args[1] ?? 0));
      break;
    case 'system.security.cryptography.randomnumbergenerator':
      if (n === 'getbytes') { const b = new Uint8Array(int(args[0])); for (let i = 0; i < b.length; i++) b[i] = Math.floor(Math.random() * 256); return b; }
      if (n === 'getint32') return Math.floor(Math.random() * int(args[args.length - 1]));
      break;
    case 'system.web.httputility': case 'system.net.webutility': case 'system.uri':
      if (n === 'urlencode' || n === 'escapedatastring' || n === 'escapeuristring') return encodeURIComponent(str(args[0]));
      if (n === 'urldecode' || n === 'unescapedatastring') return decodeURIComponent(str(args[0]).replace(/\+/g, ' '));
      if (n === 'htmlencode') return str(args[0]).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
      break;
    case 'system.management.automation.languageprimitives':
      if (n === 'converttype' || n === 'convertto') { const t = args[1] instanceof PSTypeRef ? resolveType(args[1].fullName) : resolveType(str(args[1])); if (t) return convertToType(args[0], t); }
      break;
  }
  return NONE;
}

function parseExact(s: string, fmt: string, name: string, argc: number): PSDateTime {
  // Builds a regex from the custom format's fields.
  const fields: string[] = [];
  let re = '^';
  for (let i = 0; i < fmt.length;) {
    const c = fmt[i]!;
    let n = 1;
    while (fmt[i + n] === c) n++;
    if ('yMdHhmsft'.includes(c)) {
      fields.push(c.repeat(n));
      re += c === 'M' && n >= 3 ? '([A-Za-z]+)' : c === 't' ? '(AM|PM|A|P)' : c === 'f' ? `(\\d{${n}})` : n >= 2 && c !== 'y' ? `(\\d{${n}})` : c === 'y' ? `(\\d{${n === 1 ? '1,4' : n}})` : '(\\d{1,2})';
    } else if (c === '\\') { re += escapeRegex(fmt[i + 1] ?? ''); i += 2; continue; } else if (c === "'") { const j = fmt.indexOf("'", i + 1); re += escapeRegex(fmt.slice(i + 1, j)); i = j + 1; continue; } else re += escapeRegex(c.repeat(n));
    i += n;
  }
  const m = new RegExp(re + '$', 'i').exec(s.trim());
  if (!m) throw argError(name, argc, `String '${s}' was not recognized as a valid DateTime.`, 'System.FormatException');
  let y = 1, mo = 1, d = 1, h = 0, mi = 0, sec = 0, ms = 0, pm: boolean | undefined;
  fields.forEach((f, i) => {
    const v = m[i + 1]!;
    switch (f[0]) {
      case 'y': y = f.length <= 2 ? 2000 + Number(v) : Number(v); break;
      case 'M': mo = f.length >= 3 ? ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(v.slice(0, 3).toLowerCase()) + 1 : Number(v); break;
      case 'd': d = Number(v); break;
      case 'H': case 'h': h = Number(v); break;
      case 'm': mi = Number(v); break;
      case 's': sec = Number(v); break;
      case 'f': ms = Number(v.padEnd(3, '0').slice(0, 3)); break;
      case 't': pm = v.toUpperCase().startsWith('P'); break;
    }
  });
  if (pm !== undefined) { if (pm && h < 12) h += 12; if (!pm && h === 12) h = 0; }
  const local = new Date(y, mo - 1, d, h, mi, sec, ms);
  local.setFullYear(y);
  return new PSDateTime(local.getTime(), 'Unspecified');
}

/** `[Type]::new(args)` / New-Object: the constructors the language supports. */
export function newObject(typeName: string, args: unknown[], host: MemberHost = defaultMemberHost): unknown {
  const info = resolveType(typeName);
  if (!info) throw Errors.typeNotFound(typeName);
  const key = info.fullName.toLowerCase();
  switch (info.category) {
    case 'arraylist': case 'list': return makeList(info.fullName, args.length && typeof args[0] !== 'number' ? iterate(args[0]) : []);
    case 'hashtable': return info.key ? new PSDictionary(info) : new PSHashtable();
    case 'ordered': return new PSHashtable(true);
    case 'pscustomobject': case 'psobject': return new PSObject();
    case 'object': return new PSObject(['System.Object']);
    case 'string': return args.length === 2 ? stringCtor(args) : iterate(args[0]).map((c) => str(c)).join('');
    case 'guid': return args.length ? convertToType(args[0], info) : new PSGuid('00000000-0000-0000-0000-000000000000');
    case 'regex': return new PSRegex(str(args[0]), args.length > 1 && /ignorecase/i.test(str(args[1])));
    case 'datetime': {
      if (args.length === 0) return new PSDateTime(-62135596800000, 'Unspecified');
      if (args.length === 1) return convertToType(args[0], info);
      const [y, mo, d, h = 0, mi = 0, s = 0] = args.slice(0, 6).map((a) => int(a));
      const kindArg = args.find((a) => typeof a === 'string' && /^(utc|local|unspecified)$/i.test(a));
      if ((kindArg as string | undefined)?.toLowerCase() === 'utc') return new PSDateTime(Date.UTC(y!, mo! - 1, d!, h, mi, s), 'Utc');
      const x = new Date(y!, mo! - 1, d!, h, mi, s);
      x.setFullYear(y!);
      return new PSDateTime(x.getTime(), kindArg ? ((kindArg as string).toLowerCase() === 'local' ? 'Local' : 'Unspecified') : 'Unspecified');
    }
    case 'credential': {
      // PSCredential(string userName, SecureString password): the password must already be a SecureString.
      if (args.length !== 2 || !(args[1] instanceof SecureString)) {
        throw runtimeError(
          `Cannot find an overload for "PSCredential" and the argument count: "${args.length}".`, 'ConstructorNotFound', 'InvalidOperation');
      }
      return new PSCredential(str(args[0]), args[1]);
    }
    case 'timespan': {
      const nums = args.map((a) => toNumber(a));
      if (nums.length === 1) return new PSTimeSpan(nums[0]!);
      if (nums.length === 3) return PSTimeSpan.from(0, nums[0], nums[1], nums[2]);
      if (nums.length >= 4) return PSTimeSpan.from(nums[0]!, nums[1], nums[2], nums[3], nums[4] ?? 0);
      return new PSTimeSpan(0);
    }
    case 'exception': {
      const inner = args[1] instanceof PSException ? args[1] : null;
      return new PSException(args.length ? str(args[0]) : `Exception of type '${info.fullName}' was thrown.`, info.fullName, inner);
    }
    case 'errorrecord': {
      const ex = args[0];
      const message = ex instanceof PSException ? ex.message : str(ex);
      const cat = str(args[2] ?? 'NotSpecified');
      const rec = new ErrorRecord(message, str(args[1] ?? ''), isErrorCategory(cat) ? cat : 'NotSpecified', args[3] ?? null,
        ex instanceof PSException ? ex.typeName : 'System.Exception', {}, undefined, ex instanceof PSException ? ex : undefined);
      return rec;
    }
    case 'array': {
      const len = int(args[0] ?? 0);
      if (info.element?.category === 'byte') return new Uint8Array(len);
      const fill = info.element && ['int', 'long', 'double', 'byte'].includes(info.element.category) ? 0 : info.element?.category === 'bool' ? false : null;
      return new Array(len).fill(fill);
    }
  }
  if (key === 'system.text.stringbuilder') return stringBuilder(args.length ? str(args[0]) : '');
  if (key === 'system.text.utf8encoding') return new PSEncoding('utf-8', toBool(args[0]));
  if (key === 'system.uri') return str(args[0]);
  void host;
  throw runtimeError(`A constructor was not found. Cannot find an appropriate constructor for type ${info.fullName}.`, 'CannotFindAppropriateCtor', 'ObjectNotFound');
}

function stringBuilder(initial: string): PSObject {
  let buf = initial;
  const o = PSObject.typed('System.Text.StringBuilder');
  o.addGetter('Length', () => buf.length);
  o.addMethod('Append', (a) => { buf += a.map((x) => str(x)).join(''); return o; });
  o.addMethod('AppendLine', (a) => { buf += (a.length ? str(a[0]) : '') + '\n'; return o; });
  o.addMethod('AppendFormat', (a) => { buf += formatComposite(str(a[0]), a.slice(1), formatOne); return o; });
  o.addMethod('Insert', (a) => { const i = int(a[0]); buf = buf.slice(0, i) + str(a[1]) + buf.slice(i); return o; });
  o.addMethod('Replace', (a) => { buf = buf.split(str(a[0])).join(str(a[1])); return o; });
  o.addMethod('Clear', () => { buf = ''; return o; });
  o.addMethod('ToString', () => buf);
  o.toStringImpl = () => buf;
  return o;
}

/** `$value[index]`: arrays (negative indexes, slices), strings (chars), hashtables (keys). */
export function getIndex(v: unknown, index: unknown): unknown {
  if (v === null || v === undefined) throw Errors.indexOnNull();
  if (v instanceof PSHashtable) {
    if (isEnumerable(index)) return iterate(index).map((k) => v.get(k));
    // OrderedDictionary also indexes by position.
    if (v.ordered && typeof index === 'number' && !v.has(index)) return v.entries()[index < 0 ? v.count + index : index]?.[1] ?? null;
    return v.get(index);
  }
  if (isEnumerable(index)) {
    // A scalar only stands for a one-element collection with a single index: a slice of it is AutomationNull.
    if (typeof v !== 'string' && !isEnumerable(v) && !(v instanceof PSObject && v.method('get_Item'))) return undefined;
    const out: unknown[] = [];
    for (const i of iterate(index)) { const x = getIndex(v, i); if (x !== null && x !== undefined) out.push(x); }
    return out;
  }
  if (typeof v === 'string') {
    // A key that is no number finds no character: $null, not a conversion error.
    let i: number;
    try { i = int(index); } catch { return null; }
    const j = i < 0 ? v.length + i : i;
    return j >= 0 && j < v.length ? new PSChar(v.charCodeAt(j)) : null;
  }
  if (isEnumerable(v)) {
    const i = int(index);
    const j = i < 0 ? v.length + i : i;
    return j >= 0 && j < v.length ? (v as ArrayLike<unknown>)[j] : null;
  }
  if (v instanceof PSObject) {
    const m = v.method('get_Item');
    if (m) return m.impl([index]);
    if (typeof index === 'string' && v.hasProperty(index)) return v.get(index);
  }
  // A scalar indexes as a one-element collection: $x[0] is $x.
  // (Any other index reads $null; only assignment fails.)
  const i = typeof index === 'number' ? index : NaN;
  if (i === 0 || i === -1) return v;
  return null;
}

export function setIndex(v: unknown, index: unknown, value: unknown): void {
  if (v === null || v === undefined) throw Errors.nullArrayAssign();
  if (v instanceof PSHashtable) {
    if (index === null || index === undefined) throw Errors.nullIndex();
    v.set(index, value);
    return;
  }
  if (Array.isArray(v) || v instanceof Uint8Array) {
    const i = int(index);
    const j = i < 0 ? v.length + i : i;
    if (j < 0 || j >= v.length) throw Errors.indexOutOfRange();
    const typed = typedArrayName(v);
    if (v instanceof Uint8Array) v[j] = convertToType(value, resolveType('byte')!) as number;
    else {
      const el = typed ? resolveType(typed.slice(0, -2)) : undefined;
      v[j] = el ? convertToType(value, el) : value;
    }
    return;
  }
  if (v instanceof PSObject) {
    const m = v.method('set_Item');
    if (m) { m.impl([index, value]); return; }
  }
  const shown = v instanceof PSObject && v.isCustom ? 'System.Management.Automation.PSObject' : typeNameOf(v);
  throw runtimeError(`Unable to index into an object of type "${shown}".`, 'CannotIndex', 'InvalidOperation');
}

export { parseDateTime, NONE as NO_MEMBER };
