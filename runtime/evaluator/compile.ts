import { withoutTokenText } from '../values/numeric.js';
import type * as A from '../parser/ast.js';
import type { ScriptBlock } from '../values/scriptblock.js';
import { PSHashtable } from '../values/hashtable.js';
import { PSObject } from '../values/psobject.js';
import { RuntimeError } from '../values/error-record.js';
import { BreakSignal, ContinueSignal, ReturnSignal, ExitSignal } from '../values/flow.js';
import { toPSString, toBool, toNumber, toNumeric, convertToType } from '../values/convert.js';
import { getIndex, invokeMethod, invokeStaticMethod } from '../values/members.js';
import { binary, unary, iterate, isEnumerable, like, regexFor, matchesTable, equals, rangeIterable, add, stepValue, addNumbers, subtractNumbers, multiplyNumbers } from './operators.js';
import { PSTypeRef } from './value-types.js';
import { resolveType } from './types.js';
import { Errors } from './errors.js';
import {
  type Runtime, type LValue, pushOut, collapse, readVariable, writeLValue, readLValue, compoundValue, getMemberValue,
  resolveTypeOrThrow, typeRef, throwRecord, catchMatches, findCatch, stamp, asRuntimeError, isFlowSignal, absorbStatementError,
  variableReference, isRefCast,
} from './helpers.js';
import { valueReference } from './reference.js';
import type { Scope, Variable } from './session.js';

/**
 * The synchronous path: pure nodes (no command invocation) compile once to closures, cached on the
 * node. Statements write to an output array.
 */
export type ExprFn = (rt: Runtime) => unknown;
export type StmtFn = (rt: Runtime, out: unknown[]) => void;

export interface CompileRuntime extends Runtime {
  makeScriptBlock(ast: A.ScriptBlockAst): ScriptBlock;
}

/**
 * The $_ variable a script block's item function (Where-Object, ForEach-Object) has just set, and the
 * scope it lives in: `$_` read in that scope is that variable, so it skips the scope-chain lookup (a
 * Map lookup per object). The item function sets both around each call and restores them after, so
 * nested calls see their own; any other scope takes the ordinary lookup.
 */
export const dollarUnder: { scope: Scope | undefined; v: Variable | undefined } = { scope: undefined, v: undefined };

const exprCache = new WeakMap<object, ExprFn>();
const stmtCache = new WeakMap<object, StmtFn>();

export function compileExpr(e: A.Expr, src: string | undefined): ExprFn {
  let f = exprCache.get(e);
  if (!f) { f = buildExpr(e, src); exprCache.set(e, f); }
  return f;
}

export function compileStmt(s: A.Statement, src: string | undefined): StmtFn {
  let f = stmtCache.get(s);
  if (!f) {
    const inner = buildStmt(s, src);
    // Errors get the position of the statement that failed (the innermost one, as it is stamped first).
    // An assignment's error points at its value, as PowerShell's does (`$y = 1/0` marks `1/0`).
    const extent = s.kind === 'Assign' ? s.value : s;
    // A try statement leaves $? as its last pipeline did (False after an empty catch).
    const setsSuccess = s.kind !== 'Try';
    f = (rt, out) => {
      // $? is True after every statement that completes (the last pipeline's result for commands).
      try { inner(rt, out); if (setsSuccess) rt.session.lastSucceeded = true; } catch (e) {
        const err = stamp(e, src, extent);
        if (!absorbStatementError(rt, err)) throw err;
      }
    };
    stmtCache.set(s, f);
  }
  return f;
}

const blockCache = new WeakMap<readonly A.Statement[], StmtFn>();

export function compileBlock(list: readonly A.Statement[], src: string | undefined): StmtFn {
  let f = blockCache.get(list);
  if (f) return f;
  const fns = list.map((s) => compileStmt(s, src));
  f = fns.length === 1 ? fns[0]! : fns.length === 0 ? () => undefined : (rt, out) => { for (let i = 0; i < fns.length; i++) fns[i]!(rt, out); };
  blockCache.set(list, f);
  return f;
}

