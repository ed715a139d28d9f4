import type * as A from '../parser/ast.js';
import type { ParameterMeta } from '../commands/parameter.js';
import type { TypeSpec, TypeKind } from '../commands/types.js';
import type { ScriptBlock, ScriptBlockInvocation, Output, MaybePromise } from '../values/scriptblock.js';
import { PSHashtable } from '../values/hashtable.js';
import { PSObject } from '../values/psobject.js';
import { throwRecord, runBuffered, replay, pushOut, stamp, absorbStatementError } from './helpers.js';
import { ReturnSignal } from '../values/flow.js';
import { toPSString, toBool, convertToType } from '../values/convert.js';
import { resolveType, type TypeInfo } from './types.js';
import { Scope, Variable } from './session.js';
import { compileBlock, compileExpr, dollarUnder, type CompileRuntime, type StmtFn, type ExprFn } from './compile.js';
import { execBlock, evalExpr } from './async.js';
import { hotItemFunction, hotItemTest, outputIsTrue } from './hot-expr.js';

const KIND_BY_CATEGORY: Partial<Record<TypeInfo['category'], TypeKind>> = {
  object: 'object', string: 'string', char: 'char', bool: 'bool', switch: 'switch', int: 'int', long: 'long', double: 'double',
  single: 'double', decimal: 'decimal', byte: 'byte', short: 'int', ushort: 'int', uint: 'long', ulong: 'long', sbyte: 'int',
  datetime: 'datetime', timespan: 'timespan', guid: 'guid', securestring: 'securestring', credential: 'credential',
  scriptblock: 'scriptblock', hashtable: 'hashtable', ordered: 'hashtable', psobject: 'psobject', pscustomobject: 'psobject', enum: 'enum',
  certificate: 'certificate', uri: 'uri', version: 'version',
};

/** A TypeInfo as the command layer's TypeSpec. */
export function typeSpecOf(info: TypeInfo): TypeSpec {
  if (info.category === 'array' && info.element) {
    const el = typeSpecOf(info.element);
    return { kind: el.kind, name: `${el.name}[]`, element: el };
  }
  const kind = KIND_BY_CATEGORY[info.category] ?? 'object';
  return kind === 'enum' ? { kind, name: info.fullName, enumValues: info.enumValues ?? [], keepsEnum: true } : { kind, name: info.fullName };
}

function constValue(e: A.Expr | undefined): unknown {
  if (!e) return true;
  if (e.kind === 'Const') return e.value;
  if (e.kind === 'Var' && !e.scope) return e.name === 'true' ? true : e.name === 'false' ? false : e.name === 'null' ? null : undefined;
  if (e.kind === 'ArrayLiteral') return e.items.map(constValue);
  return undefined;
}

/** param() declarations → ParameterMeta, as PowerShell's compiled parameter metadata. */
export function parameterMeta(ast: A.ScriptBlockAst): ParameterMeta[] {
  const params = ast.params ?? [];
  const explicitPositions = params.some((p) => p.attributes.some((a) => a.name.toLowerCase() === 'parameter' && a.named.some((n) => n.name.toLowerCase() === 'position')));
  const positionalBinding = !ast.attributes.some((a) => a.name.toLowerCase() === 'cmdletbinding' && a.named.some((n) => n.name.toLowerCase() === 'positionalbinding' && constValue(n.value) === false));
  let nextPosition = 0;
  return params.map((p) => {
    const info = p.type ? resolveType(p.type.name) : undefined;
    const type: TypeSpec = info ? typeSpecOf(info) : { kind: 'object', name: 'System.Object' };
    const meta: Record<string, unknown> = { name: p.name, type };
    const sets: string[] = [];
    let position: number | undefined;
    for (const a of p.attributes) {
      const an = a.name.toLowerCase().replace(/^system\.management\.automation\./, '').replace(/attribute$/, '');
      if (an === 'parameter') {
        for (const n of a.named) {
          const v = constValue(n.value);
          switch (n.name.toLowerCase()) {
            case 'mandatory': meta.mandatory = toBool(v); break;
            case 'position': position = Number(v); break;
            case 'valuefrompipeline': meta.valueFromPipeline = toBool(v); break;
            case 'valuefrompipelinebypropertyname': meta.valueFromPipelineByPropertyName = toBool(v); break;
            case 'valuefromremainingarguments': meta.valueFromRemainingArguments = toBool(v); break;
            case 'parametersetname': sets.push(toPSString(v)); break;
            case 'helpmessage': meta.helpMessage = toPSString(v); break;
          }
        }
      } else if (an === 'validateset') {
        meta.validateSet = a.positional.map((x) => toPSString(constValue(x)));
      } else if (an === 'validatenotnullorempty' || an === 'validatenotnull') {
        meta.validateNotNullOrEmpty = true;
      } else if (an === 'validaterange') {
        const [lo, hi] = a.positional.map((x) => Number(constValue(x) ?? (x.kind === 'Unary' && x.op === '-' ? -Number(constValue(x.expr)) : NaN)));
        meta.validateRange = [lo, hi];
      } else if (an === 'alias') {
        meta.aliases = a.positional.flatMap((x) => { const v = constValue(x); return Array.isArray(v) ? v.map((y) => toPSString(y)) : [toPSString(v)]; });
      } else if (an === 'credential') {
        meta.credentialAttribute = true;
      }
    }
    if (sets.length) meta.sets = sets;
    if (position !== undefined) meta.position = position;
    else if (!explicitPositions && positionalBinding && type.kind !== 'switch') meta.position = nextPosition++;
    if (p.defaultValue) {
      meta.defaultExpression = p.defaultValue;
      meta.defaultValue = p.defaultValue.kind === 'Const' ? toPSString(p.defaultValue.value) : undefined;
    }
    return meta as unknown as ParameterMeta;
  });
}

