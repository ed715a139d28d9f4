/**
 * ConvertFrom-Json's reader: JSON text → PSCustomObject (or ordered hashtable with -AsHashtable),
 * arrays, Int64/Double numbers, and ISO 8601 strings read as DateTime as Newtonsoft.Json does for
 * pwsh 7. Error texts follow Newtonsoft's reader ('… Path 'a', line 1, position 6.').
 */
import { makeInt, makeDouble, fitsInt } from '../values/numeric.js';
import { PSObject } from '../values/psobject.js';
import { PSHashtable } from '../values/hashtable.js';
import { PSDateTime, type DateTimeKind } from '../values/datetime.js';

export interface FromJsonOptions {
  readonly asHashtable?: boolean;
  /** Maximum nesting (default 1024). */
  readonly depth?: number;
  /** -DateKind: how ISO date strings are read ('String' keeps them as text). */
  readonly dateKind?: 'Default' | 'Local' | 'Utc' | 'Offset' | 'String';
}

export class JsonParseError extends Error {
  constructor(message: string, readonly errorId: string) { super(message); this.name = 'JsonParseError'; }
}

export function parseJson(text: string, opts: FromJsonOptions = {}): unknown {
  return new Reader(text, opts).document();
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?(Z|[+-]\d{2}:\d{2})?$/;

class Reader {
  private pos = 0;
  private readonly path: (string | number)[] = [];
  private readonly maxDepth: number;

  constructor(private readonly s: string, private readonly opts: FromJsonOptions) {
    this.maxDepth = opts.depth ?? 1024;
  }

  document(): unknown {
    this.ws();
    if (this.pos >= this.s.length) return null;
    const v = this.value(0);
    this.ws();
    if (this.pos < this.s.length) {
      throw this.fail(`Additional text encountered after finished reading JSON content: ${this.s[this.pos]}.`);
    }
    return v;
  }

  private value(depth: number): unknown {
    this.ws();
    const c = this.s[this.pos];
    if (c === undefined) throw this.fail('Unexpected end when reading JSON.');
    if (c === '{') return this.object(depth + 1);
    if (c === '[') return this.array(depth + 1);
    if (c === '"' || c === "'") return this.dateOrString(this.string());
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    for (const [word, val] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.s.startsWith(word, this.pos)) { this.pos += word.length; return val; }
    }
    throw this.fail(`Unexpected character encountered while parsing value: ${c}.`);
  }

  private object(depth: number): unknown {
    if (depth > this.maxDepth) throw this.depthFail();
    this.pos++;
    const asHash = this.opts.asHashtable ?? false;
    const h = new PSHashtable(true);
    const o = new PSObject();
    this.ws();
    if (this.s[this.pos] === '}') { this.pos++; return asHash ? h : o; }
    for (;;) {
      this.ws();
      const c = this.s[this.pos];
      if (c !== '"' && c !== "'") {
        if (c === undefined) throw this.fail('Unexpected end when reading JSON.');
        throw this.fail(`Invalid property identifier character: ${c}.`);
      }
      const key = this.string();
      this.ws();
      if (this.s[this.pos] !== ':') throw this.fail(`Invalid character after parsing property name. Expected ':' but got: ${this.s[this.pos] ?? 'end of input'}.`);
      this.pos++;
      this.path.push(key);
      const val = this.value(depth);
      this.path.pop();
      if (asHash) {
        h.set(key, val);
      } else {
        if (key === '') {
          throw new JsonParseError('The provided JSON includes a property whose name is an empty string, this is only supported using the -AsHashTable switch.', 'EmptyKeyInJsonString');
        }
        const existing = o.property(key);
        if (existing && existing.name !== key) {
          throw new JsonParseError(`Cannot convert the JSON string because it contains keys with different casing. Please use the -AsHashTable switch instead. The key that was attempted to be added to the existing key '${existing.name}' was '${key}'.`, 'KeysWithDifferentCasingInJsonString');
        }
        if (existing) {
          throw new JsonParseError(`Cannot convert the JSON string because a dictionary that was converted from the string contains the duplicated key '${key}'.`, 'DuplicateKeysInJsonString');
        }
        o.addNote(key, val);
      }
      this.ws();
      const sep = this.s[this.pos];
      if (sep === ',') { this.pos++; continue; }
      if (sep === '}') { this.pos++; return asHash ? h : o; }
      if (sep === undefined) throw this.fail('Unexpected end when reading JSON.');
      throw this.fail(`After parsing a value an unexpected character was encountered: ${sep}.`);
    }
  }

  private array(depth: number): unknown[] {
    if (depth > this.maxDepth) throw this.depthFail();
    this.pos++;
    const out: unknown[] = [];
    this.ws();
    if (this.s[this.pos] === ']') { this.pos++; return out; }
    for (;;) {
      this.path.push(out.length);
      out.push(this.value(depth));
      this.path.pop();
      this.ws();
      const sep = this.s[this.pos];
      if (sep === ',') { this.pos++; continue; }
      if (sep === ']') { this.pos++; return out; }
      if (sep === undefined) throw this.fail('Unexpected end when reading JSON.');
      throw this.fail(`After parsing a value an unexpected character was encountered: ${sep}.`);
    }
  }

  private string(): string {
    const q = this.s[this.pos++]!;
    let out = '';
    for (;;) {
      const c = this.s[this.pos++];
      if (c === undefined) throw this.fail('Unterminated string. Expected delimiter: ' + q + '.');
      if (c === q) return out;
      if (c !== '\\') { out += c; continue; }
      const e = this.s[this.pos++];
      switch (e) {
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'u': {
          const hex = this.s.slice(this.pos, this.pos + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw this.fail(`Invalid Unicode escape sequence: \\u${hex}.`);
          out += String.fromCharCode(parseInt(hex, 16));
          this.pos += 4;
          break;
        }
        case undefined: throw this.fail('Unterminated string. Expected delimiter: ' + q + '.');
        default: out += e;
      }
    }
  }

  /** Newtonsoft's reading: an integer is an Int64 (a BigInteger beyond, kept as a Double here), anything else a Double. */
  private number(): unknown {
    const m = /^-?(?:\d+)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.s.slice(this.pos));
    if (!m) throw this.fail(`Input string '${this.s[this.pos]}' is not a valid number.`);
    this.pos += m[0].length;
    if (/^-?\d+$/.test(m[0])) {
      const v = BigInt(m[0]);
      if (fitsInt('Int64', v)) return makeInt('Int64', v);
    }
    return makeDouble(Number(m[0]));
  }

  private dateOrString(s: string): unknown {
    const kind = this.opts.dateKind ?? 'Default';
    if (kind === 'String') return s;
    const m = ISO_DATE.exec(s);
    if (!m) return s;
    const [, y, mo, d, h, mi, se, frac, zone] = m;
    const ms = frac ? Math.round(Number('0.' + frac) * 1000) : 0;
    const wall = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +se!, ms);
    let utcMs: number;
    let dk: DateTimeKind;
    if (!zone) {
      // No zone: the wall-clock time as written (Unspecified).
      const local = new Date(+y!, +mo! - 1, +d!, +h!, +mi!, +se!, ms).getTime();
      utcMs = local;
      dk = 'Unspecified';
    } else if (zone === 'Z') {
      utcMs = wall;
      dk = 'Utc';
    } else {
      const sign = zone[0] === '-' ? -1 : 1;
      const off = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
      utcMs = wall - off * 60_000;
      dk = 'Local';
    }
    if (kind === 'Local') dk = 'Local';
    else if (kind === 'Utc') dk = 'Utc';
    return new PSDateTime(utcMs, dk);
  }

  private ws(): void {
    while (this.pos < this.s.length && /\s/.test(this.s[this.pos]!)) this.pos++;
  }

  private location(): string {
    const p = this.path.map((x, i) => (typeof x === 'number' ? `[${x}]` : (i > 0 ? '.' : '') + (/^[A-Za-z_][\w]*$/.test(x) ? x : `['${x}']`))).join('');
    const before = this.s.slice(0, this.pos);
    const line = before.split('\n').length;
    const col = this.pos - (before.lastIndexOf('\n') + 1);
    return `Path '${p}', line ${line}, position ${col}.`;
  }

  private fail(msg: string): JsonParseError {
    return new JsonParseError(`Conversion from JSON failed with error: ${msg} ${this.location()}`, 'System.ArgumentException');
  }

  private depthFail(): JsonParseError {
    return new JsonParseError(`Conversion from JSON failed with error: The reader's MaxDepth of ${this.maxDepth} has been exceeded. ${this.location()}`, 'System.ArgumentException');
  }
}
