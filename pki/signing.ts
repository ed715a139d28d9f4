import { constants, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { InvalidArgumentError, UnsupportedKeyError } from './errors.js';

/** JWS algorithm names (RFC 7518) we sign with; client assertions use RS256 or PS256. */
export type SignatureAlgorithm = 'RS256' | 'RS384' | 'RS512' | 'PS256' | 'PS384' | 'PS512' | 'ES256' | 'ES384';

interface Params { hash: string; kind: 'rsa' | 'pss' | 'ec'; saltLength?: number }

function params(alg: string): Params {
  const m = /^(RS|PS|ES)(256|384|512)$/.exec(alg);
  if (!m || alg === 'ES512') throw new InvalidArgumentError('InvalidSignatureAlgorithm', `The signature algorithm '${alg}' is not supported. Use RS256, PS256 (salt length 32), RS384, RS512, PS384, PS512, ES256 or ES384.`);
  const bits = Number(m[2]);
  const kind = m[1] === 'RS' ? 'rsa' : m[1] === 'PS' ? 'pss' : 'ec';
  return { hash: `sha${bits}`, kind, ...(kind === 'pss' ? { saltLength: bits / 8 } : {}) };
}

function keyOptions(key: KeyObject, p: Params) {
  const type = key.asymmetricKeyType;
  if ((p.kind === 'ec') !== (type === 'ec')) throw new UnsupportedKeyError(`A ${type?.toUpperCase()} key cannot make a ${p.kind === 'ec' ? 'ECDSA' : 'RSA'} signature.`);
  if (p.kind === 'rsa') return { key, padding: constants.RSA_PKCS1_PADDING };
  if (p.kind === 'pss') return { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: p.saltLength! };
  return { key, dsaEncoding: 'ieee-p1363' as const };
}

/** Sign data; ECDSA signatures are raw r||s as JWS wants. */
export function signData(key: KeyObject, data: Uint8Array, alg: SignatureAlgorithm): Uint8Array {
  const p = params(alg);
  return new Uint8Array(sign(p.hash, data, keyOptions(key, p)));
}

/** Verify with a public key given as KeyObject, SPKI DER, or PEM. False (not an exception) for a bad signature. */
export function verifySignature(publicKey: KeyObject | Uint8Array | string, data: Uint8Array, signature: Uint8Array, alg: SignatureAlgorithm): boolean {
  const p = params(alg);
  let key: KeyObject;
  try {
    key = typeof publicKey === 'string' ? createPublicKey(publicKey)
      : publicKey instanceof Uint8Array ? createPublicKey({ key: Buffer.from(publicKey), format: 'der', type: 'spki' })
      : publicKey;
  } catch (e) {
    throw new UnsupportedKeyError(`The public key cannot be read (${(e as Error).message}).`);
  }
  // A key of the other type (an EC key with RS256…) is a failed verification, as a JWT validator would treat it.
  try {
    return verify(p.hash, data, keyOptions(key, p), signature);
  } catch {
    return false;
  }
}
