/**
 * ConvertTo-Json's serializer (JsonObject.ConvertToJson): depth limiting with the value's string form
 * beyond -Depth, Newtonsoft-style indentation (two spaces, '"key": value'), string escaping of
 * control characters, dates in round-trip ISO form.
 */
import { PSObject } from '../values/psobject.js';
import { PSHashtable } from '../values/hashtable.js';
import { PSDateTime } from '../values/datetime.js';
import { PSTimeSpan } from '../values/timespan.js';
import { isScriptBlock } from '../values/scriptblock.js';
import { objectToString } from './display-string.js';
import { propertiesOf } from './object-properties.js';

export interface ToJsonOptions {
  readonly depth?: number;
  readonly compress?: boolean;
  readonly enumsAsStrings?: boolean;
  readonly escapeHandling?: 'Default' | 'EscapeNonAscii' | 'EscapeHtml';
}

export interface ToJsonResult {
  readonly json: string;
  /** True when something deeper than -Depth was replaced by its string form (the cmdlet warns). */
  readonly truncated: boolean;
}

export const truncationWarning = (depth: number): string =>
  `Resulting JSON is truncated as serialization has exceeded the set depth of ${depth}.`;

type Json = null | boolean | number | string | bigint | Json[] | { [k: string]: Json } | JsonObject;

/** An object with insertion-ordered keys (keys like '__proto__' stay ordinary data). */
class JsonObject { constructor(readonly entries: [string, Json][]) {} }

export function convertToJson(value: unknown, opts: ToJsonOptions = {}): ToJsonResult {
  const state = { maxDepth: opts.depth ?? 2, truncated: false, enumsAsStrings: opts.enumsAsStrings ?? false };
  const tree = toTree(value, 0, state);
  const json = write(tree, opts.compress ?? false, 0, opts.escapeHandling ?? 'Default');
  return { json, truncated: state.truncated };
}

interface State { maxDepth: number; truncated: boolean; enumsAsStrings: boolean }

function toTree(v: unknown, depth: number, s: State): Json {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'string': return v;
    case 'boolean': return v;
    case 'number': return v;
    case 'bigint': return v;
  }
  if (v instanceof PSDateTime) return isoDate(v);
  if (v instanceof PSObject && v.typeNames[1] === 'System.Enum') {
    if (s.enumsAsStrings) return objectToString(v);
    const n = Number(v.get('value__'));
    return Number.isFinite(n) ? n : objectToString(v);
  }
  if (v instanceof PSObject && v.typeNames[0] === 'System.Char') return objectToString(v);
  if (depth > s.maxDepth) {
    s.truncated = true;
    return objectToString(v);
  }
  if (v instanceof PSHashtable) {
    return new JsonObject(v.entries().map(([k, val]) => [objectToString(k), toTree(val, depth + 1, s)]));
  }
  if (Array.isArray(v)) return v.map((x) => toTree(x, depth + 1, s));
  if (v instanceof Uint8Array) return Array.from(v);
  if (isScriptBlock(v)) return v.text;
  if (v instanceof PSTimeSpan) {
    return new JsonObject(propertiesOf(v).map((p) => [p.name, toTree(p.get(), depth + 1, s)]));
  }
  if (v instanceof PSObject) {
    return new JsonObject(v.properties().map((p) => {
      let val: unknown;
      try { val = p.get(); } catch { val = null; }
      return [p.name, toTree(val, depth + 1, s)];
    }));
  }
  const props = propertiesOf(v);
  if (props.length > 0) return new JsonObject(props.map((p) => [p.name, toTree(p.get(), depth + 1, s)]));
  const json = (v as { toJSON?: () => unknown }).toJSON;
  if (typeof json === 'function') return toTree(PSObject.custom(json.call(v) as Record<string, unknown>), depth, s);
  return objectToString(v);
}

/** DateTime as Newtonsoft writes it: 'yyyy-MM-ddTHH:mm:ss.FFFFFFFK' (fraction trimmed, zone by Kind). */
export function isoDate(d: PSDateTime): string {
  const f = d.fields();
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  let s = `${p(f.year, 4)}-${p(f.month)}-${p(f.day)}T${p(f.hour)}:${p(f.minute)}:${p(f.second)}`;
  const frac = (p(f.millisecond, 3) + '0000').replace(/0+$/, '');
  if (frac) s += '.' + frac;
  if (d.kind === 'Utc') return s + 'Z';
  if (d.kind === 'Unspecified') return s;
  const off = -new Date(d.ms).getTimezoneOffset();
  return `${s}${off >= 0 ? '+' : '-'}${p(Math.floor(Math.abs(off) / 60))}:${p(Math.abs(off) % 60)}`;
}

