import { expect } from 'chai';
import { WriteOutputCommand } from '../../cmdlets/core/write-output.js';
import { WriteHostCommand } from '../../cmdlets/core/write-host.js';
import { WriteErrorCommand } from '../../cmdlets/core/write-error.js';
import { WriteWarningCommand } from '../../cmdlets/core/write-warning.js';
import { WriteVerboseCommand } from '../../cmdlets/core/write-verbose.js';
import { WriteInformationCommand } from '../../cmdlets/core/write-information.js';
import { WriteProgressCommand } from '../../cmdlets/core/write-progress.js';
import { ReadHostCommand } from '../../cmdlets/core/read-host.js';
import { GetCredentialCommand } from '../../cmdlets/core/get-credential.js';
import { ConvertToSecureStringCommand } from '../../cmdlets/core/convertto-securestring.js';
import { ConvertFromSecureStringCommand } from '../../cmdlets/core/convertfrom-securestring.js';
import { InvokeExpressionCommand } from '../../cmdlets/core/invoke-expression.js';
import { StartTranscriptCommand } from '../../cmdlets/core/start-transcript.js';
import { StopTranscriptCommand } from '../../cmdlets/core/stop-transcript.js';
import { ClearHostCommand } from '../../cmdlets/core/clear-host.js';
import { SecureString } from '../../cmdlets/core/secure-string.js';
import { PSCredential, networkCredential } from '../../cmdlets/core/ps-credential.js';
import { FakeContext, FakeHost, run } from './fake-runtime.js';

describe('Write-*', () => {
  it('Write-Output enumerates unless -NoEnumerate', async () => {
    expect((await run(WriteOutputCommand, { InputObject: [1, 2] })).output).to.deep.equal([1, 2]);
    expect((await run(WriteOutputCommand, { InputObject: [1, 2], NoEnumerate: true })).output).to.deep.equal([[1, 2]]);
  });

  it('Write-Host joins collections with the separator and honours -NoNewline', async () => {
    const ctx = new FakeContext();
    await run(WriteHostCommand, { Object: [2, 4, [6, 8]], Separator: ', -> ' }, { ctx });
    await run(WriteHostCommand, { Object: 'a', NoNewline: true, ForegroundColor: 'Red' }, { ctx });
    await run(WriteHostCommand, { Object: 'b' }, { ctx });
    await run(WriteHostCommand, {}, { ctx });
    expect(ctx.host.text).to.equal('2, -> 4, -> 6, -> 8\nab\n\n');
  });

  it('Write-Error records carry pwsh ids without the command suffix', async () => {
    const r = await run(WriteErrorCommand, { Message: 'Access denied.' });
    const e = r.errors[0]!;
    expect([e.message, e.fullyQualifiedErrorId, e.category, e.exceptionType]).to.deep.equal(
      ['Access denied.', 'Microsoft.PowerShell.Commands.WriteErrorException', 'NotSpecified', 'Microsoft.PowerShell.Commands.WriteErrorException']);
    const custom = await run(WriteErrorCommand, { Message: 'x', Category: 'PermissionDenied', ErrorId: 'AccessDenied', TargetObject: 'T' });
    expect([custom.errors[0]!.fullyQualifiedErrorId, custom.errors[0]!.category, custom.errors[0]!.targetObject]).to.deep.equal(['AccessDenied', 'PermissionDenied', 'T']);
    expect(custom.errors[0]!.position.commandName).to.equal('Write-Error');
  });

  it('warning, verbose, information and progress go to their streams', async () => {
    expect((await run(WriteWarningCommand, { Message: 'careful' })).warnings).to.deep.equal(['careful']);
    expect((await run(WriteVerboseCommand, { Message: 'detail' })).verbose).to.deep.equal(['detail']);
    expect((await run(WriteInformationCommand, { MessageData: 'info' })).information).to.deep.equal(['info']);
    expect((await run(WriteProgressCommand, { Activity: 'A', PercentComplete: 50 })).progress).to.deep.equal([['A', 'Processing', 50, false]]);
  });
});

