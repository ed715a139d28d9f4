import type { Expr, StringPart, VarExpr, RedirectionAst, Statement } from './ast.js';
import {
  isDash, isSingleQuote, isDoubleQuote, isNewline, isWhitespace, isDigit, isHexDigit, isIdentStart, isIdentChar,
  isGenericEnd,
} from './chars.js';
import { Diagnostics } from './diagnostics.js';
import { isDashOperator, type Token } from './tokens.js';
import { parseNumberLiteral } from '../values/numeric.js';

/** Parses a `$( ... )` body starting after `$(`; returns the statements and the offset after `)`. */
export type SubExprParser = (offset: number) => { body: Statement[]; end: number; pure: boolean };

const SCOPES = new Set(['global', 'script', 'local', 'private', 'env', 'variable', 'function', 'using']);

const MULTIPLIERS: Record<string, number> = { kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3, tb: 1024 ** 4, pb: 1024 ** 5 };

/**
 * Parses a PowerShell numeric literal (also used to convert strings to numbers): decimal, hex (0x),
 * binary (0b), exponent, type suffix (l d u y s n) and multiplier (kb..pb). Returns undefined when not a number.
 */
export function parseNumber(text: string): number | undefined {
  const m = /^([+-]?)(?:0x([0-9a-f]+)|0b([01]+)|(\d+\.?\d*(?:e[+-]?\d+)?|\.\d+(?:e[+-]?\d+)?))(ul|uy|us|un|l|d|u|y|s|n)?(kb|mb|gb|tb|pb)?$/i.exec(text);
  if (!m) return undefined;
  const neg = m[1] === '-';
  let v: number;
  if (m[2] !== undefined) {
    const hex = m[2];
    v = parseInt(hex, 16);
    const suffix = (m[5] ?? '').toLowerCase();
    // Hex literals of up to 8 digits are Int32 (two's complement), up to 16 Int64: 0xFFFFFFFF is -1.
    if (!suffix.startsWith('u')) {
      if (hex.replace(/^0+/, '').length <= 8 && suffix !== 'l') { if (v > 0x7fffffff) v -= 0x100000000; }
      else if (hex.replace(/^0+/, '').length <= 16 && v >= 2 ** 63) v -= 2 ** 64;
    }
  } else if (m[3] !== undefined) {
    v = parseInt(m[3], 2);
  } else {
    v = Number(m[4]);
  }
  if (!Number.isFinite(v)) return undefined;
  if (m[6]) v *= MULTIPLIERS[m[6].toLowerCase()]!;
  return neg ? -v : v;
}

/**
 * The scanner. The parser asks for tokens in a mode, as PowerShell's tokenizer switches between
 * expression mode and command (argument) mode: `-x` is an operator in one and a parameter in the other.
 */
export class Lexer {
  pos = 0;
  constructor(readonly src: string, readonly diags: Diagnostics, public subExpr: SubExprParser) {}

  private ch(o = 0): string | undefined { return this.src[this.pos + o]; }

  private tok(kind: Token['kind'], start: number, extra: Partial<Token> = {}): Token {
    return { kind, text: this.src.slice(start, this.pos), start, end: this.pos, ...extra };
  }

  /** A token in expression mode. */
  scanExpr(): Token {
    const space = this.skipTriviaChecked();
    const start = this.pos;
    const t = this.scanExprInner(start);
    t.spaceBefore = space;
    return t;
  }

  private skipTriviaChecked(): boolean {
    // Block comments without an end are a parse error in PowerShell ("Missing the terminator '#>'"); we
    // treat them as running to the end of the text, which is what the tokenizer does before reporting.
    const start = this.pos;
    for (;;) {
      const c = this.ch();
      if (isWhitespace(c)) { this.pos++; continue; }
      if (c === '`' && isNewline(this.ch(1))) { this.pos += this.ch(1) === '\r' && this.ch(2) === '\n' ? 3 : 2; continue; }
      if (c === '`' && this.pos + 1 >= this.src.length) { this.pos++; continue; }
      if (c === '#') { while (this.pos < this.src.length && !isNewline(this.ch())) this.pos++; continue; }
      if (c === '<' && this.ch(1) === '#') {
        const end = this.src.indexOf('#>', this.pos + 2);
        if (end < 0) this.diags.fail('MissingTerminatorMultiLineComment', this.pos, this.src.length - this.pos);
        this.pos = end + 2;
        continue;
      }
      break;
    }
    return this.pos > start;
  }

