import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { PkiContext } from './context.js';
import { CertificateFormatError, InvalidArgumentError, PfxFormatError, PkiError, UnsupportedKeyError } from './errors.js';
import { checkImportable, privateKeyMissing } from './import-policy.js';
import { looksLikePfx } from './pfx.js';
import { looksLikeText } from './pem.js';
import { parseCertificate, type CertificateInfo } from './certificate-info.js';
import { createSelfSignedCertificate, type SelfSignedOptions } from './self-signed.js';
import { keyAlgorithmName } from './keygen.js';
import { checkProviderRequest, exportPolicy, providerName, PLATFORM_KSP, type ProviderName } from './providers.js';
import { readTpm, setTpmPresent as writeTpmPresent, tpmInfo, type TpmInfo } from './tpm.js';
import { storePath, type StoredCertificate } from './stores.js';
import { buildPfx, readPfx } from './pfx.js';
import type { PfxCipher } from './pbe.js';
import { toPem } from './pem.js';
import { signData, type SignatureAlgorithm } from './signing.js';
import { INTERACTIVE_ADMIN, checkKeyAccess } from './access.js';
import { byocViolations, validateByoc, type ByocViolation } from './byoc.js';

export interface NewCertificateOptions extends SelfSignedOptions {
  /** Cert:\CurrentUser\My (default) or Cert:\LocalMachine\My: the only stores New-SelfSignedCertificate writes. */
  certStoreLocation?: string;
  provider?: string;
  /** Default ExportableEncrypted, as New-SelfSignedCertificate. */
  keyExportPolicy?: string;
  friendlyName?: string;
}

/** New-SelfSignedCertificate: key in the provider, certificate in the store. Nothing persists if any step fails. */
export async function newSelfSignedCertificate(ctx: PkiContext, opts: NewCertificateOptions = {}): Promise<StoredCertificate> {
  const where = storePath(opts.certStoreLocation ?? 'CurrentUser\\My');
  if (where.storeName !== 'My') {
    throw new InvalidArgumentError('InvalidCertStoreLocation', `The CertStoreLocation 'Cert:\\${where.location}\\${where.storeName}' is not supported. Specify Cert:\\CurrentUser\\My or Cert:\\LocalMachine\\My; this parameter does not support other certificate stores.`);
  }
  const provider = providerName(opts.provider);
  const policy = exportPolicy(opts.keyExportPolicy);
  const algorithm = keyAlgorithmName(opts.keyAlgorithm);
  checkProviderRequest(provider, policy, algorithm, opts.keyLength ?? 2048, readTpm(ctx.store).present);
  const created = await createSelfSignedCertificate({ ...opts, clock: opts.clock ?? ctx.clock });
  return persist(ctx, where, created.info, created.pkcs8, provider, policy, opts.friendlyName);
}

function persist(ctx: PkiContext, where: ReturnType<typeof storePath>, info: CertificateInfo, pkcs8: Uint8Array | undefined,
  provider: ProviderName, policy: ReturnType<typeof exportPolicy>, friendlyName?: string): StoredCertificate {
  const key = pkcs8 ? ctx.vault.add(pkcs8, { provider, exportPolicy: policy, machineKey: where.location === 'LocalMachine' }) : undefined;
  try {
    return ctx.stores.add(where, info, { ...(key ? { keyRef: key.keyRef } : {}), ...(friendlyName !== undefined ? { friendlyName } : {}) });
  } catch (e) {
    if (key) ctx.vault.delete(key.keyRef);
    throw e;
  }
}

export interface ImportPfxOptions {
  /** Default Cert:\CurrentUser\My. */
  certStoreLocation?: string;
  /** Import-PfxCertificate -Exportable; keys are non-exportable otherwise. */
  exportable?: boolean;
  /** Key storage provider for the imported keys (default: the software KSP). */
  provider?: string;
  /**
   * Check the file against the BYOC rules (at the emulator clock) before anything is stored: the end-entity
   * certificate with a key must pass, else ByocValidationError and nothing is added.
   */
  requireByoc?: boolean;
}

/**
 * Import-PfxCertificate: every certificate of the file goes into the store, keys into the provider.
 * The whole file is decrypted and checked before anything is written.
 */
