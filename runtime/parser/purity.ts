import type * as A from './ast.js';

/** Methods that run a script block argument: pure only when every block they get is a pure literal. */
const BLOCK_METHODS = new Set(['where', 'foreach']);
const INVOKE_METHODS = new Set(['invoke', 'invokereturnasis', 'getnewclosure']);

/**
 * Marks every node `pure` when it (and everything under it) runs no command. Pure subtrees are
 * evaluated synchronously; script blocks get isPure from their body.
 */
export function annotate(n: A.Node | A.ScriptBlockAst): boolean {
  const all = (xs: readonly (A.Node | undefined)[]) => { let ok = true; for (const x of xs) if (x && !annotate(x)) ok = false; return ok; };
  const stmts = (xs: readonly A.Statement[] | undefined) => (xs ? all(xs) : true);
  let pure: boolean;
  switch (n.kind) {
    case 'Const': case 'Var': case 'TypeLit': pure = true; break;
    case 'ExpandString': pure = all(n.parts.filter((p): p is A.Expr => typeof p !== 'string')); break;
    case 'ArrayLiteral': pure = all(n.items); break;
    case 'ArraySub': case 'SubExpr': pure = stmts(n.body); break;
    case 'Paren': pure = annotate(n.stmt); break;
    case 'Hash': { let ok = true; for (const [k, v] of n.entries) { if (!annotate(k)) ok = false; if (!annotate(v)) ok = false; } pure = ok; break; }
    case 'ScriptBlockExpr': annotate(n.block); pure = true; break;
    case 'ScriptBlock': {
      const paramsPure = all((n.params ?? []).map((p) => p.defaultValue));
      for (const p of n.params ?? []) for (const a of p.attributes) all([...a.positional, ...a.named.map((x) => x.value)]);
      const b = stmts(n.beginBlock), pr = stmts(n.processBlock), e = stmts(n.endBlock);
      pure = paramsPure && b && pr && e;
      break;
    }
    case 'Convert': pure = annotate(n.expr); break;
    case 'Attributed': pure = annotate(n.expr); break;
    case 'Unary': pure = annotate(n.expr); break;
    case 'Binary': pure = all([n.left, n.right]); break;
    case 'Ternary': pure = all([n.cond, n.ifTrue, n.ifFalse]); break;
    case 'Member': pure = all([n.target, n.member]); break;
    case 'Index': pure = all([n.target, n.index]); break;
    case 'IncDec': pure = annotate(n.target); break;
    case 'Invoke': {
      pure = all([n.target, n.member, ...n.args]);
      const name = n.member.kind === 'Const' ? String(n.member.value).toLowerCase() : '';
      if (n.member.kind !== 'Const' || INVOKE_METHODS.has(name)) pure = false;
      if (BLOCK_METHODS.has(name) && !n.args.every((a) => a.kind === 'Const' || (a.kind === 'ScriptBlockExpr' && a.block.pure))) pure = false;
      // [scriptblock]::Create(...).Invoke() and friends are caught by INVOKE_METHODS.
      break;
    }
    case 'Command': {
      all([n.name]);
      for (const a of n.args) { if (a.kind === 'param') { if (a.value) annotate(a.value); } else if (a.kind === 'arg') annotate(a.expr); }
      for (const r of n.redirections) if (r.target) annotate(r.target);
      pure = false;
      break;
    }
    case 'CommandExpr': {
      pure = annotate(n.expr) && n.redirections.length === 0;
      for (const r of n.redirections) if (r.target) annotate(r.target);
      break;
    }
    case 'Pipeline': pure = all(n.elements); break;
    case 'Chain': pure = all([n.left, n.right]); break;
    case 'Assign': pure = all([n.target, n.value]); break;
    case 'If': { let ok = true; for (const [c, b] of n.clauses) { if (!annotate(c)) ok = false; if (!stmts(b)) ok = false; } if (!stmts(n.elseBody)) ok = false; pure = ok; break; }
    case 'While': case 'Do': { const c = annotate(n.cond); const b = stmts(n.body); pure = c && b; break; }
    case 'For': { const c = all([n.init, n.cond, n.iter]); const b = stmts(n.body); pure = c && b; break; }
    case 'Foreach': { const c = annotate(n.iter); const b = stmts(n.body); pure = c && b; break; }
    case 'Switch': {
      let ok = annotate(n.cond);
      for (const c of n.clauses) { if (!annotate(c.cond)) ok = false; if (c.cond.kind === 'ScriptBlockExpr' && !c.cond.block.pure) ok = false; if (!stmts(c.body)) ok = false; }
      if (!stmts(n.defaultBody)) ok = false;
      pure = ok;
      break;
    }
    case 'Try': { let ok = stmts(n.body); for (const c of n.catches) if (!stmts(c.body)) ok = false; if (!stmts(n.finallyBody)) ok = false; pure = ok; break; }
    case 'Throw': case 'Return': case 'Exit': pure = n.value ? annotate(n.value) : true; break;
    case 'Break': case 'Continue': pure = n.label ? annotate(n.label) : true; break;
    case 'Function': annotate(n.body); pure = true; break;
    case 'Block': pure = stmts(n.body); break;
    // A scope with a trap runs statement by statement so the trap can resume after the one that failed.
    case 'Trap': stmts(n.body); pure = false; break;
  }
  n.pure = pure;
  return pure;
}
