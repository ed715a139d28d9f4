/**
 * How the formatter turns values into text: PSObject.ToString() for a value on its own, and
 * PSObjectHelper.SmartToString for a table/list cell (collections as '{1, 2, 3…}').
 * The formatter keeps its own copy of these rules so it does not depend on the evaluator.
 */
import { PSObject } from '../values/psobject.js';
import { PSHashtable } from '../values/hashtable.js';
import { PSDateTime } from '../values/datetime.js';
import { PSTimeSpan } from '../values/timespan.js';
import { isScriptBlock } from '../values/scriptblock.js';
import { PSChar } from '../evaluator/value-types.js';
import { PSEnum } from '../values/enum.js';
import { PSDictionary } from '../evaluator/dictionary.js';
import { formatNumber } from './number-format.js';
import { PSDouble, PSInteger, PSDecimal, plainKind } from '../values/numeric.js';
import { propertiesOf } from './object-properties.js';


/** $FormatEnumerationLimit's default. */
export const DefaultEnumerationLimit = 4;

/** The .NET type names of a value, most-derived first (what views are looked up by). */
export function typeNamesOf(v: unknown): string[] {
  if (v === null || v === undefined) return [];
  if (v instanceof PSObject) return v.typeNames;
  switch (typeof v) {
    case 'string': return ['System.String', 'System.Object'];
    case 'boolean': return ['System.Boolean', 'System.ValueType', 'System.Object'];
    case 'bigint': return ['System.Int64', 'System.ValueType', 'System.Object'];
    case 'number': return ['System.' + plainKind(v), 'System.ValueType', 'System.Object'];
  }
  if (v instanceof PSDouble || v instanceof PSInteger) return ['System.' + v.kind, 'System.ValueType', 'System.Object'];
  if (v instanceof PSDecimal) return ['System.Decimal', 'System.ValueType', 'System.Object'];
  if (v instanceof PSEnum) return [v.type.fullName, 'System.Enum', 'System.ValueType', 'System.Object'];
  if (v instanceof PSDictionary && v.type.key) return [v.type.fullName, 'System.Object'];
  if (v instanceof PSHashtable) {
    return v.ordered
      ? ['System.Collections.Specialized.OrderedDictionary', 'System.Object']
      : ['System.Collections.Hashtable', 'System.Object'];
  }
  if (v instanceof PSDateTime) return ['System.DateTime', 'System.ValueType', 'System.Object'];
  if (v instanceof PSTimeSpan) return ['System.TimeSpan', 'System.ValueType', 'System.Object'];
  if (v instanceof Uint8Array) return ['System.Byte[]', 'System.Array', 'System.Object'];
  if (v instanceof PSChar) return ['System.Char', 'System.ValueType', 'System.Object'];
  if (Array.isArray(v)) return ['System.Object[]', 'System.Array', 'System.Object'];
  if (isScriptBlock(v)) return ['System.Management.Automation.ScriptBlock', 'System.Object'];
  const named = (v as { psTypeName?: unknown }).psTypeName;
  if (typeof named === 'string') return [named, 'System.Object'];
  if (isPlain(v)) return [PSObject.customTypeName, 'System.Object'];
  const s = String(v);
  if (/^System\.[\w.]+$/.test(s)) return [s, 'System.Object'];
  return ['System.Object'];
}

/** DefaultScalarTypes: values printed by their ToString(), never as a table or list. */
const SCALARS = new Set([
  'System.String', 'System.SByte', 'System.Byte', 'System.Int16', 'System.UInt16', 'System.Int32', 'System.UInt32',
  'System.Int64', 'System.UInt64', 'System.Char', 'System.Single', 'System.Double', 'System.Boolean', 'System.Decimal',
  'System.IntPtr', 'System.Security.SecureString', 'System.Numerics.BigInteger',
].map((s) => s.toLowerCase()));

export function isScalarTypeNames(names: readonly string[]): boolean {
  if (names.length === 0) return false;
  if (names[1] === 'System.Enum') return true;
  return SCALARS.has(names[0]!.toLowerCase());
}

export function isScalar(v: unknown): boolean { return isScalarTypeNames(typeNamesOf(v)); }

/** Numeric (or enum, bool...) values right-align in generated tables; strings and objects left. */
export function isRightAligned(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  const names = typeNamesOf(v);
  if (names[0] === 'System.String') return false;
  return isScalarTypeNames(names);
}

/** A finite Double, Single or Decimal: generated tables show these in fixed notation ('F' + NumberDecimalDigits). */
export function isFloatingPoint(v: unknown): boolean {
  if (typeof v === 'number') return plainKind(v) === 'Double' && Number.isFinite(v);
  if (v instanceof PSDouble) return Number.isFinite(v.value);
  return v instanceof PSDecimal;
}

