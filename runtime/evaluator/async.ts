import { withTokenText, withoutTokenText } from '../values/numeric.js';
import type * as A from '../parser/ast.js';
import type { CommandArgument, CommandElement, Redirection } from '../commands/invocation.js';
import { isScriptBlock, type MaybePromise } from '../values/scriptblock.js';
import { PSHashtable } from '../values/hashtable.js';
import { PSObject } from '../values/psobject.js';
import { RuntimeError } from '../values/error-record.js';
import { BreakSignal, ContinueSignal, ReturnSignal, ExitSignal } from '../values/flow.js';
import { toPSString, toBool, toNumber, convertToType } from '../values/convert.js';
import { getIndex, invokeMethod } from '../values/members.js';
import { binary, unary, iterate, isEnumerable, rangeIterable, stepValue } from './operators.js';
import { Errors } from './errors.js';
import {
  compileExpr, compileStmt, compileStmtValue, invokeStatic, loopSignal, switchItems, switchTest, type CompileRuntime,
} from './compile.js';
import {
  pushOut, collapse, readVariable, writeLValue, readLValue, compoundValue, getMemberValue, resolveTypeOrThrow,
  throwRecord, catchMatches, findCatch, stamp, asRuntimeError, isFlowSignal, positionOf, absorbStatementError, runBuffered, replay, type LValue,
  variableReference, isRefCast,
} from './helpers.js';
import { valueReference } from './reference.js';
import { execWithTraps, needsTrapHandling } from './traps.js';

/**
 * The asynchronous path: nodes that invoke commands (or may await) are walked here; their pure
 * subtrees run through the compiled synchronous closures.
 */
export type Sink = (v: unknown) => MaybePromise<void>;

async function emitAll(sink: Sink, values: unknown[]): Promise<void> {
  for (const v of values) { const r = sink(v); if (r) await r; }
}

async function emitValue(sink: Sink, v: unknown): Promise<void> {
  const out: unknown[] = [];
  pushOut(out, v);
  await emitAll(sink, out);
}

/** Runs a pure statement synchronously, forwarding what it wrote even when it then fails. */
async function runPure(rt: CompileRuntime, s: A.Statement, src: string | undefined, sink: Sink): Promise<void> {
  const fn = compileStmt(s, src);
  const b = runBuffered(rt, (out) => fn(rt, out));
  await replay(rt, b, sink);
  if (b.thrown !== undefined) throw b.thrown;
}

export async function execBlock(rt: CompileRuntime, list: readonly A.Statement[], src: string | undefined, sink: Sink): Promise<void> {
  if (needsTrapHandling(rt, list)) return execWithTraps(rt, list, src, sink, execStmt, execBlock);
  for (const s of list) await execStmt(rt, s, src, sink);
}

export async function execStmt(rt: CompileRuntime, s: A.Statement, src: string | undefined, sink: Sink): Promise<void> {
  if (s.pure) return runPure(rt, s, src, sink);
  try {
    await execImpure(rt, s, src, sink);
  } catch (e) {
    const err = stamp(e, src, s.kind === 'Assign' ? s.value : s);
    if (!absorbStatementError(rt, err)) throw err;
  }
}

export async function evalStmtValue(rt: CompileRuntime, s: A.Statement, src: string | undefined): Promise<unknown> {
  if (s.pure) return compileStmtValue(s, src)(rt);
  if (s.kind === 'Pipeline' && s.elements.length === 1 && s.elements[0]!.kind === 'CommandExpr' && s.elements[0]!.redirections.length === 0) {
    return evalExpr(rt, s.elements[0]!.expr, src);
  }
  if (s.kind === 'Assign') return execAssign(rt, s, src);
  const out: unknown[] = [];
  await execStmt(rt, s, src, (v) => { out.push(v); });
  return collapse(out);
}