/** The value of a statement used as an expression: `(...)`, an assignment's right side, a hash entry. */
export function compileStmtValue(s: A.Statement, src: string | undefined): ExprFn {
  if (s.kind === 'Pipeline' && s.elements.length === 1 && s.elements[0]!.kind === 'CommandExpr' && s.elements[0]!.redirections.length === 0) {
    // A pure expression's value is used here, `$x++` included (`$y = $x++`, `($x++)`); only as a statement is it silent.
    return compileExpr(s.elements[0]!.expr, src);
  }
  if (s.kind === 'Assign') { const f = buildAssign(s, src, true); return (rt) => f(rt); }
  const st = compileStmt(s, src);
  return (rt) => { const out: unknown[] = []; st(rt, out); return collapse(out); };
}

function cr(rt: Runtime): CompileRuntime { return rt as CompileRuntime; }

// ---------- expressions ----------

function buildExpr(e: A.Expr, src: string | undefined): ExprFn {
  switch (e.kind) {
    case 'Const': { const v = e.value; return () => v; }
    case 'Var': {
      if (!e.scope) {
        if (e.name === 'true') return () => true;
        if (e.name === 'false') return () => false;
        if (e.name === 'null') return () => null;
        if (e.name === '?') return (rt) => rt.session.lastSucceeded;
        const name = e.name, display = e.display;
        if (name === '_') return (rt) => readDollarUnder(rt, display);
        return (rt) => readPlainVariable(rt, name, display);
      }
      return (rt) => readVariable(rt, e);
    }
    case 'ExpandString': {
      const parts = e.parts.map((p) => (typeof p === 'string' ? p : compileExpr(p, src)));
      return (rt) => {
        let s = '';
        for (const p of parts) s += typeof p === 'string' ? p : toPSString(withoutTokenText(p(rt)));
        return s;
      };
    }
    case 'ArrayLiteral': {
      const items = e.items.map((i) => compileExpr(i, src));
      return (rt) => { const a = new Array(items.length); for (let i = 0; i < items.length; i++) { const v = items[i]!(rt); a[i] = v === undefined ? null : v; } return a; };
    }
    case 'ArraySub': {
      const body = compileBlock(e.body, src);
      return (rt) => { const out: unknown[] = []; body(rt, out); return out; };
    }
    case 'SubExpr': {
      const body = compileBlock(e.body, src);
      return (rt) => { const out: unknown[] = []; body(rt, out); return collapse(out); };
    }
    case 'Paren': return compileStmtValue(e.stmt, src);
    case 'Hash': return buildHash(e, src, false);
    case 'ScriptBlockExpr': { const ast = e.block; return (rt) => cr(rt).makeScriptBlock(ast); }
    case 'TypeLit': {
      let cached: PSTypeRef | undefined;
      return () => (cached ??= typeRef(e.type));
    }
    case 'Convert': return buildConvert(e, src);
    case 'Attributed': return compileExpr(e.expr, src);
    case 'Unary': {
      const x = compileExpr(e.expr, src);
      const op = e.op;
      if (op === 'not') return (rt) => !toBool(x(rt));
      return (rt) => unary(op, x(rt), rt.hooks);
    }
    case 'Binary': return buildBinary(e, src);
    case 'Ternary': {
      const c = compileExpr(e.cond, src), a = compileExpr(e.ifTrue, src), b = compileExpr(e.ifFalse, src);
      return (rt) => (toBool(c(rt)) ? a(rt) : b(rt));
    }
    case 'Member': {
      const t = compileExpr(e.target, src);
      const m = compileExpr(e.member, src);
      const isStatic = e.isStatic;
      return (rt) => getMemberValue(rt, t(rt), toPSString(m(rt)), isStatic);
    }
    case 'Invoke': {
      const t = compileExpr(e.target, src);
      const m = compileExpr(e.member, src);
      const args = e.args.map((a) => compileExpr(a, src));
      const isStatic = e.isStatic;
      return (rt) => {
        const target = t(rt);
        const name = toPSString(m(rt));
        const argv = args.map((a) => a(rt));
        const r = isStatic ? invokeStatic(rt, target, name, argv) : invokeMethod(target, name, argv, rt.memberHost);
        if (r instanceof Promise) throw Errors.notSupported('An asynchronous method call in this position');
        return r;
      };
    }
    case 'Index': {
      const t = compileExpr(e.target, src);
      const i = compileExpr(e.index, src);
      return (rt) => getIndex(t(rt), i(rt));
    }
    case 'IncDec': {
      const lv = compileLValue(e.target, src);
      const delta: 1 | -1 = e.op === '++' ? 1 : -1;
      const prefix = e.prefix;
      if (e.target.kind === 'Var' && !e.target.scope) {
        // $i++ on a local, untyped numeric variable: update in place.
        const key = e.target.name;
        return (rt) => {
          const v = rt.session.current.vars.get(key);
          if (v !== undefined && v.type === undefined && !v.readOnly && typeof v.value === 'number' && (v.value | 0) === v.value && v.value !== 2147483647 && v.value !== -2147483648) {
            // An Int32 that cannot overflow: the plain JS number stays an Int32.
            const old = v.value;
            v.value = old + delta;
            return prefix ? old + delta : old;
          }
          const target = lv(rt);
          const cur = readLValue(rt, target);
          const n = stepValue(cur, delta);
          writeLValue(rt, target, n);
          return prefix ? n : cur ?? 0;
        };
      }
      return (rt) => {
        const target = lv(rt);
        const old = readLValue(rt, target);
        const n = stepValue(old, delta);
        writeLValue(rt, target, n);
        return prefix ? n : old ?? 0;
      };
    }
  }
}

