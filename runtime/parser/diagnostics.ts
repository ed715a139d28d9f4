import { ParseError, type ParseDiagnostic } from '../values/error-record.js';

/** PowerShell's ParserStrings texts (src/System.Management.Automation/resources/ParserStrings.resx), by ErrorId. */
export const ParserMessages = {
  MissingEndCurlyBrace: "Missing closing '}' in statement block or type definition.",
  UnexpectedToken: "Unexpected token '{0}' in expression or statement.",
  ExpectedValueExpression: "You must provide a value expression following the '{0}' operator.",
  MissingExpressionAfterToken: "Missing expression after '{0}'.",
  MissingExpressionAfterOperator: "Missing expression after unary operator '{0}'.",
  ExpectedExpression: "An expression was expected after '('.",
  MissingEndParenthesisInExpression: "Missing closing ')' in expression.",
  MissingEndParenthesisInSubexpression: "Missing closing ')' in subexpression.",
  IncompleteDollarSubexpressionReference: "$(subexpression) is missing the closing ')'.",
  TerminatorExpectedAtEndOfString: 'The string is missing the terminator: {0}.',
  MissingPropertyName: 'Missing property name after reference operator.',
  EndSquareBracketExpectedAtEndOfAttribute: 'Missing ] at end of attribute or type literal.',
  MissingEndParenthesisInFunctionParameterList: "Missing ')' in function parameter list.",
  MissingEndParenthesisInMethodCall: "Missing ')' in method call.",
  MissingStatementBlock: 'Missing statement block after {0}.',
  MissingStatementBlockAfterElse: "Missing statement block after 'else' keyword.",
  ExpressionsMustBeFirstInPipeline: 'Expressions are only allowed as the first element of a pipeline.',
  MissingEndSquareBracket: "Missing ']' after array index expression.",
  MissingArrayIndexExpression: 'Array index expression is missing or not valid.',
  MissingOpenParenthesisInIfStatement: "Missing '(' after '{0}' in if statement.",
  MissingEndParenthesisAfterStatement: "Missing closing ')' after expression in '{0}' statement.",
  IfStatementMissingCondition: "Missing condition in if statement after '{0} ('.",
  MissingOpenParenthesisAfterKeyword: "Missing opening '(' after keyword '{0}'.",
  MissingInInForeach: "Missing 'in' after variable in foreach loop.\nThe correct form is: foreach ($a in $b) {...}",
  MissingVariableNameAfterForeach: "Missing variable name after foreach.\nThe correct form is: foreach ($a in $b) {...}",
  MissingForeachExpression: 'Missing expression in foreach loop.\nThe correct form is: foreach ($a in $b) {...}',
  MissingForeachStatement: 'Missing statement body in foreach loop.\nThe correct form is: foreach ($a in $b) {...}',
  MissingLoopStatement: 'Missing statement body in {0} loop.',
  MissingWhileOrUntilInDoWhile: 'Missing while or until keyword in do loop.',
  MissingCurlyBraceInSwitchStatement: "Missing '{' in switch statement.",
  MissingSwitchStatementClause: 'Missing statement block in switch statement clause.',
  MissingSwitchConditionExpression: "Missing condition in switch statement clause.",
  PipelineValueRequired: "A switch statement must have one of the following:  '-file file_name' or '( expression )'.",
  MissingCatchOrFinally: 'The Try statement is missing its Catch or Finally block.',
  MissingTryStatementBlock: 'The Try statement is missing its statement block.',
  MissingCatchHandlerBlock: 'Missing statement block in catch clause.',
  MissingFinallyStatementBlock: 'Missing statement block in finally clause.',
  MissingTrapStatement: 'Missing statement block in trap statement.',
  MissingNameAfterKeyword: 'Missing name after {0} keyword.',
  MissingFunctionBody: 'Missing function body in function declaration.',
  MissingEqualsInHashLiteral: "Missing '=' operator after key in hash literal.",
  MissingStatementInHashLiteral: "Missing statement after '=' in hash literal.",
  MissingEndCurlyBraceInHashLiteral: "The hash literal was incomplete.",
  InvalidLeftHandSide: 'The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.',
  MissingTypename: 'Missing type name after \'[\'.',
  ParameterDeclarationNotAllowed: "The param statement cannot be used here.",
  MissingExpression: "Missing expression after '{0}'.",
  InvalidVariableReference: "Variable reference is not valid. '$' was not followed by a valid variable name character. Consider using ${} to delimit the name.",
  EmptyPipeElement: 'An empty pipe element is not allowed.',
  MissingArgument: "Missing argument in parameter list.",
  RedirectionNotSupported: "The '{0}' operator is reserved for future use.",
  AmpersandNotAllowed: "The ampersand (&) character is not allowed. The & operator is reserved for future use; wrap an ampersand in double quotation marks (\"&\") to pass it as part of a string.",
  WorkflowNotSupportedInPowerShellCore: 'Workflow is not supported in PowerShell 6+.',
  MissingTerminatorMultiLineComment: "The terminator '#>' is missing from the multiline comment.",
  UnexpectedCharactersAfterHereStringHeader: 'No characters are allowed after a here-string header but before the end of the line.',
  MissingColonInTernaryExpression: "Missing ':' in the ternary expression.",
  DuplicateKeyInHashLiteral: "Duplicate keys '{0}' are not allowed in hash literals.",
  /** syncshell's own id: a construct the emulator's language does not implement. */
  UnsupportedConstruct: "The '{0}' construct is not supported by syncshell.",
} as const;
export type ParserErrorId = keyof typeof ParserMessages;

export function formatMessage(id: ParserErrorId, ...args: string[]): string {
  return ParserMessages[id].replace(/\{(\d)\}/g, (_, i: string) => args[Number(i)] ?? '');
}

/** Collects the diagnostics of one parse; the first one stops the parse (PowerShell reports more, we report the first). */
export class Diagnostics {
  readonly items: ParseDiagnostic[] = [];
  private lineStarts?: number[];
  constructor(readonly source: string) {}

  position(offset: number): { line: number; column: number } {
    if (!this.lineStarts) {
      this.lineStarts = [0];
      for (let i = 0; i < this.source.length; i++) {
        const c = this.source[i];
        if (c === '\n' || (c === '\r' && this.source[i + 1] !== '\n')) this.lineStarts.push(i + 1);
      }
    }
    let lo = 0, hi = this.lineStarts.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (this.lineStarts[mid]! <= offset) lo = mid; else hi = mid - 1; }
    return { line: lo + 1, column: offset - this.lineStarts[lo]! + 1 };
  }

  /** Records the error and throws: the parser stops at the first error. */
  fail(id: ParserErrorId, offset: number, length: number, ...args: string[]): never {
    const { line, column } = this.position(offset);
    const d: ParseDiagnostic = { errorId: id, message: formatMessage(id, ...args), line, column, offset, length };
    this.items.push(d);
    throw new ParseError([d], this.source);
  }
}