async function execImpure(rt: CompileRuntime, s: A.Statement, src: string | undefined, sink: Sink): Promise<void> {
  switch (s.kind) {
    case 'Pipeline': return execPipeline(rt, s, src, sink);
    case 'Assign': await execAssign(rt, s, src); return;
    case 'Chain': {
      rt.session.lastSucceeded = true;
      await execStmt(rt, s.left, src, sink);
      if (rt.session.lastSucceeded === (s.op === '&&')) await execStmt(rt, s.right, src, sink);
      return;
    }
    case 'If': {
      for (const [c, b] of s.clauses) {
        if (toBool(await evalStmtValue(rt, c, src))) { await execBlock(rt, b, src, sink); return; }
      }
      if (s.elseBody) await execBlock(rt, s.elseBody, src, sink);
      return;
    }
    case 'While':
      while (toBool(await evalStmtValue(rt, s.cond, src))) {
        try { await execBlock(rt, s.body, src, sink); } catch (e) { if (loopSignal(e, s.label) === 'break') break; }
      }
      return;
    case 'Do':
      for (;;) {
        try { await execBlock(rt, s.body, src, sink); } catch (e) { if (loopSignal(e, s.label) === 'break') break; }
        if (toBool(await evalStmtValue(rt, s.cond, src)) === s.until) break;
      }
      return;
    case 'For':
      if (s.init) await execStmt(rt, s.init, src, sink);
      while (!s.cond || toBool(await evalStmtValue(rt, s.cond, src))) {
        try { await execBlock(rt, s.body, src, sink); } catch (e) { if (loopSignal(e, s.label) === 'break') break; }
        if (s.iter) await execStmt(rt, s.iter, src, () => undefined);
      }
      return;
    case 'Foreach': {
      const items = iterate(await evalStmtValue(rt, s.iter, src));
      for (const item of items) {
        writeLValue(rt, { kind: 'var', v: s.variable }, item);
        try { await execBlock(rt, s.body, src, sink); } catch (e) { if (loopSignal(e, s.label) === 'break') break; }
      }
      return;
    }
    case 'Switch': return execSwitch(rt, s, src, sink);
    case 'Try': {
      try {
        rt.session.tryDepth++;
        try { await execBlock(rt, s.body, src, sink); } finally { rt.session.tryDepth--; }
      } catch (e) {
        const err = asRuntimeError(e);
        if (!(err instanceof RuntimeError)) throw err;
        const c = findCatch(s.catches, err.record);
        if (!c) throw err;
        rt.session.recordError(err.record);
        rt.session.lastSucceeded = false;
        const saved = rt.session.current.vars.get('_')?.value;
        rt.session.current.setKey('_', err.record);
        try { await execBlock(rt, c.body, src, sink); } finally { rt.session.current.setKey('_', saved ?? null); }
      } finally {
        if (s.finallyBody) await execBlock(rt, s.finallyBody, src, sink);
      }
      return;
    }
    case 'Throw': throw throwRecord(s.value ? await evalStmtValue(rt, s.value, src) : undefined);
    case 'Return':
      if (s.value) await execStmt(rt, s.value, src, sink);
      throw new ReturnSignal([]);
    case 'Exit': {
      const x = s.value ? await evalStmtValue(rt, s.value, src) : 0;
      throw new ExitSignal(x === undefined || x === null ? 0 : Math.trunc(toNumber(x)));
    }
    case 'Break': case 'Continue': {
      const label = s.label ? toPSString(await evalExpr(rt, s.label, src)) : undefined;
      throw s.kind === 'Break' ? new BreakSignal(label) : new ContinueSignal(label);
    }
    case 'Function': return runPure(rt, s, src, sink);
    case 'Block': return execBlock(rt, s.body, src, sink);
    case 'Trap': return; // in force for its whole statement list (execWithTraps)
  }
}

