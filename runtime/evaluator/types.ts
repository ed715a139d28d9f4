import { PSObject } from '../values/psobject.js';
import { PSHashtable } from '../values/hashtable.js';
import { PSDateTime } from '../values/datetime.js';
import { PSTimeSpan } from '../values/timespan.js';
import { ErrorRecord, ErrorCategories } from '../values/error-record.js';
import { isScriptBlock } from '../values/scriptblock.js';
import { PSChar, PSGuid, PSTypeRef, PSException, PSRegex, PSVersion } from './value-types.js';
import { listTypeName, typedArrayName } from './collections.js';
import { isUri } from '../values/uri.js';
import { PSDouble, PSInteger, PSDecimal, plainKind, numKindOf } from '../values/numeric.js';
import { PSEnum } from '../values/enum.js';

/**
 * The .NET types the language knows: names and accelerators (case-insensitive, with or without
 * `System.`), instance tests for -is and catch, and the kind the converter dispatches on.
 */
export type TypeCategory =
  | 'object' | 'string' | 'char' | 'bool' | 'switch' | 'int' | 'long' | 'double' | 'decimal' | 'byte' | 'sbyte' | 'short'
  | 'ushort' | 'uint' | 'ulong' | 'single' | 'datetime' | 'timespan' | 'guid' | 'regex' | 'array' | 'hashtable' | 'ordered'
  | 'pscustomobject' | 'psobject' | 'scriptblock' | 'void' | 'type' | 'exception' | 'errorrecord' | 'arraylist' | 'list'
  | 'securestring' | 'credential' | 'uri' | 'version' | 'enum' | 'static' | 'certificate' | 'other';

export interface TypeInfo {
  readonly fullName: string;
  readonly category: TypeCategory;
  readonly element?: TypeInfo;
  /** Dictionary[K,V]: the key type (element is the value type). */
  readonly key?: TypeInfo;
  /** An enum's member names, and their numbers when they are not 0, 1, 2… */
  readonly enumValues?: readonly string[];
  readonly enumNumbers?: readonly number[];
  /** A [Flags] enum: values combine bitwise and print as 'A, B'. */
  readonly flags?: boolean;
  /** Base type for exception hierarchies (catch [System.Exception] catches all). */
  readonly base?: string;
}

const T = (fullName: string, category: TypeCategory, extra: Partial<TypeInfo> = {}): TypeInfo => ({ fullName, category, ...extra });

const table = new Map<string, TypeInfo>();
function add(info: TypeInfo, ...aliases: string[]): void {
  table.set(info.fullName.toLowerCase(), info);
  if (info.fullName.startsWith('System.')) table.set(info.fullName.slice(7).toLowerCase(), info);
  for (const a of aliases) table.set(a.toLowerCase(), info);
}