/** A `{ ... }` made by the evaluator: runs in a child scope of the caller's (dynamic scoping), pure bodies synchronously. */
export class PSScriptBlock implements ScriptBlock {
  readonly kind = 'ScriptBlock' as const;
  functionName?: string;
  isFilter?: boolean;
  private meta?: ParameterMeta[];
  private paramTypes?: (TypeInfo | undefined)[];

  constructor(readonly ast: A.ScriptBlockAst, private readonly rt: CompileRuntime) {}

  get text(): string { return this.ast.text; }
  get isPure(): boolean { return this.ast.pure; }
  get hasNamedBlocks(): boolean { return this.ast.namedBlocks || !!this.isFilter; }
  get parameters(): ParameterMeta[] { return (this.meta ??= parameterMeta(this.ast)); }
  toString(): string { return this.ast.text; }

  private types(): (TypeInfo | undefined)[] {
    return (this.paramTypes ??= (this.ast.params ?? []).map((p) => (p.type ? resolveType(p.type.name) : undefined)));
  }

  /** Binds parameters into a scope: bound values, then positional args, then defaults (which may run commands). */
  private bind(scope: Scope, opts: ScriptBlockInvocation, positional: boolean): MaybePromise<void> {
    const params = this.ast.params ?? [];
    const bound = new PSHashtable();
    const given = new Map<string, unknown>();
    if (opts.boundParameters) for (const [k, v] of opts.boundParameters) given.set(k.toLowerCase(), v);
    const rest = [...(opts.args ?? [])];
    const types = this.types();
    const pending: [number, A.Expr][] = [];
    params.forEach((p, i) => {
      const key = p.name.toLowerCase();
      const t = types[i];
      if (given.has(key)) {
        const v = given.get(key);
        scope.vars.set(key, new Variable(p.name, v, t));
        bound.set(p.name, v);
      } else if (positional && rest.length && !(t && t.category === 'switch')) {
        const v = rest.shift();
        const cv = t ? convertToType(v, t) : v;
        scope.vars.set(key, new Variable(p.name, cv, t));
        bound.set(p.name, cv);
      } else if (p.defaultValue) {
        pending.push([i, p.defaultValue]);
        scope.vars.set(key, new Variable(p.name, null, t));
      } else {
        scope.vars.set(key, new Variable(p.name, t ? convertToType(null, t) : null, t));
      }
    });
    scope.vars.set('args', new Variable('args', positional ? rest : [...(opts.args ?? [])]));
    scope.vars.set('psboundparameters', new Variable('PSBoundParameters', bound));
    if (!pending.length) return;
    const src = this.ast.source;
    const session = this.rt.session;
    const prev = session.current;
    session.current = scope;
    const setDefault = (i: number, v: unknown) => {
      const t = types[i];
      scope.vars.get(params[i]!.name.toLowerCase())!.value = t ? convertToType(v === undefined ? null : v, t) : v === undefined ? null : v;
    };
    try {
      for (let k = 0; k < pending.length; k++) {
        const [i, e] = pending[k]!;
        if (!e.pure) {
          const remaining = pending.slice(k);
          return (async () => {
            session.current = scope;
            try { for (const [j, x] of remaining) setDefault(j, await evalExpr(this.rt, x, src)); } finally { session.current = prev; }
          })();
        }
        setDefault(i, compileExpr(e, src)(this.rt));
      }
    } finally {
      session.current = prev;
    }
  }

