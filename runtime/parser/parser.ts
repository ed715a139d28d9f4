import type * as A from './ast.js';
import { parseNumberLiteral } from '../values/numeric.js';
import { isDash, isSingleQuote, isDoubleQuote, isWhitespace, isIdentStart, isIdentChar, isDigit, isNewline } from './chars.js';
import { Diagnostics, type ParserErrorId } from './diagnostics.js';
import { Lexer, makeVar } from './lexer.js';
import { KEYWORDS, type Token } from './tokens.js';
import { annotate } from './purity.js';

type Mode = 'e' | 'a' | 'n';

const ASSIGN_OPS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '??=']);
const UNSUPPORTED_KEYWORDS = new Set([
  'class', 'enum', 'using', 'data', 'configuration', 'dynamicparam', 'parallel', 'sequence', 'inlinescript',
  'hidden', 'static', 'define', 'from', 'var', 'clean',
]);

/** Binary operator precedence (PowerShell's TokenFlags.BinaryPrecedence*): higher binds tighter. */
function binaryPrecedence(t: Token): number {
  if (t.kind === 'Op') {
    const op = t.value as string;
    if (op === 'and' || op === 'or' || op === 'xor') return 1;
    if (op === 'band' || op === 'bor' || op === 'bxor') return 2;
    if (op === 'f') return 6;
    if (op === 'not' || op === 'bnot') return 0;
    return 3;
  }
  if (t.kind === 'Punct') {
    switch (t.value) {
      case '+': case '-': return 4;
      case '*': case '/': case '%': return 5;
      case '..': return 7;
      case '??': return 1;
    }
  }
  return 0;
}

