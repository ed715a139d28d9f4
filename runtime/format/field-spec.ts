/**
 * -Property / -GroupBy arguments of Format-Table and Format-List: property names (wildcards allowed)
 * and calculated properties (@{Name/Label; Expression; Width; Alignment; FormatString}).
 */
import { PSHashtable } from '../values/hashtable.js';
import { isScriptBlock, type MaybePromise } from '../values/scriptblock.js';
import type { Alignment } from './views.js';
import { findProperty, hasWildcard, propertiesOf, wildcardToRegExp } from './object-properties.js';
import { objectToString } from './display-string.js';

export interface FieldSpec {
  /** Property name or wildcard pattern (when the expression is a name). */
  readonly name?: string;
  /** A script block's value for an object; may be asynchronous. */
  readonly compute?: (obj: unknown) => MaybePromise<unknown>;
  readonly label?: string;
  readonly width?: number;
  readonly alignment?: Alignment;
  readonly format?: string;
  /** The expression as typed, for the header of an unlabeled script block column. */
  readonly text?: string;
}

/** A spec bound to one property (wildcards expanded) or one computed value. */
export interface ResolvedField {
  readonly label: string;
  readonly spec: FieldSpec;
  /** The concrete property name, when the spec names one. */
  readonly property?: string;
}

export class FieldSpecError extends Error {
  constructor(message: string, readonly errorId: string) { super(message); }
}

const KEYS: Record<string, string[]> = {
  name: ['name', 'label'], expression: ['expression'], width: ['width'], alignment: ['alignment'], formatstring: ['formatstring'],
};

function keyKind(key: string, allowed: readonly string[]): string {
  const k = key.toLowerCase();
  const hits = allowed.filter((a) => KEYS[a]!.some((full) => full.startsWith(k)));
  if (hits.length === 1) return hits[0]!;
  if (hits.length > 1) throw new FieldSpecError(`The ${key} key is not valid.`, 'DictionaryKeyAmbiguous');
  throw new FieldSpecError(`The ${key} key is not valid.`, 'DictionaryKeyIllegal');
}

/**
 * Parses -Property values. `allowed` lists the keys the cmdlet accepts (Format-List has no Width or
 * Alignment). Script blocks are called through `invoke` with $_ set to the object.
 */
export function parseFieldSpecs(
  values: readonly unknown[],
  allowed: readonly string[] = ['name', 'expression', 'width', 'alignment', 'formatstring'],
): FieldSpec[] {
  return values.map((v) => parseFieldSpec(v, allowed));
}

export function parseFieldSpec(v: unknown, allowed: readonly string[]): FieldSpec {
  if (typeof v === 'string') return { name: v };
  if (isScriptBlock(v)) return { compute: scriptCompute(v), text: v.text };
  if (v instanceof PSHashtable) {
    const spec: { -readonly [K in keyof FieldSpec]?: FieldSpec[K] } = {};
    let hasExpression = false;
    for (const [k, val] of v.entries()) {
      const kind = keyKind(String(k), allowed);
      switch (kind) {
        case 'name': spec.label = objectToString(val); break;
        case 'expression':
          hasExpression = true;
          if (isScriptBlock(val)) { spec.compute = scriptCompute(val); spec.text = val.text; }
          else spec.name = objectToString(val);
          break;
        case 'width': {
          const n = Number(val);
          if (!Number.isInteger(n) || n <= 0) throw new FieldSpecError(`The value of the Width key must be greater than 0.`, 'DictionaryKeyHasIllegalValue');
          spec.width = n;
          break;
        }
        case 'alignment': {
          const a = objectToString(val).toLowerCase();
          const hit = (['left', 'center', 'right'] as const).find((x) => x.startsWith(a) && a.length > 0);
          if (!hit) throw new FieldSpecError(`Illegal key value ${objectToString(val)} for the Alignment key.`, 'IllegalAlignmentValue');
          spec.alignment = hit;
          break;
        }
        case 'formatstring': spec.format = objectToString(val); break;
      }
    }
    if (!hasExpression) throw new FieldSpecError('The Expression key is missing.', 'DictionaryKeyMandatoryEntry');
    return spec;
  }
  return { name: objectToString(v) };
}

function scriptCompute(sb: { invoke(o: { dollarUnder: unknown; newScope: boolean }): MaybePromise<unknown[]> }) {
  return (obj: unknown): MaybePromise<unknown> => {
    const r = sb.invoke({ dollarUnder: obj, newScope: false });
    const unwrap = (out: unknown[]): unknown => (out.length === 0 ? null : out.length === 1 ? out[0] : out);
    return r instanceof Promise ? r.then(unwrap) : unwrap(r);
  };
}

/** Expands wildcards against the first object, as PowerShell does (names not found keep their column). */
export function resolveFields(specs: readonly FieldSpec[], first: unknown): ResolvedField[] {
  const out: ResolvedField[] = [];
  for (const spec of specs) {
    if (spec.compute) { out.push({ label: spec.label ?? spec.text?.trim() ?? '', spec }); continue; }
    const name = spec.name ?? '';
    if (hasWildcard(name)) {
      const re = wildcardToRegExp(name);
      for (const p of propertiesOf(first)) {
        if (re.test(p.name) && !out.some((o) => o.property?.toLowerCase() === p.name.toLowerCase() && !o.spec.label)) {
          out.push({ label: spec.label ?? p.name, spec, property: p.name });
        }
      }
      continue;
    }
    const p = findProperty(first, name);
    out.push({ label: spec.label ?? p?.name ?? name, spec, property: p?.name ?? name });
  }
  return out;
}

/** The value of a resolved field for an object (computed values come from `computed`). */
export function fieldValue(f: ResolvedField, obj: unknown, computed?: ReadonlyMap<FieldSpec, unknown>): unknown {
  if (f.spec.compute) return computed?.get(f.spec) ?? null;
  if (f.property === undefined) return null;
  return findProperty(obj, f.property)?.get() ?? null;
}

/** Runs the script-block fields for one object (Format-* cmdlets do this before formatting it). */
export async function computeFields(specs: readonly (FieldSpec | undefined)[], obj: unknown): Promise<Map<FieldSpec, unknown>> {
  const m = new Map<FieldSpec, unknown>();
  for (const s of specs) if (s?.compute) m.set(s, await s.compute(obj));
  return m;
}
