import { constants, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { b64url, fromB64url } from './encoding.js';

export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signingInput: Buffer;
  signature: Buffer;
}

const MAX_JWT = 64 * 1024;

function jsonObject(bytes: Buffer | undefined): Record<string, unknown> | undefined {
  if (!bytes) return undefined;
  try {
    const v: unknown = JSON.parse(bytes.toString('utf8'));
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch { return undefined; }
}

/** Split and decode a compact JWS; undefined for anything malformed (never throws). */
export function decodeJwt(token: string): DecodedJwt | undefined {
  if (typeof token !== 'string' || token.length > MAX_JWT) return undefined;
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const header = jsonObject(fromB64url(parts[0]));
  const payload = jsonObject(fromB64url(parts[1]));
  const signature = fromB64url(parts[2]);
  if (!header || !payload || !signature) return undefined;
  return { header, payload, signature, signingInput: Buffer.from(`${parts[0]}.${parts[1]}`, 'ascii') };
}

/** Verify RS256 or PS256 (salt = digest length, as jwa/msal-node produce it). Other algorithms fail. */
export function verifyJws(jwt: DecodedJwt, key: KeyObject): boolean {
  try {
    if (jwt.header.alg === 'RS256') return verify('sha256', jwt.signingInput, key, jwt.signature);
    if (jwt.header.alg === 'PS256') {
      return verify('sha256', jwt.signingInput, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST }, jwt.signature);
    }
    return false;
  } catch { return false; }
}

const spkiCache = new Map<string, KeyObject>();

/** A public key from base64 SPKI, cached (the token endpoint verifies with the same few keys all day). */
export function publicKeyFromSpki(spkiB64: string): KeyObject {
  let k = spkiCache.get(spkiB64);
  if (!k) {
    k = createPublicKey({ key: Buffer.from(spkiB64, 'base64'), format: 'der', type: 'spki' });
    if (spkiCache.size > 1000) spkiCache.clear();
    spkiCache.set(spkiB64, k);
  }
  return k;
}

export function signRs256(header: Record<string, unknown>, payload: Record<string, unknown>, key: KeyObject): string {
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  return `${input}.${b64url(sign('sha256', Buffer.from(input), key))}`;
}

/** Build a JWT whose signature comes from an external signer (a non-exportable key in the pki key provider). */
export async function signWith(header: Record<string, unknown>, payload: Record<string, unknown>, signer: (data: Uint8Array) => Promise<Uint8Array> | Uint8Array): Promise<string> {
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  return `${input}.${b64url(await signer(Buffer.from(input)))}`;
}
