/**
 * The single door from the core cmdlets to the language's semantics (conversion, comparison, string
 * conversion, member access). The evaluator (runtime/evaluator) owns these rules; until its facade
 * offers a helper, the fallback lives here so every cmdlet uses one definition and swapping it for the
 * evaluator's is a one-file change.
 */
import { PSObject } from '../../runtime/values/psobject.js';
import { PSHashtable } from '../../runtime/values/hashtable.js';
import { PSDateTime } from '../../runtime/values/datetime.js';
import { PSTimeSpan } from '../../runtime/values/timespan.js';
import { isScriptBlock } from '../../runtime/values/scriptblock.js';

export { PSObject, PSHashtable, PSDateTime, PSTimeSpan, isScriptBlock };

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** Objects that name their own .NET type (SecureString, PSCredential, ...). */
export interface DotNetTyped { readonly psTypeName: string }

function hasPsTypeName(v: unknown): v is DotNetTyped {
  return typeof v === 'object' && v !== null && typeof (v as { psTypeName?: unknown }).psTypeName === 'string';
}

/** The .NET type names of a value, most-derived first (PSObject.TypeNames). */
export function typeNamesOf(v: unknown): string[] {
  if (v instanceof PSObject) return v.typeNames;
  const n = typeNameOf(v);
  if (n === undefined) return [];
  if (n === 'System.Object') return [n];
  if (n.endsWith('[]')) return [n, 'System.Array', 'System.Object'];
  if (n === 'System.Int32' || n === 'System.Int64' || n === 'System.Double' || n === 'System.Boolean'
    || n === 'System.DateTime' || n === 'System.TimeSpan' || n === 'System.Char' || n === 'System.Byte' || n === 'System.Decimal') {
    return [n, 'System.ValueType', 'System.Object'];
  }
  return [n, 'System.Object'];
}

/** The most-derived .NET type name of a value; undefined for $null. */
export function typeNameOf(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  switch (typeof v) {
    case 'string': return 'System.String';
    case 'boolean': return 'System.Boolean';
    case 'number': return Number.isInteger(v) && !Object.is(v, -0) ? (v >= INT32_MIN && v <= INT32_MAX ? 'System.Int32' : 'System.Int64') : 'System.Double';
    case 'bigint': return 'System.Int64';
    case 'function': return 'System.Object';
  }
  if (v instanceof PSObject) return v.typeNames[0];
  if (v instanceof PSHashtable) return v.ordered ? 'System.Collections.Specialized.OrderedDictionary' : 'System.Collections.Hashtable';
  if (v instanceof PSDateTime) return 'System.DateTime';
  if (v instanceof PSTimeSpan) return 'System.TimeSpan';
  if (v instanceof Uint8Array) return 'System.Byte[]';
  if (Array.isArray(v)) return 'System.Object[]';
  if (isScriptBlock(v)) return 'System.Management.Automation.ScriptBlock';
  if (hasPsTypeName(v)) return v.psTypeName;
  return 'System.Object';
}

export function isNumber(v: unknown): v is number { return typeof v === 'number'; }

/** Double.ToString() in the invariant culture (R format: shortest round-trip, 'E+' exponent). */
export function formatNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return '∞';
  if (n === -Infinity) return '-∞';
  const s = String(n);
  const m = /^(-?[\d.]+)e([+-])(\d+)$/.exec(s);
  if (m) return `${m[1]}E${m[2]}${m[3]!.padStart(2, '0')}`;
  return s;
}

/** $OFS-free string conversion, as "$x" and [string]$x do. */
export function toPSString(v: unknown): string {
  if (v === null || v === undefined) return '';
  switch (typeof v) {
    case 'string': return v;
    case 'number': return formatNumber(v);
    case 'boolean': return v ? 'True' : 'False';
    case 'bigint': return v.toString();
  }
  if (Array.isArray(v)) return v.map(toPSString).join(' ');
  if (v instanceof Uint8Array) return Array.from(v).join(' ');
  if (v instanceof PSObject) {
    const m = v.method('ToString');
    if (m) return String(m.impl([]));
    if (v.toStringImpl) return v.toStringImpl();
    if (v.isCustom) return '@{' + v.properties().map((p) => `${p.name}=${toPSString(p.get())}`).join('; ') + '}';
    return v.typeNames[0] ?? '';
  }
  if (v instanceof PSHashtable) return typeNameOf(v)!;
  if (isScriptBlock(v)) return v.text;
  if (v instanceof PSDateTime || v instanceof PSTimeSpan) return v.toString();
  if (typeof (v as { toString?: unknown }).toString === 'function' && (v as object).toString !== Object.prototype.toString) return String(v);
  return typeNameOf(v) ?? '';
}

