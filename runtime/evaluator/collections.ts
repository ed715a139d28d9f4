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

export function listTypeName(v: unknown): string | undefined {
  return Array.isArray(v) ? (v as unknown as Record<symbol, string | undefined>)[LIST] : undefined;
}

export function isList(v: unknown): v is unknown[] { return listTypeName(v) !== undefined; }
