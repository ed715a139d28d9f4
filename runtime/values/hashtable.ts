import { PSDouble, PSInteger, PSDecimal, numKindOf, withoutTokenText } from './numeric.js';
import { PSEnum } from './enum.js';

/**
 * PowerShell's @{} (System.Collections.Hashtable) and [ordered]@{} (OrderedDictionary).
 * String keys compare case-insensitively, as PowerShell's hashtables do; other keys by value.
 */
/**
 * A numeric key is its type and value, as .NET's Equals sees it: 1, 1L and 1.0 are three keys, while
 * 1.10d and 1.1d are one. (Int32 keys are 'n:' + value, the common case.)
 */
export function numericKey(key: unknown): string {
  const k = numKindOf(key)!;
  // (By value: a literal argument's token text, `0x1`, is no part of the key.)
  const plain = withoutTokenText(key);
  if (k === 'Int32') return 'n:' + String(plain);
  return 'n' + k + ':' + (plain instanceof PSDecimal ? String(plain.toNumber()) : String(plain));
}

export class PSHashtable {
  private readonly map = new Map<string, [unknown, unknown]>();

  constructor(readonly ordered = false) {}

  static keyOf(key: unknown): string {
    if (typeof key === 'string') return 's:' + key.toLowerCase();
    if (typeof key === 'number') return (key | 0) === key ? 'n:' + key : numericKey(key);
    if (typeof key === 'boolean') return 'b:' + key;
    if (key === null || key === undefined) throw new Error('Key cannot be null.');
    if (key instanceof PSDouble || key instanceof PSInteger || key instanceof PSDecimal) return numericKey(key);
    // An enum key is its own (type, value), never equal to its name as a string.
    if (key instanceof PSEnum) return 'e:' + key.type.fullName + ':' + key.value;
    return 'o:' + String(key);
  }

  static from(entries: Iterable<readonly [unknown, unknown]> | Record<string, unknown>, ordered = false): PSHashtable {
    const h = new PSHashtable(ordered);
    const list = Symbol.iterator in Object(entries) ? (entries as Iterable<readonly [unknown, unknown]>) : Object.entries(entries);
    for (const [k, v] of list) h.set(k, v);
    return h;
  }

  get count(): number { return this.map.size; }
  has(key: unknown): boolean { return this.map.has(PSHashtable.keyOf(key)); }
  get(key: unknown): unknown { return this.map.get(PSHashtable.keyOf(key))?.[1] ?? null; }

  set(key: unknown, value: unknown): void {
    const k = PSHashtable.keyOf(key);
    const existing = this.map.get(k);
    if (existing) existing[1] = value; else this.map.set(k, [key, value]);
  }

  /** Add fails on a duplicate key, as Hashtable.Add and a duplicate in an @{} literal do. */
  add(key: unknown, value: unknown): void {
    if (this.has(key)) throw new Error(`Item has already been added. Key in dictionary: '${String(key)}'  Key being added: '${String(key)}'`);
    this.set(key, value);
  }

  delete(key: unknown): boolean { return this.map.delete(PSHashtable.keyOf(key)); }
  clear(): void { this.map.clear(); }
  keys(): unknown[] { return [...this.map.values()].map((e) => e[0]); }
  values(): unknown[] { return [...this.map.values()].map((e) => e[1]); }
  entries(): [unknown, unknown][] { return [...this.map.values()].map((e) => [e[0], e[1]]); }

  /** A plain record (string keys as written) for domain calls and JSON. */
  toRecord(): Record<string, unknown> {
    const r: Record<string, unknown> = {};
    for (const [k, v] of this.map.values()) r[String(k)] = v;
    return r;
  }

  clone(): PSHashtable { const h = new PSHashtable(this.ordered); for (const [k, v] of this.entries()) h.set(k, v); return h; }
}
