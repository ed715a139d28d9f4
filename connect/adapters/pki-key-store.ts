import {
  newSelfSignedCertificate, signWithKey, removeCertificate, isTpmPresent, setTpmPresent, canUseKey,
  SYNC_SERVICE_ACCOUNT, PLATFORM_KSP, SOFTWARE_KSP, type PkiContext, type StoredCertificate as PkiCertificate,
} from '../../pki/index.js';
import type { KeyStoreGateway, StoredCertificate } from '../gateways.js';

const STORES = ['CurrentUser\\My', 'LocalMachine\\My'];

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

  private all(): PkiCertificate[] { return STORES.flatMap((s) => this.pki.stores.list(s)); }

  findBySha256(sha256: string): StoredCertificate[] {
    const h = sha256.toUpperCase();
    return this.all().filter((c) => c.sha256 === h).map(view);
  }

  findByThumbprint(thumbprint: string): StoredCertificate[] {
    const t = thumbprint.toUpperCase();
    return this.all().filter((c) => c.thumbprint === t).map(view);
  }

  private find(cert: StoredCertificate): PkiCertificate {
    const c = this.pki.stores.find(cert.store, cert.thumbprint);
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