  private scanExprInner(start: number): Token {
    const c = this.ch();
    if (c === undefined) return this.tok('EOF', start);
    if (c === '\r' || c === '\n') {
      this.pos += c === '\r' && this.ch(1) === '\n' ? 2 : 1;
      return this.tok('NewLine', start);
    }
    if (c === ';') { this.pos++; return this.tok('Semi', start); }
    if (isDigit(c) || (c === '.' && isDigit(this.ch(1)))) {
      const n = this.scanNumberToken(start, false);
      if (n) return n;
      // Digits run into letters or `_` (`1_000`, `7zip`): not a number but a generic token, i.e. a command name.
      if (isDigit(c)) {
        while (this.pos < this.src.length && isIdentChar(this.ch())) this.pos++;
        return this.tok('Word', start, { value: this.src.slice(start, this.pos) });
      }
    }
    if (c === '$') return this.scanDollar(start);
    if (c === '@') {
      const n = this.ch(1);
      if (n === '(' || n === '{') { this.pos += 2; return this.tok('Punct', start, { value: '@' + n }); }
      if (isSingleQuote(n) || isDoubleQuote(n)) return this.scanHereString(start);
      if (isIdentChar(n)) { this.pos++; return this.scanVariableName(start, true); }
      this.pos++;
      return this.tok('Punct', start, { value: '@' });
    }
    if (isSingleQuote(c)) return this.scanSingleQuoted(start);
    if (isDoubleQuote(c)) return this.scanDoubleQuoted(start);
    if (isDash(c)) {
      const n = this.ch(1);
      if (isDash(n)) { this.pos += 2; return this.tok('Punct', start, { value: '--' }); }
      if (n === '=') { this.pos += 2; return this.tok('Punct', start, { value: '-=' }); }
      if (isIdentStart(n)) {
        let p = this.pos + 1;
        while (p < this.src.length && isIdentChar(this.src[p])) p++;
        const word = this.src.slice(this.pos + 1, p).toLowerCase();
        if (isDashOperator(word)) { this.pos = p; return this.tok('Op', start, { value: word }); }
        return this.scanParam(start);
      }
      this.pos++;
      return this.tok('Punct', start, { value: '-' });
    }
    const two = this.src.slice(this.pos, this.pos + 2);
    if (two === '??') {
      if (this.ch(2) === '=') { this.pos += 3; return this.tok('Punct', start, { value: '??=' }); }
      this.pos += 2; return this.tok('Punct', start, { value: '??' });
    }
    for (const p of ['++', '+=', '*=', '/=', '%=', '..', '::', '||', '&&']) {
      if (two === p) { this.pos += 2; return this.tok('Punct', start, { value: p }); }
    }
    if (c === '>' || (c === '*' && this.ch(1) === '>') || (isDigit(c) && this.ch(1) === '>')) {
      const r = this.scanRedirect(start);
      if (r) return r;
    }
    if ('(){}[],.=+*/%!|&:<>?'.includes(c)) { this.pos++; return this.tok('Punct', start, { value: c }); }
    if (isIdentStart(c)) {
      while (this.pos < this.src.length && isIdentChar(this.ch())) this.pos++;
      return this.tok('Word', start, { value: this.src.slice(start, this.pos) });
    }
    // Anything else (a stray character): a generic token the parser will report.
    this.pos++;
    return this.tok('Generic', start, { value: c });
  }

  /** `-Name` or `-Name:` (the dash may be an en dash, em dash or horizontal bar). */
  private scanParam(start: number): Token {
    this.pos++;
    while (this.pos < this.src.length) {
      const c = this.ch();
      if (isGenericEnd(c) || c === ':' || c === ',' || c === '.' && false) break;
      if (isSingleQuote(c) || isDoubleQuote(c)) break;
      this.pos++;
    }
    const name = this.src.slice(start + 1, this.pos);
    let colon = false;
    if (this.ch() === ':') { this.pos++; colon = true; }
    return this.tok('Param', start, { paramName: name, colon });
  }