function write(v: Json, compress: boolean, indent: number, esc: ToJsonOptions['escapeHandling']): string {
  const out: string[] = [];
  emit(v, compress, indent, esc, out);
  return out.join('');
}

const INDENTS: string[] = [];
const newline = (n: number): string => (INDENTS[n] ??= '\n' + '  '.repeat(n));

function emit(v: Json, compress: boolean, indent: number, esc: ToJsonOptions['escapeHandling'], out: string[]): void {
  if (v === null) { out.push('null'); return; }
  if (typeof v === 'boolean') { out.push(v ? 'true' : 'false'); return; }
  if (typeof v === 'number') { out.push(jsonNumber(v)); return; }
  if (typeof v === 'bigint') { out.push(v.toString()); return; }
  if (typeof v === 'string') { out.push(quote(v, esc)); return; }
  const inner = compress ? '' : newline(indent + 1);
  const close = compress ? '' : newline(indent);
  if (Array.isArray(v)) {
    if (v.length === 0) { out.push('[]'); return; }
    out.push('[');
    v.forEach((x, i) => {
      out.push(i > 0 ? ',' + inner : inner);
      emit(x, compress, indent + 1, esc, out);
    });
    out.push(close, ']');
    return;
  }
  const entries = v instanceof JsonObject ? v.entries : Object.entries(v);
  if (entries.length === 0) { out.push('{}'); return; }
  const sep = compress ? ':' : ': ';
  out.push('{');
  entries.forEach(([k, x], i) => {
    out.push(i > 0 ? ',' + inner : inner, quote(k, esc), sep);
    emit(x, compress, indent + 1, esc, out);
  });
  out.push(close, '}');
}

/** Integers as written; doubles in .NET round-trip form ('R': shortest digits, 'E+XX' outside 1e-5..1e15). */
function jsonNumber(n: number): string {
  if (Number.isNaN(n)) return '"NaN"';
  if (n === Infinity) return '"Infinity"';
  if (n === -Infinity) return '"-Infinity"';
  if (Number.isInteger(n) && Math.abs(n) < 2 ** 63) return Object.is(n, -0) ? '0' : String(n);
  const abs = Math.abs(n);
  // Both JavaScript and .NET write the shortest round-trip digits; they agree on fixed notation here.
  if (abs >= 1e-4 && abs < 1e15) return String(n);
  const [mant, e] = n.toExponential().split('e') as [string, string];
  const exp = Number(e);
  const neg = mant.startsWith('-') ? '-' : '';
  const digits = mant.replace('-', '').replace('.', '');
  if (exp >= 15 || exp < -4) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${neg}${m}E${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (exp < 0) return `${neg}0.${'0'.repeat(-exp - 1)}${digits}`;
  const int = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const frac = digits.slice(exp + 1);
  return `${neg}${int}.${frac || '0'}`;
}

const PLAIN = /^[^"\\\x00-\x1f\x85\u2028\u2029<>&'\x7f-\uffff]*$/;

function quote(s: string, esc: ToJsonOptions['escapeHandling']): string {
  if (PLAIN.test(s)) return '"' + s + '"';
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    switch (ch) {
      case '"': out += '\\"'; continue;
      case '\\': out += '\\\\'; continue;
      case '\n': out += '\\n'; continue;
      case '\r': out += '\\r'; continue;
      case '\t': out += '\\t'; continue;
      case '\b': out += '\\b'; continue;
      case '\f': out += '\\f'; continue;
    }
    if (c < 0x20 || c === 0x85 || c === 0x2028 || c === 0x2029) { out += unicodeEscape(ch); continue; }
    if (esc === 'EscapeHtml' && `<>&'`.includes(ch)) { out += unicodeEscape(ch); continue; }
    if (esc === 'EscapeNonAscii' && c > 0x7e) { out += unicodeEscape(ch); continue; }
    out += ch;
  }
  return out + '"';
}

function unicodeEscape(ch: string): string {
  let r = '';
  for (let i = 0; i < ch.length; i++) r += '\\u' + ch.charCodeAt(i).toString(16).padStart(4, '0');
  return r;
}
