import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic, type Clock, type StateStore } from '../state/index.js';
import { KeyNotExportableError, KeyNotFoundError, KeyStoreCorruptError, TpmUnavailableError } from './errors.js';
import { NTE_DEVICE_NOT_READY, PLATFORM_KSP, type KeyExportPolicy, type ProviderName } from './providers.js';
import { readTpm } from './tpm.js';

/** Metadata of one stored private key (document 'pki-keys'); the key itself is in keys/<uniqueName>.key. */
export interface KeyRecord {
  /** Opaque handle callers keep (CngKey.KeyName). */
  keyRef: string;
  /** File name under keys/ (CngKey.UniqueName). */
  uniqueName: string;
  provider: ProviderName;
  /** 'RSA' or 'ECDSA_P256'… as CngKey.Algorithm prints. */
  algorithm: string;
  keyLength: number;
  exportPolicy: KeyExportPolicy;
  /** A LocalMachine key (CngKey.IsMachineKey): its use is governed by `acl`. */
  machineKey: boolean;
  /** Accounts allowed to use the key for signing (machine keys only). */
  acl: string[];
  createdAt: string;
}

interface KeysDoc { keys: Record<string, KeyRecord> }
export const KEYS_DOC = 'pki-keys';
const MAGIC = Buffer.from('SSK1');

/** Default ACL of a new machine key (CNG gives SYSTEM and Administrators full control). */
export const MACHINE_KEY_DEFAULT_ACL = ['NT AUTHORITY\\SYSTEM', 'BUILTIN\\Administrators'];

/**
 * Private keys at rest, emulating DPAPI/the TPM's storage root: each key is AES-256-GCM encrypted under a
 * per-state-directory master key (one for the software provider, another standing for the TPM's storage
 * root key), files 0600 in a 0700 directory; the key id and provider are bound in as additional data so a
 * key file cannot be swapped for another.
 */
export class KeyVault {
  constructor(private readonly store: StateStore, private readonly clock: Clock) {}

  private dir(): string { return path.join(this.store.home, 'keys'); }

  private doc(): KeysDoc { return this.checked(this.store.read<KeysDoc>(KEYS_DOC) ?? { keys: {} }); }

  /** A hand-edited document without its "keys" map is reported, not silently replaced. */
  private checked(doc: KeysDoc): KeysDoc {
    if (typeof doc !== 'object' || doc === null || typeof doc.keys !== 'object' || doc.keys === null) {
      throw new KeyStoreCorruptError(this.store.file(KEYS_DOC), 'it has no "keys" object');
    }
    return doc;
  }

  list(): KeyRecord[] { return Object.values(this.doc().keys); }

  get(keyRef: string): KeyRecord {
    const rec = this.doc().keys[keyRef];
    if (!rec) throw new KeyNotFoundError(keyRef);
    return rec;
  }

  find(keyRef: string): KeyRecord | undefined { return this.doc().keys[keyRef]; }

  /** Store a private key given as PKCS#8 DER and return its record. */
  add(pkcs8: Uint8Array, opts: { provider: ProviderName; exportPolicy: KeyExportPolicy; machineKey: boolean }): KeyRecord {
    const key = createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
    const d = key.asymmetricKeyDetails ?? {};
    const algorithm = key.asymmetricKeyType === 'rsa' ? 'RSA' : `ECDSA_${({ prime256v1: 'P256', secp384r1: 'P384', secp521r1: 'P521' } as Record<string, string>)[d.namedCurve ?? ''] ?? d.namedCurve}`;
    const keyLength = d.modulusLength ?? ({ prime256v1: 256, secp384r1: 384, secp521r1: 521 } as Record<string, number>)[d.namedCurve ?? ''] ?? 0;
    const keyRef = randomUUID();
    const rec: KeyRecord = {
      keyRef,
      uniqueName: `${randomBytes(16).toString('hex')}_${keyRef.slice(0, 8)}`,
      provider: opts.provider,
      algorithm,
      keyLength,
      exportPolicy: opts.exportPolicy,
      machineKey: opts.machineKey,
      acl: opts.machineKey ? [...MACHINE_KEY_DEFAULT_ACL] : [],
      createdAt: this.clock.now().toISOString(),
    };
    this.store.update<KeysDoc, void>(KEYS_DOC, () => ({ keys: {} }), (raw) => {
      const doc = this.checked(raw);
      writeFileAtomic(this.keyFile(rec), this.seal(rec, pkcs8), 0o600);
      doc.keys[keyRef] = rec;
    });
    return rec;
  }

  delete(keyRef: string): void {
    this.store.update<KeysDoc, void>(KEYS_DOC, () => ({ keys: {} }), (raw) => {
      const doc = this.checked(raw);
      const rec = doc.keys[keyRef];
      if (!rec) return;
      delete doc.keys[keyRef];
      try { fs.unlinkSync(this.keyFile(rec)); } catch { /* already gone */ }
    });
  }

