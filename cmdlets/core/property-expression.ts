/**
 * PSPropertyExpression and the @{Name=..; Expression=..} hashtables (MshParameter) that
 * Select-Object, Sort-Object, Group-Object, Measure-Object and Compare-Object accept for -Property.
 */
import type { ScriptBlock, MaybePromise } from '../../runtime/values/scriptblock.js';
import { isScriptBlock } from '../../runtime/values/scriptblock.js';
import { PSHashtable } from '../../runtime/values/hashtable.js';
import { PSObject } from '../../runtime/values/psobject.js';
import { getProperty, hasProperty, hasWildcards, propertyNames, toPSString, wildcardToRegex, typeNameOf } from './lang.js';

export interface PropertyExpression {
  /** A property name (maybe with wildcards) or a script block. */
  readonly expr: string | ScriptBlock;
  /** Name / Label entry of a calculated property. */
  readonly label?: string;
  readonly ascending?: boolean;
  readonly descending?: boolean;
}

/** A malformed -Property argument; the cmdlet turns it into a terminating error. */
export class PropertyArgumentError extends Error {
  constructor(message: string, readonly errorId: string) { super(message); }
}

const KEY_CANON: Record<string, string> = { name: 'Name', label: 'Label', expression: 'Expression', ascending: 'Ascending', descending: 'Descending' };

/** Resolve a hashtable key as a unique prefix of the keys the cmdlet accepts ('n', 'e', 'l', 'asc'...). */
function canonicalKey(key: string, allowed: readonly string[]): string {
  const k = key.toLowerCase();
  const hits = allowed.filter((a) => a.toLowerCase().startsWith(k));
  const exact = allowed.find((a) => a.toLowerCase() === k);
  if (exact) return exact;
  // Name and Label are the same entry: 'n' and 'l' both resolve.
  if (hits.length === 1) return hits[0]!;
  if (hits.length > 1) throw new PropertyArgumentError(`The ${key} key is ambiguous; ${hits[0]} and ${hits[1]} conflict.`, 'DictionaryKeyAmbiguous');
  throw new PropertyArgumentError(`The ${key} key is not valid.`, 'DictionaryKeyIllegal');
}

/**
 * Turn one -Property argument into an expression. `keys` lists the hashtable keys the cmdlet supports
 * (Select-Object: Name/Label/Expression; Sort-Object: Expression/Ascending/Descending).
 */
export function parsePropertyArgument(arg: unknown, keys: readonly string[]): PropertyExpression {
  if (arg instanceof PSObject && !arg.isCustom && typeof arg.get('Value') === 'string') arg = arg.get('Value');
  if (typeof arg === 'string') {
    if (arg === '') throw new PropertyArgumentError('An empty string value is not allowed.', 'ExpressionEmptyString');
    return { expr: arg };
  }
  if (isScriptBlock(arg)) return { expr: arg };
  if (arg instanceof PSHashtable) {
    let expr: string | ScriptBlock | undefined, label: string | undefined, ascending: boolean | undefined, descending: boolean | undefined;
    const seen = new Map<string, string>();
    for (const [rawKey, value] of arg.entries()) {
      if (typeof rawKey !== 'string') throw new PropertyArgumentError(`The ${toPSString(rawKey)} key type is not valid. The key must be a string.`, 'DictionaryKeyNonString');
      const key = canonicalKey(rawKey, keys);
      const slot = key === 'Label' ? 'Name' : key;
      if (seen.has(slot)) throw new PropertyArgumentError(`The duplicated key "${rawKey}" conflicts with "${seen.get(slot)}".`, 'DictionaryKeyDuplicate');
      seen.set(slot, rawKey);
      switch (KEY_CANON[key.toLowerCase()] ?? key) {
        case 'Name': case 'Label':
          if (typeof value !== 'string') throw new PropertyArgumentError(`The "${rawKey}" key has a type, ${typeNameOf(value) ?? 'null'}, that is not valid; expected type is System.String.`, 'DictionaryKeyIllegalValue1');
          label = value; break;
        case 'Expression':
          if (typeof value === 'string') {
            if (value === '') throw new PropertyArgumentError(`The "${rawKey}" key cannot have an empty string value.`, 'DictionaryKeyEmptyString');
            expr = value;
          } else if (isScriptBlock(value)) expr = value;
          else throw new PropertyArgumentError(`The "${rawKey}" key has a type, ${typeNameOf(value) ?? 'null'}, that is not valid; expected types are {System.String, System.Management.Automation.ScriptBlock}.`, 'DictionaryKeyIllegalValue2');
          break;
        case 'Ascending': ascending = Boolean(value); break;
        case 'Descending': descending = Boolean(value); break;
      }
    }
    if (expr === undefined) {
      if (keys.includes('Name')) throw new PropertyArgumentError('A mandatory entry for Expression is missing.', 'DictionaryKeyMandatoryEntry');
      throw new PropertyArgumentError('A mandatory entry for Expression is missing.', 'DictionaryKeyMandatoryEntry');
    }
    return { expr, label, ascending, descending };
  }
  throw new PropertyArgumentError(`Cannot convert ${typeNameOf(arg) ?? 'null'} to one of the following types {System.String, System.Management.Automation.ScriptBlock}.`, 'DictionaryKeyUnknownType');
}

export function expressionText(e: PropertyExpression): string {
  return typeof e.expr === 'string' ? e.expr : e.expr.text;
}

/** ResolveNames: the concrete property names a (wildcard) name matches on this object, in the object's order. */
export function resolveNames(e: PropertyExpression, obj: unknown): string[] {
  if (typeof e.expr !== 'string') return [];
  if (!hasWildcards(e.expr)) {
    const names = propertyNames(obj);
    const hit = names.find((n) => n.toLowerCase() === (e.expr as string).toLowerCase());
    return hit ? [hit] : hasProperty(obj, e.expr) ? [e.expr] : [];
  }
  const re = wildcardToRegex(e.expr);
  return propertyNames(obj).filter((n) => re.test(n));
}

/** Collapse a script block's output to one value as PSPropertyExpression does ($null, the item, or an array). */
export function collapse(out: unknown[]): unknown {
  return out.length === 0 ? null : out.length === 1 ? out[0] : out;
}

/** Run a script block with $_ bound, in the caller's scope. */
export function runWithItem(sb: ScriptBlock, item: unknown): MaybePromise<unknown> {
  const r = sb.invoke({ dollarUnder: item, newScope: false });
  return r instanceof Promise ? r.then(collapse) : collapse(r);
}

/** The value of an expression for one object (a name reads the property; a block runs with $_). */
export function evaluate(e: PropertyExpression, obj: unknown): MaybePromise<unknown> {
  if (typeof e.expr === 'string') return getProperty(obj, e.expr);
  return runWithItem(e.expr, obj);
}