/** Normalises an operator: '-IEQ' → 'eq', '-CEQ' → 'ceq'. */
function normaliseOp(op: string): string {
  if (op.length > 2 && op[0] === 'i' && !['in', 'is', 'isnot'].includes(op)) {
    const rest = op.slice(1);
    if (['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'like', 'notlike', 'match', 'notmatch', 'contains', 'notcontains', 'in', 'notin', 'replace', 'split'].includes(rest)) return rest;
  }
  return op;
}

export class Parser {
  readonly lex: Lexer;
  private cache: { pos: number; mode: Mode; tok: Token } | null = null;
  /** Inside method-call and attribute argument lists a comma separates arguments instead of building an array. */
  private noComma = false;

  constructor(readonly src: string, readonly diags: Diagnostics, start = 0) {
    this.lex = new Lexer(src, diags, (offset) => this.parseSubExprAt(offset));
    this.lex.pos = start;
  }

  private fail(id: ParserErrorId, at: number, len: number, ...args: string[]): never {
    return this.diags.fail(id, at, len, ...args);
  }

  // ---------- token access ----------

  private peek(mode: Mode = 'e'): Token {
    const pos = this.lex.pos;
    if (this.cache && this.cache.pos === pos && this.cache.mode === mode) return this.cache.tok;
    const t = mode === 'e' ? this.lex.scanExpr() : mode === 'a' ? this.lex.scanArg() : this.lex.scanCommandName();
    this.lex.pos = pos;
    this.cache = { pos, mode, tok: t };
    return t;
  }
  private next(mode: Mode = 'e'): Token { const t = this.peek(mode); this.lex.pos = t.end; return t; }
  private isPunct(t: Token, v: string): boolean { return t.kind === 'Punct' && t.value === v; }
  private skipNewlines(): void {
    for (;;) { const t = this.peek(); if (t.kind === 'NewLine') this.next(); else break; }
  }
  private skipNewlinesAndSemis(): void {
    for (;;) { const t = this.peek(); if (t.kind === 'NewLine' || t.kind === 'Semi') this.next(); else break; }
  }
  /** The offset of the next non-trivia character (same line). */
  private nextCharPos(): number {
    const save = this.lex.pos;
    this.lex.scanExpr();
    this.lex.pos = save;
    let p = save;
    for (;;) {
      const c = this.src[p];
      if (c !== undefined && isWhitespace(c)) { p++; continue; }
      if (c === '`' && isNewline(this.src[p + 1])) { p += 2; continue; }
      if (c === '#') { while (p < this.src.length && !isNewline(this.src[p])) p++; continue; }
      if (c === '<' && this.src[p + 1] === '#') { const e = this.src.indexOf('#>', p + 2); p = e < 0 ? this.src.length : e + 2; continue; }
      return p;
    }
  }
  private tokenText(t: Token): string { return t.kind === 'EOF' ? '' : t.text; }

  // ---------- script ----------

  parseScript(): A.ScriptBlockAst {
    return this.parseScriptBlockBody(0, 'EOF');
  }

  private parseScriptBlockBody(start: number, terminator: '}' | 'EOF'): A.ScriptBlockAst {
    this.skipNewlinesAndSemis();
    let attributes: A.AttributeAst[] = [];
    let params: A.ParamAst[] | null = null;
    // [CmdletBinding()] and friends are only attributes when a param block follows.
    if (this.isPunct(this.peek(), '[')) {
      const save = this.lex.pos;
      const attrs: A.AttributeAst[] = [];
      try {
        while (this.isPunct(this.peek(), '[')) { attrs.push(this.parseAttributeOrType(true) as A.AttributeAst); this.skipNewlines(); }
      } catch { /* not attributes */ }
      const w = this.peek();
      if (w.kind === 'Word' && (w.value as string).toLowerCase() === 'param' && attrs.every((a) => a && 'positional' in a)) attributes = attrs;
      else { this.lex.pos = save; this.cache = null; this.diags.items.length = 0; }
    }
    const w = this.peek();
    if (w.kind === 'Word' && (w.value as string).toLowerCase() === 'param' && this.src[this.nextNonSpace(w.end)] === '(') {
      this.next();
      this.next(); // (
      params = this.parseParamList();
      this.skipNewlinesAndSemis();
    }
    const sb: A.ScriptBlockAst = {
      kind: 'ScriptBlock', text: '', attributes, params, namedBlocks: false, start, end: start, pure: true, source: this.src,
    };
    const first = this.peek();
    const name = first.kind === 'Word' ? (first.value as string).toLowerCase() : '';
    if (['begin', 'process', 'end', 'dynamicparam', 'clean'].includes(name) && this.src[this.nextNonSpace(first.end, true)] === '{') {
      sb.namedBlocks = true;
      for (;;) {
        this.skipNewlinesAndSemis();
        const t = this.peek();
        if (terminator === '}' ? this.isPunct(t, '}') : t.kind === 'EOF') break;
        const n = t.kind === 'Word' ? (t.value as string).toLowerCase() : '';
        if (n === 'dynamicparam' || n === 'clean') this.fail('UnsupportedConstruct', t.start, t.end - t.start, n);
        if (n !== 'begin' && n !== 'process' && n !== 'end') {
          if (t.kind === 'EOF') this.fail('MissingEndCurlyBrace', start, 1);
          this.fail('UnexpectedToken', t.start, t.end - t.start, this.tokenText(t));
        }
        this.next();
        this.skipNewlines();
        const body = this.parseBlock('MissingStatementBlock', n);
        if (n === 'begin') sb.beginBlock = body; else if (n === 'process') sb.processBlock = body; else sb.endBlock = body;
      }
    } else {
      sb.endBlock = this.parseStatements(terminator, start);
    }
    return sb;
  }

  private nextNonSpace(p: number, newlines = false): number {
    while (p < this.src.length && (isWhitespace(this.src[p]) || (newlines && isNewline(this.src[p])))) p++;
    return p;
  }

  /** Statements up to (not including) the terminator. */
  private parseStatements(terminator: '}' | ')' | 'EOF', openAt: number): A.Statement[] {
    const list: A.Statement[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === 'NewLine' || t.kind === 'Semi') { this.next(); continue; }
      if (t.kind === 'EOF') {
        if (terminator === '}') this.fail('MissingEndCurlyBrace', openAt, 1);
        // pwsh reports an unclosed $( / @( just past the end-of-input token (After(EndOfInput)).
        if (terminator === ')') this.fail('MissingEndParenthesisInSubexpression', t.start + 1, 0);
        break;
      }
      if (t.kind === 'Punct' && t.value === terminator) break;
      if (t.kind === 'Punct' && (t.value === ')' || t.value === '}')) this.fail('UnexpectedToken', t.start, 1, t.text);
      list.push(this.parseStatement());
      const after = this.peek();
      if (after.kind === 'NewLine' || after.kind === 'Semi' || after.kind === 'EOF') continue;
      if (after.kind === 'Punct' && after.value === terminator) continue;
      this.fail('UnexpectedToken', after.start, after.end - after.start, this.tokenText(after));
    }
    return list;
  }

  /** `{ statements }` as a statement body. */
  private parseBlock(missing: ParserErrorId, ...args: string[]): A.Statement[] {
    const t = this.peek();
    if (!this.isPunct(t, '{')) this.fail(missing, t.start, Math.max(0, t.end - t.start), ...args);
    this.next();
    const body = this.parseStatements('}', t.start);
    this.next();
    return body;
  }

  private parseSubExprAt(offset: number): { body: A.Statement[]; end: number; pure: boolean } {
    const p = new Parser(this.src, this.diags, offset);
    const body = p.parseStatements(')', offset - 2);
    p.next(); // )
    const block = { kind: 'SubExpr', body, start: offset - 2, end: p.lex.pos, pure: true } as A.SubExpr;
    annotate(block);
    return { body, end: p.lex.pos, pure: block.pure };
  }

  // ---------- statements ----------

  parseStatement(): A.Statement {
    const t = this.peek();
    if (t.kind === 'Word') {
      const kw = (t.value as string).toLowerCase();
      const after = this.src[t.end];
      const isKeyword = KEYWORDS.has(kw) && (after === undefined || isWhitespace(after) || isNewline(after) || '({;$'.includes(after) || isDash(after) && kw === 'switch');
      if (isKeyword) return this.parseKeywordStatement(kw, t);
    }
    if (this.isPunct(t, ':') && isIdentStart(this.src[t.end])) {
      this.next();
      const label = this.next();
      this.skipNewlines();
      const k = this.peek();
      const kw = k.kind === 'Word' ? (k.value as string).toLowerCase() : '';
      if (!['while', 'do', 'for', 'foreach', 'switch'].includes(kw)) this.fail('UnexpectedToken', k.start, k.end - k.start, this.tokenText(k));
      const s = this.parseKeywordStatement(kw, k) as A.WhileStmt;
      s.label = (label.value as string).toLowerCase();
      return s;
    }
    return this.parseChain();
  }

  private parseKeywordStatement(kw: string, t: Token): A.Statement {
    switch (kw) {
      case 'if': return this.parseIf();
      case 'while': return this.parseWhile();
      case 'do': return this.parseDo();
      case 'for': return this.parseFor();
      case 'foreach': return this.parseForeach();
      case 'switch': return this.parseSwitch();
      case 'try': return this.parseTry();
      case 'trap': return this.parseTrap();
      case 'function': case 'filter': return this.parseFunction(kw === 'filter');
      case 'return': case 'throw': case 'exit': return this.parseFlow(kw);
      case 'break': case 'continue': return this.parseJump(kw);
      case 'workflow': this.fail('WorkflowNotSupportedInPowerShellCore', t.start, t.end - t.start);
      // eslint-disable-next-line no-fallthrough
      case 'param': this.fail('UnsupportedConstruct', t.start, t.end - t.start, 'param');
      // eslint-disable-next-line no-fallthrough
      case 'else': case 'elseif': case 'catch': case 'finally': case 'until': case 'in':
        this.fail('UnexpectedToken', t.start, t.end - t.start, t.text);
      // eslint-disable-next-line no-fallthrough
      case 'begin': case 'process': case 'end':
        return this.parseChain();
    }
    if (UNSUPPORTED_KEYWORDS.has(kw)) this.fail('UnsupportedConstruct', t.start, t.end - t.start, kw);
    return this.parseChain();
  }

  private parseCondition(kw: string, openId: ParserErrorId): A.Statement {
    this.next(); // keyword
    this.skipNewlines();
    const open = this.peek();
    if (!this.isPunct(open, '(')) this.fail(openId, open.start, open.end - open.start, kw);
    this.next();
    this.skipNewlines();
    const c = this.peek();
    if (this.isPunct(c, ')')) {
      if (kw === 'if' || kw === 'elseif') this.fail('IfStatementMissingCondition', c.start, 1, kw);
      this.fail('ExpectedExpression', c.start, 1);
    }
    const cond = this.parseStatement();
    this.skipNewlines();
    const close = this.peek();
    if (!this.isPunct(close, ')')) {
      if (close.kind === 'EOF' || close.kind === 'NewLine') this.fail('MissingEndParenthesisAfterStatement', close.start, 0, kw);
      this.fail('UnexpectedToken', close.start, close.end - close.start, this.tokenText(close));
    }
    this.next();
    return cond;
  }

  private parseIf(): A.IfStmt {
    const start = this.peek().start;
    const clauses: [A.Statement, A.Statement[]][] = [];
    let elseBody: A.Statement[] | undefined;
    let kw = 'if';
    for (;;) {
      const cond = this.parseCondition(kw, 'MissingOpenParenthesisInIfStatement');
      this.skipNewlines();
      const body = this.parseBlock('MissingStatementBlock', `${kw} ( condition )`);
      clauses.push([cond, body]);
      const save = this.lex.pos;
      this.skipNewlines();
      const n = this.peek();
      const w = n.kind === 'Word' ? (n.value as string).toLowerCase() : '';
      if (w === 'elseif') { kw = 'elseif'; continue; }
      if (w === 'else') {
        this.next();
        this.skipNewlines();
        elseBody = this.parseBlock('MissingStatementBlockAfterElse');
        break;
      }
      this.lex.pos = save;
      break;
    }
    return { kind: 'If', clauses, elseBody, start, end: this.lex.pos, pure: true };
  }

  private parseWhile(): A.WhileStmt {
    const start = this.peek().start;
    const cond = this.parseCondition('while', 'MissingOpenParenthesisAfterKeyword');
    this.skipNewlines();
    const body = this.parseBlock('MissingLoopStatement', 'while');
    return { kind: 'While', cond, body, start, end: this.lex.pos, pure: true };
  }

  private parseDo(): A.DoStmt {
    const start = this.next().start;
    this.skipNewlines();
    const body = this.parseBlock('MissingLoopStatement', 'do');
    this.skipNewlines();
    const w = this.peek();
    const kw = w.kind === 'Word' ? (w.value as string).toLowerCase() : '';
    if (kw !== 'while' && kw !== 'until') this.fail('MissingWhileOrUntilInDoWhile', w.start, 0);
    const cond = this.parseCondition(kw, 'MissingOpenParenthesisAfterKeyword');
    return { kind: 'Do', body, cond, until: kw === 'until', start, end: this.lex.pos, pure: true };
  }

  private parseFor(): A.ForStmt {
    const start = this.next().start;
    this.skipNewlines();
    const open = this.peek();
    if (!this.isPunct(open, '(')) this.fail('MissingOpenParenthesisAfterKeyword', open.start, 0, 'for');
    this.next();
    const part = (last: boolean): A.Statement | undefined => {
      this.skipNewlines();
      const t = this.peek();
      let s: A.Statement | undefined;
      if (t.kind === 'EOF') this.fail('MissingEndParenthesisAfterStatement', t.start, 0, 'for');
      if (!(t.kind === 'Semi' || this.isPunct(t, ')'))) s = this.parseStatement();
      this.skipNewlines();
      const sep = this.peek();
      if (!last && sep.kind === 'Semi') { this.next(); return s; }
      if (last && this.isPunct(sep, ')')) return s;
      if (!last && this.isPunct(sep, ')')) return s;
      if (sep.kind === 'EOF') this.fail('MissingEndParenthesisAfterStatement', sep.start, 0, 'for');
      this.fail('UnexpectedToken', sep.start, sep.end - sep.start, this.tokenText(sep));
    };
    const init = part(false);
    let cond: A.Statement | undefined, iter: A.Statement | undefined;
    if (!this.isPunct(this.peek(), ')')) {
      cond = part(false);
      if (!this.isPunct(this.peek(), ')')) iter = part(true);
    }
    const close = this.peek();
    if (!this.isPunct(close, ')')) this.fail('MissingEndParenthesisAfterStatement', close.start, 0, 'for');
    this.next();
    this.skipNewlines();
    const body = this.parseBlock('MissingLoopStatement', 'for');
    return { kind: 'For', init, cond, iter, body, start, end: this.lex.pos, pure: true };
  }

  private parseForeach(): A.ForeachStmt {
    const start = this.next().start;
    this.skipNewlines();
    const open = this.peek();
    if (!this.isPunct(open, '(')) this.fail('MissingOpenParenthesisAfterKeyword', open.start, open.end - open.start, 'foreach');
    this.next();
    this.skipNewlines();
    const v = this.peek();
    if (v.kind !== 'Variable') this.fail('MissingVariableNameAfterForeach', v.start, 0);
    this.next();
    this.skipNewlines();
    const inTok = this.peek();
    if (!(inTok.kind === 'Word' && (inTok.value as string).toLowerCase() === 'in')) this.fail('MissingInInForeach', inTok.start, 0);
    this.next();
    this.skipNewlines();
    const e = this.peek();
    if (this.isPunct(e, ')') || e.kind === 'EOF') this.fail('MissingForeachExpression', inTok.end, 0); // just after `in`, as PowerShell marks it
    const iter = this.parseStatement();
    this.skipNewlines();
    const close = this.peek();
    if (!this.isPunct(close, ')')) {
      if (close.kind === 'EOF') this.fail('MissingEndParenthesisAfterStatement', close.start, 0, 'foreach');
      this.fail('UnexpectedToken', close.start, close.end - close.start, this.tokenText(close));
    }
    this.next();
    this.skipNewlines();
    const body = this.parseBlock('MissingForeachStatement');
    return { kind: 'Foreach', variable: v.variable!, iter, body, start, end: this.lex.pos, pure: true };
  }

  private parseSwitch(): A.SwitchStmt {
    const start = this.next().start;
    const flags = { regex: false, wildcard: false, exact: false, caseSensitive: false };
    for (;;) {
      const t = this.peek('a');
      if (t.kind !== 'Param') break;
      this.next('a');
      const f = t.paramName!.toLowerCase();
      if ('regex'.startsWith(f)) flags.regex = true;
      else if ('wildcard'.startsWith(f)) flags.wildcard = true;
      else if ('exact'.startsWith(f)) flags.exact = true;
      else if ('casesensitive'.startsWith(f)) flags.caseSensitive = true;
      else if ('file'.startsWith(f) || 'parallel'.startsWith(f)) this.fail('UnsupportedConstruct', t.start, t.end - t.start, 'switch -' + f);
      else this.fail('UnexpectedToken', t.start, t.end - t.start, t.text);
    }
    this.skipNewlines();
    const open = this.peek();
    if (!this.isPunct(open, '(')) this.fail('PipelineValueRequired', open.start, 0);
    this.next();
    this.skipNewlines();
    if (this.isPunct(this.peek(), ')')) this.fail('PipelineValueRequired', this.peek().start, 1);
    const cond = this.parseStatement();
    this.skipNewlines();
    const close = this.peek();
    if (!this.isPunct(close, ')')) this.fail('MissingEndParenthesisAfterStatement', close.start, 0, 'switch');
    this.next();
    this.skipNewlines();
    const lb = this.peek();
    if (!this.isPunct(lb, '{')) this.fail('MissingCurlyBraceInSwitchStatement', lb.start, 0);
    this.next();
    const clauses: A.SwitchClause[] = [];
    let defaultBody: A.Statement[] | undefined;
    for (;;) {
      this.skipNewlinesAndSemis();
      const t = this.peek('a');
      if (this.isPunct(t, '}')) { this.next('a'); break; }
      if (t.kind === 'EOF') this.fail('MissingEndCurlyBrace', lb.start, 1);
      if (t.kind === 'Generic' && typeof t.value === 'string' && t.value.toLowerCase() === 'default') {
        this.next('a');
        this.skipNewlines();
        defaultBody = this.parseBlock('MissingSwitchStatementClause');
        continue;
      }
      const cond = this.parseArgPrimary();
      if (!cond) this.fail('MissingSwitchConditionExpression', t.start, 0);
      this.skipNewlines();
      const body = this.parseBlock('MissingSwitchStatementClause');
      clauses.push({ cond, body });
    }
    return { kind: 'Switch', cond, flags, clauses, defaultBody, start, end: this.lex.pos, pure: true };
  }

  private parseTrap(): A.TrapStmt {
    const start = this.next().start;
    this.skipNewlines();
    const types: A.TypeName[] = [];
    if (this.isPunct(this.peek(), '[')) types.push(this.parseAttributeOrType(false) as A.TypeName);
    this.skipNewlines();
    const t = this.peek();
    if (!this.isPunct(t, '{')) this.fail('MissingTrapStatement', t.kind === 'EOF' ? t.start : t.start, 0);
    const body = this.parseBlock('MissingTrapStatement');
    return { kind: 'Trap', types, body, start, end: this.lex.pos, pure: false };
  }

  private parseTry(): A.TryStmt {
    const start = this.next().start;
    this.skipNewlines();
    const body = this.parseBlock('MissingTryStatementBlock');
    const catches: A.CatchClause[] = [];
    let finallyBody: A.Statement[] | undefined;
    for (;;) {
      const save = this.lex.pos;
      this.skipNewlines();
      const t = this.peek();
      const w = t.kind === 'Word' ? (t.value as string).toLowerCase() : '';
      if (w === 'catch') {
        this.next();
        const types: A.TypeName[] = [];
        for (;;) {
          this.skipNewlines();
          if (!this.isPunct(this.peek(), '[')) break;
          types.push(this.parseAttributeOrType(false) as A.TypeName);
          this.skipNewlines();
          if (this.isPunct(this.peek(), ',')) { this.next(); continue; }
          break;
        }
        this.skipNewlines();
        catches.push({ types, body: this.parseBlock('MissingCatchHandlerBlock') });
        continue;
      }
      if (w === 'finally') {
        this.next();
        this.skipNewlines();
        finallyBody = this.parseBlock('MissingFinallyStatementBlock');
        break;
      }
      this.lex.pos = save;
      break;
    }
    if (!catches.length && !finallyBody) this.fail('MissingCatchOrFinally', this.lex.pos, 0);
    return { kind: 'Try', body, catches, finallyBody, start, end: this.lex.pos, pure: true };
  }

  private parseFunction(isFilter: boolean): A.FunctionStmt {
    const kwTok = this.next();
    const nameTok = this.peek('n');
    const name = nameTok.value as string;
    if (!name || name === '{' ) this.fail('MissingNameAfterKeyword', kwTok.end, 0, isFilter ? 'filter' : 'function');
    this.next('n');
    let params: A.ParamAst[] | null = null;
    this.skipNewlines();
    if (this.isPunct(this.peek(), '(')) {
      this.next();
      params = this.parseParamList();
      this.skipNewlines();
    }
    const open = this.peek();
    if (!this.isPunct(open, '{')) this.fail('MissingFunctionBody', open.start, 0);
    this.next();
    const body = this.parseScriptBlockBody(open.start, '}');
    const close = this.next();
    body.text = this.src.slice(open.end, close.start);
    body.start = open.start;
    body.end = close.end;
    if (params) {
      if (body.params) this.fail('UnsupportedConstruct', open.start, 1, 'function parameters declared twice');
      body.params = params;
    }
    return { kind: 'Function', name, isFilter, body, start: kwTok.start, end: this.lex.pos, pure: true };
  }

  private atStatementEnd(): boolean {
    const t = this.peek();
    return t.kind === 'NewLine' || t.kind === 'Semi' || t.kind === 'EOF' || this.isPunct(t, '}') || this.isPunct(t, ')') || this.isPunct(t, '|');
  }

  private parseFlow(kw: string): A.FlowStmt {
    const t = this.next();
    const value = this.atStatementEnd() ? undefined : this.parseStatement();
    const kind = kw === 'return' ? 'Return' : kw === 'throw' ? 'Throw' : 'Exit';
    return { kind, value, start: t.start, end: this.lex.pos, pure: true };
  }

  private parseJump(kw: string): A.JumpStmt {
    const t = this.next();
    let label: A.Expr | undefined;
    if (!this.atStatementEnd()) {
      const l = this.peek('a');
      if (l.kind === 'Generic' && typeof l.value === 'string') { this.next('a'); label = { kind: 'Const', value: l.value, start: l.start, end: l.end, pure: true }; }
      else label = this.parseArgPrimary();
    }
    return { kind: kw === 'break' ? 'Break' : 'Continue', label, start: t.start, end: this.lex.pos, pure: true };
  }

  // ---------- pipelines ----------

  private parseChain(): A.Statement {
    let left: A.Statement = this.parsePipeline();
    for (;;) {
      const t = this.peek('a');
      if (!(this.isPunct(t, '&&') || this.isPunct(t, '||'))) return left;
      this.next('a');
      this.skipNewlines();
      const right = this.parsePipeline();
      left = { kind: 'Chain', left, op: t.value as '&&' | '||', right, start: left.start, end: right.end, pure: true };
    }
  }

  /** Is the statement at pos a command (as opposed to an expression)? */
  private commandStarts(): boolean {
    const p = this.nextCharPos();
    const c = this.src[p];
    const n = this.src[p + 1];
    if (c === undefined) return false;
    if (c === '&') return n !== '&';
    if (c === '.') {
      if (isDigit(n)) return false;
      return n === undefined || isWhitespace(n) || n === '$' || n === '{' || n === '(' || isSingleQuote(n) || isDoubleQuote(n) || n === '\\' || n === '/' || n === '.' || isIdentStart(n);
    }
    if (isIdentStart(c) || c === '\\' || c === '/' || c === '~' || c === '%' || c === '?' || c === '*' || c === '_') return true;
    // Digits that do not make a number (`1_000`, `7zip`) are a command name, as the lexer reads them.
    if (isDigit(c)) { const t = this.peek(); return t.kind === 'Word' && t.start === p; }
    if (isDash(c)) return isIdentStart(n) && !this.peekIsOperatorWord(p);
    return false;
  }

  private peekIsOperatorWord(p: number): boolean {
    const t = this.peek();
    return t.kind === 'Op' && t.start === p;
  }

  private parsePipeline(): A.Statement {
    const start = this.nextCharPos();
    const elements: A.PipelineElement[] = [];
    if (this.commandStarts()) {
      elements.push(this.parseCommand());
    } else {
      const t = this.peek();
      const expr = this.parseExpression();
      if (!expr) this.fail('UnexpectedToken', t.start, t.end - t.start, this.tokenText(t));
      const op = this.peek();
      if (op.kind === 'Punct' && ASSIGN_OPS.has(op.value as string)) {
        if (!this.isAssignable(expr)) this.fail('InvalidLeftHandSide', expr.start, expr.end - expr.start);
        this.next();
        this.skipNewlines();
        const rhs = this.peek();
        if (rhs.kind === 'EOF' || rhs.kind === 'Semi' || this.isPunct(rhs, ')') || this.isPunct(rhs, '}')) {
          this.fail('ExpectedValueExpression', op.end, 0, op.value as string);
        }
        const value = this.parseStatement();
        return { kind: 'Assign', target: expr, op: op.value as string, value, start: expr.start, end: value.end, pure: true };
      }
      const redirections = this.parseRedirections();
      elements.push({ kind: 'CommandExpr', expr, redirections, start: expr.start, end: this.lex.pos, pure: true });
    }
    for (;;) {
      const t = this.peek('a');
      if (!this.isPunct(t, '|')) break;
      this.next('a');
      this.skipNewlines();
      const n = this.peek('a');
      if (n.kind === 'EOF' || n.kind === 'Semi' || this.isPunct(n, '|') || this.isPunct(n, ')') || this.isPunct(n, '}')) {
        this.fail('EmptyPipeElement', n.start, 0);
      }
      if (!this.commandStarts()) {
        if (n.kind === 'Generic' && typeof n.value === 'string' && !n.value.startsWith('[')) { /* odd command name, e.g. a path */ }
        else this.fail('ExpressionsMustBeFirstInPipeline', n.start, n.end - n.start);
      }
      elements.push(this.parseCommand());
    }
    return { kind: 'Pipeline', elements, start, end: this.lex.pos, pure: true };
  }

  private isAssignable(e: A.Expr): boolean {
    switch (e.kind) {
      case 'Var': return true;
      case 'Member': case 'Index': return true;
      case 'Convert': return this.isAssignable(e.expr);
      case 'ArrayLiteral': return e.items.every((i) => this.isAssignable(i));
      case 'Paren': return e.stmt.kind === 'Pipeline' && e.stmt.elements.length === 1 && e.stmt.elements[0]!.kind === 'CommandExpr' && this.isAssignable(e.stmt.elements[0]!.expr);
      default: return false;
    }
  }

  private parseRedirections(): A.RedirectionAst[] {
    const list: A.RedirectionAst[] = [];
    for (;;) {
      const t = this.peek('a');
      if (t.kind === 'Punct' && t.value === '<') this.fail('RedirectionNotSupported', t.start, 1, '<');
      if (t.kind !== 'Redirect') return list;
      this.next('a');
      const r = { ...t.redirect! };
      if (!r.merge) {
        const target = this.parseArgPrimary();
        if (!target) this.fail('MissingExpression' as ParserErrorId, t.end, 0, t.text);
        r.target = target;
      }
      list.push(r);
    }
  }

  private parseCommand(): A.CommandAst {
    const first = this.peek('a');
    const start = first.start;
    let invocation: '&' | '.' | null = null;
    let name: A.Expr;
    const c = this.src[first.start];
    if (c === '&' || (c === '.' && (isWhitespace(this.src[first.start + 1]) || '${(\'"'.includes(this.src[first.start + 1] ?? '') || isSingleQuote(this.src[first.start + 1]) || isDoubleQuote(this.src[first.start + 1])))) {
      invocation = c as '&' | '.';
      this.lex.pos = first.start + 1;
      this.cache = null;
      const n = this.parseArgPrimary();
      if (!n) { const t = this.peek('a'); this.fail('MissingExpression' as ParserErrorId, t.start, 0, c); }
      name = n;
    } else {
      const t = this.next('n');
      name = { kind: 'Const', value: t.value as string, start: t.start, end: t.end, pure: true };
    }
    const args: A.CommandArg[] = [];
    const redirections: A.RedirectionAst[] = [];
    for (;;) {
      const t = this.peek('a');
      if (t.kind === 'EOF' || t.kind === 'NewLine' || t.kind === 'Semi') break;
      if (t.kind === 'Punct' && (t.value === ')' || t.value === '}' || t.value === '|' || t.value === '||' || t.value === '&&')) break;
      if (t.kind === 'Punct' && t.value === '&') this.fail('AmpersandNotAllowed', t.start, 1);
      if (t.kind === 'Redirect' || this.isPunct(t, '<')) { redirections.push(...this.parseRedirections()); continue; }
      if (t.kind === 'Param') {
        this.next('a');
        const pname = t.paramName!;
        if (t.colon) {
          const v = this.parseArgValue();
          if (!v) this.fail('MissingArgument', t.end, 0);
          args.push({ kind: 'param', name: pname, text: t.text.slice(0, -1), value: v, start: t.start, end: this.lex.pos });
        } else {
          args.push({ kind: 'param', name: pname, text: t.text, start: t.start, end: t.end });
        }
        continue;
      }
      if (t.kind === 'Splat') { this.next('a'); args.push({ kind: 'splat', variable: t.variable! }); continue; }
      if (t.kind === 'Generic' && t.value === '--%') {
        // Stop-parsing token: the rest of the line goes to the command as typed.
        this.next('a');
        let e = this.lex.pos;
        while (e < this.src.length && !isNewline(this.src[e])) e++;
        const rest = this.src.slice(this.lex.pos, e).trim();
        args.push({ kind: 'arg', expr: { kind: 'Const', value: '--%', start: t.start, end: t.end, pure: true } });
        if (rest) args.push({ kind: 'arg', expr: { kind: 'Const', value: rest, start: this.lex.pos, end: e, pure: true } });
        this.lex.pos = e;
        this.cache = null;
        continue;
      }
      if (this.isPunct(t, ',')) this.fail('MissingArgument', t.start, 1);
      const v = this.parseArgValue();
      if (!v) this.fail('UnexpectedToken', t.start, t.end - t.start, this.tokenText(t));
      args.push({ kind: 'arg', expr: v });
    }
    return { kind: 'Command', name, invocation, args, redirections, start, end: this.lex.pos, pure: false };
  }

  /** One argument, with `,` lists: `-Name a,b`. */
  private parseArgValue(): A.Expr | undefined {
    const first = this.parseArgPrimary();
    if (!first) return undefined;
    if (!this.isPunct(this.peek('a'), ',')) return first;
    const items = [first];
    while (this.isPunct(this.peek('a'), ',')) {
      const comma = this.next('a');
      this.skipNewlines();
      const n = this.parseArgPrimary();
      if (!n) this.fail('MissingExpressionAfterToken', comma.end, 0, ',');
      items.push(n);
    }
    return { kind: 'ArrayLiteral', items, start: first.start, end: this.lex.pos, pure: true };
  }

  private parseArgPrimary(): A.Expr | undefined {
    const t = this.peek('a');
    switch (t.kind) {
      case 'Number': this.next('a'); return this.parsePostfix({ kind: 'Const', value: t.value, text: t.text, start: t.start, end: t.end, pure: true });
      case 'String': case 'ExpandString': case 'Variable': {
        const p = this.parsePrimary();
        return p && this.parsePostfix(p);
      }
      case 'Generic': {
        this.next('a');
        if (t.parts) return { kind: 'ExpandString', parts: t.parts, start: t.start, end: t.end, pure: true };
        return { kind: 'Const', value: t.value, start: t.start, end: t.end, pure: true };
      }
      case 'Punct':
        if (['(', '$(', '@(', '@{', '{'].includes(t.value as string)) {
          const p = this.parsePrimary();
          return p && this.parsePostfix(p);
        }
        return undefined;
      default:
        return undefined;
    }
  }

  // ---------- expressions ----------

  parseExpression(): A.Expr | undefined {
    const cond = this.parseBinary(1);
    if (!cond) return undefined;
    // PowerShell 7's ternary: cond ? a : b
    const q = this.peek();
    if (!this.isPunct(q, '?') || !q.spaceBefore) return cond;
    this.next();
    this.skipNewlines();
    const ifTrue = this.parseExpression();
    if (!ifTrue) this.fail('ExpectedValueExpression', q.end, 0, '?');
    this.skipNewlines();
    const colon = this.peek();
    if (!this.isPunct(colon, ':')) this.fail('MissingColonInTernaryExpression' as ParserErrorId, colon.start, 0);
    this.next();
    this.skipNewlines();
    const ifFalse = this.parseExpression();
    if (!ifFalse) this.fail('ExpectedValueExpression', colon.end, 0, ':');
    return { kind: 'Ternary', cond, ifTrue, ifFalse, start: cond.start, end: ifFalse.end, pure: true };
  }

  private parseBinary(minPrec: number): A.Expr | undefined {
    let left = this.parseArrayLiteral();
    if (!left) return undefined;
    for (;;) {
      const t = this.peek();
      const prec = binaryPrecedence(t);
      if (!prec || prec < minPrec) return left;
      this.next();
      this.skipNewlines();
      const right = this.parseBinary(prec + 1);
      if (!right) this.fail('ExpectedValueExpression', t.end, 0, t.kind === 'Op' ? '-' + (t.text.slice(1)) : t.text);
      const op = t.kind === 'Op' ? normaliseOp(t.value as string) : (t.value as string);
      left = { kind: 'Binary', op, left, right, opStart: t.start, start: left.start, end: right.end, pure: true };
    }
  }

  private parseArrayLiteral(): A.Expr | undefined {
    const first = this.parseUnary();
    if (!first) return undefined;
    if (this.noComma || !this.isPunct(this.peek(), ',')) return first;
    const items = [first];
    while (this.isPunct(this.peek(), ',')) {
      const comma = this.next();
      this.skipNewlines();
      const n = this.parseUnary();
      if (!n) this.fail('MissingExpressionAfterToken', comma.end, 0, ',');
      items.push(n);
    }
    return { kind: 'ArrayLiteral', items, start: first.start, end: items[items.length - 1]!.end, pure: true };
  }

  private startsOperand(t: Token): boolean {
    switch (t.kind) {
      case 'Number': case 'String': case 'ExpandString': case 'Variable': return true;
      case 'Op': return ['not', 'bnot', 'split', 'join'].includes(t.value as string);
      case 'Punct': return ['(', '$(', '@(', '@{', '{', '[', '!', '-', '+', ',', '++', '--'].includes(t.value as string);
      default: return false;
    }
  }

  private parseUnary(): A.Expr | undefined {
    const t = this.peek();
    const unaryOp = t.kind === 'Op' && ['not', 'bnot', 'split', 'join', 'isplit', 'csplit'].includes(t.value as string) ? (t.value as string)
      : t.kind === 'Punct' && ['!', '-', '+', ',', '++', '--'].includes(t.value as string) ? (t.value as string) : undefined;
    if (unaryOp) {
      this.next();
      if (unaryOp !== ',' ) this.skipNewlines();
      const operand = this.parseUnary();
      if (!operand) this.fail('MissingExpressionAfterOperator', t.end, 0, t.text);
      const base = { start: t.start, end: operand.end, pure: true };
      // PowerShell's tokenizer reads `-` directly before a number as part of the literal: -0.0 is Double -0,
      // -2147483648 an Int32 (while -(0.0) is 0 and - 2147483648 an Int64).
      if (unaryOp === '-' && operand.kind === 'Const' && operand.start === t.end && typeof operand.text === 'string' && /^[\d.]/.test(operand.text)) {
        const v = parseNumberLiteral('-' + operand.text);
        if (v !== undefined) return { ...operand, value: v, text: '-' + operand.text, start: t.start };
      }
      if (unaryOp === '++' || unaryOp === '--') return { kind: 'IncDec', op: unaryOp, prefix: true, target: operand, ...base };
      if (unaryOp === ',') return { kind: 'ArrayLiteral', items: [operand], ...base };
      return { kind: 'Unary', op: unaryOp === '!' ? 'not' : normaliseOp(unaryOp), expr: operand, ...base };
    }
    if (this.isPunct(t, '[')) {
      const type = this.parseAttributeOrType(false);
      if ('positional' in type) {
        const operand = this.parseUnary();
        if (!operand) this.fail('UnexpectedToken', type.start, type.end - type.start, this.src.slice(type.start, type.end));
        return { kind: 'Attributed', attribute: type, expr: operand, start: type.start, end: operand.end, pure: true };
      }
      const n = this.peek();
      if (!n.spaceBefore && (this.isPunct(n, '::') || this.isPunct(n, '.'))) {
        return this.parsePostfix({ kind: 'TypeLit', type, start: type.start, end: type.end, pure: true });
      }
      // In an argument list the comma separates arguments: `M([T], x)` passes the type, it casts nothing.
      if (this.startsOperand(n) && !(this.noComma && this.isPunct(n, ','))) {
        const operand = this.parseUnary();
        if (operand) return { kind: 'Convert', type, expr: operand, start: type.start, end: operand.end, pure: true };
      }
      return this.parsePostfix({ kind: 'TypeLit', type, start: type.start, end: type.end, pure: true });
    }
    const p = this.parsePrimary();
    return p && this.parsePostfix(p);
  }

  private parsePrimary(): A.Expr | undefined {
    const saved = this.noComma;
    this.noComma = false;
    try { return this.parsePrimaryInner(); } finally { this.noComma = saved; }
  }

  private parsePrimaryInner(): A.Expr | undefined {
    const t = this.peek();
    switch (t.kind) {
      case 'Number': this.next(); return { kind: 'Const', value: t.value, text: t.text, start: t.start, end: t.end, pure: true };
      case 'String': this.next(); return { kind: 'Const', value: t.value, start: t.start, end: t.end, pure: true };
      case 'ExpandString': {
        this.next();
        if (t.parts!.every((p) => typeof p === 'string')) return { kind: 'Const', value: (t.parts as string[]).join(''), start: t.start, end: t.end, pure: true };
        return { kind: 'ExpandString', parts: t.parts!, start: t.start, end: t.end, pure: true };
      }
      case 'Variable': this.next(); return t.variable!;
      case 'Splat': this.fail('UnexpectedToken', t.start, t.end - t.start, t.text);
      // eslint-disable-next-line no-fallthrough
      case 'Punct': break;
      default: return undefined;
    }
    switch (t.value) {
      case '(': {
        this.next();
        this.skipNewlines();
        const n = this.peek();
        if (this.isPunct(n, ')') || n.kind === 'EOF') this.fail('ExpectedExpression', n.start, 0);
        const stmt = this.parseStatement();
        this.skipNewlines();
        const close = this.peek();
        if (!this.isPunct(close, ')')) {
          if (close.kind === 'EOF') this.fail('MissingEndParenthesisInExpression', close.start, 0);
          this.fail('UnexpectedToken', close.start, close.end - close.start, this.tokenText(close));
        }
        this.next();
        return { kind: 'Paren', stmt, start: t.start, end: close.end, pure: true };
      }
      case '$(': case '@(': {
        this.next();
        const body = this.parseStatements(')', t.start);
        const close = this.next();
        return { kind: t.value === '$(' ? 'SubExpr' : 'ArraySub', body, start: t.start, end: close.end, pure: true };
      }
      case '@{': return this.parseHash(t);
      case '{': {
        this.next();
        const block = this.parseScriptBlockBody(t.start, '}');
        const close = this.next();
        block.text = this.src.slice(t.end, close.start);
        block.start = t.start;
        block.end = close.end;
        return { kind: 'ScriptBlockExpr', block, start: t.start, end: close.end, pure: true };
      }
      case '[': {
        const type = this.parseAttributeOrType(false) as A.TypeName;
        return { kind: 'TypeLit', type, start: type.start, end: type.end, pure: true };
      }
    }
    return undefined;
  }

  private parseHash(open: Token): A.HashExpr {
    this.next();
    const entries: [A.Expr, A.Statement][] = [];
    const seen = new Set<string>();
    for (;;) {
      this.skipNewlinesAndSemis();
      const t = this.peek();
      if (this.isPunct(t, '}')) { this.next(); break; }
      if (t.kind === 'EOF') this.fail('MissingEndCurlyBrace', open.start + 1, 1);
      let key: A.Expr | undefined;
      const c = this.src[t.start];
      if (isIdentStart(c) || (isDigit(c) && t.kind !== 'Number')) {
        let p = t.start;
        while (p < this.src.length && !isWhitespace(this.src[p]) && !isNewline(this.src[p]) && !'=;}'.includes(this.src[p]!)) p++;
        key = { kind: 'Const', value: this.src.slice(t.start, p), start: t.start, end: p, pure: true };
        this.lex.pos = p;
      } else {
        key = this.parseUnary();
      }
      if (!key) this.fail('MissingEqualsInHashLiteral', t.start, 0);
      if (key.kind === 'Const') {
        const k = typeof key.value === 'string' ? 's:' + key.value.toLowerCase() : 'v:' + String(key.value);
        if (seen.has(k)) this.fail('DuplicateKeyInHashLiteral', key.start, key.end - key.start, String(key.value));
        seen.add(k);
      }
      const eq = this.peek();
      if (!this.isPunct(eq, '=')) this.fail('MissingEqualsInHashLiteral', eq.start, 0);
      this.next();
      this.skipNewlines();
      const v = this.peek();
      if (v.kind === 'EOF' || v.kind === 'Semi' || this.isPunct(v, '}')) this.fail('MissingStatementInHashLiteral', v.start, 0);
      entries.push([key, this.parseStatement()]);
      const sep = this.peek();
      if (!(sep.kind === 'NewLine' || sep.kind === 'Semi' || this.isPunct(sep, '}'))) {
        if (sep.kind === 'EOF') this.fail('MissingEndCurlyBrace', open.start + 1, 1);
        this.fail('UnexpectedToken', sep.start, sep.end - sep.start, this.tokenText(sep));
      }
    }
    return { kind: 'Hash', entries, start: open.start, end: this.lex.pos, pure: true };
  }

  private parsePostfix(e: A.Expr): A.Expr {
    for (;;) {
      const t = this.peek();
      if (t.spaceBefore) {
        if ((this.isPunct(t, '++') || this.isPunct(t, '--')) && false) { /* postfix ++ must be adjacent */ }
        return e;
      }
      if (this.isPunct(t, '.') || this.isPunct(t, '::')) {
        this.next();
        const isStatic = t.value === '::';
        const m = this.peek();
        let member: A.Expr;
        if (m.spaceBefore) this.fail('MissingPropertyName', m.start, 0);
        if (m.kind === 'Word') { this.next(); member = { kind: 'Const', value: m.value, start: m.start, end: m.end, pure: true }; }
        else if (m.kind === 'String' || m.kind === 'ExpandString' || m.kind === 'Variable' || this.isPunct(m, '(') || this.isPunct(m, '$(')) {
          member = this.parsePrimary()!;
        } else this.fail('MissingPropertyName', m.start, 0);
        const open = this.peek();
        if (!open.spaceBefore && this.isPunct(open, '(')) {
          this.next();
          const args: A.Expr[] = [];
          this.skipNewlines();
          if (!this.isPunct(this.peek(), ')')) {
            let afterComma = false;
            for (;;) {
              this.skipNewlines();
              const saved = this.noComma;
              this.noComma = true;
              let a: A.Expr | undefined;
              try { a = this.parseBinary(1); } finally { this.noComma = saved; }
              if (!a) {
                const x = this.peek();
                if (x.kind === 'EOF' && !afterComma) this.fail('MissingEndParenthesisInMethodCall', x.start, 0);
                this.fail('MissingExpressionAfterToken', x.start, 0, ',');
              }
              args.push(a);
              this.skipNewlines();
              const sep = this.peek();
              if (this.isPunct(sep, ',')) { this.next(); afterComma = true; continue; }
              if (this.isPunct(sep, ')')) break;
              if (sep.kind === 'EOF') this.fail('MissingEndParenthesisInMethodCall', sep.start, 0);
              this.fail('UnexpectedToken', sep.start, sep.end - sep.start, this.tokenText(sep));
            }
          }
          const close = this.next();
          e = { kind: 'Invoke', target: e, member, isStatic, args, start: e.start, end: close.end, pure: true };
        } else {
          e = { kind: 'Member', target: e, member, isStatic, start: e.start, end: member.end, pure: true };
        }
        continue;
      }
      if (this.isPunct(t, '[')) {
        this.next();
        this.skipNewlines();
        const idx = this.parseExpression();
        if (!idx) this.fail('MissingArrayIndexExpression', this.peek().start, 0);
        this.skipNewlines();
        const close = this.peek();
        if (!this.isPunct(close, ']')) this.fail('MissingEndSquareBracket', close.start, 0);
        this.next();
        e = { kind: 'Index', target: e, index: idx, start: e.start, end: close.end, pure: true };
        continue;
      }
      if (this.isPunct(t, '++') || this.isPunct(t, '--')) {
        this.next();
        return { kind: 'IncDec', op: t.value as '++' | '--', prefix: false, target: e, start: e.start, end: t.end, pure: true };
      }
      return e;
    }
  }

  /** After `[`: a type name `[T]`, `[T[]]`, `[List[string]]`, or (attributes allowed) an attribute `[Name(args)]`. */
  private parseAttributeOrType(allowAttribute: boolean): A.TypeName | A.AttributeAst {
    const open = this.next(); // [
    const name = this.readTypeName(open.start);
    const p = this.lex.pos;
    if (this.src[p] === '(') {
      this.lex.pos = p + 1;
      this.cache = null;
      const positional: A.Expr[] = [];
      const named: { name: string; value?: A.Expr }[] = [];
      this.skipNewlines();
      if (!this.isPunct(this.peek(), ')')) {
        for (;;) {
          this.skipNewlines();
          const t = this.peek();
          if (t.kind === 'Word' && !this.isPunct(this.peekAfter(t), '(')) {
            const after = this.src.slice(t.end).match(/^\s*(=|,|\))/);
            if (after) {
              this.next();
              let value: A.Expr | undefined;
              if (this.isPunct(this.peek(), '=')) {
                this.next();
                this.skipNewlines();
                const saved = this.noComma;
                this.noComma = true;
                try { value = this.parseExpression(); } finally { this.noComma = saved; }
              }
              named.push({ name: t.value as string, value });
              this.skipNewlines();
              const s = this.next();
              if (this.isPunct(s, ',')) continue;
              if (this.isPunct(s, ')')) break;
              this.fail('UnexpectedToken', s.start, s.end - s.start, this.tokenText(s));
            }
          }
          const saved = this.noComma;
          this.noComma = true;
          let v: A.Expr | undefined;
          try { v = this.parseBinary(1); } finally { this.noComma = saved; }
          if (!v) this.fail('UnexpectedToken', t.start, t.end - t.start, this.tokenText(t));
          positional.push(v);
          this.skipNewlines();
          const s = this.next();
          if (this.isPunct(s, ',')) continue;
          if (this.isPunct(s, ')')) break;
          if (s.kind === 'EOF') this.fail('MissingEndParenthesisInExpression', s.start, 0);
          this.fail('UnexpectedToken', s.start, s.end - s.start, this.tokenText(s));
        }
      } else this.next();
      if (this.src[this.lex.pos] !== ']') this.fail('EndSquareBracketExpectedAtEndOfAttribute', this.lex.pos, 0);
      this.lex.pos++;
      this.cache = null;
      const attr: A.AttributeAst = { name: name.name, positional, named, start: open.start, end: this.lex.pos };
      if (!allowAttribute && !['parameter', 'validateset', 'validatenotnullorempty', 'validatenotnull', 'alias', 'validaterange'].includes(name.name.toLowerCase())) {
        return attr;
      }
      return attr;
    }
    if (this.src[p] !== ']') this.fail('EndSquareBracketExpectedAtEndOfAttribute', p, 0);
    this.lex.pos = p + 1;
    this.cache = null;
    return { ...name, start: open.start, end: this.lex.pos };
  }

  private peekAfter(t: Token): Token {
    const save = this.lex.pos;
    this.lex.pos = t.end;
    this.cache = null;
    const n = this.lex.scanExpr();
    this.lex.pos = save;
    this.cache = null;
    return n;
  }

  /** Reads a type name at lex.pos (inside brackets), leaving pos after it. */
  private readTypeName(openAt: number): A.TypeName {
    let p = this.lex.pos;
    while (isWhitespace(this.src[p])) p++;
    const start = p;
    while (p < this.src.length && (isIdentChar(this.src[p]) || this.src[p] === '.' || this.src[p] === '`' || this.src[p] === '+')) p++;
    const base = this.src.slice(start, p);
    if (!base) this.fail('MissingTypename', openAt, 1);
    let name: A.TypeName = { name: base, start, end: p };
    while (this.src[p] === '[') {
      if (this.src[p + 1] === ']') { p += 2; name = { name: name.name + '[]', element: name, start, end: p }; continue; }
      // generic arguments
      p++;
      const generic: A.TypeName[] = [];
      for (;;) {
        while (isWhitespace(this.src[p])) p++;
        let bracketed = false;
        if (this.src[p] === '[') { bracketed = true; p++; }
        this.lex.pos = p;
        const g = this.readTypeName(p);
        p = this.lex.pos;
        if (bracketed) { if (this.src[p] !== ']') this.fail('EndSquareBracketExpectedAtEndOfAttribute', p, 0); p++; }
        generic.push(g);
        while (isWhitespace(this.src[p])) p++;
        if (this.src[p] === ',') { p++; continue; }
        if (this.src[p] === ']') { p++; break; }
        this.fail('EndSquareBracketExpectedAtEndOfAttribute', p, 0);
      }
      name = { name: `${name.name}[${generic.map((g) => g.name).join(',')}]`, generic, start, end: p };
    }
    while (isWhitespace(this.src[p])) p++;
    this.lex.pos = p;
    this.cache = null;
    return name;
  }

  // ---------- param() ----------

  private parseParamList(): A.ParamAst[] {
    const params: A.ParamAst[] = [];
    for (;;) {
      this.skipNewlines();
      const t = this.peek();
      if (this.isPunct(t, ')')) { this.next(); break; }
      if (t.kind === 'EOF') this.fail('MissingEndParenthesisInFunctionParameterList', t.start, 0);
      const attributes: A.AttributeAst[] = [];
      let type: A.TypeName | undefined;
      const start = t.start;
      while (this.isPunct(this.peek(), '[')) {
        const a = this.parseAttributeOrType(true);
        if ('positional' in a) attributes.push(a); else type = a;
        this.skipNewlines();
      }
      const v = this.peek();
      if (v.kind !== 'Variable') this.fail('MissingEndParenthesisInFunctionParameterList', v.start, 0);
      this.next();
      let defaultValue: A.Expr | undefined;
      this.skipNewlines();
      if (this.isPunct(this.peek(), '=')) {
        const eq = this.next();
        this.skipNewlines();
        const saved = this.noComma;
        this.noComma = true;
        try { defaultValue = this.parseExpression(); } finally { this.noComma = saved; }
        if (!defaultValue) this.fail('ExpectedValueExpression', eq.end, 0, '=');
      }
      params.push({ name: v.variable!.display, type, attributes, defaultValue, start, end: this.lex.pos });
      this.skipNewlines();
      const sep = this.peek();
      if (this.isPunct(sep, ',')) { this.next(); continue; }
      if (this.isPunct(sep, ')')) { this.next(); break; }
      this.fail('MissingEndParenthesisInFunctionParameterList', sep.start, 0);
    }
    return params;
  }
}

export { makeVar };