/** LanguagePrimitives.IsTrue. */
export function isTrue(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
  if (typeof v === 'string') return v.length > 0;
  if (typeof v === 'bigint') return v !== 0n;
  if (Array.isArray(v)) return v.length === 0 ? false : v.length === 1 ? isTrue(v[0]) : true;
  if (v instanceof PSObject && v.typeNames[0] === 'System.Management.Automation.SwitchParameter') return isTrue(v.get('IsPresent'));
  return true;
}

/** What the pipeline enumerates: arrays and byte arrays; everything else (hashtables included) is one object. */
export function enumerate(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (v instanceof Uint8Array) return Array.from(v);
  if (v === undefined) return [];
  return [v];
}

export function isEnumerable(v: unknown): boolean { return Array.isArray(v) || v instanceof Uint8Array; }

/** Number parsing as [double]'...' does (invariant culture, hex, surrounding blanks); undefined when not a number. */
export function parseNumber(s: string): number | undefined {
  const t = s.trim();
  if (t === '') return 0;
  if (/^[+-]?0x[0-9a-f]+$/i.test(t)) return t.startsWith('-') ? -parseInt(t.slice(3), 16) : parseInt(t.replace(/^\+/, ''), 16);
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return Number(t);
  const mult = /^([+-]?(?:\d+\.?\d*|\.\d+))(kb|mb|gb|tb|pb)$/i.exec(t);
  if (mult) return Number(mult[1]) * 1024 ** (['kb', 'mb', 'gb', 'tb', 'pb'].indexOf(mult[2]!.toLowerCase()) + 1);
  return undefined;
}

/** [double]$v; undefined when PowerShell would fail the conversion. */
export function toNumber(v: unknown): number | undefined {
  if (v === null || v === undefined) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string') return parseNumber(v);
  if (v instanceof PSObject && v.typeNames[0] === 'System.Char') return toPSString(v).charCodeAt(0);
  return undefined;
}

const collators = new Map<string, Intl.Collator>();
/** Culture-aware (en-US, ICU as .NET on Linux) string comparison. */
export function compareStrings(a: string, b: string, caseSensitive = false): number {
  const key = caseSensitive ? 'cs' : 'ci';
  let c = collators.get(key);
  if (!c) {
    c = new Intl.Collator('en-US', { sensitivity: caseSensitive ? 'variant' : 'accent', caseFirst: 'lower' });
    collators.set(key, c);
  }
  const r = c.compare(a, b);
  return r < 0 ? -1 : r > 0 ? 1 : 0;
}

function timeValue(v: unknown): number | undefined {
  if (v instanceof PSDateTime) return v.ms;
  if (v instanceof PSTimeSpan) return v.ticks;
  return undefined;
}

/**
 * Order two values as Sort-Object / Measure-Object do (ObjectCommandComparer): $null first, numbers
 * numerically, strings by culture, otherwise the right side converted to the left side's type, and the
 * string forms when that fails.
 */
export function compareValues(a: unknown, b: unknown, caseSensitive = false): number {
  const an = a === null || a === undefined, bn = b === null || b === undefined;
  if (an || bn) return an && bn ? 0 : an ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b, caseSensitive);
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
  const ta = timeValue(a), tb = timeValue(b);
  if (ta !== undefined && tb !== undefined && a!.constructor === b!.constructor) return ta < tb ? -1 : ta > tb ? 1 : 0;
  if (typeof a === 'number' || typeof a === 'boolean') {
    const nb = toNumber(b);
    const na = toNumber(a)!;
    if (nb !== undefined) return na < nb ? -1 : na > nb ? 1 : 0;
  }
  if (typeof a === 'string' && (typeof b === 'number' || typeof b === 'boolean')) {
    const na = toNumber(a);
    if (na !== undefined && a.trim() !== '') { const nb = toNumber(b)!; return na < nb ? -1 : na > nb ? 1 : 0; }
  }
  return compareStrings(toPSString(a), toPSString(b), caseSensitive);
}

