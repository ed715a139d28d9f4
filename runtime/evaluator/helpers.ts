import type * as A from '../parser/ast.js';
import { Diagnostics } from '../parser/diagnostics.js';
import type { CommandHost } from '../commands/invocation.js';
import { ErrorRecord, RuntimeError, type ErrorPosition } from '../values/error-record.js';
import { BreakSignal, ContinueSignal, ReturnSignal, ExitSignal, PipelineStoppedSignal } from '../values/flow.js';
import { PSHashtable } from '../values/hashtable.js';
import { toPSString, convertToType } from '../values/convert.js';
import { psReference } from './reference.js';
import type { PSObject as PSRefObject } from '../values/psobject.js';
import { getMember, getMemberStrict, setMember, getIndex, setIndex, exceptionOf, type MemberHost } from '../values/members.js';
import { binary, iterate, type OperatorHooks } from './operators.js';
import { PSException, PSTypeRef } from './value-types.js';
import { resolveType, exceptionMatches, type TypeInfo } from './types.js';
import { Errors, runtimeError } from './errors.js';
import { Variable, type Session } from './session.js';

/** What compiled code runs against: the session, the command host and the member host. */
export interface Runtime {
  readonly session: Session;
  readonly host: CommandHost;
  readonly memberHost: MemberHost;
  readonly hooks: OperatorHooks;
  /** Where a statement-terminating error is written when the script goes on (the error stream). */
  readonly reportError?: (record: ErrorRecord) => void;
}

const scriptTerminating = new WeakSet<object>();

/** Marks an error as ending the script, not just the statement (`throw`, `-ErrorAction Stop`). */
export function markScriptTerminating<T extends object>(e: T): T { scriptTerminating.add(e); return e; }

export function isScriptTerminating(e: unknown): boolean {
  if (!(e instanceof RuntimeError)) return true;
  return scriptTerminating.has(e) || e.record.exceptionType === 'System.Management.Automation.ActionPreferenceStopException'
    || (e as { terminatesScript?: boolean }).terminatesScript === true;
}

/**
 * PowerShell's statement-terminating errors: a runtime error in a statement ends that statement, is written
 * to the error stream, and the script goes on — unless a try block is active (at any depth), the error
 * came from `throw` / -ErrorAction Stop, or $ErrorActionPreference is Stop. Returns true when absorbed.
 */
export function absorbStatementError(rt: Runtime, err: unknown): boolean {
  if (!rt.reportError || !(err instanceof RuntimeError)) return false;
  const s = rt.session;
  if (s.tryDepth > 0 || isScriptTerminating(err)) return false;
  const pref = s.current.lookup('erroractionpreference')?.value;
  const prefName = toPSString(pref).toLowerCase();
  if (prefName === 'stop') { markScriptTerminating(err); return false; }
  s.recordError(err.record);
  s.lastSucceeded = false;
  if (prefName !== 'silentlycontinue' && prefName !== 'ignore') {
    const d = deferral.get(rt);
    if (d) d.errors.push({ at: d.out.length, record: err.record });
    else rt.reportError(err.record);
  }
  return true;
}

/** While pure code runs synchronously into a buffer, errors wait there too so output and errors keep their order. */
const deferral = new WeakMap<Runtime, { out: unknown[]; errors: { at: number; record: ErrorRecord }[] }>();

export function runBuffered(rt: Runtime, fn: (out: unknown[]) => void): { out: unknown[]; errors: { at: number; record: ErrorRecord }[]; thrown: unknown } {
  const outer = deferral.get(rt);
  const d = { out: [] as unknown[], errors: [] as { at: number; record: ErrorRecord }[] };
  deferral.set(rt, d);
  let thrown: unknown;
  try { fn(d.out); } catch (e) { thrown = e; } finally { if (outer) deferral.set(rt, outer); else deferral.delete(rt); }
  return { out: d.out, errors: d.errors, thrown };
}

/** Replays a buffered run: each output to the sink, each error to the error stream, in the order they happened. */
export async function replay(rt: Runtime, b: { out: unknown[]; errors: { at: number; record: ErrorRecord }[] }, sink: (v: unknown) => unknown): Promise<void> {
  let e = 0;
  for (let i = 0; i <= b.out.length; i++) {
    while (e < b.errors.length && b.errors[e]!.at === i) rt.reportError!(b.errors[e++]!.record);
    if (i < b.out.length) { const r = sink(b.out[i]); if (r instanceof Promise) await r; }
  }
}

// ---------- output ----------