  private scanRedirect(start: number): Token | undefined {
    const m = /^(\*|[1-6])?(>>|>)(&[12])?/.exec(this.src.slice(this.pos, this.pos + 6));
    if (!m) return undefined;
    this.pos += m[0].length;
    const streams = { '*': 'all', '1': 'output', '2': 'error', '3': 'warning', '4': 'verbose', '5': 'debug', '6': 'information' } as const;
    const stream = streams[(m[1] ?? '1') as keyof typeof streams];
    const redirect: RedirectionAst = { stream, merge: !!m[3], append: m[2] === '>>' };
    return this.tok('Redirect', start, { redirect });
  }

  private scanNumberToken(start: number, commandMode: boolean): Token | undefined {
    const m = /^(?:0x[0-9a-f]+|0b[01]+|(?:\d+(?:\.\d+)?|\.\d+)(?:e[+-]?\d+)?)(?:ul|uy|us|un|l|d|u|y|s|n)?(?:kb|mb|gb|tb|pb)?/i.exec(this.src.slice(this.pos, this.pos + 400));
    if (!m) return undefined;
    let p = this.pos + m[0].length;
    // `1.` (a trailing dot not starting a range or a member) belongs to the number.
    if (this.src[p] === '.' && this.src[p + 1] !== '.' && !isIdentStart(this.src[p + 1]) && !/[.e]/i.test(m[0]) && !/^0x/i.test(m[0])) p++;
    const next = this.src[p];
    if (isIdentChar(next)) return undefined;
    if (commandMode && !isGenericEnd(next) && next !== ',' && next !== '.' && next !== '[') return undefined;
    if (commandMode && (next === '.' || next === '[')) return undefined;
    // The token carries the literal's typed value (Int32, Int64, Decimal, Double... see runtime/values/numeric.ts).
    const v = parseNumberLiteral(this.src.slice(this.pos, p));
    if (v === undefined) return undefined;
    this.pos = p;
    return this.tok('Number', start, { value: v });
  }

  private scanDollar(start: number): Token {
    const n = this.ch(1);
    if (n === '(') { this.pos += 2; return this.tok('Punct', start, { value: '$(' }); }
    this.pos++;
    return this.scanVariableName(start, false);
  }

  /** After `$` or `@`: a variable name, `${...}`, `$?`, `$$`, `$^`, with an optional scope/drive qualifier. */
  private scanVariableName(start: number, splat: boolean): Token {
    const v = this.readVariable(start, splat);
    if (!v) this.diags.fail('InvalidVariableReference', start, 1);
    return this.tok(splat ? 'Splat' : 'Variable', start, { variable: v });
  }

  /** Reads a variable reference at pos (just after the sigil). Returns undefined when none follows. */
  readVariable(start: number, splat: boolean): VarExpr | undefined {
    const c = this.ch();
    let raw: string;
    if (c === '{') {
      let p = this.pos + 1, name = '';
      while (p < this.src.length && this.src[p] !== '}') {
        if (this.src[p] === '`' && p + 1 < this.src.length) { name += this.src[p + 1]; p += 2; continue; }
        name += this.src[p++];
      }
      if (p >= this.src.length) this.diags.fail('MissingEndCurlyBrace', start, 2);
      this.pos = p + 1;
      raw = name;
    } else if (c === '?' || c === '$' || c === '^') {
      this.pos++;
      raw = c;
    } else if (isIdentChar(c)) {
      let p = this.pos;
      while (p < this.src.length && isIdentChar(this.src[p])) p++;
      // scope or drive qualifier: $env:PATH, $global:x (but not $x::Member)
      if (this.src[p] === ':' && this.src[p + 1] !== ':' && (isIdentChar(this.src[p + 1]) || this.src[p + 1] === '{')) {
        p++;
        if (this.src[p] === '{') {
          const close = this.src.indexOf('}', p);
          p = close < 0 ? this.src.length : close + 1;
        } else {
          while (p < this.src.length && isIdentChar(this.src[p])) p++;
        }
      }
      raw = this.src.slice(this.pos, p).replace(/:\{(.*)\}$/, ':$1');
      this.pos = p;
    } else {
      return undefined;
    }
    return makeVar(raw, start, this.pos, splat);
  }