/**
 * The -eq operator for one pair: the left operand's type decides the conversion of the right one.
 */
export function psEquals(a: unknown, b: unknown, caseSensitive = false): boolean {
  const an = a === null || a === undefined, bn = b === null || b === undefined;
  if (an || bn) return an && bn;
  if (typeof a === 'string') {
    const sb = typeof b === 'string' ? b : toPSString(b);
    return caseSensitive ? a === sb : a.length === sb.length && (a === sb || a.toLowerCase() === sb.toLowerCase() || a.toUpperCase() === sb.toUpperCase());
  }
  if (typeof a === 'number') {
    if (typeof b === 'number') return a === b;
    const nb = typeof b === 'string' && b.trim() === '' ? undefined : toNumber(b);
    return nb !== undefined && nb === a;
  }
  if (typeof a === 'boolean') return a === isTrue(b);
  const ta = timeValue(a);
  if (ta !== undefined) return a!.constructor === (b as object).constructor && ta === timeValue(b);
  if (a instanceof PSObject && typeof b === 'string' && !a.isCustom) return toPSString(a) === b || toPSString(a).toLowerCase() === b.toLowerCase();
  return a === b;
}

/** -gt/-lt family for one pair: sign of (a - b) under the left operand's type; undefined when they cannot compare. */
export function psCompare(a: unknown, b: unknown, caseSensitive = false): number | undefined {
  const an = a === null || a === undefined, bn = b === null || b === undefined;
  if (an || bn) return an && bn ? 0 : an ? -1 : 1;
  if (typeof a === 'number' || typeof a === 'boolean') {
    const nb = toNumber(b);
    if (nb === undefined) return undefined;
    const na = toNumber(a)!;
    return na < nb ? -1 : na > nb ? 1 : 0;
  }
  if (typeof a === 'string') return compareStrings(a, toPSString(b), caseSensitive);
  const ta = timeValue(a), tb = timeValue(b);
  if (ta !== undefined && tb !== undefined) return ta < tb ? -1 : ta > tb ? 1 : 0;
  return compareStrings(toPSString(a), toPSString(b), caseSensitive);
}

/** WildcardPattern → RegExp (*, ?, [a-z], backtick escapes), anchored. */
export function wildcardToRegex(pattern: string, caseSensitive = false): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '`' && i + 1 < pattern.length) { out += escapeRegex(pattern[++i]!); continue; }
    if (c === '*') { out += '[\\s\\S]*'; continue; }
    if (c === '?') { out += '[\\s\\S]'; continue; }
    if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end > i + 1) {
        const body = pattern.slice(i + 1, end).replace(/\\/g, '\\\\');
        out += '[' + body + ']';
        i = end;
        continue;
      }
    }
    out += escapeRegex(c);
  }
  return new RegExp('^' + out + '$', caseSensitive ? 's' : 'is');
}