describe('prompts and secure strings', () => {
  it('Read-Host appends ": " to the prompt; -AsSecureString reads masked into a SecureString', async () => {
    const ctx = new FakeContext(new FakeHost(['Alice'], ['s3cret']));
    expect((await run(ReadHostCommand, { Prompt: 'Name' }, { ctx })).output).to.deep.equal(['Alice']);
    const s = (await run(ReadHostCommand, { Prompt: 'Password', AsSecureString: true }, { ctx })).output[0];
    expect(s).to.be.instanceOf(SecureString);
    expect(String(s)).to.equal('System.Security.SecureString');
    expect((s as SecureString).reveal()).to.equal('s3cret');
    expect(ctx.host.prompts).to.deep.equal(['Name: ', 'Password: ']);
  });

  it('Get-Credential prompts for the user and a masked password', async () => {
    const ctx = new FakeContext(new FakeHost(['admin@contoso.onmicrosoft.com'], ['P@ss']));
    const c = (await run(GetCredentialCommand, {}, { ctx })).output[0] as PSCredential;
    expect(c).to.be.instanceOf(PSCredential);
    expect(c.userName).to.equal('admin@contoso.onmicrosoft.com');
    expect(c.password.reveal()).to.equal('P@ss');
    expect(ctx.host.text).to.equal('PowerShell credential request\nEnter your credentials.\n');
    expect(ctx.host.prompts).to.deep.equal(['User: ', 'Password for user admin@contoso.onmicrosoft.com: ']);
  });

  it('Get-Credential -UserName skips the user prompt and uses -Message', async () => {
    const ctx = new FakeContext(new FakeHost([], ['pw']));
    const c = (await run(GetCredentialCommand, { UserName: 'CONTOSO\\bob', Message: 'Sign in' }, { ctx })).output[0] as PSCredential;
    expect(ctx.host.prompts).to.deep.equal(['Password for user CONTOSO\\bob: ']);
    expect(ctx.host.text).to.contain('Sign in\n');
    const n = networkCredential(c);
    expect([n.get('UserName'), n.get('Domain'), n.get('Password')]).to.deep.equal(['bob', 'CONTOSO', 'pw']);
  });

  it('ConvertTo-SecureString -AsPlainText and back with ConvertFrom-SecureString -AsPlainText', async () => {
    const s = (await run(ConvertToSecureStringCommand, { String: 'P@ssW0rD!', AsPlainText: true, Force: true })).output[0];
    expect(s).to.be.instanceOf(SecureString);
    expect((await run(ConvertFromSecureStringCommand, { SecureString: s, AsPlainText: true })).output).to.deep.equal(['P@ssW0rD!']);
    const enc = await run(ConvertFromSecureStringCommand, { SecureString: s });
    expect(enc.errors[0]!.category).to.equal('NotImplemented');
    const dec = await run(ConvertToSecureStringCommand, { String: '01000000d08c9ddf' });
    expect(dec.errors[0]!.fullyQualifiedErrorId).to.equal('ImportSecureString,Microsoft.PowerShell.Commands.ConvertToSecureStringCommand');
  });
});

describe('Invoke-Expression, transcripts, Clear-Host', () => {
  it('Invoke-Expression evaluates in the session and writes the results', async () => {
    const ctx = new FakeContext();
    ctx.evaluateImpl = async (s) => (s === '1+1' ? [2] : []);
    expect((await run(InvokeExpressionCommand, { Command: '1+1' }, { ctx })).output).to.deep.equal([2]);
    expect(ctx.evaluated).to.deep.equal(['1+1']);
  });

  it('Start/Stop-Transcript report the host transcript file with pwsh\'s messages', async () => {
    const ctx = new FakeContext();
    let active: string | undefined;
    ctx.services.set('transcript', {
      start: (p: string) => { active = p || '/tmp/default.txt'; return active; },
      stop: () => { if (!active) throw new Error('The host is not currently transcribing.'); const a = active; active = undefined; return a; },
    });
    const s = await run(StartTranscriptCommand, { Path: '/tmp/t.txt' }, { ctx });
    expect(s.output).to.deep.equal(['Transcript started, output file is /tmp/t.txt']);
    expect((await run(StopTranscriptCommand, {}, { ctx })).output).to.deep.equal(['Transcript stopped, output file is /tmp/t.txt']);
    const again = await run(StopTranscriptCommand, {}, { ctx });
    expect(again.terminating?.message).to.equal('An error occurred stopping transcription: The host is not currently transcribing.');
  });

  it('Clear-Host clears an interactive terminal only', async () => {
    const ctx = new FakeContext();
    await run(ClearHostCommand, {}, { ctx });
    expect(ctx.host.text).to.equal('\x1b[H\x1b[2J\x1b[3J');
    const quiet = new FakeContext(new FakeHost([], [], false));
    await run(ClearHostCommand, {}, { ctx: quiet });
    expect(quiet.host.text).to.equal('');
  });
});