async function execSwitch(rt: CompileRuntime, s: A.SwitchStmt, src: string | undefined, sink: Sink): Promise<void> {
  const items = switchItems(await evalStmtValue(rt, s.cond, src));
  const scope = rt.session.current;
  const saved = scope.vars.get('_')?.value ?? null;
  try {
    outer: for (const item of items) {
      scope.setKey('_', item);
      let matched = false;
      try {
        for (const c of s.clauses) {
          let ok: boolean;
          if (c.cond.kind === 'ScriptBlockExpr') {
            const r = await rt.makeScriptBlock(c.cond.block).invoke({ dollarUnder: item, newScope: false });
            ok = toBool(collapse(r));
          } else ok = switchTest(rt, s.flags, await evalExpr(rt, c.cond, src), item);
          if (ok) { matched = true; scope.setKey('_', item); await execBlock(rt, c.body, src, sink); }
        }
        if (!matched && s.defaultBody) await execBlock(rt, s.defaultBody, src, sink);
      } catch (e) {
        if ((e instanceof BreakSignal || e instanceof ContinueSignal) && (e.label === undefined || e.label.toLowerCase() === s.label)) {
          if (e instanceof BreakSignal) break outer;
          continue outer;
        }
        throw e;
      }
    }
  } finally {
    scope.setKey('_', saved);
  }
}

async function execAssign(rt: CompileRuntime, s: A.AssignStmt, src: string | undefined): Promise<unknown> {
  const target = await lvalueAsync(rt, s.target, src);
  if (s.op === '??=') {
    const cur = readLValue(rt, target);
    if (cur !== null && cur !== undefined) return cur;
  }
  let v = await evalStmtValue(rt, s.value, src);
  if (s.op === '??=') { writeLValue(rt, target, v); return v === undefined ? null : v; }
  if (s.op !== '=') v = compoundValue(rt, s.op, readLValue(rt, target), v);
  writeLValue(rt, target, v);
  return v === undefined ? null : v;
}

async function lvalueAsync(rt: CompileRuntime, e: A.Expr, src: string | undefined): Promise<LValue> {
  switch (e.kind) {
    case 'Var': return { kind: 'var', v: e };
    case 'Convert':
      if (e.expr.kind === 'Var') return { kind: 'var', v: e.expr, type: resolveTypeOrThrow(e.type) };
      return lvalueAsync(rt, e.expr, src);
    case 'Member': return { kind: 'member', obj: await evalExpr(rt, e.target, src), name: toPSString(await evalExpr(rt, e.member, src)) };
    case 'Index': return { kind: 'index', obj: await evalExpr(rt, e.target, src), index: await evalExpr(rt, e.index, src) };
    case 'ArrayLiteral': {
      const targets: LValue[] = [];
      for (const i of e.items) targets.push(await lvalueAsync(rt, i, src));
      return { kind: 'multi', targets };
    }
    case 'Paren':
      if (e.stmt.kind === 'Pipeline' && e.stmt.elements[0]?.kind === 'CommandExpr') return lvalueAsync(rt, e.stmt.elements[0].expr, src);
  }
  throw Errors.notSupported('This assignment target');
}

// ---------- expressions ----------

