/**
 * OrderByProperty: evaluates the sort keys of each object once and compares them with
 * ObjectCommandComparer's rules (shared by Sort-Object and Group-Object).
 */
import type { MaybePromise } from '../../runtime/values/scriptblock.js';
import { compareValues, hasWildcards } from './lang.js';
import { evaluate, parsePropertyArgument, resolveNames, type PropertyExpression } from './property-expression.js';

/** A key value; `missing` marks an object without the property, which sorts after all others in either direction. */
export interface OrderValue { readonly value: unknown; readonly missing: boolean }

export interface OrderEntry { readonly input: unknown; readonly keys: OrderValue[]; readonly index: number }

export function parseSortProperties(args: readonly unknown[] | undefined): PropertyExpression[] {
  return (args ?? []).map((a) => parsePropertyArgument(a, ['Expression', 'Ascending', 'Descending']));
}

/** Wildcard names expand against all inputs' property names (sorted, case-insensitive, as the reference does). */
export function expandWildcards(props: PropertyExpression[], inputs: readonly unknown[]): PropertyExpression[] {
  const out: PropertyExpression[] = [];
  for (const p of props) {
    if (typeof p.expr !== 'string' || !hasWildcards(p.expr)) { out.push(p); continue; }
    const names = new Map<string, string>();
    for (const i of inputs) for (const n of resolveNames(p, i)) names.set(n.toLowerCase(), n);
    for (const key of [...names.keys()].sort()) out.push({ ...p, expr: names.get(key)! });
  }
  return out;
}

export function keysOf(input: unknown, props: readonly PropertyExpression[]): MaybePromise<OrderValue[]> {
  if (props.length === 0) return [{ value: input, missing: false }];
  const keys: OrderValue[] = [];
  let pending: Promise<void> | undefined;
  for (const p of props) {
    if (typeof p.expr === 'string') {
      const names = resolveNames(p, input);
      keys.push(names.length === 0 ? { value: null, missing: true } : { value: evaluate({ expr: names[0]! }, input) as unknown, missing: false });
    } else {
      const slot = keys.length;
      keys.push({ value: null, missing: false });
      const v = evaluate(p, input);
      if (v instanceof Promise) pending = (pending ?? Promise.resolve()).then(() => v).then((x) => { keys[slot] = { value: x, missing: false }; });
      else keys[slot] = { value: v, missing: false };
    }
  }
  return pending ? pending.then(() => keys) : keys;
}

/** A comparer over entries: per key, the hashtable's Ascending/Descending overrides the -Descending switch. */
export function entryComparer(props: readonly PropertyExpression[], descending: boolean, caseSensitive: boolean): (a: OrderEntry, b: OrderEntry) => number {
  const asc = props.map((p) => {
    const a = p.ascending, d = p.descending;
    if (a === undefined && d === undefined) return !descending;
    if (a !== undefined && d !== undefined && a === d) return !descending;
    return a !== undefined ? a : !d;
  });
  return (x, y) => {
    for (let i = 0; i < x.keys.length; i++) {
      const kx = x.keys[i]!, ky = y.keys[i]!;
      let c: number;
      if (!kx.missing && !ky.missing) {
        c = compareValues(kx.value, ky.value, caseSensitive);
        if (!(asc[i] ?? !descending)) c = -c;
      } else c = kx.missing === ky.missing ? 0 : kx.missing ? 1 : -1;
      if (c !== 0) return c;
    }
    return 0;
  };
}
