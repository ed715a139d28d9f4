import type * as A from '../parser/ast.js';
import { toBool } from '../values/convert.js';
import { binary, unary } from './operators.js';
import { getMemberValue, stamp, absorbStatementError, type Runtime } from './helpers.js';
import type { Scope, Variable } from './session.js';
import {
  compileExpr, dollarUnder, type ExprFn, opRem, opAdd, opSub, opMul, opEq, opNe, opLt, opGt, opLe, opGe, readPlainVariable, readDollarUnder,
} from './compile.js';

/**
 * A script block body that is one expression and runs once per pipeline object (`Where-Object
 * { $_ % 3 -eq 0 }`, `ForEach-Object { $_.Name }`) as one generated JS function instead of a tree of closures.
 *
 * Why: compileExpr's closures are shared code, so inside them the calls to operand closures see every
 * expression of the program and V8 cannot inline them; each costs a few nanoseconds, which is most of a
 * small filter's cost. A generated function has call sites of its own: the operators and variable reads
 * it calls (the same functions compile.ts's closures call, so the semantics are one) are inlined.
 * Constants, variables, the fast-path operators, -and/-or/-not, parentheses and property reads are
 * generated; any other node is called as its compiled closure.
 */

/** Larger expressions gain little and cost more to generate. */
const MAX_NODES = 40;

const OPS: Record<string, string> = {
  '%': 'opRem', '+': 'opAdd', '-': 'opSub', '*': 'opMul', eq: 'opEq', ne: 'opNe', lt: 'opLt', gt: 'opGt', le: 'opLe', ge: 'opGe',
};

const HELPERS = {
  opRem, opAdd, opSub, opMul, opEq, opNe, opLt, opGt, opLe, opGe, readPlainVariable, readDollarUnder, toBool, binary, unary, getMemberValue,
};

/** Where an item function finds the $_ variable of the scope it runs in (scriptblock.ts's UnderSlot). */
export interface DollarUnderSlot { variable(scope: Scope): Variable }

type ItemFactory = (rt: Runtime, slot: DollarUnderSlot, node: A.Statement) => (item: unknown) => unknown;
const items = new WeakMap<A.Expr, ItemFactory | null>();
const tests = new WeakMap<A.Expr, ItemFactory | null>();

/**
 * A script block whose body is the single expression `e`, as the per-object function Where-Object and
 * ForEach-Object call (ScriptBlock.itemFunction): $_ set in the caller's scope and restored after, the
 * hint for `$_` reads in compiled closures set likewise, $? set, a statement-terminating error stamped
 * with the statement's position and reported (or thrown under try or -ErrorAction Stop) — what the
 * closure version in scriptblock.ts does — with the expression generated inline, `$_` read from the
 * variable in hand. Null when the expression is too large to be worth generating.
 */
export function hotItemFunction(e: A.Expr, src: string | undefined, rt: Runtime, slot: DollarUnderSlot, node: A.Statement): ((item: unknown) => unknown) | null {
  let make = items.get(e);
  if (make === undefined) { make = factory(e, src, false); items.set(e, make); }
  return make === null ? null : make(rt, slot, node);
}

/** The same as a test (ScriptBlock.itemTest, Where-Object): IsTrue of the output, false after a reported error. */
export function hotItemTest(e: A.Expr, src: string | undefined, rt: Runtime, slot: DollarUnderSlot, node: A.Statement): ((item: unknown) => boolean) | null {
  let make = tests.get(e);
  if (make === undefined) { make = factory(e, src, true); tests.set(e, make); }
  return make === null ? null : make(rt, slot, node) as (item: unknown) => boolean;
}

/** LanguagePrimitives.IsTrue of an item function's output (a byte array is its bytes). */
export function outputIsTrue(r: unknown): boolean {
  if (r instanceof Uint8Array) return r.length > 1 || (r.length === 1 && r[0] !== 0);
  return toBool(r);
}

