import { expect } from 'chai';
import { run } from './fake-host.js';
import { toPSString } from '../../runtime/evaluator/index.js';

/** Output and errors in order: errors as `!ErrorId: message`. Expected orders recorded from PowerShell 7.6 (spec/oracle). */
async function trace(script: string): Promise<string[]> {
  const r = await run(script);
  const lines = r.events.map((e) => (e.kind === 'out' ? toPSString(e.value) : `!${e.record.errorId}: ${e.record.message}`));
  if (r.error) lines.push(`!!${r.error.errorId}: ${r.error.message}`);
  return lines;
}

const DZ = '!RuntimeException: Attempted to divide by zero.';

describe('language: statement-terminating and script-terminating errors', () => {
  it('a runtime error ends the statement, is written to the error stream, and the script goes on', async () => {
    expect(await trace("1/0; 'after'")).to.deep.equal([DZ, 'after']);
    expect(await trace("$x = 1/0; 'after'; $null -eq $x")).to.deep.equal([DZ, 'after', 'True']);
    expect(await trace("'a'.Foo(); 'after method'")).to.deep.equal(["!MethodNotFound: Method invocation failed because [System.String] does not contain a method named 'Foo'.", 'after method']);
    expect(await trace('$null.Foo(); $?')).to.deep.equal(['!InvokeMethodOnNull: You cannot call a method on a null-valued expression.', 'False']);
  });

  it('the innermost statement is the one that ends: loops, functions and $() go on', async () => {
    expect(await trace('foreach ($i in 1..2) { 1/0; "i$i" }')).to.deep.equal([DZ, 'i1', DZ, 'i2']);
    expect(await trace("function f { 1/0; 'in f after' }; f; 'after f'")).to.deep.equal([DZ, 'in f after', 'after f']);
    expect(await trace('"S: $(1/0) E"')).to.deep.equal([DZ, 'S:  E']);
    expect(await trace('1..2 | ForEach-Object { 1/0; "fe$_" }; \'end\'')).to.deep.equal([DZ, 'fe1', DZ, 'fe2', 'end']);
  });

  it('throw ends the script (unless caught)', async () => {
    expect(await trace("throw 'x'; 'after'")).to.deep.equal(['!!x: x']);
    expect(await trace("function g { throw 'boom' }; g; 'after g'")).to.deep.equal(['!!boom: boom']);
  });

  it('inside a try block (at any call depth) the error goes to the catch', async () => {
    expect(await trace("try { 1/0; 'in try after' } catch { 'caught' }")).to.deep.equal(['caught']);
    expect(await trace('function f { 1/0; \'in f after\' }; try { f } catch { "caught: $_" }')).to.deep.equal(['caught: Attempted to divide by zero.']);
  });

  it('$ErrorActionPreference = Stop makes it end the script; SilentlyContinue hides it but $? is False', async () => {
    expect(await trace("$ErrorActionPreference = 'Stop'; function f3 { 1/0; 'f3 after' }; f3; 'after'")).to.deep.equal(['!!RuntimeException: Attempted to divide by zero.']);
    expect(await trace("$ErrorActionPreference = 'SilentlyContinue'; 1/0; $?; 'quiet'; $Error.Count")).to.deep.equal(['False', 'quiet', '1']);
  });

  it('errors carry the position of the failing statement', async () => {
    const r = await run("$a = 1\n  $b = 'x'.Nope()\n'go on'");
    expect(r.errors[0]!.position).to.deep.include({ line: 2, column: 8, lineText: "  $b = 'x'.Nope()" });
    expect(r.out).to.deep.equal(['go on']);
  });
});