  setAcl(keyRef: string, fn: (acl: string[]) => string[]): KeyRecord {
    return this.store.update<KeysDoc, KeyRecord>(KEYS_DOC, () => ({ keys: {} }), (raw) => {
      const doc = this.checked(raw);
      const rec = doc.keys[keyRef];
      if (!rec) throw new KeyNotFoundError(keyRef);
      rec.acl = fn(rec.acl);
      return { ...rec };
    });
  }

  /** The usable private key (for signing inside pki/ only; never returned through the facade). */
  privateKey(keyRef: string): KeyObject {
    const rec = this.get(keyRef);
    if (rec.provider === PLATFORM_KSP && !readTpm(this.store).present) throw new TpmUnavailableError(NTE_DEVICE_NOT_READY);
    // Decrypting and parsing cost more than the signature itself: reuse the key while neither its file nor the
    // master key file changed (the TPM and ACL checks above and in the callers still run every time).
    const stamp = this.stampOf(rec);
    const hit = this.opened.get(keyRef);
    if (stamp && hit?.stamp === stamp) return hit.key;
    const key = createPrivateKey({ key: Buffer.from(this.open(rec)), format: 'der', type: 'pkcs8' });
    if (stamp) this.opened.set(keyRef, { stamp, key });
    return key;
  }

  private readonly opened = new Map<string, { stamp: string; key: KeyObject }>();

  private stampOf(rec: KeyRecord): string | undefined {
    try {
      const master = path.join(this.dir(), rec.provider === PLATFORM_KSP ? 'tpm-storage-root.key' : 'machine-master.key');
      return [this.keyFile(rec), master].map((f) => { const s = fs.statSync(f); return `${s.ino}:${s.mtimeMs}:${s.size}`; }).join('|');
    } catch { return undefined; }
  }

  publicKey(keyRef: string): KeyObject { return createPublicKey(this.privateKey(keyRef)); }

  /** PKCS#8 for an export path: refuses exactly as Windows does unless the policy allows export. */
  exportPkcs8(keyRef: string): Uint8Array {
    const rec = this.get(keyRef);
    if (rec.exportPolicy === 'NonExportable' || rec.provider === PLATFORM_KSP) throw new KeyNotExportableError();
    return this.open(rec);
  }

  keyFile(rec: KeyRecord): string { return path.join(this.dir(), `${rec.uniqueName}.key`); }

  private masterKey(provider: ProviderName): Buffer {
    const file = path.join(this.dir(), provider === PLATFORM_KSP ? 'tpm-storage-root.key' : 'machine-master.key');
    const read = (): Buffer | undefined => {
      try {
        const b = fs.readFileSync(file);
        if (b.length !== 32) throw new KeyStoreCorruptError(file, `the master key has ${b.length} bytes, 32 expected`);
        return b;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        if (e instanceof KeyStoreCorruptError) throw e;
        throw new KeyStoreCorruptError(file, (e as Error).message);
      }
    };
    return read() ?? this.store.lock.withLock(() => {
      const again = read();
      if (again) return again;
      const fresh = randomBytes(32);
      writeFileAtomic(file, fresh, 0o600);
      return fresh;
    });
  }

  private seal(rec: KeyRecord, pkcs8: Uint8Array): Buffer {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.masterKey(rec.provider), iv);
    c.setAAD(Buffer.from(`${rec.keyRef}|${rec.provider}`));
    const data = Buffer.concat([c.update(pkcs8), c.final()]);
    return Buffer.concat([MAGIC, iv, c.getAuthTag(), data]);
  }

  private open(rec: KeyRecord): Uint8Array {
    if (rec.provider === PLATFORM_KSP && !readTpm(this.store).present) throw new TpmUnavailableError(NTE_DEVICE_NOT_READY);
    const file = this.keyFile(rec);
    let blob: Buffer;
    try {
      blob = fs.readFileSync(file);
    } catch {
      throw new KeyNotFoundError(rec.keyRef);
    }
    if (blob.length < 4 + 12 + 16 + 1 || !blob.subarray(0, 4).equals(MAGIC)) throw new KeyStoreCorruptError(file, 'not a syncshell key file');
    try {
      const d = createDecipheriv('aes-256-gcm', this.masterKey(rec.provider), blob.subarray(4, 16));
      d.setAAD(Buffer.from(`${rec.keyRef}|${rec.provider}`));
      d.setAuthTag(blob.subarray(16, 32));
      return new Uint8Array(Buffer.concat([d.update(blob.subarray(32)), d.final()]));
    } catch (e) {
      if (e instanceof KeyStoreCorruptError) throw e;
      throw new KeyStoreCorruptError(file, 'authentication failed: the file or the master key was altered');
    }
  }
}