  // ---------- strings ----------

  private scanSingleQuoted(start: number): Token {
    let p = this.pos + 1, value = '';
    for (;;) {
      if (p >= this.src.length) this.diags.fail('TerminatorExpectedAtEndOfString', start, p - start, "'");
      const c = this.src[p]!;
      if (isSingleQuote(c)) {
        if (isSingleQuote(this.src[p + 1])) { value += this.src[p + 1]; p += 2; continue; }
        p++;
        break;
      }
      value += c;
      p++;
    }
    this.pos = p;
    return this.tok('String', start, { value });
  }

  private scanDoubleQuoted(start: number): Token {
    this.pos++;
    const parts = this.scanExpandable(start, (p) => {
      if (isDoubleQuote(this.src[p])) {
        if (isDoubleQuote(this.src[p + 1])) return 'escape';
        return 'end';
      }
      return 'no';
    }, '"');
    return this.tok('ExpandString', start, { parts });
  }

  private scanHereString(start: number): Token {
    const quote = this.ch(1)!;
    const expandable = isDoubleQuote(quote);
    let p = this.pos + 2;
    while (isWhitespace(this.src[p])) p++;
    if (p >= this.src.length) this.diags.fail('TerminatorExpectedAtEndOfString', start, 2, expandable ? '"@' : "'@");
    if (!isNewline(this.src[p])) this.diags.fail('UnexpectedCharactersAfterHereStringHeader', p, 1);
    p += this.src[p] === '\r' && this.src[p + 1] === '\n' ? 2 : 1;
    const bodyStart = p;
    // The terminator is a quote + @ at the start of a line.
    const isEnd = (q: number) => {
      const atLineStart = q === bodyStart || isNewline(this.src[q - 1]);
      return atLineStart && (expandable ? isDoubleQuote(this.src[q]) : isSingleQuote(this.src[q])) && this.src[q + 1] === '@';
    };
    if (!expandable) {
      let q = bodyStart;
      while (q < this.src.length && !isEnd(q)) q++;
      if (q >= this.src.length) this.diags.fail('TerminatorExpectedAtEndOfString', start, 2, "'@");
      let body = this.src.slice(bodyStart, q);
      body = body.replace(/\r?\n$/, '');
      this.pos = q + 2;
      return this.tok('String', start, { value: body.replace(/\r\n/g, '\n') });
    }
    this.pos = bodyStart;
    const parts = this.scanExpandable(start, (q) => (isEnd(q) ? 'end' : 'no'), '"@', true);
    this.pos += 1; // the '@' after the closing quote
    // The newline before the terminator is not part of the value.
    const last = parts[parts.length - 1];
    if (typeof last === 'string') parts[parts.length - 1] = last.replace(/\r?\n$/, '');
    return this.tok('ExpandString', start, { parts: parts.map((x) => (typeof x === 'string' ? x.replace(/\r\n/g, '\n') : x)) });
  }

  /**
   * The body of an expandable string from pos: literal text, backtick escapes, `$var`, `${var}`, `$(...)`.
   * `atQuote` says whether the char at an offset ends the string, is an escaped (doubled) quote, or neither.
   */
  scanExpandable(start: number, atQuote: (p: number) => 'end' | 'escape' | 'no', terminator: string, hereString = false): StringPart[] {
    const parts: StringPart[] = [];
    let lit = '';
    const flush = () => { if (lit) { parts.push(lit); lit = ''; } };
    for (;;) {
      if (this.pos >= this.src.length) this.diags.fail('TerminatorExpectedAtEndOfString', start, this.pos - start, terminator);
      const q = atQuote(this.pos);
      if (q === 'end') { this.pos++; break; }
      if (q === 'escape') { lit += this.src[this.pos + 1]; this.pos += 2; continue; }
      const c = this.src[this.pos]!;
      if (c === '`') {
        const n = this.src[this.pos + 1];
        if (n === undefined) { this.pos++; continue; }
        this.pos += 2;
        lit += this.escape(n);
        continue;
      }
      if (c === '$') {
        const n = this.src[this.pos + 1];
        if (n === '(') {
          flush();
          const r = this.subExprInString(this.pos);
          parts.push({ kind: 'SubExpr', body: r.body, start: this.pos, end: r.end, pure: r.pure });
          this.pos = r.end;
          continue;
        }
        if (n !== undefined && (isIdentChar(n) || n === '{' || n === '?' || n === '$' || n === '^')) {
          const at = this.pos;
          this.pos++;
          const v = this.readVariable(at, false);
          if (v) { flush(); parts.push(v); continue; }
          this.pos = at;
        }
      }
      lit += c;
      this.pos++;
    }
    void hereString;
    flush();
    return parts;
  }

