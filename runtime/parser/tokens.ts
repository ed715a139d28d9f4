import type { StringPart, VarExpr, RedirectionAst } from './ast.js';

export type TokenKind =
  | 'EOF' | 'NewLine' | 'Semi'
  | 'Number' | 'String' | 'ExpandString'
  | 'Variable' | 'Splat'
  /** `-Name` / `-Name:` in command mode; an unknown `-word` in expression mode. */
  | 'Param'
  /** Dash operators (-eq, -and ...), normalised to lower case without the dash: 'eq', 'ceq', 'not'. */
  | 'Op'
  /** Punctuation and symbol operators: ( ) { } [ ] @( @{ $( , ; . .. :: = += ++ + - * / % ! | || && & etc. */
  | 'Punct'
  /** An identifier in expression mode (keywords, member names). */
  | 'Word'
  /** A bare argument in command mode (may contain `$` parts: then `parts` is set). */
  | 'Generic'
  | 'Redirect';

export interface Token {
  kind: TokenKind;
  /** Source text of the token. */
  text: string;
  start: number;
  end: number;
  /** Number value, or the string value of a verbatim string. */
  value?: unknown;
  /** Expandable string / generic token with $ references. */
  parts?: StringPart[];
  variable?: VarExpr;
  /** Param tokens: the name without the dash; `colon` when written -Name:. */
  paramName?: string;
  colon?: boolean;
  redirect?: RedirectionAst;
  /** True when whitespace (or a comment) precedes the token: member access and indexing require none. */
  spaceBefore?: boolean;
}

/** Dash operators: name (lower case) → canonical operator. */
export const COMPARISON_OPS = [
  'eq', 'ne', 'gt', 'ge', 'lt', 'le', 'like', 'notlike', 'match', 'notmatch', 'contains', 'notcontains', 'in', 'notin',
  'replace', 'split',
];
const ALL_DASH_OPS = new Set<string>([
  'and', 'or', 'xor', 'not', 'band', 'bor', 'bxor', 'bnot', 'shl', 'shr', 'f', 'is', 'isnot', 'as', 'join',
  ...COMPARISON_OPS, ...COMPARISON_OPS.map((o) => 'i' + o), ...COMPARISON_OPS.map((o) => 'c' + o),
]);
export function isDashOperator(name: string): boolean { return ALL_DASH_OPS.has(name); }

export const KEYWORDS = new Set([
  'begin', 'break', 'catch', 'class', 'clean', 'configuration', 'continue', 'data', 'define', 'do', 'dynamicparam', 'else',
  'elseif', 'end', 'enum', 'exit', 'filter', 'finally', 'for', 'foreach', 'from', 'function', 'hidden', 'if', 'in',
  'inlinescript', 'parallel', 'param', 'process', 'return', 'sequence', 'static', 'switch', 'throw', 'trap', 'try', 'until',
  'using', 'var', 'while', 'workflow',
]);
