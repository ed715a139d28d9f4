import { expect } from 'chai';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { StateStore, StateCorruptError, VirtualClock } from '../../state/index.js';

describe('state store', () => {
  let home: string;
  beforeEach(() => { home = fs.mkdtempSync(path.join(os.tmpdir(), 'syncshell-state-')); });
  afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

  it('seeds a document once and persists updates with mode 0600', () => {
    const store = new StateStore(home);
    const doc = store.load('server', () => ({ n: 1 }));
    expect(doc).to.deep.equal({ n: 1 });
    store.update<{ n: number }, void>('server', () => ({ n: 0 }), (d) => { d.n += 41; });
    expect(new StateStore(home).read('server')).to.deep.equal({ n: 42 });
    expect(fs.statSync(store.file('server')).mode & 0o777).to.equal(0o600);
  });

  it('refuses a corrupted document and leaves it as it was', () => {
    const store = new StateStore(home);
    fs.writeFileSync(store.file('tenant'), '{"half":');
    expect(() => store.load('tenant', () => ({}))).to.throw(StateCorruptError, /cannot be read/);
    expect(fs.readFileSync(store.file('tenant'), 'utf8')).to.equal('{"half":');
  });

  it('takes over a lock whose owner died', () => {
    const store = new StateStore(home);
    fs.mkdirSync(home, { recursive: true });
    fs.writeFileSync(store.lock.file, '999999999');
    store.update('x', () => ({ v: 1 }), () => undefined);
    expect(store.read('x')).to.deep.equal({ v: 1 });
    expect(fs.existsSync(store.lock.file)).to.equal(false);
  });

  it('moves the virtual clock forward and keeps it across instances', () => {
    const store = new StateStore(home);
    const before = new VirtualClock(store).now().getTime();
    new VirtualClock(store).advance(400 * 86_400_000);
    const after = new VirtualClock(store).now().getTime();
    expect(after - before).to.be.at.least(400 * 86_400_000).and.below(400 * 86_400_000 + 60_000);
    expect(() => new VirtualClock(store).advance(-1)).to.throw(RangeError);
  });

  it('batches writes: reads see them at once, the disk at the end, and nothing when the batch fails', async () => {
    const store = new StateStore(home);
    store.write('a', { v: 1 });
    await store.batch(async () => {
      store.update<{ v: number }, void>('a', () => ({ v: 0 }), (d) => { d.v = 2; });
      store.write('b', { w: 1 });
      expect(store.read('a')).to.deep.equal({ v: 2 });
      expect(JSON.parse(fs.readFileSync(store.file('a'), 'utf8'))).to.deep.equal({ v: 1 });
      expect(fs.existsSync(store.file('b'))).to.equal(false);
    });
    expect(JSON.parse(fs.readFileSync(store.file('a'), 'utf8'))).to.deep.equal({ v: 2 });
    expect(store.read('b')).to.deep.equal({ w: 1 });
    let failed = false;
    try {
      await store.batch(async () => { store.write('a', { v: 3 }); throw new Error('boom'); });
    } catch { failed = true; }
    expect(failed).to.equal(true);
    expect(new StateStore(home).read('a')).to.deep.equal({ v: 2 });
  });
});

