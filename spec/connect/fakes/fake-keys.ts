import { createHash, generateKeyPairSync, createPrivateKey, sign as rsaSign, constants, randomBytes } from 'node:crypto';
import type { StateStore } from '../../../state/index.js';
import type { KeyStoreGateway, StoredCertificate } from '../../../connect/index.js';

/**
 * A small persisted stand-in for pki/: real RSA keys (node:crypto), a pseudo-DER that carries the public key
 * so the fake tenant can verify signatures. Persisted so child processes share it.
 */
interface FakeCert {
  der: string; thumbprint: string; sha256: string; subject: string; issuer: string; serialNumber: string;
  notBefore: string; notAfter: string; keyAlgorithm: string; keyLength: number; signatureHashAlgorithm: string;
  hasPrivateKey: boolean; exportable: boolean; provider: string; tpmBacked: boolean; store: string; privateKeyPem: string | null;
}
interface FakeKeysDoc { tpmPresent: boolean; certs: FakeCert[] }

export const TPM = 'Microsoft Platform Crypto Provider';
export const SOFT = 'Microsoft Software Key Storage Provider';

export function makeFakeCert(o: {
  subject: string; notBefore: Date; notAfter: Date; store: string; exportable?: boolean; provider?: string;
  keyLength?: number; hash?: string; keyAlgorithm?: string; withPrivateKey?: boolean;
}): FakeCert {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: o.keyLength ?? 2048 });
  const spki = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const serialNumber = randomBytes(16).toString('hex').toUpperCase();
  const body = Buffer.from(JSON.stringify({ spki, serialNumber, subject: o.subject, notBefore: o.notBefore, notAfter: o.notAfter }));
  const provider = o.provider ?? SOFT;
  return {
    der: body.toString('base64'),
    thumbprint: createHash('sha1').update(body).digest('hex').toUpperCase(),
    sha256: createHash('sha256').update(body).digest('hex').toUpperCase(),
    subject: o.subject, issuer: o.subject, serialNumber,
    notBefore: o.notBefore.toISOString(), notAfter: o.notAfter.toISOString(),
    keyAlgorithm: o.keyAlgorithm ?? 'RSA', keyLength: o.keyLength ?? 2048, signatureHashAlgorithm: o.hash ?? 'SHA256',
    hasPrivateKey: o.withPrivateKey ?? true, exportable: o.exportable ?? false, provider, tpmBacked: provider === TPM, store: o.store,
    privateKeyPem: (o.withPrivateKey ?? true) ? privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() : null,
  };
}

function toStored(c: FakeCert): StoredCertificate {
  return {
    der: Buffer.from(c.der, 'base64'), thumbprint: c.thumbprint, sha256: c.sha256, subject: c.subject, issuer: c.issuer,
    serialNumber: c.serialNumber, notBefore: new Date(c.notBefore), notAfter: new Date(c.notAfter), keyAlgorithm: c.keyAlgorithm,
    keyLength: c.keyLength, signatureHashAlgorithm: c.signatureHashAlgorithm, hasPrivateKey: c.hasPrivateKey, exportable: c.exportable,
    provider: c.provider, tpmBacked: c.tpmBacked, store: c.store,
  };
}

export class FakeKeys implements KeyStoreGateway {
  failCreate = false;
  signatures = 0;
  private readonly keyCache = new Map<string, ReturnType<typeof createPrivateKey>>();
  constructor(private readonly store: StateStore, tpmPresent = true) {
    store.load<FakeKeysDoc>('fake-keys', () => ({ tpmPresent, certs: [] }));
  }
  private doc(): FakeKeysDoc { return this.store.read<FakeKeysDoc>('fake-keys')!; }
  private update<R>(fn: (d: FakeKeysDoc) => R): R { return this.store.update<FakeKeysDoc, R>('fake-keys', () => ({ tpmPresent: true, certs: [] }), fn); }

  setTpmPresent(on: boolean): void { this.update((d) => { d.tpmPresent = on; }); }
  tpmPresent(): boolean { return this.doc().tpmPresent; }
  add(c: FakeCert): StoredCertificate { this.update((d) => { d.certs.push(c); }); return toStored(c); }
  all(): StoredCertificate[] { return this.doc().certs.map(toStored); }

  async createManagedCertificate(o: { subject: string; notBefore: Date; notAfter: Date; useTpm: boolean }): Promise<StoredCertificate> {
    if (this.failCreate) throw new Error('The TPM is not ready.');
    return this.add(makeFakeCert({ ...o, store: 'CurrentUser\\My', provider: o.useTpm ? TPM : SOFT }));
  }
  findBySha256(sha256: string): StoredCertificate[] { return this.doc().certs.filter((c) => c.sha256 === sha256.toUpperCase()).map(toStored); }
  findByThumbprint(t: string): StoredCertificate[] { return this.doc().certs.filter((c) => c.thumbprint === t.toUpperCase()).map(toStored); }
  async sign(cert: StoredCertificate, data: Uint8Array, padding: 'pkcs1' | 'pss'): Promise<Uint8Array> {
    const c = this.doc().certs.find((x) => x.sha256 === cert.sha256 && x.store === cert.store && x.privateKeyPem);
    if (!c) throw new Error('Keyset does not exist');
    let key = this.keyCache.get(c.sha256);
    if (!key) this.keyCache.set(c.sha256, key = createPrivateKey(c.privateKeyPem!));
    this.signatures++;
    return rsaSign('sha256', data, padding === 'pss' ? { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 } : key);
  }
  async removeCertificate(cert: StoredCertificate): Promise<void> {
    this.update((d) => { d.certs = d.certs.filter((c) => !(c.sha256 === cert.sha256 && c.store === cert.store)); });
  }
}
