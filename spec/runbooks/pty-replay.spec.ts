/**
 * One runbook typed by a person at a terminal (node-pty): onboarding with the default option, the password typed at
 * the masked prompt, in the shipped shell (the bundle) as a person would run it.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PtySession } from '../host/pty-session.js';
import { mainJs } from '../host/cli-runner.js';
import { StateStore } from '../../state/index.js';
import type { ServerDoc } from '../../connect/index.js';
import { PASSWORD } from '../adsync-cmdlets/harness.js';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../spec/runbooks');

describe('runbook typed at a terminal (node-pty)', function () {
  this.timeout(120_000);
  let home: string;
  before(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'runbook-pty-'));
    const r = spawnSync(process.execPath, [mainJs, '-NonInteractive', '-Command', 'if (Get-Command Get-ADSyncScheduler -ErrorAction SilentlyContinue) { "ok" }'], { env: { ...process.env, SYNCSHELL_HOME: home }, encoding: 'utf8' });
    expect(r.stdout.trim(), 'the shipped shell lists the ADSync module').to.equal('ok');
  });
  after(() => fs.rmSync(home, { recursive: true, force: true }));

  it('01-onboarding-default: each line typed, the password at a masked prompt', async () => {
    const lines = fs.readFileSync(path.join(SRC, '01-onboarding-default.ps1'), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
    const t = new PtySession(home);
    try {
      await t.waitFor(/PS [^\n]*> $/, 0, 30_000);
      for (const line of lines) {
        const m = t.mark();
        t.type(line + '\r');
        if (/ApplicationRegistration –UserPrincipalName/.test(line) && line.startsWith('Add-Entra')) {
          await t.waitFor('Password for user hybridadmin@contoso.onmicrosoft.com: ', m, 30_000);
          t.type(PASSWORD + '\r');
        }
        await t.waitFor(/\nPS [^\n]*> $/, m, 60_000);
      }
      expect(t.plain()).to.not.contain(PASSWORD);
      expect(t.plain()).to.match(/ConnectorIdentityType\s+: Application/);
      const doc = new StateStore(home).read<ServerDoc>('server')!;
      expect(doc.credential.type).to.equal('Application');
    } finally { t.kill(); }
  });
});