export function importPfx(ctx: PkiContext, data: Uint8Array | ArrayBuffer, password: string, opts: ImportPfxOptions = {}): StoredCertificate[] {
  const where = storePath(opts.certStoreLocation ?? 'CurrentUser\\My');
  const provider = providerName(opts.provider);
  const policy = opts.exportable ? 'Exportable' : 'NonExportable';
  const entries = readPfxOrExplain(data, password);
  for (const e of entries) {
    if (e.pkcs8 && provider === PLATFORM_KSP) {
      const alg = e.info.keyAlgorithm === 'RSA' ? 'RSA' : e.info.keyLength === 384 ? 'ECDSA_nistP384' : e.info.keyLength === 256 ? 'ECDSA_nistP256' : 'ECDSA_nistP521';
      checkProviderRequest(provider, policy, alg, e.info.keyLength, readTpm(ctx.store).present);
    }
  }
  if (opts.requireByoc) {
    const withKey = entries.find((e) => e.pkcs8) ?? entries[0]!;
    const candidate: StoredCertificate = {
      ...withKey.info, location: where.location, storeName: where.storeName, storePath: `${where.location}\\${where.storeName}`,
      friendlyName: withKey.friendlyName ?? '', archived: false,
      ...(withKey.pkcs8 ? {
        keyRef: '(not yet stored)',
        key: { keyRef: '(not yet stored)', uniqueName: '', provider, algorithm: withKey.info.keyAlgorithm, keyLength: withKey.info.keyLength, exportPolicy: policy, machineKey: where.location === 'LocalMachine', acl: [], createdAt: ctx.clock.now().toISOString() },
      } : {}),
    };
    validateByoc(candidate, ctx.clock.now());
  }
  // The emulator's import policy (docs/pki.md): a key must come with the file, and no certificate may break the rules.
  if (!entries.some((e) => e.pkcs8)) throw privateKeyMissing(entries[0]!.info, 'pfx');
  checkImportable(entries.map((e) => e.info), ctx.clock.now());
  const done: StoredCertificate[] = [];
  try {
    for (const e of entries) done.push(persist(ctx, where, e.info, e.pkcs8, provider, policy, e.friendlyName));
  } catch (err) {
    for (const d of done) {
      try { ctx.stores.remove(where, d.thumbprint); if (d.keyRef) ctx.vault.delete(d.keyRef); } catch { /* best effort rollback */ }
    }
    throw err;
  }
  return done;
}

/** readPfx, but a certificate file handed over as a PFX is named as such (it lacks the private key). */
function readPfxOrExplain(data: Uint8Array | ArrayBuffer, password: string): ReturnType<typeof readPfx> {
  try {
    return readPfx(data, password);
  } catch (e) {
    if (!(e instanceof PfxFormatError)) throw e;
    let cert: CertificateInfo | undefined;
    try { cert = parseCertificate(data); } catch { /* not a certificate either: the PFX error stands */ }
    if (cert) throw privateKeyMissing(cert, 'certificate');
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    if (looksLikeText(bytes) && /-----BEGIN |^[\s\x20-\x7e]*$/.test(Buffer.from(bytes.subarray(0, 4096)).toString('latin1'))) {
      throw new PfxFormatError('the file is text (PEM or Base64), not a binary PKCS#12 (.pfx) file');
    }
    throw e;
  }
}

/** Read a PFX without importing it (Get-PfxData): certificate facts only, keys are not kept. */
export function inspectPfx(data: Uint8Array | ArrayBuffer, password: string): CertificateInfo[] {
  return readPfx(data, password).map((e) => e.info);
}

/** Import-Certificate: a DER or Base64/PEM certificate into a store (no key), under the import policy (import-policy.ts). */
export function importCertificate(ctx: PkiContext, data: Uint8Array | ArrayBuffer | string, certStoreLocation = 'CurrentUser\\My'): StoredCertificate {
  const where = storePath(certStoreLocation);
  let info: CertificateInfo;
  try {
    info = parseCertificate(data);
  } catch (e) {
    if (e instanceof CertificateFormatError && typeof data !== 'string' && looksLikePfx(data)) {
      throw new CertificateFormatError('the data is a PKCS#12 (PFX) file; import it with Import-PfxCertificate and its password');
    }
    throw e;
  }
  checkImportable([info], ctx.clock.now());
  return ctx.stores.add(where, info);
}

export interface ExportPfxOptions {
  /** Export-PfxCertificate -CryptoAlgorithmOption; here AES256_SHA256 unless asked (see docs/pki.md). */
  cipher?: PfxCipher | string;
  /** Extra certificates to include after the end-entity certificate (a chain). */
  chain?: Uint8Array[];
}

/** Export-PfxCertificate: refuses a non-exportable key with Windows' error; a certificate without key exports alone. */
export function exportPfx(ctx: PkiContext, where: string, thumbprint: string, password: string, opts: ExportPfxOptions = {}): Uint8Array {
  const cert = ctx.stores.get(where, thumbprint);
  const cipher = pfxCipher(opts.cipher);
  const pkcs8 = cert.keyRef ? ctx.vault.exportPkcs8(cert.keyRef) : undefined;
  return buildPfx({
    certificates: [cert.der, ...(opts.chain ?? [])],
    ...(pkcs8 ? { pkcs8, providerName: cert.key!.provider } : {}),
    password,
    cipher,
    ...(cert.friendlyName ? { friendlyName: cert.friendlyName } : {}),
  });
}