add(T('System.Object', 'object'), 'object');
add(T('System.String', 'string'), 'string');
add(T('System.Char', 'char'), 'char');
add(T('System.Boolean', 'bool'), 'bool');
add(T('System.Management.Automation.SwitchParameter', 'switch'), 'switch');
add(T('System.Int32', 'int'), 'int', 'int32');
add(T('System.Int64', 'long'), 'long', 'int64');
add(T('System.Int16', 'short'), 'short', 'int16');
add(T('System.UInt16', 'ushort'), 'ushort', 'uint16');
add(T('System.UInt32', 'uint'), 'uint', 'uint32');
add(T('System.UInt64', 'ulong'), 'ulong', 'uint64');
add(T('System.Byte', 'byte'), 'byte');
add(T('System.SByte', 'sbyte'), 'sbyte');
add(T('System.Double', 'double'), 'double');
add(T('System.Single', 'single'), 'float', 'single');
add(T('System.Decimal', 'decimal'), 'decimal');
add(T('System.Numerics.BigInteger', 'double'), 'bigint');
add(T('System.DateTime', 'datetime'), 'datetime');
add(T('System.TimeSpan', 'timespan'), 'timespan');
add(T('System.Guid', 'guid'), 'guid');
add(T('System.Text.RegularExpressions.Regex', 'regex'), 'regex');
add(T('System.Array', 'array'), 'array');
add(T('System.Collections.Hashtable', 'hashtable'), 'hashtable');
add(T('System.Collections.Specialized.OrderedDictionary', 'ordered'), 'ordered');
add(T('System.Collections.IDictionary', 'hashtable'));
add(T('System.Management.Automation.PSObject', 'psobject'), 'psobject');
add(T('System.Management.Automation.PSCustomObject', 'pscustomobject'), 'pscustomobject');
add(T('System.Management.Automation.ScriptBlock', 'scriptblock'), 'scriptblock');
add(T('System.Void', 'void'), 'void');
add(T('System.Type', 'type'), 'type');
add(T('System.RuntimeType', 'type'));
add(T('System.Management.Automation.ErrorRecord', 'errorrecord'), 'errorrecord');
add(T('System.Collections.ArrayList', 'arraylist'), 'arraylist');
add(T('System.Security.SecureString', 'securestring'), 'securestring');
add(T('System.Management.Automation.PSCredential', 'credential'), 'pscredential');
add(T('System.Uri', 'uri'), 'uri');
add(T('System.Version', 'version'), 'version');
add(T('System.Security.Cryptography.X509Certificates.X509Certificate2', 'certificate'));
add(T('System.Management.Automation.ActionPreference', 'enum', { enumValues: ['SilentlyContinue', 'Stop', 'Continue', 'Inquire', 'Ignore', 'Suspend', 'Break'] }));
add(T('System.DateTimeKind', 'enum', { enumValues: ['Unspecified', 'Utc', 'Local'] }));
add(T('System.DayOfWeek', 'enum', { enumValues: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] }));
add(T('System.StringSplitOptions', 'enum', { enumValues: ['None', 'RemoveEmptyEntries', 'TrimEntries'], enumNumbers: [0, 1, 2], flags: true }));
add(T('System.Management.Automation.ErrorCategory', 'enum', { enumValues: ErrorCategories }));
add(T('System.Management.Automation.ConfirmImpact', 'enum', { enumValues: ['None', 'Low', 'Medium', 'High'] }));
add(T('System.TypeCode', 'enum', { enumValues: ['Empty', 'Object', 'DBNull', 'Boolean', 'Char', 'SByte', 'Byte', 'Int16', 'UInt16', 'Int32', 'UInt32',
  'Int64', 'UInt64', 'Single', 'Double', 'Decimal', 'DateTime', 'String'], enumNumbers: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18] }));
add(T('System.StringComparison', 'enum', { enumValues: ['CurrentCulture', 'CurrentCultureIgnoreCase', 'InvariantCulture', 'InvariantCultureIgnoreCase', 'Ordinal', 'OrdinalIgnoreCase'] }));
add(T('System.ConsoleColor', 'enum', { enumValues: ['Black', 'DarkBlue', 'DarkGreen', 'DarkCyan', 'DarkRed', 'DarkMagenta', 'DarkYellow', 'Gray', 'DarkGray', 'Blue', 'Green', 'Cyan', 'Red', 'Magenta', 'Yellow', 'White'] }));
add(T('System.Enum', 'static'), 'enum');
for (const n of ['System.ValueType', 'System.IComparable', 'System.IFormattable', 'System.IConvertible']) add(T(n, 'other'));
add(T('System.Management.Automation.PSReference', 'other'), 'ref');
// classes with static members only
for (const n of ['System.Math', 'System.Convert', 'System.Text.Encoding', 'System.Security.Cryptography.SHA256',
  'System.Security.Cryptography.SHA1', 'System.Security.Cryptography.SHA384', 'System.Security.Cryptography.SHA512', 'System.Security.Cryptography.MD5',
  'System.Environment', 'System.IO.Path', 'System.BitConverter', 'System.Web.HttpUtility', 'System.Net.WebUtility', 'System.Uri',
  'System.Security.Cryptography.RandomNumberGenerator', 'System.IO.File', 'System.Threading.Thread', 'System.Management.Automation.LanguagePrimitives',
  'System.Text.StringBuilder', 'System.Console']) {
  if (!table.has(n.toLowerCase())) add(T(n, 'static'));
}
add(T('System.Text.StringBuilder', 'other'), 'text.stringbuilder');
// Null stand-ins: their ::Value is $null (AutomationNull: nothing at all), as pwsh's IsNullLike treats them.
add(T('System.Management.Automation.Language.NullString', 'static'), 'nullstring');
add(T('System.Management.Automation.Internal.AutomationNull', 'static'));
add(T('System.DBNull', 'static'));
add(T('System.Xml.XmlDocument', 'other'), 'xml');