  /** The compiled body when the block is pure and has a single (end) body: the fast path for filters. */
  private fastBody?: StmtFn | null;

  private fast(): StmtFn | null {
    if (this.fastBody === undefined) {
      const ast = this.ast;
      this.fastBody = ast.pure && !ast.namedBlocks && !this.isFilter && ast.endBlock ? compileBlock(ast.endBlock, ast.source) : null;
    }
    return this.fastBody;
  }

  invoke(opts: ScriptBlockInvocation = {}): MaybePromise<Output> {
    // Fast path: Where-Object / ForEach-Object running a pure block in the caller's scope.
    if (opts.newScope === false && !opts.sink && !opts.args) {
      const body = this.fast();
      if (body) return this.invokeFast(body, opts);
    }
    const session = this.rt.session;
    const prev = session.current;
    const newScope = opts.newScope !== false;
    const scope = newScope ? new Scope(prev, 'block') : prev;
    let restoreUnder: (() => void) | undefined;
    if ('dollarUnder' in opts) {
      if (newScope) scope.vars.set('_', new Variable('_', opts.dollarUnder));
      else {
        const v = scope.vars.get('_');
        if (v) { const old = v.value; v.value = opts.dollarUnder; restoreUnder = () => { v.value = old; }; }
        else { scope.vars.set('_', new Variable('_', opts.dollarUnder)); restoreUnder = () => { scope.vars.delete('_'); underEpoch++; }; }
      }
    }
    if (newScope) {
      if (opts.input) scope.vars.set('input', new Variable('input', opts.input));
      const b = this.bind(scope, opts, true);
      if (b instanceof Promise) return b.then(() => this.run(scope, prev, opts, restoreUnder, undefined));
    }
    return this.run(scope, prev, opts, restoreUnder, undefined);
  }

  /** A body that is one expression (`{ $_ % 3 -eq 0 }`): evaluated directly, without an output statement. */
  private singleExpr?: { fn: ExprFn; node: A.Statement; expr: A.Expr } | null;

  private single(): { fn: ExprFn; node: A.Statement; expr: A.Expr } | null {
    if (this.singleExpr === undefined) {
      const b = this.ast.endBlock;
      const st = b && b.length === 1 ? b[0]! : undefined;
      const el = st && st.kind === 'Pipeline' && st.elements.length === 1 ? st.elements[0] : undefined;
      this.singleExpr = el && el.kind === 'CommandExpr' && el.redirections.length === 0 && el.expr.kind !== 'IncDec'
        ? { fn: compileExpr(el.expr, this.ast.source), node: st!, expr: el.expr } : null;
    }
    return this.singleExpr;
  }

  private invokeFast(body: StmtFn, opts: ScriptBlockInvocation): Output {
    if ('dollarUnder' in opts) {
      const fn = this.itemFunction()!;
      const r = fn(opts.dollarUnder);
      if (!this.single()) return r as Output;
      if (r === undefined) return [];
      if (Array.isArray(r) || r instanceof Uint8Array) { const out: unknown[] = []; pushOut(out, r); return out; }
      return [r];
    }
    const out: unknown[] = [];
    try {
      body(this.rt, out);
    } catch (e) {
      if (!(e instanceof ReturnSignal)) throw e;
    }
    return out;
  }

  private itemTestFn?: ((item: unknown) => boolean) | null;

  /** Where-Object's form of itemFunction(): whether the output is true (LanguagePrimitives.IsTrue). */
  itemTest(): ((item: unknown) => boolean) | null {
    if (this.itemTestFn !== undefined) return this.itemTestFn;
    const one = this.fast() ? this.single() : null;
    const hot = one ? hotItemTest(one.expr, this.ast.source, this.rt, new UnderSlot(), one.node) : null;
    if (hot) return (this.itemTestFn = hot);
    const fn = this.itemFunction();
    return (this.itemTestFn = fn ? (item) => outputIsTrue(fn(item)) : null);
  }

  /** itemFunction() once built; null when the block cannot run synchronously. */
  private itemFn?: ((item: unknown) => unknown) | null;