function pfxCipher(text: string | undefined): PfxCipher {
  const t = (text ?? 'AES256_SHA256').toLowerCase();
  if (t === 'aes256_sha256') return 'AES256_SHA256';
  if (t === 'tripledes_sha1') return 'TripleDES_SHA1';
  throw new InvalidArgumentError('InvalidCryptoAlgorithmOption', `Cannot convert value "${text}" to type "Microsoft.CertificateServices.Commands.CryptoAlgorithmOptions". Valid values: TripleDES_SHA1, AES256_SHA256.`);
}

/** The private key as PKCS#8 PEM — the other way a key could leave; same refusal as PFX export. */
export function exportPrivateKeyPem(ctx: PkiContext, keyRef: string): string {
  return toPem('PRIVATE KEY', ctx.vault.exportPkcs8(keyRef));
}

/** Export-Certificate -Type CERT writes DER. */
export function exportCertificateDer(cert: CertificateInfo): Uint8Array { return cert.der; }
export function exportCertificatePem(cert: CertificateInfo): string { return toPem('CERTIFICATE', cert.der); }

/** Remove-Item on a certificate path; deleteKey = -DeleteKey. Returns what was removed. */
export function removeCertificate(ctx: PkiContext, where: string, thumbprint: string, opts: { deleteKey?: boolean } = {}): StoredCertificate {
  const cert = ctx.stores.get(where, thumbprint);
  const keyRef = ctx.stores.remove(where, thumbprint);
  if (opts.deleteKey && keyRef) ctx.vault.delete(keyRef);
  return cert;
}

/**
 * Sign with a stored key. `account` is who asks: a LocalMachine key signs only for accounts on its ACL
 * (the sync service account needs grantKeyAccess first). Non-exportable keys sign normally.
 */
export function signWithKey(ctx: PkiContext, keyRef: string, data: Uint8Array, alg: SignatureAlgorithm, opts: { account?: string } = {}): Uint8Array {
  checkKeyAccess(ctx, keyRef, opts.account ?? INTERACTIVE_ADMIN);
  return signData(ctx.vault.privateKey(keyRef), data, alg);
}

export interface PublicKeyInfo { spki: Uint8Array; pem: string; jwk: JsonWebKey; keyObject: KeyObject }

export function getPublicKey(ctx: PkiContext, keyRef: string): PublicKeyInfo {
  const keyObject = ctx.vault.publicKey(keyRef);
  const spki = new Uint8Array(keyObject.export({ format: 'der', type: 'spki' }));
  return { spki, pem: toPem('PUBLIC KEY', spki), jwk: keyObject.export({ format: 'jwk' }), keyObject };
}

/** The public key of a certificate (to verify a client assertion against a registered keyCredential). */
export function certificatePublicKey(cert: CertificateInfo | Uint8Array | string): KeyObject {
  const info = cert instanceof Uint8Array || typeof cert === 'string' ? parseCertificate(cert) : cert;
  try {
    return createPublicKey({ key: Buffer.from(info.publicKeySpki), format: 'der', type: 'spki' });
  } catch (e) {
    if (e instanceof PkiError) throw e;
    throw new UnsupportedKeyError(`The certificate's public key cannot be used (${(e as Error).message}).`);
  }
}

export function getTpmInfo(ctx: PkiContext): TpmInfo { return tpmInfo(readTpm(ctx.store)); }

/** Emulator control: plug the TPM in or out (persisted). */
export function setTpmPresent(ctx: PkiContext, present: boolean): TpmInfo { return tpmInfo(writeTpmPresent(ctx.store, present)); }

export function isTpmPresent(ctx: PkiContext): boolean { return readTpm(ctx.store).present; }

/** BYOC check of a certificate the admin names by thumbprint, at the emulator clock's now. */
export function validateByocCertificate(ctx: PkiContext, thumbprint: string, where = 'LocalMachine\\My'): StoredCertificate {
  const found = ctx.stores.find(where, thumbprint) ?? ctx.stores.locate(thumbprint)[0] ?? ctx.stores.get(where, thumbprint);
  validateByoc(found, ctx.clock.now());
  return found;
}

export function byocViolationsOf(ctx: PkiContext, cert: CertificateInfo | StoredCertificate): ByocViolation[] {
  return byocViolations(cert, ctx.clock.now());
}
