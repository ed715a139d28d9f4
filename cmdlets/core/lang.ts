/**
 * The single door from the core cmdlets to the language's semantics (conversion, comparison, string
 * conversion, member access). The evaluator (runtime/evaluator/index.ts) owns these rules: this file
 * re-exports or wraps its helpers. What the facade does not offer is defined here, once:
 * compareValues (ObjectCommandComparer: never throws, falls back to strings), psEquals with a
 * case-sensitivity flag, property access without member enumeration (PSPropertyExpression), and the
 * property/member name lists Select-Object and Get-Member need.
 */
import * as ev from '../../runtime/evaluator/index.js';
import { RuntimeError } from '../../runtime/values/error-record.js';
import { SecureString, PSCredential } from '../../runtime/values/secure-string.js';
import { memberTableOf } from './member-table.js';
import { PSObject } from '../../runtime/values/psobject.js';
import { PSHashtable } from '../../runtime/values/hashtable.js';
import { PSDateTime } from '../../runtime/values/datetime.js';
import { PSTimeSpan } from '../../runtime/values/timespan.js';
import { isScriptBlock } from '../../runtime/values/scriptblock.js';

export { PSObject, PSHashtable, PSDateTime, PSTimeSpan, isScriptBlock };

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
  if (v instanceof SecureString) return 'System.Security.SecureString';
  if (v instanceof PSCredential) return 'System.Management.Automation.PSCredential';
  if (typeof v === 'object' && !(v instanceof PSObject) && hasPsTypeName(v)) return v.psTypeName;
  if (typeof v === 'bigint') return 'System.Int64';
  return ev.typeNameOf(v);
}

export function isNumber(v: unknown): v is number { return typeof v === 'number'; }

/** String conversion as "$x" and [string]$x do (the evaluator's, with $OFS). */
export function toPSString(v: unknown): string { return ev.toPSString(v); }

/** LanguagePrimitives.IsTrue. */
export function isTrue(v: unknown): boolean { return ev.toBool(v); }

/** What the pipeline enumerates: arrays and byte arrays; everything else (hashtables included) is one object. */
export function enumerate(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (v instanceof Uint8Array) return Array.from(v);
  if (v === undefined) return [];
  return [v];
}

export function isEnumerable(v: unknown): boolean { return ev.isEnumerable(v); }

/** [double]$v; undefined when PowerShell would fail the conversion. */
export function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  try { return ev.toNumber(v, 'System.Double'); } catch { return undefined; }
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

/**
 * Order two values as Sort-Object / Measure-Object do (ObjectCommandComparer): the language's
 * comparison ($null first, the right value converted to the left one's type), and the string forms
 * when the values cannot be compared. Never throws.
 */
export function compareValues(a: unknown, b: unknown, caseSensitive = false): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b, caseSensitive);
  try {
    const r = ev.compare(a, b, !caseSensitive);
    return r < 0 ? -1 : r > 0 ? 1 : 0;
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    return compareStrings(toPSString(a), toPSString(b), caseSensitive);
  }
}

/** The -eq operator for one pair (the left operand's type decides the conversion). */
export function psEquals(a: unknown, b: unknown, caseSensitive = false): boolean {
  return ev.equals(a, b, !caseSensitive);
}

/** A comparison operator by name ('eq', 'cgt', 'like', 'notin', 'is'...) with the language's semantics, array-as-filter included. */
export function psOperator(op: string, a: unknown, b: unknown): unknown {
  return ev.binary(op, a, b);
}

export { wildcardToRegex, hasWildcards } from './wildcards.js';

export function escapeRegex(s: string): string { return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'); }

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
  // Dates and time spans answer as the language does (an enum DayOfWeek, an Int64 Ticks).
  if (v instanceof PSDateTime || v instanceof PSTimeSpan) return ev.ownProperty(v, name);
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
  if (typeof v === 'object' && !Array.isArray(v)) {
    const k = ownKey(v, name);
    if (k !== undefined) return (v as Record<string, unknown>)[k] ?? null;
  }
  // Other value types (chars, GUIDs, error records...) through the evaluator's member access.
  if (typeof v === 'object' && !Array.isArray(v) && !(v instanceof Uint8Array)) return ev.getMember(v, name) ?? null;
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

/**
 * `$v.Name(args)` for the member-name form of ForEach-Object: PSObject methods, else the evaluator's
 * .NET method table. `found: false` when the value has no such method.
 */
export function invokeMethod(v: unknown, name: string, args: unknown[]): { found: boolean; value?: unknown } {
  if (v instanceof PSObject) {
    const m = v.method(name);
    if (m) return { found: true, value: m.impl(args) };
  }
  try {
    return { found: true, value: ev.invokeMethod(v, name, args) };
  } catch (e) {
    if (e instanceof RuntimeError && (e.record.errorId === 'MethodNotFound' || e.record.errorId === 'MethodCountCouldNotFindBest') && !hasMethodNamed(v, name)) return { found: false };
    throw e;
  }
}

/** Whether the .NET type behind a value declares a method of this name (any overload). */
function hasMethodNamed(v: unknown, name: string): boolean {
  const table = memberTableOf(v, typeNameOf(v));
  return !!table && table.some((r) => r[1] === 'Method' && r[0].toLowerCase() === name.toLowerCase());
}