export function invokeStatic(rt: Runtime, target: unknown, name: string, args: unknown[]): unknown {
  if (!(target instanceof PSTypeRef)) throw Errors.methodNotFound('System.RuntimeType', name);
  return invokeStaticMethod(target, name, args, rt.memberHost);
}

function buildHash(e: A.HashExpr, src: string | undefined, ordered: boolean): ExprFn {
  const entries = e.entries.map(([k, v]) => [compileExpr(k, src), compileStmtValue(v, src)] as const);
  return (rt) => {
    const h = new PSHashtable(ordered);
    for (const [k, v] of entries) {
      const key = k(rt);
      const val = v(rt);
      h.set(key, val === undefined ? null : val);
    }
    return h;
  };
}

function buildConvert(e: A.ConvertExpr, src: string | undefined): ExprFn {
  const tn = e.type.name.toLowerCase();
  // [ordered]@{} and [pscustomobject]@{} keep the literal's key order.
  if (e.expr.kind === 'Hash' && (tn === 'ordered' || tn === 'pscustomobject' || tn === 'system.management.automation.pscustomobject')) {
    const h = buildHash(e.expr, src, true);
    if (tn === 'ordered') return h;
    return (rt) => {
      const table = h(rt) as PSHashtable;
      return PSObject.custom(table.entries().map(([k, v]) => [toPSString(k), v] as const));
    };
  }
  if (isRefCast(tn)) {
    const target = e.expr;
    if (target.kind === 'Var' && target.scope !== 'env' && target.scope !== 'function' && target.scope !== 'using') return (rt) => variableReference(rt, target);
    const v = compileExpr(target, src);
    return (rt) => valueReference(v(rt));
  }
  const x = compileExpr(e.expr, src);
  if (tn === 'void' || tn === 'system.void') return (rt) => { x(rt); return undefined; };
  let info: ReturnType<typeof resolveType>;
  return (rt) => {
    info ??= resolveTypeOrThrow(e.type);
    return convertToType(x(rt), info);
  };
}

