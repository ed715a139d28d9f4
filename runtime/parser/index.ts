/** The PowerShell-subset parser: text → ScriptBlockAst, or a ParseError with PowerShell's ErrorIds. */
import type { ScriptBlockAst } from './ast.js';
import { Diagnostics } from './diagnostics.js';
import { Parser } from './parser.js';
import { annotate } from './purity.js';
import { ParseError } from '../values/error-record.js';

export type * from './ast.js';
export type { Token, TokenKind } from './tokens.js';
export { Lexer, parseNumber } from './lexer.js';
export { Diagnostics, ParserMessages, formatMessage } from './diagnostics.js';
export { isDash, isSingleQuote, isDoubleQuote } from './chars.js';
export { annotate } from './purity.js';

/** Parses a whole script. Throws ParseError (never another exception) when the text is not valid. */
export function parse(text: string, fileName?: string): ScriptBlockAst {
  const diags = new Diagnostics(text);
  try {
    const p = new Parser(text, diags);
    const sb = p.parseScript();
    sb.text = text;
    sb.start = 0;
    sb.end = text.length;
    annotate(sb);
    return sb;
  } catch (e) {
    if (e instanceof ParseError) { (e as ParseError & { fileName?: string }).fileName = fileName; throw e; }
    if (e instanceof RangeError) {
      // Deeply nested input overflows the JS stack: report it as PowerShell does for too-deep nesting.
      const d = { errorId: 'ScriptTooComplicated', message: 'The script is too complex to be parsed (nested too deeply).', line: 1, column: 1, offset: 0, length: 0 };
      throw new ParseError([d], text);
    }
    const d = { errorId: 'ParserError', message: `Internal parser error: ${(e as Error)?.message ?? String(e)}`, line: 1, column: 1, offset: 0, length: 0 };
    throw new ParseError([d], text);
  }
}

/**
 * True when the text ends inside an open construct (block, parenthesis, string, here-string, comment)
 * so an interactive host should read another line — PowerShell's IncompleteParseException cases.
 */
export function isIncomplete(text: string): boolean {
  // A line ending in a backtick continues on the next one.
  if (/`\r?\n?$/.test(text)) return true;
  try {
    parse(text);
    return false;
  } catch (e) {
    if (!(e instanceof ParseError)) return false;
    const d = e.diagnostics[0]!;
    const atEnd = d.offset + d.length >= text.replace(/\s+$/, '').length || d.offset >= text.length;
    const incompleteIds = new Set([
      'MissingEndCurlyBrace', 'MissingEndParenthesisInExpression', 'MissingEndParenthesisInSubexpression',
      'IncompleteDollarSubexpressionReference', 'TerminatorExpectedAtEndOfString', 'MissingEndParenthesisInFunctionParameterList',
      'MissingEndParenthesisInMethodCall', 'MissingEndSquareBracket', 'MissingStatementBlock', 'MissingStatementBlockAfterElse',
      'MissingLoopStatement', 'MissingForeachStatement', 'MissingFunctionBody', 'MissingTryStatementBlock', 'MissingCatchOrFinally',
      'MissingCurlyBraceInSwitchStatement', 'MissingEndParenthesisAfterStatement', 'ExpectedValueExpression',
      'MissingExpressionAfterToken', 'MissingExpressionAfterOperator', 'EmptyPipeElement', 'MissingWhileOrUntilInDoWhile',
      'MissingStatementInHashLiteral', 'MissingSwitchStatementClause', 'MissingTrapStatement',
    ]);
    if (['TerminatorExpectedAtEndOfString', 'MissingEndCurlyBrace', 'IncompleteDollarSubexpressionReference', 'MissingTerminatorMultiLineComment'].includes(d.errorId)) return true;
    return incompleteIds.has(d.errorId) && atEnd;
  }
}