/** Writes a statement's value to an output array: collections enumerate, AutomationNull (undefined) writes nothing. */
export function pushOut(out: unknown[], v: unknown): void {
  if (v === undefined) return;
  if (Array.isArray(v)) { for (let i = 0; i < v.length; i++) out.push(v[i]); return; }
  if (v instanceof Uint8Array) { for (const x of v) out.push(x); return; }
  out.push(v);
}

/** The value of collected output: nothing → AutomationNull, one item → the item, more → an array. */
export function collapse(out: unknown[]): unknown {
  return out.length === 0 ? undefined : out.length === 1 ? out[0] : out;
}

export function isFlowSignal(e: unknown): boolean {
  return e instanceof BreakSignal || e instanceof ContinueSignal || e instanceof ReturnSignal || e instanceof ExitSignal || e instanceof PipelineStoppedSignal;
}

// ---------- variables ----------

function envKey(name: string): string | undefined {
  if (name in process.env) return name;
  const lower = name.toLowerCase();
  return Object.keys(process.env).find((k) => k.toLowerCase() === lower);
}

/**
 * `[ref]$x`: a PSReference whose Value is the variable itself (TryParse and functions write back
 * through it). The variable is found where it lives when the reference is made, as in PowerShell.
 */
export function variableReference(rt: Runtime, v: A.VarExpr): PSRefObject {
  const s = rt.session;
  if (!v.scope && (v.name === 'null' || v.name === 'true' || v.name === 'false' || v.name === '?')) {
    return psReference(() => readVariable(rt, v), () => {});
  }
  let home = v.scope === 'global' ? s.global : v.scope === 'script' ? s.current.scriptScope : s.current;
  if (!v.scope || v.scope === 'variable') {
    for (let sc: typeof home | null = s.current; sc; sc = sc.parent) if (sc.vars.has(v.name)) { home = sc; break; }
  }
  const scope = home;
  return psReference(() => scope.vars.get(v.name)?.value ?? null, (value) => scope.setKey(v.name, value === undefined ? null : value, v.display));
}

/** Is this cast `[ref]`? */
export function isRefCast(typeName: string): boolean {
  const n = typeName.toLowerCase();
  return n === 'ref' || n === 'system.management.automation.psreference';
}

/** Reading a variable that was never set: $null, or an error under Set-StrictMode. */
function undefinedVariable(rt: Runtime, v: A.VarExpr): null {
  if (rt.session.strictVersion() >= 1) throw Errors.variableIsUndefined(v.display);
  return null;
}

export function readVariable(rt: Runtime, v: A.VarExpr): unknown {
  const s = rt.session;
  switch (v.scope) {
    case undefined: case 'local': case 'variable': case 'private': {
      if (v.name === '?') return s.lastSucceeded;
      const x = v.scope === 'local' ? s.current.vars.get(v.name) : s.current.lookup(v.name);
      return x ? x.value : undefinedVariable(rt, v);
    }
    case 'global': { const x = s.global.vars.get(v.name); return x ? x.value : undefinedVariable(rt, v); }
    case 'script': { const x = s.current.scriptScope.lookup(v.name); return x ? x.value : undefinedVariable(rt, v); }
    case 'env': { const k = envKey(v.display); return k === undefined ? null : process.env[k] ?? null; }
    case 'function': return s.getFunction(v.name) ?? null;
    case 'using': throw Errors.notSupported('$using:');
  }
  return null;
}

export function writeVariable(rt: Runtime, v: A.VarExpr, value: unknown, type?: TypeInfo): void {
  if (value === undefined) value = null;
  const s = rt.session;
  if (!v.scope && (v.name === 'null')) return;
  if (v.scope === 'env') {
    const k = envKey(v.display) ?? v.display;
    if (value === null || value === '') delete process.env[k]; else process.env[k] = toPSString(value);
    return;
  }
  if (v.scope === 'function') throw Errors.notSupported('Assigning to $function:');
  const scope = v.scope === 'global' ? s.global : v.scope === 'script' ? s.current.scriptScope : s.current;
  if (v.name === 'true' || v.name === 'false' || v.name === '?') {
    throw runtimeError(`Cannot overwrite variable ${v.display} because it is read-only or constant.`, 'VariableNotWritable', 'WriteError', v.display, 'System.Management.Automation.SessionStateUnauthorizedAccessException');
  }
  if (type) {
    const existing = scope.vars.get(v.name);
    let converted: unknown;
    try { converted = convertToType(value, type); } catch (e) {
      // A failed conversion into a typed variable is an ArgumentTransformationMetadataException.
      if (e instanceof RuntimeError) throw runtimeError(e.record.message, 'RuntimeException', 'MetadataError', value, 'System.Management.Automation.ArgumentTransformationMetadataException');
      throw e;
    }
    if (existing && !existing.readOnly) { existing.type = type; existing.value = converted; }
    else if (existing) scope.setKey(v.name, converted);
    else scope.vars.set(v.name, new Variable(v.display, converted, type));
    return;
  }
  scope.setKey(v.name, value, v.display);
}

