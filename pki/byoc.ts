import { ByocValidationError, type ByocRule } from './errors.js';
import type { CertificateInfo } from './certificate-info.js';
import type { StoredCertificate } from './stores.js';
import { PLATFORM_KSP } from './providers.js';

export interface ByocViolation { rule: ByocRule; message: string }

/**
 * The documented Bring-Your-Own-Certificate requirements (authenticate-application-id, "Bring your own certificate"):
 * RSA, KeyLength 2048, SHA256, a private key marked non-exportable, stored in LOCAL_MACHINE, and valid now.
 * Returns every rule that fails, in that order.
 */
export function byocViolations(cert: CertificateInfo | StoredCertificate, now: Date): ByocViolation[] {
  const out: ByocViolation[] = [];
  const name = `The certificate '${cert.subject}' (thumbprint ${cert.thumbprint})`;
  const stored = 'storePath' in cert ? cert : undefined;
  if (cert.keyAlgorithm !== 'RSA') out.push({ rule: 'KeyAlgorithm', message: `${name} has a ${cert.keyAlgorithm} key; the supported configuration is KeyAlgorithm RSA.` });
  else if (cert.keyLength !== 2048) out.push({ rule: 'KeyLength', message: `${name} has a ${cert.keyLength}-bit key; the supported configuration is KeyLength 2048.` });
  if (cert.signatureAlgorithm !== 'sha256RSA') out.push({ rule: 'HashAlgorithm', message: `${name} is signed with ${cert.signatureAlgorithm}; the supported configuration is KeyHashAlgorithm SHA256 (sha256RSA).` });
  if (!cert.hasPrivateKey || !stored?.key) {
    out.push({ rule: 'PrivateKey', message: `${name} has no private key; the certificate must have a private key on this server.` });
  } else if (stored.key.exportPolicy !== 'NonExportable' && stored.key.provider !== PLATFORM_KSP) {
    out.push({ rule: 'NonExportable', message: `${name} has an exportable private key (KeyExportPolicy ${stored.key.exportPolicy}); the private key must be marked as nonexportable.` });
  }
  if (stored?.location !== 'LocalMachine') {
    out.push({ rule: 'StoreLocation', message: `${name} is ${stored ? `stored in ${stored.location}\\${stored.storeName}` : 'not in a certificate store'}; the certificate must be stored in the LOCAL_MACHINE store (Cert:\\LocalMachine\\My).` });
  }
  if (now.getTime() < cert.notBefore.getTime()) out.push({ rule: 'NotYetValid', message: `${name} is not valid before ${cert.notBefore.toISOString()}.` });
  if (now.getTime() > cert.notAfter.getTime()) out.push({ rule: 'Expired', message: `${name} expired on ${cert.notAfter.toISOString()}.` });
  return out;
}

/** Throw ByocValidationError for the first failing rule (its errorId names the rule). */
export function validateByoc(cert: CertificateInfo | StoredCertificate, now: Date): void {
  const [first] = byocViolations(cert, now);
  if (first) throw new ByocValidationError(first.rule, first.message);
}