  /**
   * The per-object form Where-Object and ForEach-Object call: built once, it runs the block in the
   * caller's scope with $_ set (and restored after), without allocating per call when the body is one
   * expression. Its result holds the output as pushOut reads it: undefined for none, an array (or byte
   * array) whose elements are the objects written, any other value for one object.
   */
  itemFunction(): ((item: unknown) => unknown) | null {
    if (this.itemFn !== undefined) return this.itemFn;
    const body = this.fast();
    if (!body) return (this.itemFn = null);
    const rt = this.rt, session = rt.session, src = this.ast.source;
    const one = this.single();
    if (one) {
      const fn = one.fn, node = one.node;
      const slot = new UnderSlot();
      const hot = hotItemFunction(one.expr, src, rt, slot, node);
      if (hot) return (this.itemFn = hot);
      this.itemFn = (item) => {
        const scope = session.current;
        const v = slot.variable(scope);
        const old = v.value, outerScope = dollarUnder.scope, outerVar = dollarUnder.v;
        v.value = item;
        dollarUnder.scope = scope;
        dollarUnder.v = v;
        try {
          const r = fn(rt);
          session.lastSucceeded = true;
          return r;
        } catch (e) {
          const err = stamp(e, src, node);
          if (!absorbStatementError(rt, err)) throw err;
          return undefined;
        } finally {
          v.value = old;
          dollarUnder.scope = outerScope;
          dollarUnder.v = outerVar;
        }
      };
    } else {
      const slot = new UnderSlot();
      this.itemFn = (item) => {
        const scope = session.current;
        const v = slot.variable(scope);
        const old = v.value, outerScope = dollarUnder.scope, outerVar = dollarUnder.v;
        v.value = item;
        dollarUnder.scope = scope;
        dollarUnder.v = v;
        const out: unknown[] = [];
        try {
          body(rt, out);
        } catch (e) {
          if (!(e instanceof ReturnSignal)) throw e;
        } finally {
          v.value = old;
          dollarUnder.scope = outerScope;
          dollarUnder.v = outerVar;
        }
        return out;
      };
    }
    return this.itemFn;
  }

  /** Runs the body (all named blocks in order, or the single body) in `scope`. */
  private run(scope: Scope, prev: Scope, opts: ScriptBlockInvocation, restoreUnder: (() => void) | undefined,
    only: 'begin' | 'process' | 'end' | undefined): MaybePromise<Output> {
    const ast = this.ast;
    const blocks: A.Statement[][] = [];
    if (only) {
      const b = this.namedBlock(only);
      if (b) blocks.push(b);
    } else if (ast.namedBlocks) {
      for (const b of [ast.beginBlock, ast.processBlock, ast.endBlock]) if (b) blocks.push(b);
    } else if (ast.endBlock) blocks.push(ast.endBlock);
    const session = this.rt.session;
    const src = ast.source;
    const sink = opts.sink;
    session.current = scope;
    if (ast.pure) {
      if (sink && this.rt.reportError) {
        // Streaming: keep output and reported errors in order.
        const b = runBuffered(this.rt, (out) => {
          try { for (const blk of blocks) compileBlock(blk, src)(this.rt, out); } catch (e) { if (!(e instanceof ReturnSignal)) throw e; } finally { session.current = prev; restoreUnder?.(); }
        });
        if (!b.errors.length) return forward(b.out, sink, b.thrown);
        return replay(this.rt, b, sink).then(() => { if (b.thrown !== undefined) throw b.thrown; return []; });
      }
      const out: unknown[] = [];
      let err: unknown;
      try {
        for (const b of blocks) compileBlock(b, src)(this.rt, out);
      } catch (e) {
        if (!(e instanceof ReturnSignal)) err = e;
      } finally {
        session.current = prev;
        restoreUnder?.();
      }
      if (!sink) {
        if (err !== undefined) throw err;
        return out;
      }
      return forward(out, sink, err);
    }
    const out: unknown[] = [];
    const target = sink ?? ((v: unknown) => { out.push(v); });
    return (async () => {
      session.current = scope;
      try {
        for (const b of blocks) await execBlock(this.rt, b, src, target);
      } catch (e) {
        if (!(e instanceof ReturnSignal)) throw e;
      } finally {
        session.current = prev;
        restoreUnder?.();
      }
      return sink ? [] : out;
    })();
  }

