/**
 * `trap` statements. A trap covers every statement of the script block or function it is written in
 * (before or after it) and the blocks nested in them, but not the functions they call (those have
 * their own scope). When a statement fails with a terminating error, the most fitting trap of the
 * innermost statement list runs in a child scope with $_ set to the error record, then:
 *   - `continue` in the trap: the error is dropped and the next statement runs;
 *   - `break` in the trap: the error goes on as a terminating error;
 *   - neither: the error is written to the error stream and the next statement runs.
 * While a trap is in force, statement-terminating errors (also those of called functions) reach it
 * instead of being written on the spot, the way they reach a catch block (tryDepth).
 */
import type * as A from '../parser/ast.js';
import { ErrorRecord, RuntimeError } from '../values/error-record.js';
import { BreakSignal, ContinueSignal } from '../values/flow.js';
import { Scope } from './session.js';
import { asRuntimeError, catchMatches, isFlowSignal } from './helpers.js';
import type { CompileRuntime } from './compile.js';
import type { MaybePromise } from '../values/scriptblock.js';

type Sink = (v: unknown) => MaybePromise<void>;
type Exec<T> = (rt: CompileRuntime, item: T, src: string | undefined, sink: Sink) => Promise<void>;

const trapLists = new WeakMap<readonly A.Statement[], A.TrapStmt[]>();

function trapsOf(list: readonly A.Statement[]): A.TrapStmt[] {
  let t = trapLists.get(list);
  if (!t) { t = list.filter((s): s is A.TrapStmt => s.kind === 'Trap'); trapLists.set(list, t); }
  return t;
}

/** Per scope: the trap lists of the statement lists running in it, innermost last. */
const active = new WeakMap<Scope, A.TrapStmt[][]>();

/** Does this statement list need trap handling (it declares traps, or runs where traps are in force)? */
export function needsTrapHandling(rt: CompileRuntime, list: readonly A.Statement[]): boolean {
  if (trapsOf(list).length) return true;
  const stack = active.get(rt.session.current);
  return !!stack && stack.length > 0;
}

export async function execWithTraps(rt: CompileRuntime, list: readonly A.Statement[], src: string | undefined, sink: Sink,
  execStmt: Exec<A.Statement>, execBody: Exec<readonly A.Statement[]>): Promise<void> {
  const traps = trapsOf(list);
  const scope = rt.session.current;
  let stack = active.get(scope);
  if (!stack) { stack = []; active.set(scope, stack); }
  if (traps.length) stack.push(traps);
  try {
    for (const s of list) {
      if (s.kind === 'Trap') continue;
      let failure: unknown;
      rt.session.tryDepth++;
      try { await execStmt(rt, s, src, sink); } catch (e) { failure = e ?? new Error('null'); } finally { rt.session.tryDepth--; }
      if (failure === undefined) continue;
      if (isFlowSignal(failure)) throw failure;
      const err = asRuntimeError(failure);
      if (!(err instanceof RuntimeError)) throw failure;
      const trap = pick(stack, err);
      if (!trap) throw err;
      const outcome = await runTrap(rt, trap, err, src, sink, execBody);
      // pwsh rethrows the exception wrapped (ParentContainsErrorRecordException), which its error view names.
      if (outcome === 'break') throw rethrown(err);
      if (outcome === 'report') {
        rt.session.lastSucceeded = false;
        rt.reportError?.(err.record);
      }
    }
  } finally {
    if (traps.length) stack.pop();
  }
}

/** The innermost list's trap for this error: one whose type matches, else an untyped one. */
function pick(stack: readonly A.TrapStmt[][], err: RuntimeError): A.TrapStmt | undefined {
  for (let i = stack.length - 1; i >= 0; i--) {
    const list = stack[i]!;
    const typed = list.find((t) => t.types.length > 0 && catchMatches(t.types, err.record));
    if (typed) return typed;
    const any = list.find((t) => t.types.length === 0);
    if (any) return any;
  }
  return undefined;
}

async function runTrap(rt: CompileRuntime, trap: A.TrapStmt, err: RuntimeError, src: string | undefined, sink: Sink,
  execBody: Exec<readonly A.Statement[]>): Promise<'continue' | 'break' | 'report'> {
  rt.session.recordError(err.record);
  const prev = rt.session.current;
  const scope = new Scope(prev, 'block');
  scope.setKey('_', err.record);
  rt.session.current = scope;
  try {
    await execBody(rt, trap.body, src, sink);
  } catch (e) {
    if (e instanceof ContinueSignal) return 'continue';
    if (e instanceof BreakSignal) return 'break';
    throw e;
  } finally {
    rt.session.current = prev;
  }
  return 'report';
}

function rethrown(err: RuntimeError): RuntimeError {
  const r = err.record;
  const copy = new ErrorRecord(r.message, r.errorId, r.category, r.targetObject, 'System.Management.Automation.ParentContainsErrorRecordException',
    r.position, r.commandTypeName, r.inner);
  return new RuntimeError(copy);
}