export async function evalExpr(rt: CompileRuntime, e: A.Expr, src: string | undefined): Promise<unknown> {
  if (e.pure) return compileExpr(e, src)(rt);
  switch (e.kind) {
    case 'Const': case 'Var': case 'TypeLit': case 'ScriptBlockExpr': return compileExpr(e, src)(rt);
    case 'ExpandString': {
      let s = '';
      for (const p of e.parts) s += typeof p === 'string' ? p : toPSString(withoutTokenText(await evalExpr(rt, p, src)));
      return s;
    }
    case 'ArrayLiteral': {
      const a: unknown[] = [];
      for (const i of e.items) { const v = await evalExpr(rt, i, src); a.push(v === undefined ? null : v); }
      return a;
    }
    case 'ArraySub': { const out: unknown[] = []; await execBlock(rt, e.body, src, (v) => { out.push(v); }); return out; }
    case 'SubExpr': { const out: unknown[] = []; await execBlock(rt, e.body, src, (v) => { out.push(v); }); return collapse(out); }
    case 'Paren': return evalStmtValue(rt, e.stmt, src);
    case 'Hash': {
      const h = new PSHashtable();
      for (const [k, v] of e.entries) { const key = await evalExpr(rt, k, src); const val = await evalStmtValue(rt, v, src); h.set(key, val === undefined ? null : val); }
      return h;
    }
    case 'Convert': {
      const tn = e.type.name.toLowerCase();
      if (e.expr.kind === 'Hash' && (tn === 'ordered' || tn === 'pscustomobject' || tn === 'system.management.automation.pscustomobject')) {
        const h = new PSHashtable(true);
        for (const [k, v] of e.expr.entries) { const key = await evalExpr(rt, k, src); const val = await evalStmtValue(rt, v, src); h.set(key, val === undefined ? null : val); }
        return tn === 'ordered' ? h : PSObject.custom(h.entries().map(([k, v]) => [toPSString(k), v] as const));
      }
      if (isRefCast(tn)) {
        const target = e.expr;
        if (target.kind === 'Var' && target.scope !== 'env' && target.scope !== 'function' && target.scope !== 'using') return variableReference(rt, target);
        return valueReference(await evalExpr(rt, target, src));
      }
      const v = await evalExpr(rt, e.expr, src);
      if (tn === 'void' || tn === 'system.void') return undefined;
      return convertToType(v, resolveTypeOrThrow(e.type));
    }
    case 'Attributed': return evalExpr(rt, e.expr, src);
    case 'Unary': return unary(e.op, await evalExpr(rt, e.expr, src), rt.hooks);
    case 'Ternary': return toBool(await evalExpr(rt, e.cond, src)) ? evalExpr(rt, e.ifTrue, src) : evalExpr(rt, e.ifFalse, src);
    case 'Binary': {
      const l = await evalExpr(rt, e.left, src);
      if (e.op === '??') return l === null || l === undefined ? evalExpr(rt, e.right, src) : l;
      if (e.op === 'and') return toBool(l) && toBool(await evalExpr(rt, e.right, src));
      if (e.op === 'or') return toBool(l) || toBool(await evalExpr(rt, e.right, src));
      return binary(e.op, l, await evalExpr(rt, e.right, src), rt.hooks);
    }
    case 'Member': {
      const t = await evalExpr(rt, e.target, src);
      return getMemberValue(rt, t, toPSString(await evalExpr(rt, e.member, src)), e.isStatic);
    }
    case 'Invoke': {
      const t = await evalExpr(rt, e.target, src);
      const name = toPSString(await evalExpr(rt, e.member, src));
      const args: unknown[] = [];
      for (const a of e.args) args.push(await evalExpr(rt, a, src));
      return e.isStatic ? invokeStatic(rt, t, name, args) : await invokeMethod(t, name, args, rt.memberHost);
    }
    case 'Index': return getIndex(await evalExpr(rt, e.target, src), await evalExpr(rt, e.index, src));
    case 'IncDec': {
      const target = await lvalueAsync(rt, e.target, src);
      const old = readLValue(rt, target);
      const n = stepValue(old, e.op === '++' ? 1 : -1);
      writeLValue(rt, target, n);
      return e.prefix ? n : old ?? 0;
    }
  }
}

// ---------- pipelines ----------

async function execPipeline(rt: CompileRuntime, s: A.PipelineStmt, src: string | undefined, sink: Sink): Promise<void> {
  let els = s.elements;
  let input: unknown[] | undefined;
  const first = els[0]!;
  let lazy: Iterable<unknown> | undefined;
  if (first.kind === 'CommandExpr' && els.length > 1 && first.expr.kind === 'Binary' && first.expr.op === '..' && first.redirections.length === 0) {
    lazy = rangeIterable(await evalExpr(rt, first.expr.left, src), await evalExpr(rt, first.expr.right, src));
  }
  if (lazy) {
    els = els.slice(1);
  } else if (first.kind === 'CommandExpr') {
    const v = await evalExpr(rt, first.expr, src);
    if (els.length === 1) {
      if (first.expr.kind === 'IncDec') return;
      return redirectExpression(rt, first, v, src, sink);
    }
    input = v === undefined ? [] : isEnumerable(v) ? iterate(v) : [v];
    els = els.slice(1);
  }
  const elements: CommandElement[] = [];
  for (const el of els) {
    if (el.kind !== 'Command') throw Errors.notSupported('An expression after the first element of a pipeline');
    elements.push(await commandElement(rt, el, src));
  }
  const res = await rt.host.runPipeline({ elements, input: lazy ?? input, sink });
  rt.session.lastSucceeded = res.succeeded;
}