// ---------- members ----------

export function memberName(v: unknown): string { return toPSString(v); }

export function getMemberValue(rt: Runtime, target: unknown, name: string, isStatic: boolean): unknown {
  if (isStatic) {
    if (!(target instanceof PSTypeRef)) throw runtimeError(`Unable to find type [${toPSString(target)}].`, 'TypeNotFound', 'InvalidOperation');
    return memberHostStatic(rt, target, name);
  }
  if (rt.session.strictVersion() >= 2) return getMemberStrict(target, name);
  return getMember(target, name);
}

let staticGetter: ((rt: Runtime, t: PSTypeRef, name: string) => unknown) | undefined;
export function setStaticGetter(f: (rt: Runtime, t: PSTypeRef, name: string) => unknown): void { staticGetter = f; }
function memberHostStatic(rt: Runtime, t: PSTypeRef, name: string): unknown { return staticGetter!(rt, t, name); }

export function resolveTypeOrThrow(t: A.TypeName): TypeInfo {
  const info = resolveType(t.name);
  if (!info) throw Errors.typeNotFound(t.name);
  return info;
}

export function typeRef(t: A.TypeName): PSTypeRef {
  const info = resolveTypeOrThrow(t);
  return new PSTypeRef(info.fullName, info.fullName.toLowerCase());
}

// ---------- assignment ----------

export function compoundValue(rt: Runtime, op: string, current: unknown, rhs: unknown): unknown {
  if (op === '=') return rhs;
  return binary(op.slice(0, 1), current, rhs, rt.hooks);
}

/** Assigns to an already-evaluated target description. */
export type LValue =
  | { kind: 'var'; v: A.VarExpr; type?: TypeInfo }
  | { kind: 'member'; obj: unknown; name: string }
  | { kind: 'index'; obj: unknown; index: unknown }
  | { kind: 'multi'; targets: LValue[] };

export function readLValue(rt: Runtime, lv: LValue): unknown {
  switch (lv.kind) {
    case 'var': return readVariable(rt, lv.v);
    case 'member': return getMember(lv.obj, lv.name);
    case 'index': return getIndex(lv.obj, lv.index);
    case 'multi': throw runtimeError("The assignment expression is not valid.", 'InvalidLeftHandSide', 'InvalidOperation');
  }
}

export function writeLValue(rt: Runtime, lv: LValue, value: unknown): void {
  if (value === undefined) value = null;
  switch (lv.kind) {
    case 'var': writeVariable(rt, lv.v, value, lv.type); return;
    case 'member': setMember(lv.obj, lv.name, value); return;
    case 'index': setIndex(lv.obj, lv.index, value); return;
    case 'multi': {
      const items = iterate(value);
      const n = lv.targets.length;
      for (let i = 0; i < n; i++) {
        const t = lv.targets[i]!;
        if (i === n - 1) {
          const rest = items.slice(i);
          writeLValue(rt, t, rest.length === 0 ? null : rest.length === 1 ? rest[0] : rest);
        } else writeLValue(rt, t, i < items.length ? items[i] : null);
      }
    }
  }
}

// ---------- errors ----------

/** The error record a `throw` statement raises. */
export function throwRecord(value: unknown): RuntimeError {
  const err = throwRecordInner(value);
  // The concise view shows a thrown error as 'Exception: message'.
  // (Only for thrown strings and other values: a thrown exception or ErrorRecord shows its category.)
  if (!(value instanceof ErrorRecord) && !(value instanceof RuntimeError) && !(value instanceof PSException)) err.record.wasThrownFromThrowStatement = true;
  return markScriptTerminating(err);
}

function throwRecordInner(value: unknown): RuntimeError {
  if (value instanceof ErrorRecord) return new RuntimeError(value);
  if (value instanceof RuntimeError) return value;
  if (value === undefined || value === null) {
    return new RuntimeError(new ErrorRecord('ScriptHalted', 'ScriptHalted', 'OperationStopped', null));
  }
  if (value instanceof PSException) {
    if (value.errorRecord instanceof ErrorRecord) return new RuntimeError(value.errorRecord);
    // The record's exception is the thrown one itself (its InnerException is its own, not itself).
    const rec = new ErrorRecord(value.message, value.message, 'OperationStopped', null, value.typeName, {}, undefined, value.innerException ?? undefined);
    rec.wrappedInRuntimeException = true;
    return new RuntimeError(rec);
  }
  const msg = toPSString(value);
  return new RuntimeError(new ErrorRecord(msg, msg, 'OperationStopped', value));
}

