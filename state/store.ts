import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from './atomic.js';
import { StateLock } from './lock.js';
import { StateCorruptError } from './errors.js';
import { stateHome } from './home.js';

/**
 * The persisted state: one JSON document per concern (tenant, server, stores, clock...) in one directory.
 * Reads need no lock (files are replaced atomically); every read-modify-write runs under one
 * directory-wide lock so concurrent syncshell processes never lose an update.
 */
export class StateStore {
  readonly lock: StateLock;
  /** Documents written during a batch, not yet on disk (null: removed). */
  private overlay: Map<string, string | null> | undefined;

  constructor(readonly home: string = stateHome()) {
    this.lock = new StateLock(path.join(home, 'state.lock'));
  }

  file(name: string): string { return path.join(this.home, `${name}.json`); }

  exists(name: string): boolean {
    if (this.overlay?.has(name)) return this.overlay.get(name) !== null;
    return fs.existsSync(this.file(name));
  }

  /** Read a document; undefined when absent. Throws StateCorruptError when unreadable. */
  read<T>(name: string): T | undefined {
    if (this.overlay?.has(name)) {
      const text = this.overlay.get(name);
      return text === null || text === undefined ? undefined : JSON.parse(text) as T;
    }
    const file = this.file(name);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new StateCorruptError(file, (e as Error).message);
    }
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
    const text = JSON.stringify(doc, null, 1) + '\n';
    if (this.overlay) { this.overlay.set(name, text); return; }
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
      const overlay = new Map<string, string | null>();
      this.overlay = overlay;
      let result: R;
      try {
        result = await fn();
      } finally {
        this.overlay = undefined;
      }
      for (const [name, text] of overlay) {
        if (text === null) this.remove(name);
        else writeFileAtomic(this.file(name), text);
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

  async updateAsync<T, R>(name: string, seed: () => T, fn: (doc: T) => Promise<R>): Promise<R> {
    return this.lock.withLockAsync(async () => {
      const doc = this.read<T>(name) ?? seed();
      const result = await fn(doc);
      this.write(name, doc);
      return result;
    });
  }

  remove(name: string): void {
    if (this.overlay) { this.overlay.set(name, null); return; }
    try { fs.unlinkSync(this.file(name)); } catch (e) { if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e; }
  }
}
