import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { StateStore, ManualClock, VirtualClock } from '../../state/index.js';
import { ConnectServer, SteppingClock } from '../../connect/index.js';
import { FakeTenant } from './fakes/fake-tenant.js';
import { FakeKeys, makeFakeCert, TPM, SOFT } from './fakes/fake-keys.js';

export { ADMIN, GA, APPADMIN, NOBODY, PASSWORD, SYNC_UPN, DOMAIN } from './fakes/fake-tenant.js';
export { TPM, SOFT, makeFakeCert };

export const DAY = 86_400_000;
export const MIN = 60_000;

export interface Rig { home: string; store: StateStore; clock: SteppingClock; manual: ManualClock; tenant: FakeTenant; keys: FakeKeys; server: ConnectServer; cleanup(): void }

/** A server on a temp state directory, a hand-moved clock, the fake tenant and key store. */
export function rig(o: { tpm?: boolean; start?: Date } = {}): Rig {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'connect-spec-'));
  const store = new StateStore(home);
  const manual = new ManualClock(o.start ?? new Date('2026-01-05T08:00:00Z'));
  const clock = new SteppingClock(manual);
  const tenant = new FakeTenant(store, clock);
  const keys = new FakeKeys(store, o.tpm ?? true);
  const server = new ConnectServer({ store, clock, advanceBaseClock: (ms) => manual.advance(ms), tenant, keys });
  return { home, store, clock, manual, tenant, keys, server, cleanup: () => fs.rmSync(home, { recursive: true, force: true }) };
}

/** The same wiring over a persisted VirtualClock, for child processes sharing one state directory. */
export function persistedRig(home: string): Rig {
  const store = new StateStore(home);
  const vclock = new VirtualClock(store);
  const clock = new SteppingClock(vclock);
  const tenant = new FakeTenant(store, clock);
  const keys = new FakeKeys(store, true);
  const server = new ConnectServer({ store, clock, advanceBaseClock: (ms) => { vclock.advance(ms); }, tenant, keys });
  return { home, store, clock, manual: new ManualClock(), tenant, keys, server, cleanup: () => fs.rmSync(home, { recursive: true, force: true }) };
}

/** A BYOC certificate as the documents' New-SelfSignedCertificate line makes it (LocalMachine\My, non-exportable). */
export function byocCert(r: Rig, o: Partial<Parameters<typeof makeFakeCert>[0]> = {}) {
  const now = r.clock.now();
  return r.keys.add(makeFakeCert({
    subject: 'CN=ConnectSyncBYOC', notBefore: new Date(now.getTime() - 10 * MIN), notAfter: new Date(now.getTime() + 365 * DAY + 10 * MIN),
    store: 'LocalMachine\\My', provider: TPM, ...o,
  }));
}

export const admin = { userPrincipalName: 'hia@contoso.onmicrosoft.com', password: 'Pa$$w0rd-Contoso1' };

/** Run a cycle now and let it finish; returns the newest Export run (or undefined in staging mode). */
export async function cycle(r: Rig) {
  await r.server.startSyncCycle('Delta');
  r.manual.advance(10 * MIN);
  return r.server.getRunProfileResults({ numberRequested: 3 }).find((x) => x.RunProfileName === 'Export');
}

/** Disable the scheduler, as every documented runbook does before changing the credential. */
export async function disable(r: Rig) { await r.server.setScheduler({ syncCycleEnabled: false }); }
