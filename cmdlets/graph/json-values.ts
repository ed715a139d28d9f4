import { convertToJson, parseJson } from '../../runtime/format/index.js';
import { PSHashtable } from '../../runtime/values/hashtable.js';
import { PSObject } from '../../runtime/values/psobject.js';

/**
 * Invoke-MgGraphRequest's -OutputType HashTable: JSON objects become (case-insensitive) Hashtables at every depth,
 * arrays object[], ISO 8601 strings DateTime, as Newtonsoft's default deserialisation into Hashtable gives.
 */
export function jsonToHashtable(text: string): unknown {
  return unorder(parseJson(text, { asHashtable: true }));
}

/** -OutputType PSObject: PSCustomObjects, as ConvertFrom-Json. */
export function jsonToPSObject(text: string): unknown {
  return parseJson(text);
}

function unorder(v: unknown): unknown {
  if (v instanceof PSHashtable) {
    const h = new PSHashtable(false);
    for (const [k, x] of v.entries()) h.set(k, unorder(x));
    return h;
  }
  if (Array.isArray(v)) return v.map(unorder);
  return v;
}

/** The request body: dictionaries and objects as JSON (JsonConvert.SerializeObject: no depth limit), the rest as text. */
export function bodyText(body: unknown): string | undefined {
  if (body === null || body === undefined) return undefined;
  const base = body;
  if (typeof base === 'string') return base;
  if (base instanceof PSHashtable || (base instanceof PSObject) || Array.isArray(base)) return convertToJson(base, { depth: 100, compress: true }).json;
  if (base instanceof Uint8Array) return Buffer.from(base).toString('utf8');
  return String(base);
}
