import { expect } from 'chai';
import { parse, isIncomplete } from '../../runtime/evaluator/index.js';
import { ParseError } from '../../runtime/values/error-record.js';
import { parseErrorCases } from './parse-error-cases.js';

function parseFailure(text: string): ParseError {
  try { parse(text); } catch (e) { if (e instanceof ParseError) return e; throw e; }
  throw new Error(`expected a parse error for ${JSON.stringify(text)}`);
}

describe('language: parse errors carry PowerShell\'s ErrorId and message', () => {
  for (const [script, id, message] of parseErrorCases) {
    it(`${JSON.stringify(script)} → ${id}`, () => {
      const e = parseFailure(script);
      expect(e.diagnostics[0]!.errorId).to.equal(id);
      expect(e.diagnostics[0]!.message).to.equal(message);
    });
  }

  it('reports the line and column of the offending token', () => {
    const e = parseFailure('$a = 1\n$b = (1 +\n');
    const d = e.diagnostics[0]!;
    expect(d.errorId).to.equal('ExpectedValueExpression');
    expect(d.line).to.equal(2);
    expect(d.column).to.equal(10);
  });

  it('rejects every construct syncshell does not implement with a parse error, never silently', () => {
    const unsupported: [string, string][] = [
      ['class Foo { }', 'class'], ['enum Color { Red }', 'enum'], ['using namespace System.Text', 'using'],
      ['data { "x" }', 'data'], ['configuration C { }', 'configuration'],
      ['function f { dynamicparam { } end { } }', 'dynamicparam'], ['switch -file x.txt { }', 'switch -file'],
    ];
    for (const [text, what] of unsupported) {
      const e = parseFailure(text);
      expect(e.diagnostics[0]!.errorId, text).to.equal('UnsupportedConstruct');
      expect(e.diagnostics[0]!.message, text).to.equal(`The '${what}' construct is not supported by syncshell.`);
    }
    expect(parseFailure('workflow W { }').diagnostics[0]!.errorId).to.equal('WorkflowNotSupportedInPowerShellCore');
  });

  it('parses trap statements (typed or not); a trap without its block is MissingTrapStatement and asks for more input', () => {
    expect(() => parse('trap { "t"; continue }; 1/0')).not.to.throw();
    expect(() => parse('trap [System.DivideByZeroException] { break }')).not.to.throw();
    for (const [text, column] of [['trap', 5], ['trap [int]', 11]] as const) {
      const d = parseFailure(text).diagnostics[0]!;
      expect(d.errorId, text).to.equal('MissingTrapStatement');
      expect(d.column, text).to.equal(column);
      expect(isIncomplete(text), text).to.equal(true);
    }
  });

  it('isIncomplete: open blocks, strings, here-strings and trailing operators ask for more input', () => {
    for (const t of ['if ($x) {', 'function f {', '"abc', "'abc", '@"\nabc', "@'\nx", '$x = (1 +', 'foreach ($i in 1..3) {\n $i', '1 |', '$h = @{', 'try { 1 }', '"$(1 +', '<# open comment', 'Get-Thing -Name x `']) {
      expect(isIncomplete(t), JSON.stringify(t)).to.equal(true);
    }
    for (const t of ['1 + 2', 'if ($x) { 1 }', '"abc"', ')', '1 2', '', '# comment', '$x = 1; $y = 2']) {
      expect(isIncomplete(t), JSON.stringify(t)).to.equal(false);
    }
  });
});