  /** A `$( ... )` inside a string: an unterminated one is PowerShell's IncompleteDollarSubexpressionReference. */
  private subExprInString(at: number): { body: Statement[]; end: number; pure: boolean } {
    try {
      return this.subExpr(at + 2);
    } catch (e) {
      const d = (e as { diagnostics?: { errorId: string }[] }).diagnostics?.[0];
      if (d && (d.errorId === 'TerminatorExpectedAtEndOfString' || d.errorId === 'MissingEndParenthesisInSubexpression' || d.errorId === 'MissingEndCurlyBrace')) {
        this.diags.items.length = 0;
        this.diags.fail('IncompleteDollarSubexpressionReference', at, this.src.length - at);
      }
      throw e;
    }
  }

  private escape(n: string): string {
    switch (n) {
      case '0': return '\0';
      case 'a': return '\x07';
      case 'b': return '\b';
      case 'e': return '\x1b';
      case 'f': return '\f';
      case 'n': return '\n';
      case 'r': return '\r';
      case 't': return '\t';
      case 'v': return '\v';
      case 'u': {
        const m = /^\{([0-9a-fA-F]{1,6})\}/.exec(this.src.slice(this.pos, this.pos + 8));
        if (m) { this.pos += m[0].length; return String.fromCodePoint(parseInt(m[1]!, 16)); }
        return 'u';
      }
      default: return n;
    }
  }

  // ---------- command mode ----------

  /** A command name: a bare word up to whitespace or a command-mode delimiter. */
  scanCommandName(): Token {
    const space = this.skipTriviaChecked();
    const start = this.pos;
    while (this.pos < this.src.length && !isGenericEnd(this.ch()) && this.ch() !== ',' ) this.pos++;
    const t = this.tok('Generic', start, { value: this.src.slice(start, this.pos) });
    t.spaceBefore = space;
    return t;
  }

  /** A token in command-argument mode. */
  scanArg(): Token {
    const space = this.skipTriviaChecked();
    const start = this.pos;
    const t = this.scanArgInner(start);
    t.spaceBefore = space;
    return t;
  }