export function hasWildcards(s: string): boolean { return /[*?[]/.test(s); }

export function escapeRegex(s: string): string { return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'); }

const likeCache = new Map<string, RegExp>();
/** The -like operator for one pair. */
export function psLike(value: unknown, pattern: unknown, caseSensitive = false): boolean {
  const p = toPSString(pattern);
  const key = (caseSensitive ? 'c:' : 'i:') + p;
  let re = likeCache.get(key);
  if (!re) { re = wildcardToRegex(p, caseSensitive); if (likeCache.size > 1000) likeCache.clear(); likeCache.set(key, re); }
  return re.test(toPSString(value));
}

const matchCache = new Map<string, RegExp>();
/** The -match operator for one pair (.NET regex dialect approximated by JS's). */
export function psMatch(value: unknown, pattern: unknown, caseSensitive = false): boolean {
  const p = toPSString(pattern);
  const key = (caseSensitive ? 'c:' : 'i:') + p;
  let re = matchCache.get(key);
  if (!re) { re = new RegExp(p, caseSensitive ? '' : 'i'); if (matchCache.size > 1000) matchCache.clear(); matchCache.set(key, re); }
  return re.test(toPSString(value));
}

/** -contains: any element of the (enumerated) collection equals the value, element on the left. */
export function psContains(collection: unknown, value: unknown, caseSensitive = false): boolean {
  for (const e of enumerate(collection)) if (psEquals(e, value, caseSensitive)) return true;
  return false;
}

/** -is: the value's type names include the named type (short names like 'string', 'int' accepted). */
export function psIs(value: unknown, typeName: unknown): boolean {
  const want = normalizeTypeName(toPSString(typeName));
  return typeNamesOf(value).some((n) => n.toLowerCase() === want.toLowerCase());
}

const ACCELERATORS: Record<string, string> = {
  string: 'System.String', int: 'System.Int32', int32: 'System.Int32', long: 'System.Int64', int64: 'System.Int64',
  double: 'System.Double', bool: 'System.Boolean', boolean: 'System.Boolean', datetime: 'System.DateTime', timespan: 'System.TimeSpan',
  hashtable: 'System.Collections.Hashtable', pscustomobject: 'System.Management.Automation.PSCustomObject', array: 'System.Array',
  object: 'System.Object', scriptblock: 'System.Management.Automation.ScriptBlock', byte: 'System.Byte', char: 'System.Char',
  securestring: 'System.Security.SecureString', pscredential: 'System.Management.Automation.PSCredential', valuetype: 'System.ValueType',
};

export function normalizeTypeName(n: string): string {
  const t = n.replace(/^\[|\]$/g, '');
  return ACCELERATORS[t.toLowerCase()] ?? (t.includes('.') ? t : ACCELERATORS[t.toLowerCase()] ?? `System.${t}`);
}

/** Built-in properties of the value classes and primitives that cmdlets read by name. */
function intrinsicProperty(v: unknown, name: string): { found: boolean; value?: unknown } {
  const n = name.toLowerCase();
  if (typeof v === 'string') {
    if (n === 'length') return { found: true, value: v.length };
    return { found: false };
  }
  if (Array.isArray(v) || v instanceof Uint8Array) {
    if (n === 'length' || n === 'count') return { found: true, value: v.length };
    return { found: false };
  }
  if (v instanceof PSDateTime) {
    const f = v.fields();
    const map: Record<string, unknown> = {
      year: f.year, month: f.month, day: f.day, hour: f.hour, minute: f.minute, second: f.second, millisecond: f.millisecond,
      dayofweek: PSDateTime.dayName(f.dayOfWeek), kind: v.kind,
      dayofyear: Math.round((Date.UTC(f.year, f.month - 1, f.day) - Date.UTC(f.year, 0, 1)) / 86400000) + 1,
      ticks: v.ms * 10000 + 621355968000000000,
    };
    if (n in map) return { found: true, value: map[n] };
    if (n === 'date') return { found: true, value: new PSDateTime(v.ms - ((f.hour * 60 + f.minute) * 60 + f.second) * 1000 - f.millisecond, v.kind) };
    if (n === 'timeofday') return { found: true, value: PSTimeSpan.from(0, f.hour, f.minute, f.second, f.millisecond) };
    return { found: false };
  }
  if (v instanceof PSTimeSpan) {
    const map: Record<string, number> = {
      days: v.days, hours: v.hours, minutes: v.minutes, seconds: v.seconds, milliseconds: v.milliseconds, ticks: v.ticks,
      totaldays: v.ticks / PSTimeSpan.TicksPerDay, totalhours: v.ticks / PSTimeSpan.TicksPerHour,
      totalminutes: v.ticks / PSTimeSpan.TicksPerMinute, totalseconds: v.ticks / PSTimeSpan.TicksPerSecond,
      totalmilliseconds: v.ticks / PSTimeSpan.TicksPerMs,
    };
    if (n in map) return { found: true, value: map[n] };
    return { found: false };
  }
  return { found: false };
}

/** Does `$v.<name>` resolve to a property (not a method)? */
export function hasProperty(v: unknown, name: string): boolean {
  if (v instanceof PSObject) return v.hasProperty(name);
  if (v instanceof PSHashtable) return v.has(name) || ['count', 'keys', 'values'].includes(name.toLowerCase());
  if (intrinsicProperty(v, name).found) return true;
  if (typeof v === 'object' && v !== null) return ownKey(v, name) !== undefined;
  return false;
}

function ownKey(o: object, name: string): string | undefined {
  if (Object.prototype.hasOwnProperty.call(o, name)) return name;
  const lower = name.toLowerCase();
  for (const k of Object.keys(o)) if (k.toLowerCase() === lower) return k;
  // getters declared on a value class (e.g. PSCredential.UserName)
  let proto = Object.getPrototypeOf(o);
  while (proto && proto !== Object.prototype) {
    for (const k of Object.getOwnPropertyNames(proto)) {
      if (k.toLowerCase() === lower && Object.getOwnPropertyDescriptor(proto, k)?.get) return k;
    }
    proto = Object.getPrototypeOf(proto);
  }
  return undefined;
}

/** `$v.<name>` for a property: $null when absent (non-strict mode); no member enumeration. */
export function getProperty(v: unknown, name: string): unknown {
  if (v === null || v === undefined) return null;
  if (v instanceof PSObject) { const p = v.property(name); return p ? p.get() ?? null : null; }
  if (v instanceof PSHashtable) {
    if (v.has(name)) return v.get(name);
    const n = name.toLowerCase();
    if (n === 'count') return v.count;
    if (n === 'keys') return v.keys();
    if (n === 'values') return v.values();
    return null;
  }
  const i = intrinsicProperty(v, name);
  if (i.found) return i.value;
  if (typeof v === 'object') {
    const k = ownKey(v, name);
    return k === undefined ? null : ((v as Record<string, unknown>)[k] ?? null);
  }
  return null;
}

/** Property names a value shows (PSObject properties, hashtable: none, plain objects: own keys). */
export function propertyNames(v: unknown): string[] {
  if (v instanceof PSObject) return v.propertyNames();
  if (v instanceof PSHashtable) return ['IsReadOnly', 'IsFixedSize', 'IsSynchronized', 'Keys', 'Values', 'SyncRoot', 'Count'];
  if (typeof v === 'string') return ['Length'];
  if (v instanceof PSDateTime) return ['Date', 'Day', 'DayOfWeek', 'DayOfYear', 'Hour', 'Kind', 'Millisecond', 'Minute', 'Month', 'Second', 'Ticks', 'TimeOfDay', 'Year'];
  if (v instanceof PSTimeSpan) return ['Ticks', 'Days', 'Hours', 'Milliseconds', 'Minutes', 'Seconds', 'TotalDays', 'TotalHours', 'TotalMilliseconds', 'TotalMinutes', 'TotalSeconds'];
  if (Array.isArray(v)) return ['Length', 'Count'];
  if (typeof v === 'object' && v !== null && !isScriptBlock(v)) {
    const names = Object.keys(v).filter((k) => !k.startsWith('_'));
    let proto = Object.getPrototypeOf(v);
    while (proto && proto !== Object.prototype) {
      for (const k of Object.getOwnPropertyNames(proto)) {
        const d = Object.getOwnPropertyDescriptor(proto, k);
        if (d?.get && /^[A-Z]/.test(k) && !names.includes(k)) names.push(k);
      }
      proto = Object.getPrototypeOf(proto);
    }
    return names.filter((k) => /^[A-Z]/.test(k) || !(hasPsTypeName(v)));
  }
  return [];
}

/** `$v.<name>` with member enumeration: on a collection, the property of each element. */
export function getMemberValue(v: unknown, name: string): unknown {
  if (Array.isArray(v) && !intrinsicProperty(v, name).found) {
    const out: unknown[] = [];
    for (const e of v) { const r = getMemberValue(e, name); if (r !== null && r !== undefined) out.push(...(Array.isArray(r) ? r : [r])); }
    return out.length === 0 ? null : out.length === 1 ? out[0] : out;
  }
  return getProperty(v, name);
}

/** Method names callable on a value, for the member-name form of ForEach-Object. */
export function invokeMethod(v: unknown, name: string, args: unknown[]): { found: boolean; value?: unknown } {
  if (v instanceof PSObject) {
    const m = v.method(name);
    if (m) return { found: true, value: m.impl(args) };
    if (name.toLowerCase() === 'tostring' && args.length === 0) return { found: true, value: toPSString(v) };
    return { found: false };
  }
  const n = name.toLowerCase();
  if (typeof v === 'number' && n === 'tostring') return { found: true, value: args.length ? formatDotNetNumber(v, toPSString(args[0])) : toPSString(v) };
  if (n === 'tostring' && args.length === 0 && v !== null && v !== undefined) return { found: true, value: toPSString(v) };
  if (n === 'gettype' && v !== null && v !== undefined) return { found: true, value: typeNameOf(v) };
  if (typeof v === 'string') {
    const s = v;
    const a = args.map(toPSString);
    switch (n) {
      case 'toupper': case 'toupperinvariant': return { found: true, value: s.toUpperCase() };
      case 'tolower': case 'tolowerinvariant': return { found: true, value: s.toLowerCase() };
      case 'trim': return { found: true, value: a.length ? trimChars(s, a.join(''), true, true) : s.trim() };
      case 'trimstart': return { found: true, value: a.length ? trimChars(s, a.join(''), true, false) : s.trimStart() };
      case 'trimend': return { found: true, value: a.length ? trimChars(s, a.join(''), false, true) : s.trimEnd() };
      case 'substring': return { found: true, value: args.length > 1 ? s.substr(Number(args[0]), Number(args[1])) : s.substring(Number(args[0])) };
      case 'contains': return { found: true, value: s.includes(a[0] ?? '') };
      case 'startswith': return { found: true, value: s.startsWith(a[0] ?? '') };
      case 'endswith': return { found: true, value: s.endsWith(a[0] ?? '') };
      case 'indexof': return { found: true, value: s.indexOf(a[0] ?? '') };
      case 'replace': return { found: true, value: s.split(a[0] ?? '').join(a[1] ?? '') };
      case 'split': return { found: true, value: s.split(a[0] ?? ' ') };
      case 'padleft': return { found: true, value: s.padStart(Number(args[0]), a[1] ?? ' ') };
      case 'padright': return { found: true, value: s.padEnd(Number(args[0]), a[1] ?? ' ') };
    }
    return { found: false };
  }
  if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>;
    let proto: object | null = o;
    while (proto && proto !== Object.prototype) {
      for (const k of Object.getOwnPropertyNames(proto)) {
        if (k.toLowerCase() === n && typeof o[k] === 'function') return { found: true, value: (o[k] as (...x: unknown[]) => unknown).apply(o, args) };
      }
      proto = Object.getPrototypeOf(proto);
    }
  }
  return { found: false };
}

function trimChars(s: string, chars: string, start: boolean, end: boolean): string {
  let i = 0, j = s.length;
  if (start) while (i < j && chars.includes(s[i]!)) i++;
  if (end) while (j > i && chars.includes(s[j - 1]!)) j--;
  return s.slice(i, j);
}

/** Int32.ToString(format) for the standard formats scripts use: X/x (hex), D (digits), N, F, G. */
export function formatDotNetNumber(v: number, format: string): string {
  const m = /^([XxDdNnFfGgPp])(\d*)$/.exec(format);
  if (!m) return toPSString(v);
  const kind = m[1]!, width = m[2] === '' ? undefined : Number(m[2]);
  switch (kind) {
    case 'X': case 'x': {
      const n = v < 0 ? (v >>> 0) : v;
      const h = Math.trunc(n).toString(16);
      return (kind === 'X' ? h.toUpperCase() : h).padStart(width ?? 0, '0');
    }
    case 'D': case 'd': return (v < 0 ? '-' : '') + String(Math.abs(Math.trunc(v))).padStart(width ?? 0, '0');
    case 'N': case 'n': return v.toLocaleString('en-US', { minimumFractionDigits: width ?? 2, maximumFractionDigits: width ?? 2 });
    case 'F': case 'f': return v.toFixed(width ?? 2);
    case 'P': case 'p': return (v * 100).toLocaleString('en-US', { minimumFractionDigits: width ?? 2, maximumFractionDigits: width ?? 2 }) + ' %';
    default: return toPSString(v);
  }
}