function buildBinary(e: A.BinaryExpr, src: string | undefined): ExprFn {
  const l = compileExpr(e.left, src);
  const r = compileExpr(e.right, src);
  switch (e.op) {
    case '??': return (rt) => { const a = l(rt); return a === null || a === undefined ? r(rt) : a; };
    case 'and': return (rt) => toBool(l(rt)) && toBool(r(rt));
    case 'or': return (rt) => toBool(l(rt)) || toBool(r(rt));
    case '%': return (rt) => opRem(l(rt), r(rt), rt);
    case '+': return (rt) => opAdd(l(rt), r(rt), rt);
    case '-': return (rt) => opSub(l(rt), r(rt), rt);
    case '*': return (rt) => opMul(l(rt), r(rt), rt);
    case 'eq': return (rt) => opEq(l(rt), r(rt), rt);
    case 'ne': return (rt) => opNe(l(rt), r(rt), rt);
    case 'lt': return (rt) => opLt(l(rt), r(rt), rt);
    case 'gt': return (rt) => opGt(l(rt), r(rt), rt);
    case 'le': return (rt) => opLe(l(rt), r(rt), rt);
    case 'ge': return (rt) => opGe(l(rt), r(rt), rt);
  }
  const op = e.op;
  return (rt) => binary(op, l(rt), r(rt), rt.hooks);
}

/*
 * The operators with a fast path, one function each: the closures above and the code hot-expr.ts
 * generates both call these, so an operator means the same on both paths. Plain numbers (Int32,
 * non-integral Double: runtime/values/numeric.ts) take the fast path; the rest goes to binary().
 */
export function opRem(a: unknown, b: unknown, rt: Runtime): unknown {
  if (typeof a === 'number' && typeof b === 'number' && b !== 0 && (a | 0) === a && (b | 0) === b) { const m = a % b; return m === 0 ? 0 : m; }
  return binary('%', a, b, rt.hooks);
}
export function opAdd(a: unknown, b: unknown, rt: Runtime): unknown { return typeof a === 'number' && typeof b === 'number' ? addNumbers(a, b) : binary('+', a, b, rt.hooks); }
export function opSub(a: unknown, b: unknown, rt: Runtime): unknown { return typeof a === 'number' && typeof b === 'number' ? subtractNumbers(a, b) : binary('-', a, b, rt.hooks); }
export function opMul(a: unknown, b: unknown, rt: Runtime): unknown { return typeof a === 'number' && typeof b === 'number' ? multiplyNumbers(a, b) : binary('*', a, b, rt.hooks); }
export function opEq(a: unknown, b: unknown, rt: Runtime): unknown { return typeof a === 'number' && typeof b === 'number' ? a === b : binary('eq', a, b, rt.hooks); }
export function opNe(a: unknown, b: unknown, rt: Runtime): unknown { return typeof a === 'number' && typeof b === 'number' ? a !== b : binary('ne', a, b, rt.hooks); }
export function opLt(a: unknown, b: unknown, rt: Runtime): unknown { return typeof a === 'number' && typeof b === 'number' ? a < b : binary('lt', a, b, rt.hooks); }
export function opGt(a: unknown, b: unknown, rt: Runtime): unknown { return typeof a === 'number' && typeof b === 'number' ? a > b : binary('gt', a, b, rt.hooks); }
export function opLe(a: unknown, b: unknown, rt: Runtime): unknown { return typeof a === 'number' && typeof b === 'number' ? a <= b : binary('le', a, b, rt.hooks); }
export function opGe(a: unknown, b: unknown, rt: Runtime): unknown { return typeof a === 'number' && typeof b === 'number' ? a >= b : binary('ge', a, b, rt.hooks); }

/** An unqualified variable's value (`$x`): the scope chain, $null when unset (an error under strict mode). */
export function readPlainVariable(rt: Runtime, name: string, display: string | undefined): unknown {
  const v = rt.session.current.lookup(name);
  if (v) return v.value;
  if (rt.session.strictVersion() >= 1) throw Errors.variableIsUndefined(display ?? name);
  return null;
}

/** `$_`: the variable an item function has just set when in its scope (see dollarUnder), else as any variable. */
export function readDollarUnder(rt: Runtime, display: string | undefined): unknown {
  if (rt.session.current === dollarUnder.scope) return dollarUnder.v!.value;
  return readPlainVariable(rt, '_', display);
}