/** Exception types: name → base, for catch [T] and -is. */
const EXCEPTIONS: [string, string][] = [
  ['System.Exception', ''],
  ['System.SystemException', 'System.Exception'],
  ['System.ApplicationException', 'System.Exception'],
  ['System.Management.Automation.RuntimeException', 'System.SystemException'],
  ['System.Management.Automation.MethodException', 'System.Management.Automation.RuntimeException'],
  ['System.Management.Automation.MethodInvocationException', 'System.Management.Automation.MethodException'],
  ['System.Management.Automation.SetValueInvocationException', 'System.Management.Automation.RuntimeException'],
  ['System.Management.Automation.ParameterBindingException', 'System.Management.Automation.RuntimeException'],
  ['System.Management.Automation.CommandNotFoundException', 'System.Management.Automation.RuntimeException'],
  ['System.Management.Automation.ActionPreferenceStopException', 'System.Management.Automation.RuntimeException'],
  ['System.Management.Automation.SessionStateException', 'System.Management.Automation.RuntimeException'],
  ['System.Management.Automation.ItemNotFoundException', 'System.Management.Automation.SessionStateException'],
  ['System.Management.Automation.DriveNotFoundException', 'System.Management.Automation.SessionStateException'],
  ['System.Management.Automation.ValidationMetadataException', 'System.Management.Automation.RuntimeException'],
  ['System.Management.Automation.PSInvalidOperationException', 'System.InvalidOperationException'],
  ['System.Management.Automation.PSArgumentException', 'System.ArgumentException'],
  ['System.Management.Automation.PSInvalidCastException', 'System.InvalidCastException'],
  ['System.Management.Automation.PipelineStoppedException', 'System.Management.Automation.RuntimeException'],
  ['System.Management.Automation.ParseException', 'System.Management.Automation.RuntimeException'],
  ['System.Management.Automation.IncompleteParseException', 'System.Management.Automation.ParseException'],
  ['System.Management.Automation.Host.HostException', 'System.Exception'],
  ['System.ArgumentException', 'System.SystemException'],
  ['System.ArgumentNullException', 'System.ArgumentException'],
  ['System.ArgumentOutOfRangeException', 'System.ArgumentException'],
  ['System.InvalidOperationException', 'System.SystemException'],
  ['System.InvalidCastException', 'System.SystemException'],
  ['System.FormatException', 'System.SystemException'],
  ['System.NotSupportedException', 'System.SystemException'],
  ['System.NotImplementedException', 'System.SystemException'],
  ['System.NullReferenceException', 'System.SystemException'],
  ['System.IndexOutOfRangeException', 'System.SystemException'],
  ['System.ArithmeticException', 'System.SystemException'],
  ['System.DivideByZeroException', 'System.ArithmeticException'],
  ['System.OverflowException', 'System.ArithmeticException'],
  ['System.UnauthorizedAccessException', 'System.SystemException'],
  ['System.TimeoutException', 'System.SystemException'],
  ['System.IO.IOException', 'System.SystemException'],
  ['System.IO.FileNotFoundException', 'System.IO.IOException'],
  ['System.IO.DirectoryNotFoundException', 'System.IO.IOException'],
  ['System.Security.SecurityException', 'System.SystemException'],
  ['System.Security.Cryptography.CryptographicException', 'System.SystemException'],
  ['System.Net.Http.HttpRequestException', 'System.Exception'],
  ['System.Net.WebException', 'System.InvalidOperationException'],
  ['System.Collections.Generic.KeyNotFoundException', 'System.SystemException'],
  ['System.Text.RegularExpressions.RegexParseException', 'System.ArgumentException'],
  ['Microsoft.PowerShell.Commands.WriteErrorException', 'System.SystemException'],
];
for (const [n, b] of EXCEPTIONS) add(T(n, 'exception', { base: b || undefined }), ...(n === 'System.Exception' ? ['exception'] : []));

/** Registers a .NET type the command layer or a domain introduces (e.g. an enum a cmdlet parameter uses). */
export function registerType(info: TypeInfo, ...aliases: string[]): void { add(info, ...aliases); }

const arrayCache = new Map<string, TypeInfo>();

