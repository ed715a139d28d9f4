import { expect } from 'chai';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { persistedRig, admin, type Rig } from './harness.js';
import { StateCorruptError, StateStore } from '../../state/index.js';
import type { ServerDoc } from '../../connect/index.js';

const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'worker.js');

function run(home: string, op: string, arg = ''): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [WORKER, home, op, arg], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d) => { err += d; });
    p.on('exit', (code) => resolve({ code, err }));
  });
}

describe('connect: persistence across processes', function () {
  this.timeout(120_000);
  let r: Rig;
  let home: string;
  beforeEach(() => { home = fs.mkdtempSync(path.join(os.tmpdir(), 'connect-proc-')); r = persistedRig(home); });
  afterEach(() => r.cleanup());

  it('20 concurrent processes changing scheduler flags, rotating and moving the clock lose no update', async () => {
    await r.server.addADSyncApplicationRegistration(admin);
    const rev0 = r.store.read<ServerDoc>('server')!.revision;
    const offset0 = (r.store.read<{ offsetMs: number }>('clock')?.offsetMs) ?? 0;
    const ops: [string, string][] = [];
    for (let i = 0; i < 20; i++) ops.push(i % 4 === 0 ? ['rotate', ''] : i % 4 === 1 ? ['advance', '1'] : i % 4 === 2 ? ['scheduler', String(i)] : ['touch', '3']);
    const results = await Promise.all(ops.map(([op, arg]) => run(home, op, arg)));
    for (const x of results) expect(x.code, x.err).to.equal(0);
    const doc = r.store.read<ServerDoc>('server')!;
    expect(doc.revision - rev0).to.equal(20);
    const offset = r.store.read<{ offsetMs: number }>('clock')!.offsetMs;
    expect(offset - offset0).to.equal(5 * 3600_000);
    // every rotation happened, one after the other: the application holds exactly the current key
    expect(r.server.getEvents({ instanceId: [1013] })).to.have.length(5);
    const app = r.tenant.doc().apps[0];
    expect(app.keys.map((k) => k.keyId)).to.deep.equal([doc.credential.type === 'Application' ? doc.credential.certificate.keyId : '']);
    const idx = r.server.events.readAll().map((e) => e.Index);
    expect(new Set(idx).size).to.equal(idx.length);
    expect(idx).to.deep.equal([...idx].sort((a, b) => a - b));
    expect(r.server.getScheduler().CustomizedSyncCycleInterval).to.be.a('number');
  });

  it('the production wiring (real tenant, msal-node, pki) under 12 concurrent processes loses no update either', async () => {
    const ok = await run(home, 'real:onboard');
    expect(ok.code, ok.err).to.equal(0);
    const store = new StateStore(home);
    const rev0 = store.read<ServerDoc>('server')!.revision;
    const ops: [string, string][] = [];
    for (let i = 0; i < 12; i++) ops.push(i % 3 === 0 ? ['real:rotate', ''] : i % 3 === 1 ? ['real:advance', '1'] : ['real:scheduler', String(i)]);
    const results = await Promise.all(ops.map(([op, arg]) => run(home, op, arg)));
    for (const x of results) expect(x.code, x.err).to.equal(0);
    const doc = store.read<ServerDoc>('server')!;
    expect(doc.revision - rev0).to.equal(12);
    const tenant = store.read<{ applications: { keyCredentials: { keyId: string }[] }[] }>('tenant')!;
    const cred = doc.credential.type === 'Application' ? doc.credential.certificate.keyId : '';
    expect(tenant.applications[0].keyCredentials.map((k) => k.keyId)).to.deep.equal([cred]);
    expect(await run(home, 'real:cycle')).to.include({ code: 0 });
  });

  it('a process killed with SIGKILL in the middle of writing leaves the previous state intact and the lock usable', async () => {
    await r.server.setScheduler({ syncCycleEnabled: true });
    for (let round = 0; round < 3; round++) {
      const child = fork(WORKER, [home, 'loop'], { stdio: 'ignore' });
      await new Promise<void>((res) => child.once('message', () => res()));
      await new Promise((res) => setTimeout(res, 150 + round * 70));
      child.kill('SIGKILL');
      await new Promise((res) => child.once('exit', res));
      const doc = r.store.read<ServerDoc>('server')!;
      expect(doc.schema).to.equal(1);
      expect(doc.revision).to.be.greaterThan(0);
      expect(r.server.events.readAll().length).to.be.greaterThan(0);
    }
    const rev = r.store.read<ServerDoc>('server')!.revision;
    await r.server.setScheduler({ syncCycleEnabled: true });
    expect(r.store.read<ServerDoc>('server')!.revision).to.equal(rev + 1);
    const idx = r.server.events.readAll().map((e) => e.Index);
    expect(new Set(idx).size).to.equal(idx.length);
  });

  it('a corrupted server document gives a clear error and is left exactly as it was', async () => {
    r.server.getConnectorCredential();
    const file = r.store.file('server');
    fs.writeFileSync(file, '{"schema":1, "credential": {oops');
    const before = fs.readFileSync(file);
    expect(() => r.server.getConnectorCredential()).to.throw(StateCorruptError, /server\.json.*cannot be read.*left unchanged/);
    let thrown: unknown;
    try { await r.server.setScheduler({ syncCycleEnabled: false }); } catch (e) { thrown = e; }
    expect(thrown).to.be.instanceOf(StateCorruptError);
    try { await r.server.advanceClock(3600_000); } catch (e) { thrown = e; }
    expect(thrown).to.be.instanceOf(StateCorruptError);
    expect(fs.readFileSync(file).equals(before)).to.equal(true);
  });

  it('valid JSON that is not a server document is refused the same way', async () => {
    const file = r.store.file('server');
    fs.writeFileSync(file, '{"schema":1,"hello":"world"}');
    expect(() => r.server.getScheduler()).to.throw(StateCorruptError, /not a Connect Sync server document/);
    let thrown: unknown;
    try { await r.server.startSyncCycle(); } catch (e) { thrown = e; }
    expect(thrown).to.be.instanceOf(StateCorruptError);
    expect(fs.readFileSync(file, 'utf8')).to.equal('{"schema":1,"hello":"world"}');
  });

  it('a corrupted directory document stops a sync cycle with a clear error and is not touched', async () => {
    const file = r.store.file('onprem');
    fs.writeFileSync(file, 'not json');
    let thrown: unknown;
    try { await r.server.startSyncCycle(); } catch (e) { thrown = e; }
    expect(thrown).to.be.instanceOf(StateCorruptError);
    expect(fs.readFileSync(file, 'utf8')).to.equal('not json');
  });

  it('an event log line torn by a crash is skipped, and the next append starts on a clean line', async () => {
    await r.server.setScheduler({ syncCycleEnabled: false });
    fs.appendFileSync(r.server.events.file, '{"Index":99,"Mess');
    expect(r.server.events.readAll()).to.have.length(1);
    await r.server.setScheduler({ syncCycleEnabled: true });
    const all = r.server.events.readAll();
    expect(all.map((e) => e.Index)).to.deep.equal([1, 2]);
  });
});