/** Compiles an assignable expression to a function producing its LValue. */
export function compileLValue(e: A.Expr, src: string | undefined): (rt: Runtime) => LValue {
  switch (e.kind) {
    case 'Var': return () => ({ kind: 'var', v: e });
    case 'Convert': {
      if (e.expr.kind !== 'Var') return compileLValue(e.expr, src);
      const v = e.expr;
      let info: ReturnType<typeof resolveType>;
      return () => ({ kind: 'var', v, type: (info ??= resolveTypeOrThrow(e.type)) });
    }
    case 'Member': {
      const t = compileExpr(e.target, src);
      const m = compileExpr(e.member, src);
      return (rt) => ({ kind: 'member', obj: t(rt), name: toPSString(m(rt)) });
    }
    case 'Index': {
      const t = compileExpr(e.target, src);
      const i = compileExpr(e.index, src);
      return (rt) => ({ kind: 'index', obj: t(rt), index: i(rt) });
    }
    case 'ArrayLiteral': {
      const ts = e.items.map((i) => compileLValue(i, src));
      return (rt) => ({ kind: 'multi', targets: ts.map((t) => t(rt)) });
    }
    case 'Paren':
      if (e.stmt.kind === 'Pipeline' && e.stmt.elements[0]?.kind === 'CommandExpr') return compileLValue(e.stmt.elements[0].expr, src);
  }
  return () => { throw Errors.notSupported('This assignment target'); };
}

function buildAssign(s: A.AssignStmt, src: string | undefined, returnValue: boolean): (rt: Runtime) => unknown {
  const value = compileStmtValue(s.value, src);
  const op = s.op;
  // Fast path: `$x = expr` to an unqualified variable.
  if (s.target.kind === 'Var' && !s.target.scope && op === '=' && !['null', 'true', 'false', '?'].includes(s.target.name)) {
    const name = s.target.name, display = s.target.display;
    return (rt) => {
      let v = value(rt);
      if (v === undefined) v = null;
      rt.session.current.setKey(name, v, display);
      return returnValue ? v : undefined;
    };
  }
  const lv = compileLValue(s.target, src);
  if (op === '??=') {
    return (rt) => {
      const target = lv(rt);
      const cur = readLValue(rt, target);
      if (cur !== null && cur !== undefined) return returnValue ? cur : undefined;
      const v = value(rt);
      writeLValue(rt, target, v);
      return returnValue ? v : undefined;
    };
  }
  return (rt) => {
    const target = lv(rt);
    let v = value(rt);
    if (op !== '=') v = compoundValue(rt, op, readLValue(rt, target), v);
    writeLValue(rt, target, v);
    return returnValue ? v : undefined;
  };
}

// ---------- statements ----------

function labelMatches(signalLabel: string | undefined, loopLabel: string | undefined): boolean {
  return signalLabel === undefined || (loopLabel !== undefined && signalLabel.toLowerCase() === loopLabel);
}

/** Runs a loop body; returns 'break' / 'continue' / undefined, rethrowing signals meant for outer loops. */
export function loopSignal(e: unknown, label: string | undefined): 'break' | 'continue' {
  if (e instanceof BreakSignal && labelMatches(e.label, label)) return 'break';
  if (e instanceof ContinueSignal && labelMatches(e.label, label)) return 'continue';
  throw e;
}

