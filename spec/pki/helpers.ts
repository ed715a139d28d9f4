import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ManualClock, StateStore } from '../../state/index.js';
import { openPki, type PkiContext } from '../../pki/index.js';

/** A throwaway state home + context; call cleanup() in after/afterEach. */
export function tempPki(now = new Date('2026-03-01T12:00:00Z')): { ctx: PkiContext; clock: ManualClock; home: string; cleanup: () => void } {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'syncshell-pki-'));
  const clock = new ManualClock(now);
  return { ctx: openPki(new StateStore(home), clock), clock, home, cleanup: () => fs.rmSync(home, { recursive: true, force: true }) };
}

export function tempDir(): { dir: string; file: (name: string) => string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'syncshell-pki-files-'));
  return { dir, file: (n) => path.join(dir, n), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Run openssl; returns stdout (stderr merged when asked). Throws with openssl's stderr on failure. */
export function openssl(args: string[], input?: Uint8Array): string {
  try {
    return execFileSync('openssl', args, { input, stdio: ['pipe', 'pipe', 'pipe'] }).toString('utf8');
  } catch (e) {
    const err = e as { stderr?: Buffer; stdout?: Buffer };
    throw new Error(`openssl ${args.join(' ')} failed: ${err.stderr?.toString() ?? ''}${err.stdout?.toString() ?? ''}`);
  }
}

/** openssl's stdout and stderr together (pkcs12 -info writes its details to stderr). */
export function opensslInfo(args: string[]): string {
  const r = spawnSync('openssl', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')} failed: ${r.stderr.toString()}`);
  return r.stdout.toString() + r.stderr.toString();
}

/** 'sha1 Fingerprint=AB:CD…' → 'ABCD…' */
export function fingerprint(derFile: string, alg: 'sha1' | 'sha256'): string {
  const out = openssl(['x509', '-inform', 'der', '-in', derFile, '-noout', '-fingerprint', `-${alg}`]);
  return out.trim().split('=')[1]!.replace(/:/g, '');
}

/** A certificate + key made by openssl itself (independent of pki/). */
export function opensslCert(dir: string, name: string, newkey: string, extra: string[] = []): { key: string; pem: string; der: Uint8Array } {
  const key = path.join(dir, `${name}.key`);
  const pem = path.join(dir, `${name}.pem`);
  openssl(['req', '-x509', '-newkey', newkey, '-nodes', '-subj', `/CN=${name}`, '-keyout', key, '-out', pem, '-days', '30', ...extra]);
  const der = new Uint8Array(execFileSync('openssl', ['x509', '-in', pem, '-outform', 'der']));
  return { key, pem, der };
}