/** Resolves a type name as written in `[...]`: accelerators, `System.` optional, `T[]`, generic lists. */
export function resolveType(name: string): TypeInfo | undefined {
  const key = name.replace(/\s+/g, '').toLowerCase();
  const hit = table.get(key);
  if (hit) return hit;
  if (key.endsWith('[]')) {
    const el = resolveType(name.slice(0, name.lastIndexOf('[')));
    if (!el) return undefined;
    let a = arrayCache.get(el.fullName);
    if (!a) { a = T(el.fullName + '[]', 'array', { element: el }); arrayCache.set(el.fullName, a); table.set(a.fullName.toLowerCase(), a); }
    return a;
  }
  const g = /^(?:system\.collections\.generic\.)?(list|hashset|queue|stack)\[(.+)\]$/.exec(key);
  if (g) {
    const el = resolveType(g[2]!);
    if (!el) return undefined;
    const info = T(`System.Collections.Generic.${g[1] === 'list' ? 'List' : g[1] === 'hashset' ? 'HashSet' : g[1] === 'queue' ? 'Queue' : 'Stack'}\`1[[${el.fullName}]]`, 'list', { element: el });
    table.set(info.fullName.toLowerCase(), info);
    return info;
  }
  const d = /^(?:system\.collections\.generic\.)?dictionary\[(.+)\]$/.exec(key);
  if (d) {
    const args = splitTypeArgs(d[1]!);
    const k = args.length === 2 ? resolveType(args[0]!) : undefined;
    const v = args.length === 2 ? resolveType(args[1]!) : undefined;
    if (!k || !v) return undefined;
    const info = T(`System.Collections.Generic.Dictionary\`2[[${k.fullName}],[${v.fullName}]]`, 'hashtable', { key: k, element: v });
    table.set(info.fullName.toLowerCase(), info);
    return info;
  }
  if (/^(system\.)?nullable\[(.+)\]$/.test(key)) return resolveType(key.replace(/^(system\.)?nullable\[(.+)\]$/, '$2'));
  return undefined;
}

/** `string,int` / `string,List[int]` → its type arguments (commas inside brackets stay). */
function splitTypeArgs(text: string): string[] {
  const out: string[] = [];
  let depth = 0, cur = '';
  for (const c of text) {
    if (c === '[') depth++;
    else if (c === ']') depth--;
    if (c === ',' && depth === 0) { out.push(cur); cur = ''; continue; }
    cur += c;
  }
  out.push(cur);
  return out.map((x) => x.trim().replace(/^\[(.*)\]$/, '$1'));
}

export const Types = {
  object: resolveType('object')!, string: resolveType('string')!, int: resolveType('int')!, long: resolveType('long')!,
  double: resolveType('double')!, bool: resolveType('bool')!, array: resolveType('object[]')!, hashtable: resolveType('hashtable')!,
  byteArray: resolveType('byte[]')!,
};

export function isInt32(v: number): boolean { return Number.isInteger(v) && v >= -2147483648 && v <= 2147483647; }

const NUMERIC_KIND: Record<string, string> = {
  int: 'Int32', long: 'Int64', double: 'Double', single: 'Single', decimal: 'Decimal', byte: 'Byte', sbyte: 'SByte',
  short: 'Int16', ushort: 'UInt16', uint: 'UInt32', ulong: 'UInt64',
};

/** Is the category one of the numeric types (Int32, Double, Decimal, Byte…)? */
export function isNumericCategory(c: TypeCategory): boolean { return Object.hasOwn(NUMERIC_KIND, c); }

/** The .NET full type name of a value (as GetType().FullName and error messages show it). */
export function typeNameOf(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  switch (typeof v) {
    case 'string': return 'System.String';
    case 'boolean': return 'System.Boolean';
    case 'number': return 'System.' + plainKind(v);
    case 'bigint': return 'System.Numerics.BigInteger';
  }
  if (Array.isArray(v)) return listTypeName(v) ?? typedArrayName(v) ?? 'System.Object[]';
  if (v instanceof Uint8Array) return 'System.Byte[]';
  if (v instanceof PSDouble || v instanceof PSInteger) return 'System.' + v.kind;
  if (v instanceof PSDecimal) return 'System.Decimal';
  if (v instanceof PSObject) return v.typeNames[0] ?? 'System.Management.Automation.PSCustomObject';
  if (v instanceof PSHashtable) {
    // A generic Dictionary (evaluator/dictionary.ts) carries its own type.
    const generic = (v as { type?: TypeInfo }).type;
    if (generic) return generic.fullName;
    return v.ordered ? 'System.Collections.Specialized.OrderedDictionary' : 'System.Collections.Hashtable';
  }
  if (v instanceof PSDateTime) return 'System.DateTime';
  if (v instanceof PSTimeSpan) return 'System.TimeSpan';
  if (v instanceof PSChar) return 'System.Char';
  if (v instanceof PSGuid) return 'System.Guid';
  if (v instanceof PSVersion) return 'System.Version';
  if (v instanceof PSTypeRef) return 'System.RuntimeType';
  if (v instanceof PSException) return v.typeName;
  if (v instanceof PSRegex) return 'System.Text.RegularExpressions.Regex';
  if (v instanceof ErrorRecord) return 'System.Management.Automation.ErrorRecord';
  if (isScriptBlock(v)) return 'System.Management.Automation.ScriptBlock';
  const tn = (v as { typeName?: unknown }).typeName;
  if (typeof tn === 'string') return tn;
  return 'System.Object';
}