function buildStmt(s: A.Statement, src: string | undefined): StmtFn {
  switch (s.kind) {
    case 'Pipeline': {
      if (s.elements.length !== 1 || s.elements[0]!.kind !== 'CommandExpr') {
        return () => { throw Errors.notSupported('A command in a synchronous block'); };
      }
      const el = s.elements[0]!;
      if (el.expr.kind === 'IncDec') { const f = compileExpr(el.expr, src); return (rt) => { f(rt); }; }
      const f = compileExpr(el.expr, src);
      return (rt, out) => pushOut(out, f(rt));
    }
    case 'Assign': { const f = buildAssign(s, src, false); return (rt) => { f(rt); }; }
    case 'Chain': {
      const l = compileStmt(s.left, src), r = compileStmt(s.right, src);
      const and = s.op === '&&';
      return (rt, out) => { rt.session.lastSucceeded = true; l(rt, out); if (rt.session.lastSucceeded === and) r(rt, out); };
    }
    case 'If': {
      const clauses = s.clauses.map(([c, b]) => [compileStmtValue(c, src), compileBlock(b, src)] as const);
      const elseBody = s.elseBody ? compileBlock(s.elseBody, src) : undefined;
      return (rt, out) => {
        for (const [c, b] of clauses) if (toBool(c(rt))) { b(rt, out); return; }
        if (elseBody) elseBody(rt, out);
      };
    }
    case 'While': {
      const cond = compileStmtValue(s.cond, src), body = compileBlock(s.body, src), label = s.label;
      return (rt, out) => {
        while (toBool(cond(rt))) {
          try { body(rt, out); } catch (e) { if (loopSignal(e, label) === 'break') break; }
        }
      };
    }
    case 'Do': {
      const cond = compileStmtValue(s.cond, src), body = compileBlock(s.body, src), label = s.label, until = s.until;
      return (rt, out) => {
        for (;;) {
          try { body(rt, out); } catch (e) { if (loopSignal(e, label) === 'break') break; }
          if (toBool(cond(rt)) === until) break;
        }
      };
    }
    case 'For': {
      const init = s.init ? compileStmt(s.init, src) : undefined;
      const cond = s.cond ? compileStmtValue(s.cond, src) : undefined;
      const iter = s.iter ? compileStmt(s.iter, src) : undefined;
      const body = compileBlock(s.body, src), label = s.label;
      return (rt, out) => {
        if (init) init(rt, out);
        while (!cond || toBool(cond(rt))) {
          try { body(rt, out); } catch (e) { if (loopSignal(e, label) === 'break') break; }
          if (iter) iter(rt, []);
        }
      };
    }
    case 'Foreach': {
      const iterable = compileStmtValue(s.iter, src), body = compileBlock(s.body, src), label = s.label, v = s.variable;
      const local = !v.scope ? v.name : undefined;
      // foreach ($i in a..b): count instead of building the range.
      const it = s.iter;
      if (local !== undefined && it.kind === 'Pipeline' && it.elements.length === 1 && it.elements[0]!.kind === 'CommandExpr'
        && it.elements[0]!.redirections.length === 0 && it.elements[0]!.expr.kind === 'Binary' && it.elements[0]!.expr.op === '..') {
        const lo = compileExpr(it.elements[0]!.expr.left, src), hi = compileExpr(it.elements[0]!.expr.right, src);
        return (rt, out) => {
          const a = lo(rt), b = hi(rt);
          const seq = rangeIterable(a, b);
          const items = seq ? seq : iterate(binary('..', a, b, rt.hooks));
          const scope = rt.session.current;
          for (const item of items) {
            scope.setKey(local, item, v.display);
            try { body(rt, out); } catch (e) { if (loopSignal(e, label) === 'break') break; }
          }
        };
      }
      return (rt, out) => {
        const items = iterate(iterable(rt));
        const scope = rt.session.current;
        for (let i = 0; i < items.length; i++) {
          if (local !== undefined) scope.setKey(local, items[i], v.display);
          else writeLValue(rt, { kind: 'var', v }, items[i]);
          try { body(rt, out); } catch (e) { if (loopSignal(e, label) === 'break') break; }
        }
      };
    }
    case 'Switch': return buildSwitch(s, src);
    case 'Try': {
      const body = compileBlock(s.body, src);
      const catches = s.catches.map((c) => ({ types: c.types, body: compileBlock(c.body, src) }));
      const fin = s.finallyBody ? compileBlock(s.finallyBody, src) : undefined;
      return (rt, out) => {
        try {
          rt.session.tryDepth++;
          try { body(rt, out); } finally { rt.session.tryDepth--; }
        } catch (e) {
          const err = asRuntimeError(e);
          if (!(err instanceof RuntimeError)) throw err;
          const c = findCatch(catches, err.record);
          if (!c) throw err;
          rt.session.recordError(err.record);
          rt.session.lastSucceeded = false;
          const saved = rt.session.current.vars.get('_')?.value;
          rt.session.current.setKey('_', err.record);
          try { c.body(rt, out); } finally { rt.session.current.setKey('_', saved ?? null); }
        } finally {
          if (fin) fin(rt, out);
        }
      };
    }
    case 'Throw': {
      const v = s.value ? compileStmtValue(s.value, src) : undefined;
      return (rt) => { throw throwRecord(v ? v(rt) : undefined); };
    }
    case 'Return': {
      const v = s.value ? compileStmt(s.value, src) : undefined;
      return (rt, out) => { if (v) v(rt, out); throw new ReturnSignal([]); };
    }
    case 'Exit': {
      const v = s.value ? compileStmtValue(s.value, src) : undefined;
      return (rt) => { const x = v ? v(rt) : 0; throw new ExitSignal(x === undefined || x === null ? 0 : Math.trunc(toNumber(x))); };
    }
    case 'Break': case 'Continue': {
      const l = s.label ? compileExpr(s.label, src) : undefined;
      const isBreak = s.kind === 'Break';
      return (rt) => {
        const label = l ? toPSString(l(rt)) : undefined;
        throw isBreak ? new BreakSignal(label) : new ContinueSignal(label);
      };
    }
    case 'Function': {
      const ast = s.body, name = s.name, isFilter = s.isFilter;
      return (rt) => {
        const sb = cr(rt).makeScriptBlock(ast) as ScriptBlock & { functionName?: string; isFilter?: boolean };
        sb.functionName = name;
        sb.isFilter = isFilter;
        rt.session.defineFunction(name, sb);
      };
    }
    case 'Block': return compileBlock(s.body, src);
    case 'Trap': return () => { throw Errors.notSupported('A trap statement in a synchronous block'); }; // traps are impure: the async runner takes them
  }
}

