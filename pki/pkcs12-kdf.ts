import { createHash } from 'node:crypto';

export type KdfHash = 'sha1' | 'sha256' | 'sha384' | 'sha512';

const BLOCK: Record<KdfHash, number> = { sha1: 64, sha256: 64, sha384: 128, sha512: 128 };

/** PKCS#12 passwords are BMPString (UTF-16BE) with a two-byte NUL terminator (RFC 7292 B.1). */
export function bmpPassword(password: string): Uint8Array {
  const out = new Uint8Array(password.length * 2 + 2);
  for (let i = 0; i < password.length; i++) {
    const c = password.charCodeAt(i);
    out[2 * i] = c >> 8;
    out[2 * i + 1] = c & 0xff;
  }
  return out;
}

export const KDF_ID = { key: 1, iv: 2, mac: 3 } as const;

/**
 * RFC 7292 Appendix B.2 key derivation. Node's OpenSSL does not expose it (and its legacy ciphers need the
 * legacy provider), so the legacy PKCS#12 PBE schemes and the PFX MAC derive their keys here.
 */
export function pkcs12Kdf(hash: KdfHash, password: Uint8Array, salt: Uint8Array, id: number, iterations: number, length: number): Uint8Array {
  const v = BLOCK[hash];
  const D = new Uint8Array(v).fill(id);
  const fill = (src: Uint8Array) => {
    const len = src.length === 0 ? 0 : v * Math.ceil(src.length / v);
    const out = new Uint8Array(len);
    for (let i = 0; i < len; i++) out[i] = src[i % src.length]!;
    return out;
  };
  const I = new Uint8Array([...fill(salt), ...fill(password)]);
  const out = new Uint8Array(length);
  let produced = 0;
  while (produced < length) {
    let A = createHash(hash).update(D).update(I).digest();
    for (let r = 1; r < iterations; r++) A = createHash(hash).update(A).digest();
    out.set(A.subarray(0, Math.min(A.length, length - produced)), produced);
    produced += A.length;
    if (produced >= length) break;
    const B = new Uint8Array(v);
    for (let i = 0; i < v; i++) B[i] = A[i % A.length]!;
    // I_j = (I_j + B + 1) mod 2^(8v), big-endian, for each v-byte block.
    for (let j = 0; j < I.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = I[j + k]! + B[k]! + carry;
        I[j + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return out;
}
