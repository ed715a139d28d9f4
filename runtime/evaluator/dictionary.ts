import { PSHashtable, numericKey } from '../values/hashtable.js';
import { isNumeric } from '../values/numeric.js';
import { convertToType } from '../values/convert.js';
import type { TypeInfo } from './types.js';

/**
 * System.Collections.Generic.Dictionary[K,V]: unlike @{}, keys compare as .NET's default comparer
 * does (strings case-sensitively), keys and values convert to K and V, Add rejects a duplicate
 * with the generic collection's message, and it enumerates KeyValuePairs in insertion order.
 */
export class PSDictionary extends PSHashtable {
  private readonly items = new Map<string, [unknown, unknown]>();

  constructor(readonly type: TypeInfo) { super(true); }

  private static id(key: unknown): string {
    if (key === null || key === undefined) throw new Error('Key cannot be null.');
    if (typeof key === 'string') return 's:' + key;
    if (typeof key === 'number' || isNumeric(key)) return numericKey(key);
    if (typeof key === 'boolean') return 'b:' + key;
    return 'o:' + String(key);
  }

  private toKey(key: unknown): unknown { return this.type.key ? convertToType(key, this.type.key) : key; }
  private toValue(value: unknown): unknown { return this.type.element ? convertToType(value, this.type.element) : value; }

  override get count(): number { return this.items.size; }
  override has(key: unknown): boolean {
    if (key === null || key === undefined) return false;
    try { return this.items.has(PSDictionary.id(this.toKey(key))); } catch { return false; }
  }
  override get(key: unknown): unknown {
    if (!this.has(key)) return null;
    return this.items.get(PSDictionary.id(this.toKey(key)))![1];
  }
  override set(key: unknown, value: unknown): void {
    const k = this.toKey(key);
    const v = this.toValue(value);
    const id = PSDictionary.id(k);
    const existing = this.items.get(id);
    if (existing) existing[1] = v; else this.items.set(id, [k, v]);
  }
  override add(key: unknown, value: unknown): void {
    if (this.has(key)) throw new Error(`An item with the same key has already been added. Key: ${String(this.toKey(key))}`);
    this.set(key, value);
  }
  override delete(key: unknown): boolean { return this.has(key) && this.items.delete(PSDictionary.id(this.toKey(key))); }
  override clear(): void { this.items.clear(); }
  override keys(): unknown[] { return [...this.items.values()].map((e) => e[0]); }
  override values(): unknown[] { return [...this.items.values()].map((e) => e[1]); }
  override entries(): [unknown, unknown][] { return [...this.items.values()].map((e) => [e[0], e[1]]); }
  override toRecord(): Record<string, unknown> {
    const r: Record<string, unknown> = {};
    for (const [k, v] of this.items.values()) r[String(k)] = v;
    return r;
  }
  override clone(): PSDictionary { const d = new PSDictionary(this.type); for (const [k, v] of this.entries()) d.set(k, v); return d; }
}