/** A switch clause test against one input item. */
export function switchTest(rt: Runtime, flags: A.SwitchStmt['flags'], cond: unknown, itemValue: unknown): boolean {
  const ci = !flags.caseSensitive;
  const item = withoutTokenText(itemValue);
  if (flags.regex) {
    const re = regexFor(cond, ci);
    const m = re.exec(toPSString(item));
    if (m) rt.session.current.setKey('matches', matchesTable(m, re), 'Matches');
    return m !== null;
  }
  if (flags.wildcard) return like(item, cond, ci);
  // pwsh compares a value with a clause by their text (unlike -eq): an enum never equals its number, $true
  // never equals 1, and 0.1 + 0.2 equals 0.3 (both print as 0.3). $null matches only $null.
  if (item === null || item === undefined || cond === null || cond === undefined) return (item ?? null) === (cond ?? null);
  return equals(toPSString(item), toPSString(cond), ci);
}

export function switchItems(v: unknown): unknown[] {
  if (v === undefined) return [];
  return isEnumerable(v) ? iterate(v) : [v];
}

function buildSwitch(s: A.SwitchStmt, src: string | undefined): StmtFn {
  const value = compileStmtValue(s.cond, src);
  const clauses = s.clauses.map((c) => ({
    block: c.cond.kind === 'ScriptBlockExpr' ? c.cond.block : undefined,
    cond: compileExpr(c.cond, src),
    body: compileBlock(c.body, src),
  }));
  const def = s.defaultBody ? compileBlock(s.defaultBody, src) : undefined;
  const label = s.label;
  return (rt, out) => {
    const items = switchItems(value(rt));
    const scope = rt.session.current;
    const saved = scope.vars.get('_')?.value ?? null;
    try {
      outer: for (const item of items) {
        scope.setKey('_', item);
        let matched = false;
        try {
          for (const c of clauses) {
            let ok: boolean;
            if (c.block) {
              const r = cr(rt).makeScriptBlock(c.block).invoke({ dollarUnder: item, newScope: false });
              if (r instanceof Promise) throw Errors.notSupported('A command in a switch condition');
              ok = toBool(collapse(r));
            } else ok = switchTest(rt, s.flags, c.cond(rt), item);
            if (ok) { matched = true; scope.setKey('_', item); c.body(rt, out); }
          }
          if (!matched && def) def(rt, out);
        } catch (e) {
          if (isFlowSignal(e) && (e instanceof BreakSignal || e instanceof ContinueSignal) && (e.label === undefined || e.label.toLowerCase() === label)) {
            if (e instanceof BreakSignal) break outer;
            continue outer;
          }
          throw e;
        }
      }
    } finally {
      scope.setKey('_', saved);
    }
  };
}
