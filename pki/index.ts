/**
 * pki/: the facade other modules (cmdlets/pki, tenant/, connect/) import. Nothing else in pki/ is public.
 * Stateless helpers take bytes; stateful ones take a PkiContext (openPki(store, clock)) first.
 * See docs/pki.md for the choices made where Windows/.NET behaviour is not documented.
 */
export {
  PkiError, CertificateFormatError, PfxFormatError, PfxPasswordError, KeyNotExportableError, UnsupportedKeyError,
  InvalidArgumentError, ByocValidationError, TpmUnavailableError, CertificateNotFoundError, KeyNotFoundError,
  KeyAccessDeniedError, KeyStoreCorruptError, CertificateRejectedError, type ByocRule, type ImportRule,
} from './errors.js';

// Certificates (stateless).
export { parseCertificate, certificateDer, certificateX5t, type CertificateInfo, type ExtensionInfo, type EkuInfo } from './certificate-info.js';
export {
  createSelfSignedCertificate, buildSelfSignedCertificate, keyPairFromPkcs8, hashName,
  type SelfSignedOptions, type CreatedCertificate, type BuiltCertificate, type HashAlgorithmName, type KeyUsageName,
} from './self-signed.js';
export { generateKeyPair, keyAlgorithmName, type KeyAlgorithmName, type KeyPair } from './keygen.js';
export { toPem } from './pem.js';
export { readPfx, buildPfx, type PfxEntry, type PfxBuildOptions } from './pfx.js';
export type { PfxCipher } from './pbe.js';
export { signData, verifySignature, type SignatureAlgorithm } from './signing.js';
export { byocViolations, validateByoc, type ByocViolation } from './byoc.js';
export { importRejection } from './import-policy.js';
export { OID, EKU_NAMES } from './oids.js';

// State: context, providers, stores, keys, TPM.
export { openPki, type PkiContext } from './context.js';
export { SOFTWARE_KSP, PLATFORM_KSP, providerName, exportPolicy, type ProviderName, type KeyExportPolicy } from './providers.js';
export { STORE_LOCATIONS, STORE_NAMES, storePath, type StoreLocation, type StorePath, type StoredCertificate } from './stores.js';
export type { KeyRecord } from './key-vault.js';
export { manufacturerId, type TpmInfo } from './tpm.js';
export { SYNC_SERVICE_ACCOUNT, INTERACTIVE_ADMIN, canUseKey, checkKeyAccess, grantKeyAccess, revokeKeyAccess } from './access.js';
export {
  newSelfSignedCertificate, importPfx, inspectPfx, importCertificate, exportPfx, exportPrivateKeyPem,
  exportCertificateDer, exportCertificatePem, removeCertificate, signWithKey, getPublicKey, certificatePublicKey,
  getTpmInfo, setTpmPresent, isTpmPresent, validateByocCertificate, byocViolationsOf,
  type NewCertificateOptions, type ImportPfxOptions, type ExportPfxOptions, type PublicKeyInfo,
} from './operations.js';
