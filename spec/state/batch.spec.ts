import { expect } from 'chai';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { StateStore } from '../../state/index.js';

interface Counter { n: number; seen: string[] }
const seed = (): Counter => ({ n: 0, seen: [] });
const onDisk = (store: StateStore, name: string) => JSON.parse(fs.readFileSync(store.file(name), 'utf8'));

describe('state store: batches of many updates (a virtual year of scheduler cycles)', () => {
  let home: string;
  beforeEach(() => { home = fs.mkdtempSync(path.join(os.tmpdir(), 'syncshell-batch-')); });
  afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

  it('updateLive keeps the document parsed during a batch: every change is seen, the disk gets it once at the end', async () => {
    const store = new StateStore(home);
    store.write('c', { n: 1, seen: [] });
    await store.batch(async () => {
      for (let i = 0; i < 100; i++) store.updateLive<Counter, void>('c', seed, (d) => { d.n++; d.seen.push(`#${i}`); });
      expect(store.read<Counter>('c')!.n).to.equal(101);
      expect(onDisk(store, 'c').n).to.equal(1);
      // a reader gets a copy: changing it changes nothing
      store.read<Counter>('c')!.n = -5;
      expect(store.read<Counter>('c')!.n).to.equal(101);
    });
    expect(onDisk(store, 'c')).to.deep.equal({ n: 101, seen: Array.from({ length: 100 }, (_, i) => `#${i}`) });
  });

  it('updateLive seeds an absent document, and a whole-document write replaces the live one', async () => {
    const store = new StateStore(home);
    await store.batch(async () => {
      store.updateLive<Counter, void>('c', seed, (d) => { d.n = 7; });
      store.write('c', { n: 8, seen: ['w'] });
      store.updateLive<Counter, void>('c', seed, (d) => { d.n++; });
    });
    expect(onDisk(store, 'c')).to.deep.equal({ n: 9, seen: ['w'] });
  });

  it('outside a batch updateLive is update(): written at once', () => {
    const store = new StateStore(home);
    store.updateLive<Counter, void>('c', seed, (d) => { d.n = 3; });
    expect(onDisk(store, 'c').n).to.equal(3);
  });

  it('a failed batch writes nothing, live documents included', async () => {
    const store = new StateStore(home);
    store.write('c', { n: 1, seen: [] });
    const err = await store.batch(async () => {
      store.updateLive<Counter, void>('c', seed, (d) => { d.n = 50; });
      throw new Error('boom');
    }).then(() => undefined, (e: Error) => e);
    expect(err?.message).to.equal('boom');
    expect(onDisk(store, 'c')).to.deep.equal({ n: 1, seen: [] });
    expect(store.read<Counter>('c')!.n).to.equal(1);
  });

  it('stamp changes whenever the document may have changed, inside and outside a batch, and only for that document', async () => {
    const store = new StateStore(home);
    expect(store.stamp('a')).to.equal(undefined);
    store.write('a', { v: 1 });
    const s1 = store.stamp('a');
    expect(s1).to.be.a('string');
    expect(store.stamp('a')).to.equal(s1);
    store.write('a', { v: 2 });
    const s2 = store.stamp('a');
    expect(s2).to.not.equal(s1);
    let inside: (string | undefined)[] = [];
    await store.batch(async () => {
      const b0 = store.stamp('a');
      store.write('b', { other: true });
      const b1 = store.stamp('a');
      store.update<{ v: number }, void>('a', () => ({ v: 0 }), (d) => { d.v = 3; });
      const b2 = store.stamp('a');
      store.updateLive<{ v: number }, void>('a', () => ({ v: 0 }), (d) => { d.v = 4; });
      const b3 = store.stamp('a');
      store.remove('a');
      inside = [b0, b1, b2, b3, store.stamp('a')];
    });
    const [b0, b1, b2, b3, b4] = inside;
    expect(b1).to.equal(b0);
    expect(new Set([b0, b2, b3, b4]).size).to.equal(4);
    expect(b0).to.not.equal(s2);
    expect(store.stamp('a')).to.equal(undefined);
  });

  it('inside a batch a document is read from disk once: the batch holds the lock, so the disk cannot change under it', async () => {
    const store = new StateStore(home);
    store.write('p', { v: 1 });
    await store.batch(async () => {
      expect(store.read('p')).to.deep.equal({ v: 1 });
      expect(store.exists('q')).to.equal(false);
      // what another writer could do only without the lock: the batch keeps what it read
      fs.writeFileSync(store.file('p'), JSON.stringify({ v: 99 }));
      fs.writeFileSync(store.file('q'), JSON.stringify({ v: 1 }));
      expect(store.read('p')).to.deep.equal({ v: 1 });
      expect(store.exists('q')).to.equal(false);
    });
    // after the batch, reads go to the disk again
    expect(store.read('p')).to.deep.equal({ v: 99 });
    expect(store.exists('q')).to.equal(true);
  });

  it('a document that is not JSON still fails inside a batch, and is not cached as absent', async () => {
    const store = new StateStore(home);
    fs.writeFileSync(store.file('bad'), '{ nope');
    await store.batch(async () => {
      expect(() => store.read('bad')).to.throw(/not valid JSON/);
      expect(() => store.read('bad')).to.throw(/not valid JSON/);
      expect(store.exists('bad')).to.equal(true);
    });
    expect(fs.readFileSync(store.file('bad'), 'utf8')).to.equal('{ nope');
  });
});
