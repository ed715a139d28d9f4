import { expect } from 'chai';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { syncshell, tempHome } from './cli-runner.js';

describe('syncshell command line', function () {
  this.timeout(120_000);
  let home: string;
  before(() => { home = tempHome(); });
  after(() => fs.rmSync(home, { recursive: true, force: true }));

  it('-Command runs the text and exits 0 when the last command succeeded', () => {
    const r = syncshell(['-NoProfile', '-Command', '1+1; "a" * 3'], { home });
    expect(r.stdout).to.equal('2\naaa\n');
    expect(r.status).to.equal(0);
  });

  it('accepts switch prefixes and any case, and -c', () => {
    expect(syncshell(['-nop', '-noni', '-c', '2*21'], { home }).stdout).to.equal('42\n');
    expect(syncshell(['-NONINTER', '-COMMAND', '2*21'], { home }).stdout).to.equal('42\n');
  });

  it('exits 1 with a concise error on stderr when the last command failed, and N on exit N', () => {
    const r = syncshell(['-Command', 'Get-Nothing'], { home });
    expect(r.status).to.equal(1);
    expect(r.stderr).to.contain("Get-Nothing: The term 'Get-Nothing' is not recognized as a name of a cmdlet, function, script file, or executable program.");
    expect(r.stdout).to.equal('');
    expect(syncshell(['-Command', '"x"; exit 7'], { home }).status).to.equal(7);
  });

  it('-File runs a script with its arguments in $args and exits with its exit code', () => {
    const file = path.join(home, 'script.ps1');
    fs.writeFileSync(file, '$total = 0\nforeach ($a in $args) { $total += [int]$a }\n"sum=$total"\nexit 3\n');
    const r = syncshell(['-File', file, '1', '2', '39'], { home });
    expect(r.stdout).to.equal('sum=42\n');
    expect(r.status).to.equal(3);
  });

  it('a script that throws ends with exit code 1 and shows where', () => {
    const file = path.join(home, 'fail.ps1');
    fs.writeFileSync(file, '"before"\nthrow "boom"\n"after"\n');
    const r = syncshell(['-File', file], { home });
    expect(r.stdout).to.equal('before\n');
    expect(r.stderr).to.contain('boom');
    expect(r.status).to.equal(1);
  });

  it('-OutputFormat Json writes one JSON document per object', () => {
    const r = syncshell(['-OutputFormat', 'Json', '-Command', "[pscustomobject]@{Name='a'; Value=1}, [pscustomobject]@{Name='b'; Value=2}"], { home });
    const lines = r.stdout.trim().split('\n');
    expect(lines.map((l) => JSON.parse(l))).to.deep.equal([{ Name: 'a', Value: 1 }, { Name: 'b', Value: 2 }]);
  });

  it('reads a script from stdin with -Command - and when stdin is piped', () => {
    expect(syncshell(['-Command', '-'], { home, input: '$x = 20\n$x + 1\n' }).stdout).to.equal('21\n');
    expect(syncshell([], { home, input: 'if ($true) {\n  "multi"\n}\n' }).stdout).to.equal('multi\n');
  });

  it('answers prompts from stdin after a -Command script, and refuses them under -NonInteractive', () => {
    const r = syncshell(['-Command', '$n = Read-Host "Name"; "hello $n"'], { home, input: 'admin\n' });
    expect(r.stdout).to.equal('hello admin\n');
    const ni = syncshell(['-NonInteractive', '-Command', 'Read-Host "Name"'], { home, input: 'admin\n' });
    expect(ni.status).to.equal(1);
    expect(ni.stderr).to.contain('PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.');
  });

  it('reports a parse error as ParserError with the line and exit code 1', () => {
    const r = syncshell(['-Command', 'if ($true) { "x"'], { home });
    expect(r.status).to.equal(1);
    expect(r.stderr).to.contain('ParserError:');
    expect(r.stderr).to.contain("Missing closing '}' in statement block or type definition.");
    expect(r.stderr).to.not.match(/\bat .*\.js:\d+/);
  });

  it('prints its version and usage', () => {
    expect(syncshell(['-Version'], { home }).stdout).to.match(/^syncshell \d+\.\d+\.\d+/);
    expect(syncshell(['-Help'], { home }).stdout).to.contain('-Command');
    const bad = syncshell(['-Bogus'], { home });
    expect(bad.status).to.equal(64);
  });
});