/** Does the pipeline / Out-Default enumerate this value? (Hashtables too, for display.) */
export function displayEnumerable(v: unknown): unknown[] | undefined {
  if (Array.isArray(v)) return v;
  if (v instanceof Uint8Array) return Array.from(v);
  if (v instanceof PSDictionary && v.type.key) return v.entries().map(([k, val]) => keyValuePair(v, k, val));
  if (v instanceof PSHashtable) return v.entries().map(([k, val]) => dictionaryEntry(k, val));
  return undefined;
}

/** KeyValuePair[K,V], as enumerating a generic Dictionary yields it. */
function keyValuePair(d: PSDictionary, key: unknown, value: unknown): PSObject {
  const args = d.type.fullName.slice(d.type.fullName.indexOf('['));
  return PSObject.typed(['System.Collections.Generic.KeyValuePair`2' + args, 'System.ValueType'], { Key: key, Value: value });
}

/** System.Collections.DictionaryEntry, as enumerating a hashtable yields it. */
export function dictionaryEntry(key: unknown, value: unknown): PSObject {
  const o = PSObject.typed(['System.Collections.DictionaryEntry', 'System.ValueType'], {});
  o.addNote('Key', key);
  o.addNote('Value', value);
  o.addNote('Name', key); // the ETS alias, listed after the .NET properties
  o.toStringImpl = () => `[${objectToString(key)}, ${objectToString(value)}]`;
  return o;
}

/** Object.ToString() as PowerShell's PSObject presents it (en-US). */
export function objectToString(v: unknown): string {
  if (v === null || v === undefined) return '';
  switch (typeof v) {
    case 'string': return v;
    case 'number': return formatNumber(v);
    case 'boolean': return v ? 'True' : 'False';
    case 'bigint': return v.toString();
    case 'function': return 'System.Object';
  }
  if (v instanceof PSObject) {
    const m = v.method('ToString');
    if (m) return String(m.impl([]) ?? '');
    if (v.toStringImpl) return v.toStringImpl();
    if (v.isCustom && v.properties().length === 0) return '';
    if (v.isCustom) return '@{' + v.properties().map((p) => `${p.name}=${objectToString(safeGet(p))}`).join('; ') + '}';
    return v.typeNames[0] ?? '';
  }
  if (v instanceof PSDateTime || v instanceof PSTimeSpan) return v.toString();
  if (Array.isArray(v) || v instanceof Uint8Array || v instanceof PSHashtable) return typeNamesOf(v)[0]!;
  if (isScriptBlock(v)) return v.text;
  if (isPlain(v)) return '@{' + Object.entries(v).map(([k, x]) => `${k}=${objectToString(x)}`).join('; ') + '}';
  const own = (v as { toString?: unknown }).toString;
  if (typeof own === 'function' && own !== Object.prototype.toString) return String(v);
  return typeNamesOf(v)[0]!;
}

/** A property read that cannot throw into the formatter (PowerShell shows such a cell empty). */
export function safeGet(p: { get(): unknown }): unknown {
  try { return p.get(); } catch { return null; }
}

/** Well-known names PowerShell tries when an element of a collection has no ToString of its own. */
const DISPLAY_NAME_PATTERNS: ((n: string) => boolean)[] = [
  (n) => n === 'name', (n) => n === 'id', (n) => n === 'key',
  (n) => n.endsWith('key'), (n) => n.endsWith('name'), (n) => n.endsWith('id'),
];

/**
 * GetObjectName: an element whose ToString() is only its type name is named by its first property
 * called Name, Id, Key, *Key, *Name or *Id instead.
 */
function elementName(x: unknown): string {
  if (x === null || x === undefined) return '$null';
  const text = objectToString(x);
  if (typeof x === 'object' && !(x instanceof PSObject && x.isCustom) && text === typeNamesOf(x)[0]) {
    const props = propertiesOf(x);
    for (const test of DISPLAY_NAME_PATTERNS) {
      const p = props.find((pp) => test(pp.name.toLowerCase()));
      if (p) return objectToString(safeGet(p));
    }
  }
  return text;
}

/** SmartToString: a collection as '{a, b, c, d…}' (at most `limit` elements), anything else by ToString(). */
export function cellText(v: unknown, limit = DefaultEnumerationLimit): string {
  const items = displayEnumerable(v);
  if (!items) return objectToString(v);
  const parts: string[] = [];
  let truncated = false;
  for (let i = 0; i < items.length; i++) {
    if (limit >= 0 && i === limit) { truncated = true; break; }
    parts.push(elementName(items[i]));
  }
  return '{' + parts.join(', ') + (truncated ? '\u2026' : '') + '}';
}

function isPlain(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
