import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { b64url, isoSeconds } from './encoding.js';
import type { SigningKeyRecord } from './model.js';

/** The tenant's own token-signing key (RSA-2048), made once at seed time and published at jwks_uri. */
export function newSigningKey(now: Date): SigningKeyRecord {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  return {
    // Entra's kid looks like a base64url SHA-1; ours is the SHA-1 of the SPKI so it is stable for the key.
    kid: b64url(createHash('sha1').update(spki).digest()),
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    n: jwk.n,
    e: jwk.e,
    x5c: null,
    createdDateTime: isoSeconds(now),
  };
}

const keyCache = new Map<string, { priv: KeyObject; pub: KeyObject }>();

/** KeyObjects for a signing key, parsed once per process. */
export function signingKeyObjects(rec: SigningKeyRecord): { priv: KeyObject; pub: KeyObject } {
  let k = keyCache.get(rec.kid);
  if (!k) {
    const priv = createPrivateKey(rec.privateKeyPem);
    k = { priv, pub: createPublicKey(priv) };
    keyCache.set(rec.kid, k);
  }
  return k;
}

export function jwks(rec: SigningKeyRecord, issuer: string): unknown {
  const key: Record<string, unknown> = { kty: 'RSA', use: 'sig', kid: rec.kid, x5t: rec.kid, n: rec.n, e: rec.e, issuer };
  if (rec.x5c) key.x5c = [rec.x5c];
  return { keys: [key] };
}
