import { createCipheriv, createDecipheriv, pbkdf2Sync, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import { PfxFormatError, PfxPasswordError } from './errors.js';
import { integer, items, octets, oid, oidNode, octetNode, intNode, seq, type Node } from './asn.js';
import { KDF_ID, bmpPassword, pkcs12Kdf } from './pkcs12-kdf.js';
import { rc2CbcDecrypt, rc2CbcEncrypt } from './rc2.js';

/** Iteration ceiling for any password-based scheme: stops a crafted file from spinning the CPU for minutes. */
export const MAX_ITERATIONS = 1_000_000;

export const PBE = {
  sha1Rc4_128: '1.2.840.113549.1.12.1.1',
  sha1Rc4_40: '1.2.840.113549.1.12.1.2',
  sha1TripleDes: '1.2.840.113549.1.12.1.3',
  sha1TwoKeyDes: '1.2.840.113549.1.12.1.4',
  sha1Rc2_128: '1.2.840.113549.1.12.1.5',
  sha1Rc2_40: '1.2.840.113549.1.12.1.6',
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
} as const;

const LEGACY: Record<string, { cipher: 'rc2' | 'rc4' | 'des-ede3-cbc' | 'des-ede-cbc'; keyLen: number; bits: number; iv: number }> = {
  [PBE.sha1Rc4_128]: { cipher: 'rc4', keyLen: 16, bits: 128, iv: 0 },
  [PBE.sha1Rc4_40]: { cipher: 'rc4', keyLen: 5, bits: 40, iv: 0 },
  [PBE.sha1TripleDes]: { cipher: 'des-ede3-cbc', keyLen: 24, bits: 192, iv: 8 },
  [PBE.sha1TwoKeyDes]: { cipher: 'des-ede-cbc', keyLen: 16, bits: 128, iv: 8 },
  [PBE.sha1Rc2_128]: { cipher: 'rc2', keyLen: 16, bits: 128, iv: 8 },
  [PBE.sha1Rc2_40]: { cipher: 'rc2', keyLen: 5, bits: 40, iv: 8 },
};

const PRF: Record<string, string> = {
  '1.2.840.113549.2.7': 'sha1', '1.2.840.113549.2.8': 'sha224', '1.2.840.113549.2.9': 'sha256',
  '1.2.840.113549.2.10': 'sha384', '1.2.840.113549.2.11': 'sha512',
};

const CIPHERS: Record<string, { name: string; keyLen: number }> = {
  '2.16.840.1.101.3.4.1.2': { name: 'aes-128-cbc', keyLen: 16 },
  '2.16.840.1.101.3.4.1.22': { name: 'aes-192-cbc', keyLen: 24 },
  '2.16.840.1.101.3.4.1.42': { name: 'aes-256-cbc', keyLen: 32 },
  '1.2.840.113549.3.7': { name: 'des-ede3-cbc', keyLen: 24 },
};

/** Decrypt data protected by a PKCS#12 PBE or PBES2 AlgorithmIdentifier. A wrong password surfaces as PfxPasswordError. */
export function pbeDecrypt(algorithm: Node, password: string, data: Uint8Array, what: string): Uint8Array {
  const [algOid, params] = items(algorithm, `${what} algorithm`, 1);
  const id = oid(algOid, `${what} algorithm`);
  const legacy = LEGACY[id];
  if (legacy) {
    const [saltNode, iterNode] = items(params, `${what} PBE parameters`, 2);
    const salt = octets(saltNode, `${what} PBE salt`);
    const iterations = integer(iterNode, `${what} PBE iterations`, MAX_ITERATIONS) || 1;
    const pw = bmpPassword(password);
    const key = pkcs12Kdf('sha1', pw, salt, KDF_ID.key, iterations, legacy.keyLen);
    const iv = legacy.iv ? pkcs12Kdf('sha1', pw, salt, KDF_ID.iv, iterations, legacy.iv) : new Uint8Array(0);
    const plain = legacyDecrypt(legacy.cipher, legacy.bits, key, iv, data);
    if (!plain) throw new PfxPasswordError();
    return plain;
  }
  if (id === PBE.pbes2) {
    const [kdf, scheme] = items(params, `${what} PBES2 parameters`, 2);
    const [kdfOid, kdfParams] = items(kdf, `${what} key derivation`, 2);
    if (oid(kdfOid, `${what} key derivation`) !== PBE.pbkdf2) throw new PfxFormatError(`${what} uses a key derivation other than PBKDF2`);
    const kp = items(kdfParams, `${what} PBKDF2 parameters`, 2);
    const salt = octets(kp[0], `${what} PBKDF2 salt`);
    const iterations = integer(kp[1], `${what} PBKDF2 iterations`, MAX_ITERATIONS) || 1;
    let prf = 'sha1';
    for (const extra of kp.slice(2)) {
      if (extra instanceof asn1js.Sequence) {
        const p = PRF[oid(items(extra, `${what} PRF`, 1)[0], `${what} PRF`)];
        if (!p) throw new PfxFormatError(`${what} uses an unsupported PBKDF2 PRF`);
        prf = p;
      }
    }
    const [cipherOid, ivNode] = items(scheme, `${what} encryption scheme`, 2);
    const cipherId = oid(cipherOid, `${what} encryption scheme`);
    const cipher = CIPHERS[cipherId];
    if (!cipher) throw new PfxFormatError(`${what} uses the unsupported cipher ${cipherId}`);
    const iv = octets(ivNode, `${what} IV`);
    if (iv.length !== (cipher.name.startsWith('aes') ? 16 : 8)) throw new PfxFormatError(`${what} has an IV of the wrong length`);
    const key = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, cipher.keyLen, prf);
    const plain = nodeDecrypt(cipher.name, key, iv, data);
    if (!plain) throw new PfxPasswordError();
    return plain;
  }
  throw new PfxFormatError(`${what} uses the unsupported encryption algorithm ${id}`);
}