/** Turns anything a statement threw into a RuntimeError (flow signals pass through untouched). */
export function asRuntimeError(e: unknown): unknown {
  if (e instanceof RuntimeError || isFlowSignal(e)) return e;
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return runtimeError('The script failed due to call depth overflow.', 'CallDepthOverflow', 'InvalidOperation', null, 'System.Management.Automation.ScriptCallDepthException');
  }
  if (e && typeof e === 'object' && 'errorId' in e && 'category' in e) {
    // A domain error (pki/, tenant/, connect/) raised through a method call.
    const d = e as { message: string; errorId: string; category: string };
    const cat = d.category as ErrorRecord['category'];
    return new RuntimeError(new ErrorRecord(d.message, d.errorId, cat, null, 'System.Exception', {}, undefined, e));
  }
  return runtimeError(String((e as Error)?.message ?? e), 'RuntimeException', 'NotSpecified', null, undefined);
}

/** Does a catch clause take this error? Types match the exception type or, as PowerShell does, the wrapped inner one. */
/**
 * The catch clause PowerShell picks: first any typed clause matching the inner exception (the one a
 * MethodInvocationException or RuntimeException carries), then the first clause matching the outer one.
 */
export function findCatch<T extends { types: A.TypeName[] }>(clauses: readonly T[], record: ErrorRecord): T | undefined {
  const inner = record.wrappedInRuntimeException ? record.exceptionType
    : record.inner instanceof PSException ? record.inner.typeName : undefined;
  if (inner !== undefined) {
    const hit = clauses.find((c) => c.types.some((t) => exceptionMatches(inner, resolveTypeOrThrow(t))));
    if (hit) return hit;
  }
  const outer = record.wrappedInRuntimeException ? 'System.Management.Automation.RuntimeException' : record.exceptionType;
  return clauses.find((c) => c.types.length === 0 || c.types.some((t) => exceptionMatches(outer, resolveTypeOrThrow(t))));
}

export function catchMatches(types: A.TypeName[], record: ErrorRecord): boolean {
  if (types.length === 0) return true;
  for (const t of types) {
    const info = resolveTypeOrThrow(t);
    if (exceptionMatches(record.exceptionType, info)) return true;
    const inner = record.inner instanceof PSException ? record.inner : undefined;
    if (inner && exceptionMatches(inner.typeName, info)) return true;
    if (record.wrappedInRuntimeException && exceptionMatches('System.Management.Automation.RuntimeException', info)) return true;
  }
  return false;
}

const diagCache = new WeakMap<object, Diagnostics>();

/** An error position (line, column, line text) for an extent of a script's source. */
export function positionOf(source: string | undefined, node: A.Extent): ErrorPosition {
  if (source === undefined) return {};
  const key = new String(source);
  void key;
  let d = diagCache.get(sourceKey(source));
  if (!d) { d = new Diagnostics(source); diagCache.set(sourceKey(source), d); }
  const { line, column } = d.position(node.start);
  const lineStart = node.start - column + 1;
  let lineEnd = source.indexOf('\n', lineStart);
  if (lineEnd < 0) lineEnd = source.length;
  const lineText = source.slice(lineStart, lineEnd).replace(/\r$/, '');
  return { line, column, lineText, length: Math.max(1, Math.min(node.end, lineEnd) - node.start) };
}

const sourceKeys = new Map<string, object>();
function sourceKey(s: string): object {
  let k = sourceKeys.get(s);
  if (!k) { if (sourceKeys.size > 200) sourceKeys.clear(); k = {}; sourceKeys.set(s, k); }
  return k;
}

/** Stamps a position on an error that has none yet (the innermost statement that failed). */
export function stamp(e: unknown, source: string | undefined, node: A.Extent): unknown {
  const err = asRuntimeError(e);
  if (err instanceof RuntimeError && err.record.position.line === undefined && source !== undefined) {
    err.record.position = { ...positionOf(source, node), ...err.record.position };
  }
  return err;
}

export function setDollarUnder(rt: Runtime, value: unknown): void {
  rt.session.current.setKey('_', value);
}

export function matchesHook(rt: Runtime): (m: PSHashtable) => void {
  return (m) => rt.session.current.setKey('matches', m, 'Matches');
}

export { exceptionOf };
