import {
  newSelfSignedCertificate, signWithKey, removeCertificate, isTpmPresent, setTpmPresent, canUseKey,
  SYNC_SERVICE_ACCOUNT, PLATFORM_KSP, SOFTWARE_KSP, type PkiContext, type StoredCertificate as PkiCertificate,
} from '../../pki/index.js';
import type { KeyStoreGateway, StoredCertificate } from '../gateways.js';

const STORES = ['CurrentUser\\My', 'LocalMachine\\My'];
/** pki/'s documents for the certificate stores and the key records: what the stores show changes only with them. */
const PKI_DOCS = ['pki-stores', 'pki-keys'];

function hashOf(signatureAlgorithm: string): string {
  const m = /^(sha\d+|md5)/i.exec(signatureAlgorithm);
  return m ? m[1].toUpperCase() : signatureAlgorithm;
}

function view(c: PkiCertificate): StoredCertificate {
  const key = c.key;
  return {
    der: c.der, thumbprint: c.thumbprint, sha256: c.sha256, subject: c.subject, issuer: c.issuer, serialNumber: c.serialNumber,
    notBefore: c.notBefore, notAfter: c.notAfter, keyAlgorithm: c.keyAlgorithm, keyLength: c.keyLength,
    signatureHashAlgorithm: hashOf(c.signatureAlgorithm), hasPrivateKey: !!c.keyRef && !!key,
    exportable: !!key && key.exportPolicy !== 'NonExportable' && key.provider !== PLATFORM_KSP,
    provider: key?.provider ?? '', tpmBacked: key?.provider === PLATFORM_KSP, store: c.storePath,
    syncAccountCanSign: key ? canUseKey(key, SYNC_SERVICE_ACCOUNT) : false,
  };
}

/**
 * The key store as the ADSync service sees it through pki/: managed keys are created non-exportable in the TPM
 * (or the software KSP), every signature is made inside the provider as NT SERVICE\ADSync, keys never leave it.
 */
export class PkiKeyStore implements KeyStoreGateway {
  constructor(readonly pki: PkiContext) {}

  tpmPresent(): boolean { return isTpmPresent(this.pki); }
  setTpmPresent(present: boolean): void { setTpmPresent(this.pki, present); }

  async createManagedCertificate(o: { subject: string; notBefore: Date; notAfter: Date; useTpm: boolean }): Promise<StoredCertificate> {
    const c = await newSelfSignedCertificate(this.pki, {
      subject: o.subject, notBefore: o.notBefore, notAfter: o.notAfter, keyAlgorithm: 'RSA', keyLength: 2048, hashAlgorithm: 'SHA256',
      certStoreLocation: 'CurrentUser\\My', provider: o.useTpm ? PLATFORM_KSP : SOFTWARE_KSP, keyExportPolicy: 'NonExportable',
    });
    return view(c);
  }

  private cached?: { stamp: string; certs: PkiCertificate[] };

  /**
   * Both stores, re-read only when pki's documents changed: every token a scheduler cycle asks for looks its
   * certificate up (twice), and a virtual year asks for 8,760 of them.
   */
  private all(): PkiCertificate[] {
    const store = this.pki.store;
    const stamp = PKI_DOCS.every((d) => store.exists(d)) ? PKI_DOCS.map((d) => store.stamp(d)).join('|') : undefined;
    if (stamp !== undefined && this.cached?.stamp === stamp) return this.cached.certs;
    const certs = STORES.flatMap((s) => this.pki.stores.list(s));
    this.cached = stamp === undefined ? undefined : { stamp, certs };
    return certs;
  }

  findBySha256(sha256: string): StoredCertificate[] {
    const h = sha256.toUpperCase();
    return this.all().filter((c) => c.sha256 === h).map(view);
  }

  findByThumbprint(thumbprint: string): StoredCertificate[] {
    const t = thumbprint.toUpperCase();
    return this.all().filter((c) => c.thumbprint === t).map(view);
  }

  private find(cert: StoredCertificate): PkiCertificate {
    const where = cert.store.toLowerCase();
    const c = STORES.some((s) => s.toLowerCase() === where)
      ? this.all().find((x) => x.storePath.toLowerCase() === where && x.thumbprint === cert.thumbprint.toUpperCase())
      : this.pki.stores.find(cert.store, cert.thumbprint);
    if (!c?.keyRef) throw Object.assign(new Error('Keyset does not exist'), { errorId: 'KeysetDoesNotExist', category: 'ObjectNotFound' });
    return c;
  }

  async sign(cert: StoredCertificate, data: Uint8Array, padding: 'pkcs1' | 'pss'): Promise<Uint8Array> {
    return signWithKey(this.pki, this.find(cert).keyRef!, data, padding === 'pss' ? 'PS256' : 'RS256', { account: SYNC_SERVICE_ACCOUNT });
  }

  async removeCertificate(cert: StoredCertificate): Promise<void> {
    removeCertificate(this.pki, cert.store, cert.thumbprint, { deleteKey: true });
  }
}
