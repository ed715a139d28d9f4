import { InvalidArgumentError, TpmUnavailableError, UnsupportedKeyError } from './errors.js';
import type { KeyAlgorithmName } from './keygen.js';

export const SOFTWARE_KSP = 'Microsoft Software Key Storage Provider';
export const PLATFORM_KSP = 'Microsoft Platform Crypto Provider';
export type ProviderName = typeof SOFTWARE_KSP | typeof PLATFORM_KSP;

/** -KeyExportPolicy values (Microsoft.CertificateServices.Commands.KeyExportPolicy). */
export type KeyExportPolicy = 'NonExportable' | 'ExportableEncrypted' | 'Exportable';

/** Provider names match case-insensitively, as CNG's NCryptOpenStorageProvider does. */
export function providerName(text: string | undefined): ProviderName {
  const t = (text ?? SOFTWARE_KSP).trim().toLowerCase();
  if (t === SOFTWARE_KSP.toLowerCase()) return SOFTWARE_KSP;
  if (t === PLATFORM_KSP.toLowerCase() || t === 'microsoft platform crypto key storage provider') return PLATFORM_KSP;
  throw new InvalidArgumentError('ProviderNotFound',
    `The key storage provider '${text}' is not available on this computer. Available providers: '${SOFTWARE_KSP}', '${PLATFORM_KSP}'.`);
}

export function exportPolicy(text: string | undefined): KeyExportPolicy {
  const t = (text ?? 'ExportableEncrypted').toLowerCase();
  if (t === 'nonexportable') return 'NonExportable';
  if (t === 'exportable') return 'Exportable';
  if (t === 'exportableencrypted') return 'ExportableEncrypted';
  throw new InvalidArgumentError('InvalidKeyExportPolicy', `Cannot convert value "${text}" to type "Microsoft.CertificateServices.Commands.KeyExportPolicy". Valid values: NonExportable, ExportableEncrypted, Exportable.`);
}

export const NTE_DEVICE_NOT_READY = 'The device that is required by this cryptographic provider is not ready for use. 0x80090030 (-2146893776 NTE_DEVICE_NOT_READY)';
const NTE_NOT_SUPPORTED = 'The requested operation is not supported. 0x80090029 (-2146893783 NTE_NOT_SUPPORTED)';

/**
 * What the provider accepts before any key is generated. The TPM provider needs a present TPM, never allows
 * export, and (like common TPM 2.0 parts) holds RSA 1024/2048 and NIST P-256/P-384 keys only.
 */
export function checkProviderRequest(provider: ProviderName, policy: KeyExportPolicy, algorithm: KeyAlgorithmName, keyLength: number, tpmPresent: boolean): void {
  if (provider !== PLATFORM_KSP) return;
  if (!tpmPresent) throw new TpmUnavailableError(`CertEnroll::CX509PrivateKey::Create: ${NTE_DEVICE_NOT_READY}`);
  if (policy !== 'NonExportable') {
    throw new UnsupportedKeyError(`CertEnroll::CX509PrivateKey::put_ExportPolicy: ${NTE_NOT_SUPPORTED} The '${PLATFORM_KSP}' does not allow key export; specify -KeyExportPolicy NonExportable.`);
  }
  if (algorithm === 'RSA' ? keyLength !== 2048 && keyLength !== 1024 : algorithm === 'ECDSA_nistP521') {
    throw new UnsupportedKeyError(`CertEnroll::CX509PrivateKey::Create: ${NTE_NOT_SUPPORTED} The TPM supports RSA 1024/2048 and ECDSA_nistP256/ECDSA_nistP384 keys.`);
  }
}
