/**
 * ConvertTo-Json's serializer (JsonObject.ConvertToJson): depth limiting with the value's string form
 * beyond -Depth, Newtonsoft-style indentation (two spaces, '"key": value'), string escaping of
 * control characters, dates in round-trip ISO form.
 */
import { PSDouble, PSInteger, PSDecimal } from '../values/numeric.js';
import { PSEnum } from '../values/enum.js';
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

export function convertToJson(value: unknown, opts: ToJsonOptions = {}): ToJsonResult {
  const w = new JsonWriter(opts);
  w.value(value, 0, 0);
  return { json: w.text, truncated: w.truncated };
}

const INDENTS: string[] = [];
const newline = (n: number): string => (INDENTS[n] ??= '\n' + '  '.repeat(n));

/** Writes straight to text (no intermediate tree): large outputs stay cheap. */
class JsonWriter {
  text = '';
  truncated = false;
  private readonly maxDepth: number;
  private readonly compress: boolean;
  private readonly enumsAsStrings: boolean;
  private readonly esc: ToJsonOptions['escapeHandling'];

  constructor(opts: ToJsonOptions) {
    this.maxDepth = opts.depth ?? 2;
    this.compress = opts.compress ?? false;
    this.enumsAsStrings = opts.enumsAsStrings ?? false;
    this.esc = opts.escapeHandling ?? 'Default';
  }

  value(v: unknown, depth: number, indent: number): void {
    if (v === null || v === undefined) { this.text += 'null'; return; }
    switch (typeof v) {
      case 'string': this.text += quote(v, this.esc); return;
      case 'boolean': this.text += v ? 'true' : 'false'; return;
      case 'number': this.text += jsonNumber(v); return;
      case 'bigint': this.text += v.toString(); return;
    }
    if (v instanceof PSInteger) { this.text += v.value.toString(); return; }
    // Newtonsoft writes a Double/Single/Decimal with a decimal place: 3.0, 1.10, -0.0.
    if (v instanceof PSDouble) { this.text += ensureDecimalPlace(Object.is(v.value, -0) ? '-0' : jsonNumber(v.value, true)); return; }
    if (v instanceof PSDecimal) { this.text += ensureDecimalPlace(v.toString()); return; }
    if (v instanceof PSDateTime) { this.text += quote(isoDate(v), this.esc); return; }
    if (v instanceof PSEnum) { this.text += this.enumsAsStrings ? quote(v.toString(), this.esc) : String(v.value); return; }
    if (v instanceof PSObject && v.typeNames[0] === 'System.Char') { this.text += quote(objectToString(v), this.esc); return; }
    if (depth > this.maxDepth) {
      this.truncated = true;
      this.text += quote(objectToString(v), this.esc);
      return;
    }
    if (v instanceof PSHashtable) { this.object(v.entries().map(([k, x]) => [objectToString(k), () => x]), depth, indent); return; }
    if (Array.isArray(v) || v instanceof Uint8Array) { this.array(Array.from(v as ArrayLike<unknown>), depth, indent); return; }
    if (isScriptBlock(v)) { this.text += quote(v.text, this.esc); return; }
    if (v instanceof PSObject) { this.object(v.properties().map((p) => [p.name, () => p.get()]), depth, indent); return; }
    const props = propertiesOf(v);
    if (props.length > 0) { this.object(props.map((p) => [p.name, () => p.get()]), depth, indent); return; }
    const json = (v as { toJSON?: () => unknown }).toJSON;
    if (typeof json === 'function') { this.value(PSObject.custom(json.call(v) as Record<string, unknown>), depth, indent); return; }
    this.text += quote(objectToString(v), this.esc);
  }

  private array(items: unknown[], depth: number, indent: number): void {
    if (items.length === 0) { this.text += '[]'; return; }
    const inner = this.compress ? '' : newline(indent + 1);
    this.text += '[';
    for (let i = 0; i < items.length; i++) {
      this.text += i > 0 ? ',' + inner : inner;
      this.value(items[i], depth + 1, indent + 1);
    }
    this.text += this.compress ? ']' : newline(indent) + ']';
  }

  private object(entries: [string, () => unknown][], depth: number, indent: number): void {
    if (entries.length === 0) { this.text += '{}'; return; }
    const inner = this.compress ? '' : newline(indent + 1);
    const sep = this.compress ? ':' : ': ';
    this.text += '{';
    for (let i = 0; i < entries.length; i++) {
      const [k, get] = entries[i]!;
      let x: unknown;
      try { x = get(); } catch { x = null; }
      this.text += (i > 0 ? ',' + inner : inner) + quote(k, this.esc) + sep;
      this.value(x, depth + 1, indent + 1);
    }
    this.text += this.compress ? '}' : newline(indent) + '}';
  }
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

function ensureDecimalPlace(text: string): string {
  return /[.eE"]/.test(text) ? text : text + '.0';
}

/** Integers as written; doubles in .NET round-trip form ('R': shortest digits, 'E+XX' outside 1e-5..1e15). */
function jsonNumber(n: number, isDouble = false): string {
  if (Number.isNaN(n)) return '"NaN"';
  if (n === Infinity) return '"Infinity"';
  if (n === -Infinity) return '"-Infinity"';
  if (!isDouble && Number.isInteger(n) && Math.abs(n) < 2 ** 63) return Object.is(n, -0) ? '0' : String(n);
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