function nodeDecrypt(name: string, key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array | undefined {
  try {
    const d = createDecipheriv(name, key, iv);
    return new Uint8Array(Buffer.concat([d.update(data), d.final()]));
  } catch {
    return undefined;
  }
}

function legacyDecrypt(cipher: string, bits: number, key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array | undefined {
  if (cipher === 'rc2') return rc2CbcDecrypt(key, bits, iv, data);
  if (cipher === 'rc4') return rc4(key, data);
  return nodeDecrypt(cipher, key, iv, data);
}

/** RC4 is a stream cipher: there is no padding to tell a wrong password, the MAC does that. */
function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const S = new Uint8Array(256);
  for (let i = 0; i < 256; i++) S[i] = i;
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + S[i]! + key[i % key.length]!) & 0xff;
    [S[i], S[j]] = [S[j]!, S[i]!];
  }
  const out = new Uint8Array(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 0xff;
    j = (j + S[i]!) & 0xff;
    [S[i], S[j]] = [S[j]!, S[i]!];
    out[n] = data[n]! ^ S[(S[i]! + S[j]!) & 0xff]!;
  }
  return out;
}

export type PfxCipher = 'AES256_SHA256' | 'TripleDES_SHA1';

/** Encrypt for a PFX: PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC) or pbeWithSHAAnd3-KeyTripleDES-CBC. */
export function pbeEncrypt(cipher: PfxCipher, password: string, data: Uint8Array, iterations: number): { algorithm: Node; data: Uint8Array } {
  const salt = new Uint8Array(randomBytes(cipher === 'AES256_SHA256' ? 16 : 8));
  if (cipher === 'TripleDES_SHA1') {
    const pw = bmpPassword(password);
    const key = pkcs12Kdf('sha1', pw, salt, KDF_ID.key, iterations, 24);
    const iv = pkcs12Kdf('sha1', pw, salt, KDF_ID.iv, iterations, 8);
    const c = createCipheriv('des-ede3-cbc', key, iv);
    return { algorithm: seq(oidNode(PBE.sha1TripleDes), seq(octetNode(salt), intNode(iterations))), data: new Uint8Array(Buffer.concat([c.update(data), c.final()])) };
  }
  const iv = new Uint8Array(randomBytes(16));
  const key = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, 32, 'sha256');
  const c = createCipheriv('aes-256-cbc', key, iv);
  const algorithm = seq(oidNode(PBE.pbes2), seq(
    seq(oidNode(PBE.pbkdf2), seq(octetNode(salt), intNode(iterations), seq(oidNode('1.2.840.113549.2.9'), new asn1js.Null()))),
    seq(oidNode('2.16.840.1.101.3.4.1.42'), octetNode(iv)),
  ));
  return { algorithm, data: new Uint8Array(Buffer.concat([c.update(data), c.final()])) };
}

/** Test hook: RC2 encryption for building legacy fixtures without openssl's legacy provider. */
export { rc2CbcEncrypt };
