/**
 * Where-Object, ForEach-Object, Get-Command -Syntax and Out-Null against the real PowerShell engine:
 * System.Management.Automation 7.6 ships these Microsoft.PowerShell.Core cmdlets, so the oracle host
 * (spec/oracle, built by its own suite) prints what pwsh prints. Needs dotnet and the built oracle;
 * skipped where they are absent.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runScript } from '../../app/run-script.js';

const ORACLE_DIR = path.resolve('spec/oracle');
const ORACLE = path.join(ORACLE_DIR, 'bin/out/syncshell-oracle');

const SNIPPETS = [
  '1..10 | Where-Object { $_ % 2 }',
  '1..5 | Where-Object { $_ -gt 2 } | ForEach-Object { "n=$_" }',
  "'a','B','c' | Where-Object { $_ -like '[ab]*' }",
  "[pscustomobject]@{A=1;B='x'},[pscustomobject]@{A=2;B='y'} | Where-Object A -EQ 2",
  "[pscustomobject]@{A=1;B='x'},[pscustomobject]@{A=2;B='y'} | Where-Object B -in 'x','z'",
  "[pscustomobject]@{A=1;B='x'},[pscustomobject]@{A=2;B='Y'} | Where-Object B -CEQ 'y'",
  "[pscustomobject]@{A=1;B='x'},[pscustomobject]@{A=2;B='Y'} | Where-Object B -Match '^y$'",
  '[pscustomobject]@{A=@(1,2)},[pscustomobject]@{A=@(3)} | Where-Object A -Contains 3 | ForEach-Object { $_.A }',
  "[pscustomobject]@{A=$null},[pscustomobject]@{A=5} | Where-Object -Not A | ForEach-Object { 'got' }",
  "1,'2',3.5 | Where-Object { $_ -is [int] }",
  '1..3 | Where-Object -FilterScript { $_ -ne 2 }',
  "1..3 | ForEach-Object -Begin { 'start' } -Process { $_ } -End { 'end' }",
  '1..3 | ForEach-Object { $_ } { $_ * 2 }',
  "'abc','de' | ForEach-Object Length",
  "'abc','de' | ForEach-Object -MemberName ToUpper",
  "'a-b','c-d' | ForEach-Object -MemberName Split -ArgumentList '-'",
  '1..3 | ForEach-Object { if ($_ -eq 2) { return }; $_ }',
  '$x = 0; 1..4 | ForEach-Object { $x += $_ }; $x',
  '@(1,2,3) | Where-Object { $_ -gt 1 } | ForEach-Object { $_ * 10 }',
  'ForEach-Object -InputObject @(1,2) -Process { $_.Count }',
  'Where-Object -InputObject @(1,2) -FilterScript { $_.Count -eq 2 }',
  '1,2,3 | Out-Null',
  "[pscustomobject]@{N='a'} | ForEach-Object N",
  "1..3 | Where-Object { $_ } | ForEach-Object -MemberName ToString -ArgumentList '00'",
  "'x','yy' | Where-Object Length -eq 2",
  '@{a=1},@{a=2} | Where-Object a -eq 2 | ForEach-Object { $_.a }',
  "1..3 | ForEach-Object -Process { $_ } -End { 'done' }",
  '1 | ForEach-Object -MemberName Foo -ArgumentList 1',
  '1,2 | Where-Object Name -GT',
  'Get-Command Where-Object -Syntax',
  'Get-Command ForEach-Object -Syntax',
  'Get-Command -Name Where-Object, where',
  "'apple','banana','cherry' | Where-Object Length -NotLike '5'",
  "'apple','banana','cherry' | Where-Object { $_ } | Where-Object -Property Length -GE -Value 6",
  "[pscustomobject]@{N='Apple'},[pscustomobject]@{N='berry'} | Where-Object N -CLike 'a*'",
  "[pscustomobject]@{N='Apple'},[pscustomobject]@{N='berry'} | Where-Object N -NotMatch '^a'",
  "[pscustomobject]@{T=@('x','Y')} | Where-Object T -CNotContains 'y' | ForEach-Object { 'kept' }",
  "1, 'a', 2.5 | Where-Object { $_ } | Where-Object -Property Length -IsNot -Value 'int'",
  "[pscustomobject]@{V=5},[pscustomobject]@{V='5'} | Where-Object V -Is int | ForEach-Object V",
  "[pscustomobject]@{V=1},[pscustomobject]@{V=2} | Where-Object V -NotIn 1,3 | ForEach-Object V",
  "'a' | ForEach-Object *e*",
  "'abc' | ForEach-Object Len*",
  "1..3 | ForEach-Object -Begin { $s = 0 } -Process { $s += $_ } -End { $s }",
  "'x' | ForEach-Object -Process { 'p' } -RemainingScripts { 'r' }",
  "$null | ForEach-Object { 'ran' }",
  "ForEach-Object { 'no input' }",
  "@() | ForEach-Object { 'never' }; 'end'",
  "1..3 | Where-Object { $_ -eq 2 } | ForEach-Object -MemberName GetType | ForEach-Object Name",
  "[pscustomobject]@{A=1} | Where-Object Missing -eq $null | ForEach-Object A",
  "Get-Command -Verb Where",
  'Get-Command where -Syntax',
];

function normalize(s: string): string { return s.replace(/[ \t]+\n/g, '\n').replace(/\s+$/, ''); }

/** The oracle's host prints error records among the output (concise view); compare them separately. */
function withoutErrorLines(output: string, errors: readonly { message: string }[]): string {
  const firstLines = errors.map((e) => e.message.split('\n')[0]!);
  return output.split('\n').filter((l) => !firstLines.some((m) => l.endsWith(m))).join('\n');
}

describe('core cmdlets against the PowerShell 7.6 engine (oracle)', function () {
  this.timeout(120000);
  let oracle: { output: string; errors: { message: string; fqid: string; category: string }[] }[] = [];
  let home: string;

  before(function () {
    if (!fs.existsSync(ORACLE)) { this.skip(); return; }
    const input = SNIPPETS.map((s, i) => JSON.stringify({ id: i, script: s })).join('\n') + '\n';
    const r = spawnSync(ORACLE, [], { input, cwd: ORACLE_DIR, encoding: 'utf8', timeout: 100000 });
    if (r.status !== 0 || !r.stdout) { this.skip(); return; }
    const byId = new Map<number, (typeof oracle)[number]>();
    for (const line of r.stdout.split('\n').filter((l) => l.trim())) {
      const d = JSON.parse(line) as { id: number; output?: string; errors?: { message: string; fqid: string; category: string }[] };
      byId.set(d.id, { output: d.output ?? '', errors: d.errors ?? [] });
    }
    oracle = SNIPPETS.map((_, i) => byId.get(i) ?? { output: '', errors: [] });
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'core-oracle-'));
  });
  after(() => { if (home) fs.rmSync(home, { recursive: true, force: true }); });

  SNIPPETS.forEach((snippet, i) => {
    it(snippet, async () => {
      const r = await runScript(snippet, { home });
      const want = oracle[i]!;
      expect(normalize(r.output)).to.equal(normalize(withoutErrorLines(want.output, want.errors)));
      expect(r.errors.map((e) => [e.message, e.fullyQualifiedErrorId, e.category])).to.deep.equal(want.errors.map((e) => [e.message, e.fqid, e.category]));
    });
  });
});
