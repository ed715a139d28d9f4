/**
 * ArrayList and List[T] are JS arrays carrying a marker, so they enumerate like arrays but keep their
 * .NET type name and a working Add()/Remove() (object[] is fixed-size in .NET: Add fails).
 */
const LIST = Symbol.for('syncshell.listType');

export function makeList(typeName = 'System.Collections.ArrayList', items: unknown[] = []): unknown[] {
  const a = items.slice();
  (a as unknown as Record<symbol, string>)[LIST] = typeName;
  return a;
}

/**
 * A T[] other than object[] (a [T[]] cast's result) is a plain JS array carrying its .NET type name, so
 * GetType() and -is see String[] / Int32[]; operators that build a new array (+=, slices) give object[], as in .NET.
 */
const ARRAY_TYPE = Symbol.for('syncshell.arrayType');

export function makeTypedArray(typeName: string, items: unknown[]): unknown[] {
  (items as unknown as Record<symbol, string>)[ARRAY_TYPE] = typeName;
  return items;
}

export function typedArrayName(v: unknown): string | undefined {
  return Array.isArray(v) ? (v as unknown as Record<symbol, string | undefined>)[ARRAY_TYPE] : undefined;
}

export function listTypeName(v: unknown): string | undefined {
  return Array.isArray(v) ? (v as unknown as Record<symbol, string | undefined>)[LIST] : undefined;
}

export function isList(v: unknown): v is unknown[] { return listTypeName(v) !== undefined; }
