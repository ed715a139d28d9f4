import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from './atomic.js';
import { StateLock } from './lock.js';
import { StateCorruptError } from './errors.js';
import { stateHome } from './home.js';

const serialise = (doc: unknown): string => JSON.stringify(doc, null, 1) + '\n';

/**
 * The persisted state: one JSON document per concern (tenant, server, stores, clock...) in one directory.
 * Reads need no lock (files are replaced atomically); every read-modify-write runs under one
 * directory-wide lock so concurrent syncshell processes never lose an update.
 */
/** A document a batch keeps parsed in memory (updateLive), serialised once when the batch ends. */
class Live { constructor(readonly doc: unknown) {} }

export class StateStore {
  readonly lock: StateLock;
  /** Documents written during a batch, not yet on disk (null: removed; Live: kept parsed). */
  private overlay: Map<string, string | null | Live> | undefined;
  /**
   * During a batch, the texts read from disk (undefined: absent). The batch holds the lock and every document
   * write of this process goes to the overlay, so what was read stays what is on disk until the batch ends.
   */
  private disk: Map<string, string | undefined> | undefined;
  /** Changes per document during the current batch, for stamp(). */
  private readonly generation = new Map<string, number>();
  private batches = 0;
  private bump(name: string): void { this.generation.set(name, (this.generation.get(name) ?? 0) + 1); }

  constructor(readonly home: string = stateHome()) {
    this.lock = new StateLock(path.join(home, 'state.lock'));
  }

  file(name: string): string { return path.join(this.home, `${name}.json`); }

  exists(name: string): boolean {
    if (this.overlay?.has(name)) return this.overlay.get(name) !== null;
    if (this.disk) return this.diskText(name) !== undefined;
    return fs.existsSync(this.file(name));
  }

  /** The document's text on disk (undefined: absent); inside a batch read once. */
  private diskText(name: string): string | undefined {
    if (this.disk?.has(name)) return this.disk.get(name);
    let text: string | undefined;
    try {
      text = fs.readFileSync(this.file(name), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new StateCorruptError(this.file(name), (e as Error).message);
    }
    this.disk?.set(name, text);
    return text;
  }

  /** Read a document; undefined when absent. Throws StateCorruptError when unreadable. */
  read<T>(name: string): T | undefined {
    if (this.overlay?.has(name)) {
      const text = this.overlay.get(name);
      // a live document is copied so a reader cannot change it behind the writer's back
      if (text instanceof Live) return JSON.parse(JSON.stringify(text.doc)) as T;
      return text === null || text === undefined ? undefined : JSON.parse(text) as T;
    }
    const file = this.file(name);
    const text = this.diskText(name);
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text) as T;
    } catch (e) {
      throw new StateCorruptError(file, `not valid JSON: ${(e as Error).message}`);
    }
  }

  /** Read a document, creating it from seed() (under the lock) when absent. */
  load<T>(name: string, seed: () => T): T {
    const doc = this.read<T>(name);
    if (doc !== undefined) return doc;
    return this.lock.withLock(() => {
      const again = this.read<T>(name);
      if (again !== undefined) return again;
      const fresh = seed();
      this.write(name, fresh);
      return fresh;
    });
  }

  write<T>(name: string, doc: T): void {
    const text = serialise(doc);
    if (this.overlay) { this.overlay.set(name, text); this.bump(name); return; }
    writeFileAtomic(this.file(name), text);
  }

  /**
   * Run fn holding the lock with every document write kept in memory, then write each changed document
   * once. A long run of small updates (a year of scheduler cycles) costs one fsync per document instead of
   * one per update; if fn fails nothing is written, so the state on disk stays the one before the batch.
   */
  async batch<R>(fn: () => Promise<R>): Promise<R> {
    if (this.overlay) return fn();
    return this.lock.withLockAsync(async () => {
      const overlay = new Map<string, string | null | Live>();
      this.overlay = overlay;
      this.disk = new Map();
      this.generation.clear();
      this.batches++;
      let result: R;
      try {
        result = await fn();
      } finally {
        this.overlay = undefined;
        this.disk = undefined;
      }
      for (const [name, text] of overlay) {
        if (text === null) this.remove(name);
        else writeFileAtomic(this.file(name), text instanceof Live ? serialise(text.doc) : text);
      }
      return result;
    });
  }

  /** Read-modify-write under the lock. fn mutates the document in place and may return a result. */
  update<T, R>(name: string, seed: () => T, fn: (doc: T) => R): R {
    return this.lock.withLock(() => {
      const doc = this.read<T>(name) ?? seed();
      const result = fn(doc);
      this.write(name, doc);
      return result;
    });
  }

  /**
   * update() for a document changed many times in one batch (the tenant's export record, once per scheduler
   * cycle): inside a batch the document stays parsed in memory and is serialised once when the batch ends,
   * instead of a parse and a serialisation per change. Outside a batch it is update(). fn must check before it
   * mutates: inside a batch, changes fn made before throwing are kept.
   */
  updateLive<T, R>(name: string, seed: () => T, fn: (doc: T) => R): R {
    const overlay = this.overlay;
    if (!overlay) return this.update(name, seed, fn);
    return this.lock.withLock(() => {
      const cur = overlay.get(name);
      let live: Live;
      if (cur instanceof Live) live = cur;
      else {
        live = new Live(this.read<T>(name) ?? seed());
        overlay.set(name, live);
      }
      this.bump(name);
      return fn(live.doc as T);
    });
  }

  /**
   * A token that changes whenever the document may have changed, so a caller can keep a parsed copy (the
   * tenant's directory, read on every request). Outside a batch it is the file's identity (a write replaces
   * the file: new inode); inside one, a counter of the batch's changes (nothing else can change it then).
   */
  stamp(name: string): string | undefined {
    if (this.overlay) return `batch:${this.batches}:${this.generation.get(name) ?? 0}`;
    try {
      const st = fs.statSync(this.file(name));
      return `${st.ino}:${st.mtimeMs}:${st.size}`;
    } catch { return undefined; }
  }

  async updateAsync<T, R>(name: string, seed: () => T, fn: (doc: T) => Promise<R>): Promise<R> {
    return this.lock.withLockAsync(async () => {
      const doc = this.read<T>(name) ?? seed();
      const result = await fn(doc);
      this.write(name, doc);
      return result;
    });
  }

  remove(name: string): void {
    if (this.overlay) { this.overlay.set(name, null); this.bump(name); return; }
    try { fs.unlinkSync(this.file(name)); } catch (e) { if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e; }
  }
}
