import { expect } from 'chai';
import { loadCorpus } from './corpus.js';
import { compareWithExpected, formatMismatches, normalizeCited, runConformance, type Mismatch } from './harness.js';
import { lineDiff } from './diff.js';
import { oracleSkipReason, runOracle } from '../oracle/oracle.js';

// Commands System.Management.Automation's default session does not have (they live in the Utility
// and Management modules pwsh ships beside the engine). Cited snippets exist for exactly these.
const NOT_IN_ENGINE = /\b(Select-Object|Sort-Object|Group-Object|Measure-Object|ConvertTo-Json|ConvertFrom-Json|Write-Output|Write-Host|Write-Warning|Write-Error|Write-Verbose|Get-Date|New-TimeSpan|Format-Table|Format-List|Format-Wide|Out-String|Get-Member|Get-Variable|Set-Variable|New-Object|Add-Member|Compare-Object|Get-Unique|Join-String|ConvertTo-Csv|ConvertFrom-Csv|Select-String|Get-Random|Start-Sleep|Test-Path|Get-Content|Split-Path|Join-Path|Get-ChildItem|Get-Item|Invoke-Expression|Tee-Object|Get-Alias|Out-File|select|sort|measure|group|ft|fl|gm|echo)\b/i;

const AREAS = [
  'literals', 'strings', 'herestrings', 'unicode-dashes-quotes', 'comments-continuation', 'arrays', 'hashtables',
  'pscustomobject', 'ranges', 'members', 'static', 'casts', 'arithmetic', 'comparison', 'logical', 'string-ops',
  'if', 'loops', 'switch', 'try-catch', 'functions', 'scriptblocks', 'pipeline', 'formatting', 'errors', 'variables',
];

describe('conformance corpus', function () {
  this.timeout(600_000);
  const corpus = loadCorpus();

  it('has at least 300 oracle snippets with unique ids, each with a recorded answer', () => {
    expect(corpus.snippets.length).to.be.at.least(300);
    const ids = corpus.snippets.map((s) => s.id);
    expect(new Set(ids).size).to.equal(ids.length);
    const missing = ids.filter((id) => !corpus.expected.has(id));
    expect(missing, 'snippets without a recorded answer (run record.js)').to.deep.equal([]);
    expect(corpus.expected.size, 'answers for snippets that no longer exist').to.equal(ids.length);
  });

  it('covers every language area of issue 3', () => {
    const areas = new Set(corpus.snippets.map((s) => s.area));
    expect([...AREAS].filter((a) => !areas.has(a))).to.deep.equal([]);
  });

  it('records the error records the issue names, with their FullyQualifiedErrorIds', () => {
    const fqids = new Set([...corpus.expected.values()].flatMap((r) => r.errors.map((e) => e.fqid.split(',')[0])));
    for (const id of [
      'CommandNotFoundException', 'NamedParameterNotFound', 'AmbiguousParameter', 'MissingArgument',
      'InvalidCastFromStringToInteger', 'ParameterArgumentTransformationError', 'MissingEndCurlyBrace',
      'UnexpectedToken', 'RuntimeException', 'MethodNotFound', 'MissingMandatoryParameter',
    ]) expect(fqids.has(id), id).to.equal(true);
  });

  it('has at least 60 cited snippets, each with a source and a command the engine package lacks', () => {
    expect(corpus.cited.length).to.be.at.least(60);
    const ids = corpus.cited.map((c) => c.id);
    expect(new Set(ids).size).to.equal(ids.length);
    for (const c of corpus.cited) {
      expect(c.source, c.id).to.match(/^(https:\/\/|[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+:)/);
      expect(c.expected, c.id).to.be.a('string');
      expect(NOT_IN_ENGINE.test(c.script), `${c.id} could be recorded from the oracle instead`).to.equal(true);
    }
    const oracleIds = new Set(corpus.snippets.map((s) => s.id));
    expect(ids.filter((id) => oracleIds.has(id))).to.deep.equal([]);
  });

  it('no oracle snippet depends on a command the engine package lacks', () => {
    const bad = corpus.snippets.filter((s) =>
      (corpus.expected.get(s.id)?.errors ?? []).some((e) => e.fqid === 'CommandNotFoundException' && NOT_IN_ENGINE.test(e.message)));
    expect(bad.map((s) => s.id)).to.deep.equal([]);
  });

  it('the live engine still gives exactly the recorded answers (the record cannot drift)', async function () {
    const skip = oracleSkipReason();
    if (skip) {
      console.log(`      (skipped: ${skip})`);
      this.skip();
    }
    const live = await runOracle(corpus.snippets.map((s) => ({ id: s.id, script: s.script })));
    const mismatches: Mismatch[] = [];
    for (const s of corpus.snippets) {
      const r = live.get(s.id);
      const exp = corpus.expected.get(s.id);
      if (!r || !exp) throw new Error('missing ' + s.id);
      mismatches.push(...compareWithExpected(s.id, s.script, exp, r));
    }
    expect(mismatches, formatMismatches(mismatches)).to.deep.equal([]);
  });
});

describe('conformance harness', () => {
  it('reports a differing output with a line diff and passes an identical one', async () => {
    const corpus = {
      snippets: [{ id: 'a', script: '1..2', area: 'ranges' }, { id: 'b', script: '"x"', area: 'strings' }],
      expected: new Map([
        ['a', { id: 'a', output: '1\n2\n', errors: [] }],
        ['b', { id: 'b', output: 'x\n', errors: [] }],
      ]),
      cited: [{ id: 'c', script: 'Get-Date -Year 2020 | Select-Object -ExpandProperty Year', expected: '2020\n\n', source: 'https://example.invalid/doc' }],
    };
    const answers: Record<string, string> = { '1..2': '1\n3\n', '"x"': 'x\n', 'Get-Date -Year 2020 | Select-Object -ExpandProperty Year': '2020   \n' };
    const ms = await runConformance(async (s) => ({ output: answers[s], errors: [] }), {}, corpus);
    expect(ms.map((m) => `${m.id}:${m.what}`)).to.deep.equal(['a:output']);
    expect(ms[0].diff).to.include('- "2"').and.include('+ "3"');
  });

  it('compares error records by FullyQualifiedErrorId, category and message', () => {
    const exp = { output: '', errors: [{ message: 'm', fqid: 'CommandNotFoundException', category: 'ObjectNotFound' }] };
    expect(compareWithExpected('x', 's', exp, { output: '', errors: [{ ...exp.errors[0] }] })).to.deep.equal([]);
    const ms = compareWithExpected('x', 's', exp, { output: '', errors: [{ ...exp.errors[0], category: 'NotSpecified' }] });
    expect(ms.map((m) => m.what)).to.deep.equal(['errors']);
  });

  it('reports a runner that throws as an exception mismatch, not a crash', async () => {
    const corpus = { snippets: [{ id: 'a', script: '1', area: 'x' }], expected: new Map([['a', { id: 'a', output: '1\n', errors: [] }]]), cited: [] };
    const ms = await runConformance(async () => { throw new Error('boom'); }, {}, corpus);
    expect(ms.map((m) => m.what)).to.deep.equal(['exception']);
  });

  it('normalizes cited text only at line ends and at the start and end', () => {
    expect(normalizeCited('\nA  \r\nB\n\n')).to.equal('A\nB');
    expect(normalizeCited(' A')).to.equal(' A');
  });

  it('diffs show changed lines JSON-quoted so trailing spaces are visible', () => {
    expect(lineDiff('a\nb \nc', 'a\nb\nc')).to.include('- "b "').and.include('+ "b"');
  });
});
