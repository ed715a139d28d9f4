import { PSDouble, PSInteger } from '../../runtime/values/numeric.js';
import { expect } from 'chai';
import { Lexer, Diagnostics, parse, isDash, isSingleQuote, isDoubleQuote } from '../../runtime/parser/index.js';
import type { Token, CommandAst, PipelineStmt, CommandExprAst, ConstExpr, ExpandStringExpr } from '../../runtime/parser/index.js';
import { run } from './fake-host.js';
import { toPSString } from '../../runtime/evaluator/index.js';

function tokens(text: string, mode: 'expr' | 'arg'): Token[] {
  const lx = new Lexer(text, new Diagnostics(text), () => { throw new Error('no subexpressions here'); });
  const out: Token[] = [];
  for (;;) {
    const t = mode === 'expr' ? lx.scanExpr() : lx.scanArg();
    if (t.kind === 'EOF') return out;
    out.push(t);
  }
}

function command(text: string): CommandAst {
  const sb = parse(text);
  return (sb.endBlock![0] as PipelineStmt).elements[0] as CommandAst;
}

async function outputOf(text: string): Promise<string[]> {
  const r = await run(text);
  if (r.error) throw new Error(r.error.message);
  return r.out.map((v) => toPSString(v));
}

describe('language: lexer', () => {
  it('treats en dash, em dash and horizontal bar as a dash (CharExtensions.IsDash)', () => {
    for (const d of ['-', '\u2013', '\u2014', '\u2015']) expect(isDash(d)).to.equal(true);
    expect(isDash('\u2012')).to.equal(false);
    expect(isDash('\u2212')).to.equal(false);
    const c = command('Get-Thing \u2013UserPrincipalName admin@contoso.com \u2014Force \u2015X:1');
    expect(c.args.map((a) => (a.kind === 'param' ? a.name : '*'))).to.deep.equal(['UserPrincipalName', '*', 'Force', 'X']);
    expect(c.args[0]).to.include({ kind: 'param', text: '\u2013UserPrincipalName' });
    const ops = tokens('5 \u2013gt 3 \u2014and 1', 'expr').filter((t) => t.kind === 'Op').map((t) => t.value);
    expect(ops).to.deep.equal(['gt', 'and']);
  });

  it('treats curly single and double quotes as quotes (IsSingleQuote / IsDoubleQuote)', async () => {
    for (const q of ["'", '\u2018', '\u2019', '\u201a', '\u201b']) expect(isSingleQuote(q)).to.equal(true);
    for (const q of ['"', '\u201c', '\u201d', '\u201e']) expect(isDoubleQuote(q)).to.equal(true);
    // A curly single quote ends a single-quoted string, as in PowerShell: the documents put them inside double quotes.
    expect(await outputOf('"(appId=\u2019abc\u2019)"')).to.deep.equal(['(appId=\u2019abc\u2019)']);
    expect(await outputOf('\u201c{a}\u201d; \u2018x\u2019\u2019y\u2019; $v = 5; \u201cv=$v\u201d; "a\u201c\u201db"')).to.deep.equal(['{a}', 'x\u2019y', 'v=5', 'a\u201db']);
    const c = command('Set-Thing -Filter \u201c(appId=\u2019x\u2019)\u201d');
    const v = (c.args[1] as { expr: ConstExpr }).expr;
    expect(v.value).to.equal('(appId=\u2019x\u2019)');
  });

  it('scans numbers: int, long, double, hex, multipliers, exponent, suffixes', () => {
    const vals = tokens('42 3000000000 1.5 0x1F 0xFFFFFFFF 1kb 2MB 1e3 .5 10l', 'expr').map((t) => t.value);
    // 1e3 is an integral Double and 10l an Int64 in Int32 range: boxed (runtime/values/numeric.ts).
    expect(vals).to.deep.equal([42, 3000000000, 1.5, 31, -1, 1024, 2097152, new PSDouble(1000), 0.5, new PSInteger('Int64', 10n)]);
  });

  it('in command mode, signed numbers and words with digits are strings', () => {
    const ts = tokens('1 -2 +3 7z 1.5 abc', 'arg');
    expect(ts.map((t) => [t.kind, t.value])).to.deep.equal([
      ['Number', 1], ['Generic', '-2'], ['Generic', '+3'], ['Generic', '7z'], ['Number', 1.5], ['Generic', 'abc'],
    ]);
  });

  it('scans parameters, -Name:value and switches in command mode; operators in expression mode', () => {
    const ts = tokens('-Name:x -Force -eq', 'arg');
    expect(ts.map((t) => [t.kind, t.paramName, t.colon])).to.deep.equal([
      ['Param', 'Name', true], ['Generic', undefined, undefined], ['Param', 'Force', false], ['Param', 'eq', false],
    ]);
    expect(tokens('-eq -CEQ -iLike -not', 'expr').map((t) => t.value)).to.deep.equal(['eq', 'ceq', 'ilike', 'not']);
  });

  it('double-quoted strings expand $var, ${var}, $(expr) and backtick escapes; single-quoted do not', async () => {
    expect(await outputOf('$x = "w"; "a $x ${x}z $(1+2) `$x `t|`n|`u{263A} ""q"""')).to.deep.equal(['a w wz 3 $x \t|\n|\u263a "q"']);
    expect(await outputOf("'a $x `t ''q'''")).to.deep.equal(["a $x `t 'q'"]);
    expect(await outputOf('$h = @{k="v"}; "$($h.k) $h.k"')).to.deep.equal(['v System.Collections.Hashtable.k']);
  });

  it('here-strings: @" "@ expands, @\' \'@ is literal, the newline before the terminator is dropped', async () => {
    expect(await outputOf('$n = 2\n@"\nline $n\n  "quoted"\n"@')).to.deep.equal(['line 2\n  "quoted"']);
    expect(await outputOf("@'\nraw $n `t\n'@")).to.deep.equal(['raw $n `t']);
  });

  it('skips # and <# #> comments', async () => {
    expect(await outputOf('1 # one\n<# block\n comment #> 2 <#x#> + 3')).to.deep.equal(['1', '5']);
  });

  it('joins lines continued with a backtick, and continues after a binary operator or a pipe', async () => {
    expect(await outputOf("'a' + `\n'b'")).to.deep.equal(['ab']);
    expect(await outputOf('1 +\n2')).to.deep.equal(['3']);
    expect(await outputOf('1,2,3 |\n ForEach-Object { $_ * 2 }')).to.deep.equal(['2', '4', '6']);
  });

  it('bare words in command mode are strings; $ inside one expands', () => {
    const c = command('Do-It abc a$x b.txt [int]');
    expect((c.args[0] as { expr: ConstExpr }).expr.value).to.equal('abc');
    expect((c.args[1] as { expr: ExpandStringExpr }).expr.kind).to.equal('ExpandString');
    expect((c.args[2] as { expr: ConstExpr }).expr.value).to.equal('b.txt');
    expect((c.args[3] as { expr: ConstExpr }).expr.value).to.equal('[int]');
  });

  it('recognises redirections', () => {
    const c = command('Get-Thing 2>&1 > out.txt 2>$null *>&1');
    expect(c.redirections.map((r) => [r.stream, r.merge])).to.deep.equal([['error', true], ['output', false], ['error', false], ['all', true]]);
    const e = (parse('$x >> log.txt').endBlock![0] as PipelineStmt).elements[0] as CommandExprAst;
    expect(e.redirections[0]).to.include({ stream: 'output', append: true });
  });
});