  private namedBlock(which: 'begin' | 'process' | 'end'): A.Statement[] | undefined {
    const ast = this.ast;
    if (ast.namedBlocks) return which === 'begin' ? ast.beginBlock : which === 'process' ? ast.processBlock : ast.endBlock;
    if (this.isFilter) return which === 'process' ? ast.endBlock : undefined;
    return which === 'end' ? ast.endBlock : undefined;
  }

  /** [CmdletBinding()] or a [Parameter()] attribute makes an advanced function, which sees $PSCmdlet. */
  get isAdvanced(): boolean {
    const ast = this.ast;
    return ast.attributes.some((a) => a.name.toLowerCase() === 'cmdletbinding')
      || (ast.params ?? []).some((p) => p.attributes.some((a) => a.name.toLowerCase() === 'parameter'));
  }

  beginScope(opts: ScriptBlockInvocation & { dotSource?: boolean }): MaybePromise<unknown> {
    // A dot-sourced block (`. { }`, `. ./script.ps1`) runs in the caller's scope.
    const scope = opts.dotSource ? this.rt.session.current : new Scope(this.rt.session.current, 'function');
    if (opts.input) scope.vars.set('input', new Variable('input', opts.input));
    const name = this.functionName ?? '';
    const bound = new PSHashtable();
    for (const [k, v] of opts.boundParameters ?? []) bound.set(k, v);
    const invocation = PSObject.typed('System.Management.Automation.InvocationInfo', {
      MyCommand: PSObject.typed('System.Management.Automation.FunctionInfo', { Name: name, CommandType: 'Function', Definition: this.text }),
      InvocationName: name, BoundParameters: bound, UnboundArguments: opts.args ?? [], ScriptName: '', Line: '', PSScriptRoot: '',
    });
    scope.vars.set('myinvocation', new Variable('MyInvocation', invocation));
    if (this.isAdvanced) {
      const cmdlet = PSObject.typed('System.Management.Automation.PSScriptCmdlet', { ParameterSetName: '__AllParameterSets', MyInvocation: invocation });
      cmdlet.addMethod('ShouldProcess', () => !toBool(this.rt.session.get('WhatIfPreference')));
      cmdlet.addMethod('ShouldContinue', () => true);
      cmdlet.addMethod('ThrowTerminatingError', (a) => { throw throwRecord(a[0]); });
      scope.vars.set('pscmdlet', new Variable('PSCmdlet', cmdlet));
    }
    const b = this.bind(scope, opts, !opts.boundParameters);
    if (b instanceof Promise) return b.then(() => scope);
    return scope;
  }

  invokeNamedBlock(block: 'begin' | 'process' | 'end', scope: unknown, opts: ScriptBlockInvocation = {}): MaybePromise<Output> {
    const s = scope instanceof Scope ? scope : new Scope(this.rt.session.current, 'function');
    if (opts.dollarUnder !== undefined) s.setKey('_', opts.dollarUnder, '_');
    if (opts.input) s.vars.set('input', new Variable('input', opts.input));
    return this.run(s, this.rt.session.current, opts, undefined, block);
  }
}

/** Bumped when invoke() removes a $_ it created, so that no UnderSlot keeps a variable its scope dropped. */
let underEpoch = 0;

/**
 * Where an item function finds the $_ variable of the scope it runs in: looked up (or created) once per
 * scope, not once per object — that Map lookup was a fifth of a filter's cost. $_ stays defined (as
 * $null) in the scope afterwards: re-creating it per call would churn the map.
 */
class UnderSlot {
  private scope: Scope | undefined;
  private v: Variable | undefined;
  private epoch = -1;

  variable(scope: Scope): Variable {
    if (scope === this.scope && this.epoch === underEpoch) return this.v!;
    let v = scope.vars.get('_');
    if (v === undefined) { v = new Variable('_', null); scope.vars.set('_', v); }
    this.scope = scope;
    this.v = v;
    this.epoch = underEpoch;
    return v;
  }
}

function forward(out: unknown[], sink: (v: unknown) => MaybePromise<void>, err: unknown): MaybePromise<Output> {
  for (let i = 0; i < out.length; i++) {
    const r = sink(out[i]);
    if (r instanceof Promise) {
      return (async () => {
        await r;
        for (let j = i + 1; j < out.length; j++) await sink(out[j]);
        if (err !== undefined) throw err;
        return [];
      })();
    }
  }
  if (err !== undefined) throw err;
  return [];
}