/** `expr > file`, `expr > $null`, `expr 2>&1`: an expression's output with redirections. */
async function redirectExpression(rt: CompileRuntime, el: A.CommandExprAst, v: unknown, src: string | undefined, sink: Sink): Promise<void> {
  const fileRedirect = el.redirections.find((r) => !r.merge && (r.stream === 'output' || r.stream === 'all'));
  if (!fileRedirect) return emitValue(sink, v);
  const target = fileRedirect.target ? await evalExpr(rt, fileRedirect.target, src) : null;
  if (target === null || target === undefined) return;
  const args: CommandArgument[] = [{ kind: 'positional', value: toPSString(target) }];
  if (fileRedirect.append) args.push({ kind: 'parameter', name: 'Append', text: '-Append', hasValue: false });
  const res = await rt.host.runPipeline({
    elements: [{ name: 'Out-File', args, position: positionOf(src, el) }],
    input: v === undefined ? [] : isEnumerable(v) ? iterate(v) : [v],
    sink,
  });
  rt.session.lastSucceeded = res.succeeded;
}

async function commandElement(rt: CompileRuntime, el: A.CommandAst, src: string | undefined): Promise<CommandElement> {
  let name: string | undefined;
  let scriptBlock: CommandElement['scriptBlock'];
  if (el.invocation) {
    const n = await evalExpr(rt, el.name, src);
    if (isScriptBlock(n)) scriptBlock = n;
    else if (n === null || n === undefined) throw Errors.badInvocationExpression(el.invocation);
    else if (n instanceof PSObject && n.hasProperty('Name')) name = toPSString(n.get('Name'));
    else name = toPSString(n);
  } else {
    name = toPSString((el.name as A.ConstExpr).value);
  }
  const args: CommandArgument[] = [];
  for (const a of el.args) {
    if (a.kind === 'param') {
      if (a.value) {
        const v = a.value.kind === 'Const' && a.value.text !== undefined ? withTokenText(a.value.value, a.value.text) : await evalExpr(rt, a.value, src);
        args.push({ kind: 'parameter', name: a.name, text: a.text, hasValue: true, value: v === undefined ? null : v });
      } else args.push({ kind: 'parameter', name: a.name, text: a.text, hasValue: false });
    } else if (a.kind === 'arg') {
      // A numeric literal argument keeps its text (`0x10`, `1kb`) for string conversions, as PowerShell's TokenText does.
      const v = a.expr.kind === 'Const' && a.expr.text !== undefined ? withTokenText(a.expr.value, a.expr.text) : await evalExpr(rt, a.expr, src);
      args.push({ kind: 'positional', value: v === undefined ? null : v });
    } else {
      const v = readVariable(rt, a.variable);
      if (v instanceof PSHashtable) {
        for (const [k, x] of v.entries()) {
          const key = toPSString(k);
          args.push({ kind: 'parameter', name: key, text: '-' + key, hasValue: true, value: x });
        }
      } else if (Array.isArray(v)) {
        for (const x of v) args.push({ kind: 'positional', value: x, fromSplat: true });
      } else if (v !== null && v !== undefined) {
        args.push({ kind: 'positional', value: v, fromSplat: true });
      }
    }
  }
  const redirections: Redirection[] = [];
  for (const r of el.redirections) {
    if (r.merge) redirections.push({ stream: r.stream, target: { merge: true } });
    else {
      const t = r.target ? await evalExpr(rt, r.target, src) : null;
      redirections.push({ stream: r.stream, target: { file: t === null || t === undefined ? null : toPSString(t), append: r.append } });
    }
  }
  const position = { ...positionOf(src, el), commandName: name };
  return { name, scriptBlock, dotSource: el.invocation === '.', invocationOperator: el.invocation ?? undefined, args, redirections, position };
}

export { isFlowSignal };
