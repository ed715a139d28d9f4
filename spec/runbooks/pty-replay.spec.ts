/**
 * One runbook typed by a person at a terminal (node-pty): onboarding with the default option, the password typed at
 * the masked prompt. Skipped until app/modules.ts lists the ADSync module (the in-process replay covers it meanwhile).
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pty from 'node-pty';
import { StateStore } from '../../state/index.js';
import type { ServerDoc } from '../../connect/index.js';
import { PASSWORD } from '../adsync-cmdlets/harness.js';

const MAIN = process.env.RUNBOOK_MAIN ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../app/main.js');
const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../spec/runbooks');

/** The interactive shell in a pseudo-terminal, typed at like a person (control sequences stripped when read). */
class Terminal {
  readonly term: pty.IPty;
  screen = '';
  exited: number | undefined;
  constructor(home: string) {
    this.term = pty.spawn(process.execPath, [MAIN, '-NoLogo'], {
      name: 'xterm-256color', cols: 120, rows: 40, env: { ...process.env, SYNCSHELL_HOME: home, TERM: 'xterm-256color' } as Record<string, string>,
    });
    this.term.onData((d) => { this.screen += d; });
    this.term.onExit((e) => { this.exited = e.exitCode; });
  }
  // eslint-disable-next-line no-control-regex
  plain(from = 0): string { return this.screen.slice(from).replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, ''); }
  mark(): number { return this.screen.length; }
  async waitFor(pattern: RegExp | string, from = 0, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const text = this.plain(from);
      if (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text)) return;
      if (Date.now() > deadline || this.exited !== undefined) throw new Error(`Waiting for ${pattern}; screen:\n${text}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  type(text: string): void { this.term.write(text); }
  kill(): void { try { this.term.kill(); } catch { /* gone */ } }
}

describe('runbook typed at a terminal (node-pty)', function () {
  this.timeout(120_000);
  let home: string;
  before(function () {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'runbook-pty-'));
    const r = spawnSync(process.execPath, [MAIN, '-NonInteractive', '-Command', 'if (Get-Command Get-ADSyncScheduler -ErrorAction SilentlyContinue) { "ok" }'], { env: { ...process.env, SYNCSHELL_HOME: home }, encoding: 'utf8' });
    if (r.stdout.trim() !== 'ok') this.skip();
  });
  after(() => fs.rmSync(home, { recursive: true, force: true }));

  it('01-onboarding-default: each line typed, the password at a masked prompt', async () => {
    const lines = fs.readFileSync(path.join(SRC, '01-onboarding-default.ps1'), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
    const t = new Terminal(home);
    try {
      await t.waitFor(/PS [^\n]*> $/);
      for (const line of lines) {
        const m = t.mark();
        t.type(line + '\r');
        if (/ApplicationRegistration –UserPrincipalName/.test(line) && line.startsWith('Add-Entra')) {
          await t.waitFor('Password for user hybridadmin@contoso.onmicrosoft.com: ', m);
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
