import { graph } from '../errors.js';
import type { RequestContext } from '../http.js';

/** A Graph JSON body. Typographic double quotes (copied from the documents' rendering) are read as plain ones. */
export function parseBody(ctx: RequestContext): Record<string, unknown> {
  const text = ctx.bodyText.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw graph.badJson();
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    try { v = JSON.parse(text.replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')); } catch { throw graph.badJson(); }
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw graph.badJson();
  return v as Record<string, unknown>;
}

/** $select as a list of property names, validated against the entity's properties. */
export function selectList(ctx: RequestContext, known: readonly string[], type: string): string[] | undefined {
  const raw = ctx.url.searchParams.get('$select');
  if (raw === null) return undefined;
  const names = raw.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  for (const n of names) if (!known.includes(n)) throw graph.unknownProperty(n, type);
  return names.length > 0 ? names : undefined;
}

export function project(view: Record<string, unknown>, select: string[] | undefined): Record<string, unknown> {
  if (!select) return view;
  const out: Record<string, unknown> = {};
  for (const k of select) out[k] = view[k];
  return out;
}

export const contextUrl = (ctx: RequestContext, path: string): string => `${ctx.origin}/v1.0/$metadata#${path}`;

export function entitySet(set: string, select: string[] | undefined): string {
  return select ? `${set}(${select.join(',')})` : set;
}

/** `$filter=prop eq 'value'` (and `and` of those): the only filter form the subset supports. */
export function filterPredicate(ctx: RequestContext, known: readonly string[]): ((o: Record<string, unknown>) => boolean) | undefined {
  const raw = ctx.url.searchParams.get('$filter');
  if (raw === null) return undefined;
  const clauses = raw.split(/\s+and\s+/i).map((c) => /^\s*([A-Za-z]+)\s+eq\s+'((?:[^']|'')*)'\s*$/.exec(c));
  if (clauses.some((m) => !m || !known.includes(m[1]))) throw graph.unsupportedQuery(raw);
  const tests = clauses.map((m) => ({ prop: m![1], value: m![2].replace(/''/g, "'").toLowerCase() }));
  return (o) => tests.every((t) => String(o[t.prop] ?? '').toLowerCase() === t.value);
}