function factory(e: A.Expr, src: string | undefined, test: boolean): ItemFactory | null {
  const g = new Generator(src, '$v.value');
  const body = g.expr(e);
  if (g.nodes > MAX_NODES) return null;
  // Only compiled closures (fallbacks) read $_ through the hint; without them it need not be set.
  const hint = g.fallbacks.length > 0;
  return new Function(...Object.keys(HELPERS), 'k', 'f', 'du', 'stamp', 'absorbStatementError', 'outputIsTrue', 'src', `
    return function (rt, slot, node) {
      const session = rt.session;
      return function ${test ? 'hotTest' : 'hotItem'}(item) {
        const $scope = session.current;
        const $v = slot.variable($scope);
        const $old = $v.value;
        ${hint ? 'const $outerScope = du.scope, $outerVar = du.v; du.scope = $scope; du.v = $v;' : ''}
        $v.value = item;
        try {
          const $r = ${body};
          session.lastSucceeded = true;
          return ${test ? 'outputIsTrue($r)' : '$r'};
        } catch ($e) {
          const $err = stamp($e, src, node);
          if (!absorbStatementError(rt, $err)) throw $err;
          return ${test ? 'false' : 'undefined'};
        } finally {
          $v.value = $old;
          ${hint ? 'du.scope = $outerScope; du.v = $outerVar;' : ''}
        }
      };
    };`)(...Object.values(HELPERS), g.consts, g.fallbacks, dollarUnder, stamp, absorbStatementError, outputIsTrue, src) as ItemFactory;
}

class Generator {
  readonly consts: unknown[] = [];
  readonly fallbacks: ExprFn[] = [];
  nodes = 0;
  /** Nodes turned into code (not fallbacks): with fewer than two there is nothing to gain. */
  generated = 0;

  /** dollarUnder: the code that reads `$_` when the generated function has the variable in hand. */
  constructor(private readonly src: string | undefined, private readonly dollarUnder?: string) {}

  expr(e: A.Expr): string {
    this.nodes++;
    const code = this.node(e);
    if (code === undefined) {
      this.fallbacks.push(compileExpr(e, this.src));
      return `f[${this.fallbacks.length - 1}](rt)`;
    }
    this.generated++;
    return code;
  }

  private constant(v: unknown): string {
    if (v === null) return 'null';
    if (v === undefined) return 'undefined';
    if (typeof v === 'boolean') return String(v);
    if (typeof v === 'string') return JSON.stringify(v);
    if (typeof v === 'number' && Number.isFinite(v) && !Object.is(v, -0)) return `(${String(v)})`;
    this.consts.push(v);
    return `k[${this.consts.length - 1}]`;
  }

  private node(e: A.Expr): string | undefined {
    switch (e.kind) {
      case 'Const': return this.constant(e.value);
      case 'Var': {
        if (e.scope) return undefined;
        switch (e.name) {
          case 'true': return 'true';
          case 'false': return 'false';
          case 'null': return 'null';
          case '?': return 'rt.session.lastSucceeded';
          case '_': return this.dollarUnder ?? `readDollarUnder(rt, ${this.constant(e.display)})`;
        }
        return `readPlainVariable(rt, ${JSON.stringify(e.name)}, ${this.constant(e.display)})`;
      }
      case 'Binary': {
        if (e.op === '??') return undefined;
        const l = this.expr(e.left), r = this.expr(e.right);
        const op = OPS[e.op];
        if (op) return `${op}(${l}, ${r}, rt)`;
        if (e.op === 'and') return `(toBool(${l}) && toBool(${r}))`;
        if (e.op === 'or') return `(toBool(${l}) || toBool(${r}))`;
        return `binary(${JSON.stringify(e.op)}, ${l}, ${r}, rt.hooks)`;
      }
      case 'Unary': {
        const x = this.expr(e.expr);
        return e.op === 'not' ? `(!toBool(${x}))` : `unary(${JSON.stringify(e.op)}, ${x}, rt.hooks)`;
      }
      case 'Paren': {
        const s = e.stmt;
        if (s.kind !== 'Pipeline' || s.elements.length !== 1) return undefined;
        const el = s.elements[0]!;
        if (el.kind !== 'CommandExpr' || el.redirections.length !== 0) return undefined;
        return this.expr(el.expr);
      }
      case 'Member': {
        if (e.isStatic || e.member.kind !== 'Const' || typeof e.member.value !== 'string') return undefined;
        return `getMemberValue(rt, ${this.expr(e.target)}, ${JSON.stringify(e.member.value)}, false)`;
      }
    }
    return undefined;
  }
}