/** The TypeInfo for a value (for .GetType()). */
export function typeOfValue(v: unknown): PSTypeRef {
  const name = typeNameOf(v);
  return new PSTypeRef(name, name.toLowerCase());
}

function exceptionIs(typeName: string, target: string): boolean {
  let cur: string | undefined = typeName;
  const t = target.toLowerCase();
  for (let i = 0; cur && i < 20; i++) {
    if (cur.toLowerCase() === t) return true;
    cur = table.get(cur.toLowerCase())?.base;
  }
  return t === 'system.object';
}

/** What every enum value also is. */
const ENUM_BASES = new Set(['system.enum', 'system.valuetype', 'system.object', 'system.icomparable', 'system.iformattable', 'system.iconvertible']);

/** `-is`: does the value belong to the type (or derive from it)? */
export function isInstance(v: unknown, t: TypeInfo): boolean {
  if (v === null || v === undefined) return false;
  if (v instanceof PSEnum) return ENUM_BASES.has(t.fullName.toLowerCase()) || t.fullName.toLowerCase() === v.type.fullName.toLowerCase();
  switch (t.category) {
    case 'object': return true;
    case 'string': return typeof v === 'string';
    case 'bool': case 'switch': return typeof v === 'boolean';
    case 'int': case 'long': case 'double': case 'single': case 'decimal': case 'byte': case 'sbyte': case 'short': case 'ushort': case 'uint': case 'ulong':
      return numKindOf(v) === NUMERIC_KIND[t.category];
    case 'char': return v instanceof PSChar;
    case 'datetime': return v instanceof PSDateTime;
    case 'timespan': return v instanceof PSTimeSpan;
    case 'guid': return v instanceof PSGuid;
    case 'version': return v instanceof PSVersion;
    case 'uri': return isUri(v);
    case 'regex': return v instanceof PSRegex;
    case 'array':
      if (t.element) {
        if (t.element.category === 'byte') return v instanceof Uint8Array;
        const typed = typedArrayName(v);
        if (typed) return typed.toLowerCase() === t.fullName.toLowerCase();
        return Array.isArray(v) && listTypeName(v) === undefined && t.element.category === 'object';
      }
      return (Array.isArray(v) && listTypeName(v) === undefined) || v instanceof Uint8Array;
    case 'arraylist': case 'list': return Array.isArray(v) && listTypeName(v) !== undefined && (t.category === 'arraylist' ? listTypeName(v) === t.fullName : listTypeName(v)!.startsWith('System.Collections.Generic.'));
    case 'hashtable': {
      if (!(v instanceof PSHashtable)) return false;
      const generic = (v as { type?: TypeInfo }).type;
      if (t.key) return generic?.fullName === t.fullName;
      if (generic) return t.fullName === 'System.Collections.IDictionary' || generic.fullName === t.fullName;
      return !v.ordered || t.fullName !== 'System.Collections.Hashtable';
    }
    case 'ordered': return v instanceof PSHashtable && v.ordered && !(v as { type?: TypeInfo }).type;
    case 'psobject': return v instanceof PSObject;
    case 'pscustomobject': return v instanceof PSObject && v.isCustom;
    case 'scriptblock': return isScriptBlock(v);
    case 'type': return v instanceof PSTypeRef;
    case 'errorrecord': return v instanceof ErrorRecord;
    case 'exception': return v instanceof PSException && exceptionIs(v.typeName, t.fullName);
    case 'enum': return false;
    default:
      if (v instanceof PSObject) return v.typeNames.some((n) => n.toLowerCase() === t.fullName.toLowerCase());
      return typeNameOf(v).toLowerCase() === t.fullName.toLowerCase();
  }
}

/** Does an exception of type `typeName` match `catch [target]`? */
export function exceptionMatches(typeName: string, target: TypeInfo): boolean {
  return exceptionIs(typeName, target.fullName);
}
