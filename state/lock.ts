import * as fs from 'node:fs';
import * as path from 'node:path';

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleepSync(ms: number): void { Atomics.wait(sleeper, 0, 0, ms); }

function pidAlive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
}

/**
 * A cross-process lock: a file created with O_EXCL holding the owner's pid.
 * A lock whose owner died (SIGKILL mid-write) is taken over, so a crash never wedges the state.
 * Re-entrant within one process so nested domain calls do not deadlock.
 */
export class StateLock {
  private depth = 0;
  constructor(readonly file: string, readonly timeoutMs = 30_000) {}

  acquire(): void {
    if (this.depth > 0) { this.depth++; return; }
    fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    const deadline = Date.now() + this.timeoutMs;
    let wait = 2;
    for (;;) {
      try {
        const fd = fs.openSync(this.file, 'wx', 0o600);
        fs.writeSync(fd, String(process.pid));
        fs.closeSync(fd);
        this.depth = 1;
        return;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      this.breakIfStale();
      if (Date.now() > deadline) throw new Error(`Timed out waiting for the state lock '${this.file}'.`);
      sleepSync(wait);
      wait = Math.min(wait * 2, 50);
    }
  }

  release(): void {
    if (this.depth === 0) return;
    if (--this.depth > 0) return;
    try { fs.unlinkSync(this.file); } catch { /* taken over as stale: nothing to release */ }
  }

  private breakIfStale(): void {
    let owner: number;
    try { owner = Number(fs.readFileSync(this.file, 'utf8')); } catch { return; }
    // An empty file means the owner is between create and write: give it time unless it is old.
    if (!owner) {
      try { if (Date.now() - fs.statSync(this.file).mtimeMs > 5_000) fs.unlinkSync(this.file); } catch { /* gone */ }
      return;
    }
    if (!pidAlive(owner)) {
      // Rename first so two waiters cannot both delete a lock the other just took.
      const grave = `${this.file}.stale.${process.pid}`;
      try { fs.renameSync(this.file, grave); } catch { return; }
      try {
        const now = Number(fs.readFileSync(grave, 'utf8'));
        if (now !== owner) { fs.renameSync(grave, this.file); return; }
        fs.unlinkSync(grave);
      } catch { /* another waiter handled it */ }
    }
  }

  withLock<T>(fn: () => T): T {
    this.acquire();
    try { return fn(); } finally { this.release(); }
  }

  async withLockAsync<T>(fn: () => Promise<T>): Promise<T> {
    this.acquire();
    try { return await fn(); } finally { this.release(); }
  }
}
