import { generateKeyPair as nodeGenerateKeyPair, type KeyObject } from 'node:crypto';
import { UnsupportedKeyError } from './errors.js';
import { generateRsaKeyPair } from './rsa-primes.js';

/** New-SelfSignedCertificate -KeyAlgorithm values we implement. */
export type KeyAlgorithmName = 'RSA' | 'ECDSA_nistP256' | 'ECDSA_nistP384' | 'ECDSA_nistP521';

export interface KeyPair { privateKey: KeyObject; publicKey: KeyObject }

const CURVES: Record<string, string> = { ECDSA_NISTP256: 'prime256v1', ECDSA_NISTP384: 'secp384r1', ECDSA_NISTP521: 'secp521r1' };

/** Normalise -KeyAlgorithm text (case-insensitive as PowerShell enums are). */
export function keyAlgorithmName(text: string | undefined): KeyAlgorithmName {
  const t = (text ?? 'RSA').toUpperCase();
  if (t === 'RSA') return 'RSA';
  const curve = CURVES[t];
  if (curve) return (`ECDSA_nistP${t.slice(-3)}`) as KeyAlgorithmName;
  throw new UnsupportedKeyError(`The key algorithm '${text}' is not supported. Use RSA or ECDSA_nistP256, ECDSA_nistP384, ECDSA_nistP521.`);
}

/** RSA sizes the Software KSP accepts: 512..16384 bits in 64-bit steps. */
export function checkRsaKeyLength(bits: number): void {
  if (!Number.isInteger(bits) || bits < 512 || bits > 16384 || bits % 64 !== 0) {
    throw new UnsupportedKeyError(`The key length ${bits} is not supported for RSA. Valid lengths are 512 to 16384 bits in increments of 64 (2048 is the default).`);
  }
}

/**
 * Generate a key pair on OpenSSL's thread pool (node:crypto), so it does not block the event loop.
 * RSA keys come from rsa-primes.ts (p and q searched at the same time: about half the time of one generateKeyPair call);
 * EC keys from OpenSSL directly.
 */
export function generateKeyPair(algorithm: KeyAlgorithmName = 'RSA', keyLength = 2048): Promise<KeyPair> {
  if (algorithm === 'RSA') {
    try { checkRsaKeyLength(keyLength); } catch (e) { return Promise.reject(e); }
    return generateRsaKeyPair(keyLength);
  }
  return new Promise((resolve, reject) => {
    nodeGenerateKeyPair('ec', { namedCurve: CURVES[algorithm.toUpperCase()]! },
      (err: Error | null, publicKey: KeyObject, privateKey: KeyObject) => (err ? reject(err) : resolve({ publicKey, privateKey })));
  });
}
