import { CertificateRejectedError } from './errors.js';
import type { CertificateInfo } from './certificate-info.js';

/**
 * What every certificate must meet to enter one of the emulator's stores (Import-Certificate, Import-PfxCertificate).
 * Windows would import these; the emulator's stores hold Microsoft Entra Connect Sync credentials, so it refuses at
 * import what Connect Sync would refuse later, with the documented rule in the message
 * (seed 001: "KeyLength: 2048, KeyAlgorithm: RSA, KeyHashAlgorithm: SHA256"). Longer RSA keys are accepted here —
 * New-SelfSignedCertificate makes them too — the exact-2048 rule is checked where a certificate is registered.
 * Not-yet-valid certificates pass: files made with the real clock often start after the emulator's virtual now.
 */
const SUPPORTED = 'the supported configuration is KeyAlgorithm RSA, KeyLength 2048, KeyHashAlgorithm SHA256';
const NOT_IMPORTED = 'The certificate was not imported.';

export function importRejection(info: CertificateInfo, now: Date): CertificateRejectedError | undefined {
  const who = `'${info.subject || info.thumbprint}' (thumbprint ${info.thumbprint})`;
  if (info.keyAlgorithm !== 'RSA') {
    const what = `${info.keyAlgorithm}${info.keyLength ? ` ${info.keyLength}-bit` : ''} key${info.namedCurve ? ` (curve ${info.namedCurve})` : ''}`;
    return new CertificateRejectedError('KeyAlgorithm', 'CertificateKeyAlgorithmNotSupported',
      `The certificate ${who} has ${/^[AEIOU]/i.test(what) ? 'an' : 'a'} ${what}; Microsoft Entra Connect Sync requires an RSA key (${SUPPORTED}). ${NOT_IMPORTED}`);
  }
  if (info.keyLength < 2048) {
    return new CertificateRejectedError('KeyLength', 'CertificateKeyTooShort',
      `The certificate ${who} has an RSA ${info.keyLength}-bit key; Microsoft Entra Connect Sync requires RSA 2048 bits or more (${SUPPORTED}). ${NOT_IMPORTED}`);
  }
  if (now.getTime() > info.notAfter.getTime()) {
    return new CertificateRejectedError('Expired', 'CertificateExpired',
      `The certificate ${who} expired on ${info.notAfter.toISOString()} (now is ${now.toISOString()}); Microsoft Entra Connect Sync requires a certificate that is currently valid. ${NOT_IMPORTED}`);
  }
  return undefined;
}

/** Throw the first rule a certificate of the input breaks; nothing has been written yet when it throws. */
export function checkImportable(infos: readonly CertificateInfo[], now: Date): void {
  for (const info of infos) {
    const err = importRejection(info, now);
    if (err) throw err;
  }
}

/** Import-PfxCertificate given something that holds no private key (a .cer, or a PFX made with -nokeys). */
export function privateKeyMissing(info: CertificateInfo, kind: 'certificate' | 'pfx'): CertificateRejectedError {
  const who = `'${info.subject || info.thumbprint}' (thumbprint ${info.thumbprint})`;
  const what = kind === 'certificate'
    ? `The data is a certificate file, not a PFX file: the certificate ${who} comes without a private key`
    : `The PFX file contains no private key (certificate ${who})`;
  return new CertificateRejectedError('PrivateKey', 'PrivateKeyMissing',
    `${what}. Import-PfxCertificate imports a certificate with its private key, which Microsoft Entra Connect Sync needs to sign with; export the certificate with its private key (a .pfx), or use Import-Certificate for a certificate alone. Nothing was imported.`);
}
