import { expect } from 'chai';
import { spawn, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { mainJs, syncshell, tempHome } from './cli-runner.js';

describe('syncshell serve', function () {
  this.timeout(120_000);
  let home: string;
  before(() => { home = tempHome(); });
  after(() => fs.rmSync(home, { recursive: true, force: true }));

  it('refuses a non-loopback address unless told otherwise', () => {
    const r = syncshell(['serve', '--host', '0.0.0.0', '--port', '0'], { home });
    expect(r.status).to.equal(1);
    expect(r.stderr).to.contain('not a loopback address');
  });

  it('serves the tenant over HTTPS on loopback, prints how to reach and trust it, and stops on SIGINT', async () => {
    const child = spawn(process.execPath, [mainJs, 'serve', '--port', '0'], { env: { ...process.env, SYNCSHELL_HOME: home } });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    const deadline = Date.now() + 60_000;
    while (!/CA certificate: (\S+)/.test(out) || !/Authority: +(\S+)/.test(out)) {
      if (Date.now() > deadline) throw new Error('serve did not start: ' + out);
      await new Promise((r) => setTimeout(r, 100));
    }
    const ca = /CA certificate: (\S+)/.exec(out)![1]!;
    const authority = /Authority: +(\S+)/.exec(out)![1]!;
    // curl as an external client, trusting only the printed CA.
    const body = execFileSync('curl', ['-s', '--cacert', ca, `${authority}/v2.0/.well-known/openid-configuration`], { encoding: 'utf8' });
    expect(JSON.parse(body).token_endpoint).to.equal(`${authority}/oauth2/v2.0/token`);
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    child.kill('SIGINT');
    expect(await exited).to.equal(0);
  });
});
