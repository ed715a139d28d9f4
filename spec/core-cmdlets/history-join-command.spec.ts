/**
 * Join-String, the session history cmdlets (Get-History / Invoke-History / r / h), command precedence
 * (alias before function) and Get-Command -ParameterName, through the real engine.
 */
import { expect } from 'chai';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createSession, runScript, type ScriptSession } from '../../app/run-script.js';
import { SessionHistory } from '../../runtime/host/session-history.js';

describe('Join-String, history, command precedence, Get-Command -ParameterName', function () {
  this.timeout(60000);
  let home: string;
  before(() => { home = fs.mkdtempSync(path.join(os.tmpdir(), 'core-hist-')); });
  after(() => fs.rmSync(home, { recursive: true, force: true }));
  const sh = (text: string, session?: ScriptSession) => runScript(text, { home, session });

  it('Join-String: $OFS or -Separator, prefix/suffix, quotes, -FormatString, -Property name or block', async () => {
    expect((await sh('$ofs = ","; 1..3 | Join-String -OutputPrefix "A " -OutputSuffix " B"')).output).to.equal('A 1,2,3 B\n');
    expect((await sh('1..3 | Join-String')).output).to.equal('123\n');
    expect((await sh("'a','b' | Join-String -Separator ', ' -DoubleQuote")).output).to.equal('"a", "b"\n');
    expect((await sh("'a','b' | Join-String -op '[' -os ']' -Separator '|' -SingleQuote")).output).to.equal("['a'|'b']\n");
    expect((await sh('1.5, 2 | Join-String -Separator "; " -FormatString "{0:N2}"')).output).to.equal('1.50; 2.00\n');
    expect((await sh('[pscustomobject]@{N="x"}, [pscustomobject]@{N="y"} | Join-String N -Separator "-"')).output).to.equal('x-y\n');
    expect((await sh('1, 2 | Join-String { $_ * 10 } "+"')).output).to.equal('10+20\n');
    const both = await sh("'a' | Join-String -SingleQuote -DoubleQuote");
    expect(both.errors[0]?.errorId).to.equal('AmbiguousParameterSet');
  });

  it('aliases win over functions: r runs Invoke-History, which finds no history under a script', async () => {
    const r = await sh('function R { 1 }; R');
    expect(r.output).to.equal('');
    expect(r.errors[0]?.fullyQualifiedErrorId).to.equal('InvokeHistoryNoLastHistoryEntryFound,Microsoft.PowerShell.Commands.InvokeHistoryCommand');
    expect(r.errors[0]?.message).to.equal('Cannot locate most recent history.');
    expect((await sh('function Get-Thing { 1 }; Get-Thing')).output).to.equal('1\n');
  });

  it('Get-History / Invoke-History read the session history the interactive host keeps', async () => {
    const session = createSession({ home });
    const history = new SessionHistory();
    session.engine.services.set('history', history);
    history.add('Get-Date -Format yyyy', 'Completed', 1000, 1250);
    history.add('1 + 1', 'Completed', 2000, 2001);
    const h = await sh('h', session);
    expect(h.output).to.equal('\n  Id     Duration CommandLine\n  --     -------- -----------\n   1        0.250 Get-Date -Format yyyy\n   2        0.001 1 + 1\n\n');
    // Invoke-History echoes the command line through the host, then runs it.
    expect((await sh('r', session)).output).to.equal('1 + 1\n2\n');
    expect((await sh('Invoke-History 1 | ForEach-Object { $_.Length }', session)).output).to.equal('Get-Date -Format yyyy\n4\n');
    expect((await sh('$y = Invoke-History "Get-D"; $y.Length', session)).output).to.equal('Get-Date -Format yyyy\n4\n');
    const missing = await sh('r 9', session);
    expect(missing.errors[0]?.message).to.equal('Cannot locate the history for Id 9.');
    expect((await sh('(Get-History -Count 1).CommandLine; Clear-History; @(Get-History).Count', session)).output).to.equal('1 + 1\n0\n');
  });

  it('Get-Command -ParameterName finds commands by parameter (or alias), and says so when none has it', async () => {
    const r = await sh('Get-Command -ParameterName FilterScript -CommandType Cmdlet | ForEach-Object Name');
    expect(r.output).to.equal('Where-Object\n');
    const none = await sh('Get-Command Where-Object -ParameterName Bogus');
    expect(none.errors[0]?.fullyQualifiedErrorId).to.equal('CommandParameterNotFound,Microsoft.PowerShell.Commands.GetCommandCommand');
    expect(none.errors[0]?.message).to.equal("No matching commands include a parameter named 'Bogus'.  Check the spelling of the parameter name, and then try again. (Parameter 'Bogus')");
  });

  it('trap: continue resumes after the failing statement; without it the error is written and the script goes on', async () => {
    expect((await sh('trap { "trapped"; continue }; 1/0; "after"')).output).to.equal('trapped\nafter\n');
    const r = await sh('trap { "T" }; 1/0; "after"');
    expect(r.output).to.equal('T\nafter\n');
    expect(r.errors.map((e) => e.message)).to.deep.equal(['Attempted to divide by zero.']);
    expect((await sh('trap { "T"; break }; 1/0; "after"')).output).to.equal('T\n');
  });
});
