import { expect } from 'chai';
import { oracleSkipReason, runOracle, type OracleResult } from './oracle.js';

describe('oracle: the real PowerShell engine (System.Management.Automation) hosted for tests', function () {
  this.timeout(300_000);
  let results: Map<string, OracleResult>;

  const snippets = [
    { id: 'range', script: '1..3' },
    { id: 'obj2', script: '[pscustomobject]@{Name="x";Value=42}' },
    { id: 'obj5', script: '[pscustomobject]@{A=1;B=2;C=3;D=4;E=5}' },
    { id: 'notfound', script: 'Get-Nope' },
    { id: 'parse', script: 'if ($true) {' },
    { id: 'define', script: '$leak = "visible"; function Leaky { "f" }' },
    { id: 'isolated', script: '"[$leak]"; Leaky' },
    { id: 'exit', script: '"before"; exit 3' },
    { id: 'divzero', script: '1/0; "after"' },
    { id: 'curly', script: '“a” + ‘b’; 2 –eq 2' },
    { id: 'width', script: '[pscustomobject]@{A="x" * 200}' },
  ];

  before(async function () {
    const skip = oracleSkipReason();
    if (skip) {
      console.log(`      (skipped: ${skip})`);
      this.skip();
    }
    results = await runOracle(snippets);
  });

  const get = (id: string): OracleResult => {
    const r = results.get(id);
    if (!r) throw new Error('no answer for ' + id);
    return r;
  };

  it('prints 1..3 as three lines', () => {
    expect(get('range')).to.deep.equal({ output: '1\n2\n3\n', errorOutput: '', errors: [], hadErrors: false });
  });

  it('prints a pscustomobject with 2 properties as a table framed by blank lines, numbers right-aligned', () => {
    expect(get('obj2').output).to.equal('\nName Value\n---- -----\nx       42\n\n');
  });

  it('prints a pscustomobject with 5 properties as a list', () => {
    expect(get('obj5').output).to.equal('\nA : 1\nB : 2\nC : 3\nD : 4\nE : 5\n\n');
  });

  it('reports an unknown command as CommandNotFoundException in the concise view', () => {
    const r = get('notfound');
    expect(r.errors).to.have.length(1);
    expect(r.errors[0].fqid).to.equal('CommandNotFoundException');
    expect(r.errors[0].category).to.equal('ObjectNotFound');
    expect(r.output).to.match(/^Get-Nope: The term 'Get-Nope' is not recognized as a name of a cmdlet, function, script file, or executable program\.\n/);
    expect(r.hadErrors).to.equal(true);
  });

  it('shows a parse error as ParserError with the Line | view', () => {
    const r = get('parse');
    expect(r.errors[0]).to.deep.equal({
      message: "Missing closing '}' in statement block or type definition.",
      fqid: 'MissingEndCurlyBrace',
      category: 'ParserError',
    });
    expect(r.output.split('\n').slice(0, 2)).to.deep.equal(['ParserError: ', 'Line |']);
  });

  it('runs each snippet in a fresh runspace: variables and functions do not leak', () => {
    const r = get('isolated');
    expect(r.output.startsWith('[]\n')).to.equal(true);
    expect(r.errors.map((e) => e.fqid)).to.deep.equal(['CommandNotFoundException']);
  });

  it('reports exit N as the exit code', () => {
    expect(get('exit').exitCode).to.equal(3);
    expect(get('exit').output).to.equal('before\n');
  });

  it('continues after a statement-terminating error and shows it inline', () => {
    expect(get('divzero').output).to.equal('RuntimeException: Attempted to divide by zero.\nafter\n');
    expect(get('divzero').errors[0].fqid).to.equal('RuntimeException');
    expect(get('divzero').errorOutput, 'error lines are told apart (stderr when redirected)').to.equal('RuntimeException: Attempted to divide by zero.\n');
  });

  it('accepts curly quotes and the en dash as PowerShell tokenizes them', () => {
    expect(get('curly').output).to.equal('ab\nTrue\n');
  });

  it('lays tables out for 120 columns (the formatter keeps the last column free: 119 characters) without escape sequences', () => {
    const lines = get('width').output.split('\n');
    expect(Math.max(...lines.map((l) => l.length))).to.equal(119);
    expect(lines[3].endsWith('…')).to.equal(true);
    for (const r of results.values()) expect(r.output).not.to.include('\u001b');
  });

  it('stops a runaway snippet at the time limit and reports it', async () => {
    const r = await runOracle([{ id: 'loop', script: 'while ($true) { }' }, { id: 'next', script: '"alive"' }], { timeoutMs: 1500, processes: 1 });
    expect(r.get('loop')?.timedOut).to.equal(true);
    expect(r.get('next')?.output).to.equal('alive\n');
  });
});