  private scanArgInner(start: number): Token {
    const c = this.ch();
    if (c === undefined) return this.tok('EOF', start);
    if (c === '\r' || c === '\n') { this.pos += c === '\r' && this.ch(1) === '\n' ? 2 : 1; return this.tok('NewLine', start); }
    if (c === ';') { this.pos++; return this.tok('Semi', start); }
    if (c === '|' || c === '&') {
      if (this.ch(1) === c) { this.pos += 2; return this.tok('Punct', start, { value: c + c }); }
      this.pos++; return this.tok('Punct', start, { value: c });
    }
    if (c === ')' || c === '}' || c === '(' || c === '{' || c === ',') { this.pos++; return this.tok('Punct', start, { value: c }); }
    if (c === '>' || (c === '*' && this.ch(1) === '>') || (isDigit(c) && this.ch(1) === '>')) {
      const r = this.scanRedirect(start);
      if (r) return r;
    }
    if (c === '<') { this.pos++; return this.tok('Punct', start, { value: '<' }); }
    // In command mode only unsigned numbers are numbers: `-5` and `+5` are strings, as PowerShell's binder sees them.
    if (isDigit(c) || (c === '.' && isDigit(this.ch(1)))) {
      const n = this.scanNumberToken(start, true);
      if (n) return n;
    }
    if (isDash(c) && this.ch(1) !== undefined && !isGenericEnd(this.ch(1)) && !isDash(this.ch(1)) && !isDigit(this.ch(1)) && this.ch(1) !== '.') return this.scanParam(start);
    if (c === '$') {
      if (this.ch(1) === '(') { this.pos += 2; return this.tok('Punct', start, { value: '$(' }); }
      const save = this.pos;
      this.pos++;
      const v = this.readVariable(start, false);
      if (v && (isGenericEnd(this.ch()) || this.ch() === '.' || this.ch() === '[' || this.ch() === ',' || this.ch() === ':' || this.ch() === '(')) {
        return this.tok('Variable', start, { variable: v });
      }
      this.pos = save;
      return this.scanGeneric(start);
    }
    if (c === '@') {
      const n = this.ch(1);
      if (n === '(' || n === '{') { this.pos += 2; return this.tok('Punct', start, { value: '@' + n }); }
      if (isSingleQuote(n) || isDoubleQuote(n)) return this.scanHereString(start);
      if (isIdentChar(n)) { this.pos++; return this.scanVariableName(start, true); }
    }
    if (c === '[') { return this.scanGeneric(start); }
    if (isSingleQuote(c)) return this.scanSingleQuoted(start);
    if (isDoubleQuote(c)) return this.scanDoubleQuoted(start);
    return this.scanGeneric(start);
  }

  /** A bare word argument; `$x` inside makes it expandable like a double-quoted string. */
  private scanGeneric(start: number): Token {
    const parts: StringPart[] = [];
    let lit = '';
    let expandable = false;
    while (this.pos < this.src.length) {
      const c = this.ch()!;
      if (isGenericEnd(c) || c === ',') break;
      if (c === '`' && this.pos + 1 < this.src.length) { lit += this.escapeGeneric(this.src[this.pos + 1]!); this.pos += 2; continue; }
      if (isSingleQuote(c) || isDoubleQuote(c)) {
        // foo"bar baz" — quotes inside a bare word join the quoted text to it.
        const t = isSingleQuote(c) ? this.scanSingleQuoted(this.pos) : this.scanDoubleQuoted(this.pos);
        if (t.kind === 'String') lit += t.value as string;
        else { for (const p of t.parts!) { if (typeof p === 'string') lit += p; else { if (lit) parts.push(lit); lit = ''; parts.push(p); expandable = true; } } }
        continue;
      }
      if (c === '$') {
        const n = this.ch(1);
        if (n === '(') {
          if (lit) parts.push(lit);
          lit = '';
          const r = this.subExpr(this.pos + 2);
          parts.push({ kind: 'SubExpr', body: r.body, start: this.pos, end: r.end, pure: r.pure });
          this.pos = r.end;
          expandable = true;
          continue;
        }
        const at = this.pos;
        this.pos++;
        const v = this.readVariable(at, false);
        if (v) { if (lit) parts.push(lit); lit = ''; parts.push(v); expandable = true; continue; }
        this.pos = at;
      }
      lit += c;
      this.pos++;
    }
    if (lit) parts.push(lit);
    if (expandable) return this.tok('Generic', start, { parts, value: undefined });
    return this.tok('Generic', start, { value: parts.join('') });
  }

  private escapeGeneric(n: string): string { return n === 'n' ? '\n' : n === 't' ? '\t' : n === '0' ? '\0' : n === 'r' ? '\r' : n; }
}

export function makeVar(raw: string, start: number, end: number, splat = false): VarExpr {
  let scope: VarExpr['scope'];
  let name = raw;
  const colon = raw.indexOf(':');
  if (colon > 0) {
    const q = raw.slice(0, colon).toLowerCase();
    if (SCOPES.has(q)) { scope = q as VarExpr['scope']; name = raw.slice(colon + 1); }
  }
  let lower = name.toLowerCase();
  if (lower === 'psitem') lower = '_';
  return { kind: 'Var', name: lower, display: name, scope, splat, start, end, pure: true } as VarExpr;
}

export type { Expr };
