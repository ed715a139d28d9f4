import { createHash, createHmac, createPrivateKey, createPublicKey, randomBytes, timingSafeEqual } from 'node:crypto';
import * as asn1js from 'asn1js';
import { CertificateFormatError, PfxFormatError, PfxPasswordError, PkiError } from './errors.js';
import {
  decode, der, explicit, explicitNode, implicitOctets, intNode, integer, isContext, items, octetNode, octets, oid, oidNode, seq, set, type Node,
} from './asn.js';
import { MAX_ITERATIONS, pbeDecrypt, pbeEncrypt, type PfxCipher } from './pbe.js';
import { KDF_ID, bmpPassword, pkcs12Kdf, type KdfHash } from './pkcs12-kdf.js';
import { parseCertificate, type CertificateInfo } from './certificate-info.js';
import { equalBytes, toBytes } from './bytes.js';

const CT_DATA = '1.2.840.113549.1.7.1';
const CT_ENCRYPTED = '1.2.840.113549.1.7.6';
const BAG = {
  key: '1.2.840.113549.1.12.10.1.1',
  shroudedKey: '1.2.840.113549.1.12.10.1.2',
  cert: '1.2.840.113549.1.12.10.1.3',
  safeContents: '1.2.840.113549.1.12.10.1.6',
};
const X509_CERT = '1.2.840.113549.1.9.22.1';
const ATTR = { friendlyName: '1.2.840.113549.1.9.20', localKeyId: '1.2.840.113549.1.9.21', msCsp: '1.3.6.1.4.1.311.17.1' };
const DIGESTS: Record<string, KdfHash> = {
  '1.3.14.3.2.26': 'sha1', '2.16.840.1.101.3.4.2.1': 'sha256', '2.16.840.1.101.3.4.2.2': 'sha384', '2.16.840.1.101.3.4.2.3': 'sha512',
};
const DIGEST_OID: Record<KdfHash, string> = { sha1: '1.3.14.3.2.26', sha256: '2.16.840.1.101.3.4.2.1', sha384: '2.16.840.1.101.3.4.2.2', sha512: '2.16.840.1.101.3.4.2.3' };

/** One certificate of a PFX, with its private key when the file holds the matching one. */
export interface PfxEntry {
  info: CertificateInfo;
  /** PKCS#8 DER of the matching private key (for the key vault; never shown to users). */
  pkcs8?: Uint8Array;
  friendlyName?: string;
  /** The CSP/KSP name Windows stored in the bag (1.3.6.1.4.1.311.17.1). */
  providerName?: string;
}

interface Bag { type: 'cert' | 'key'; data: Uint8Array; friendlyName?: string; localKeyId?: Uint8Array; providerName?: string }

/**
 * Read a PKCS#12 file: password MAC, PBES2 and the legacy PKCS#12 PBE schemes (3DES, RC2, RC4) that pkijs cannot decrypt.
 * Throws PfxPasswordError for a wrong password and PfxFormatError/CertificateFormatError for anything malformed.
 */
export function readPfx(data: Uint8Array | ArrayBuffer, password: string): PfxEntry[] {
  try {
    return readPfxUnchecked(toBytes(data), password);
  } catch (e) {
    if (e instanceof PkiError) throw e;
    throw new PfxFormatError((e as Error)?.message ?? String(e));
  }
}

/** Does this look like a PKCS#12 file (version 3, authSafe of type data)? Used to name the mistake, never throws. */
export function looksLikePfx(data: Uint8Array | ArrayBuffer): boolean {
  try {
    const top = items(decode(toBytes(data), 'The PFX'), 'The PFX', 2);
    return integer(top[0], 'The PFX version') === 3 && oid(items(top[1], 'The PFX authSafe', 2)[0], 'The PFX authSafe content type') === CT_DATA;
  } catch {
    return false;
  }
}

function readPfxUnchecked(bytes: Uint8Array, password: string): PfxEntry[] {
  const top = items(decode(bytes, 'The PFX'), 'The PFX', 2);
  const version = integer(top[0], 'The PFX version');
  if (version !== 3) throw new PfxFormatError(`the PFX version is ${version}, 3 expected`);
  const [ctOid, ctContent] = items(top[1], 'The PFX authSafe', 2);
  if (oid(ctOid, 'The PFX authSafe content type') !== CT_DATA) throw new PfxFormatError('only password-integrity PFX files (authSafe of type data) are supported');
  const authSafe = octets(explicit(ctContent, 0, 'The PFX authSafe content'), 'The PFX authSafe content');
  const hasMac = top[2] !== undefined;
  if (hasMac) verifyMac(top[2]!, authSafe, password);
  try {
    return pair(readBags(authSafe, password));
  } catch (e) {
    // Without a MAC, a wrong password can pass the padding check and only show up as garbage plaintext.
    if (!hasMac && e instanceof PfxFormatError) throw new PfxPasswordError();
    throw e;
  }
}

function readBags(authSafe: Uint8Array, password: string): Bag[] {
  const bags: Bag[] = [];
  for (const [i, ci] of items(decode(authSafe, 'The AuthenticatedSafe'), 'The AuthenticatedSafe').entries()) {
    const what = `AuthenticatedSafe item ${i}`;
    const [type, content] = items(ci, what, 2);
    const t = oid(type, `${what} content type`);
    if (t === CT_DATA) {
      collectBags(octets(explicit(content, 0, what), what), password, bags, 0);
    } else if (t === CT_ENCRYPTED) {
      const ed = items(explicit(content, 0, what), `${what} EncryptedData`, 2);
      const eci = items(ed[1], `${what} EncryptedContentInfo`, 3);
      const payload = eci[2];
      if (!isContext(payload, 0)) throw new PfxFormatError(`${what} has no encrypted content`);
      collectBags(pbeDecrypt(eci[1]!, password, octets(payload, `${what} encrypted content`), what), password, bags, 0);
    } else {
      throw new PfxFormatError(`${what} has the unsupported content type ${t} (certificate-protected PFX files are not supported)`);
    }
  }
  return bags;
}

function verifyMac(macData: Node, authSafe: Uint8Array, password: string): void {
  const m = items(macData, 'The PFX MAC data', 2);
  const [digestInfo, saltNode, iterNode] = m;
  const [alg, digestNode] = items(digestInfo, 'The PFX MAC DigestInfo', 2);
  const algOid = oid(items(alg, 'The PFX MAC algorithm', 1)[0], 'The PFX MAC algorithm');
  const hash = DIGESTS[algOid];
  if (!hash) throw new PfxFormatError(`the PFX MAC uses the unsupported digest ${algOid}`);
  const expected = octets(digestNode, 'The PFX MAC digest');
  const salt = octets(saltNode, 'The PFX MAC salt');
  const iterations = iterNode === undefined ? 1 : (integer(iterNode, 'The PFX MAC iterations', MAX_ITERATIONS) || 1);
  // An empty password may have been encoded as an empty BMPString or as no password at all; OpenSSL tries both.
  const candidates = password === '' ? [bmpPassword(''), new Uint8Array(0)] : [bmpPassword(password)];
  for (const pw of candidates) {
    const key = pkcs12Kdf(hash, pw, salt, KDF_ID.mac, iterations, hashLength(hash));
    const mac = createHmac(hash, key).update(authSafe).digest();
    if (mac.length === expected.length && timingSafeEqual(mac, expected)) return;
  }
  throw new PfxPasswordError();
}

function hashLength(h: KdfHash): number { return { sha1: 20, sha256: 32, sha384: 48, sha512: 64 }[h]; }

function collectBags(safeContents: Uint8Array, password: string, out: Bag[], depth: number): void {
  if (depth > 4) throw new PfxFormatError('SafeContents are nested too deeply');
  for (const [i, bag] of items(decode(safeContents, 'SafeContents'), 'SafeContents').entries()) {
    const what = `SafeBag ${i}`;
    const b = items(bag, what, 2);
    const bagId = oid(b[0], `${what} type`);
    const value = explicit(b[1], 0, `${what} value`);
    const attrs = bagAttributes(b[2], what);
    if (bagId === BAG.cert) {
      const [certId, certValue] = items(value, `${what} CertBag`, 2);
      if (oid(certId, `${what} CertBag type`) !== X509_CERT) continue; // SDSI certificates: nothing Windows uses
      out.push({ type: 'cert', data: octets(explicit(certValue, 0, `${what} CertBag value`), `${what} certificate`), ...attrs });
    } else if (bagId === BAG.shroudedKey) {
      const [alg, enc] = items(value, `${what} EncryptedPrivateKeyInfo`, 2);
      out.push({ type: 'key', data: pbeDecrypt(alg!, password, octets(enc, `${what} encrypted key`), what), ...attrs });
    } else if (bagId === BAG.key) {
      out.push({ type: 'key', data: der(value), ...attrs });
    } else if (bagId === BAG.safeContents) {
      collectBags(der(value), password, out, depth + 1);
    }
    // CRL and secret bags are ignored, as Import-PfxCertificate ignores them.
  }
}

function bagAttributes(node: Node | undefined, what: string): Pick<Bag, 'friendlyName' | 'localKeyId' | 'providerName'> {
  const out: Pick<Bag, 'friendlyName' | 'localKeyId' | 'providerName'> = {};
  if (node === undefined) return out;
  for (const attr of items(node, `${what} attributes`)) {
    const [type, values] = items(attr, `${what} attribute`, 2);
    const t = oid(type, `${what} attribute type`);
    const first = items(values, `${what} attribute values`)[0];
    if (!first) continue;
    if (t === ATTR.localKeyId) out.localKeyId = octets(first, `${what} localKeyID`);
    else if (t === ATTR.friendlyName || t === ATTR.msCsp) {
      const text = (first as unknown as { valueBlock: { value?: unknown } }).valueBlock.value;
      if (typeof text === 'string') out[t === ATTR.friendlyName ? 'friendlyName' : 'providerName'] = text;
    }
  }
  return out;
}

/** Attach each key to the certificate whose public key it matches (localKeyID is only a hint some tools leave out). */
function pair(bags: Bag[]): PfxEntry[] {
  const keys = bags.filter((b) => b.type === 'key').map((b) => ({ bag: b, spki: spkiOfPkcs8(b.data) }));
  const entries: PfxEntry[] = [];
  for (const c of bags.filter((b) => b.type === 'cert')) {
    let info: CertificateInfo;
    try {
      info = parseCertificate(c.data);
    } catch (e) {
      if (e instanceof CertificateFormatError) throw new PfxFormatError(`a certificate in the PFX is malformed (${e.message})`);
      throw e;
    }
    const key = keys.find((k) => equalBytes(k.spki, info.publicKeySpki));
    entries.push({
      info: { ...info, hasPrivateKey: !!key },
      ...(key ? { pkcs8: key.bag.data } : {}),
      ...(c.friendlyName ?? key?.bag.friendlyName ? { friendlyName: c.friendlyName ?? key?.bag.friendlyName } : {}),
      ...(key?.bag.providerName ? { providerName: key.bag.providerName } : {}),
    });
  }
  if (entries.length === 0) throw new PfxFormatError('the PFX contains no certificate');
  return entries;
}

function spkiOfPkcs8(pkcs8: Uint8Array): Uint8Array {
  try {
    const priv = createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
    return new Uint8Array(createPublicKey(priv).export({ format: 'der', type: 'spki' }));
  } catch (e) {
    throw new PfxFormatError(`a private key in the PFX cannot be read (${(e as Error).message})`);
  }
}

export interface PfxBuildOptions {
  /** End-entity certificate first, then any chain certificates. */
  certificates: Uint8Array[];
  /** PKCS#8 of the end-entity's key; omitted for a certificate-only PFX. */
  pkcs8?: Uint8Array;
  password: string;
  /** Export-PfxCertificate -CryptoAlgorithmOption; default AES256_SHA256 here (see docs/pki.md). */
  cipher?: PfxCipher;
  iterations?: number;
  friendlyName?: string;
  providerName?: string;
}

/** Write a PKCS#12 file that OpenSSL 3 and Windows read: shrouded key bag + encrypted cert bag + password MAC. */
export function buildPfx(opts: PfxBuildOptions): Uint8Array {
  const cipher = opts.cipher ?? 'AES256_SHA256';
  const iterations = opts.iterations ?? (cipher === 'AES256_SHA256' ? 2048 : 2000);
  if (opts.certificates.length === 0) throw new PfxFormatError('a PFX needs at least one certificate');
  // OpenSSL's choice: localKeyID = SHA-1 of the certificate.
  const localKeyId = new Uint8Array(createHash('sha1').update(opts.certificates[0]!).digest());
  const attrs = (withKeyId: boolean) => {
    const list: Node[] = [];
    if (opts.friendlyName) list.push(seq(oidNode(ATTR.friendlyName), set(new asn1js.BmpString({ value: opts.friendlyName }))));
    if (withKeyId) list.push(seq(oidNode(ATTR.localKeyId), set(octetNode(localKeyId))));
    return list;
  };
  const certBags = opts.certificates.map((c, i) => {
    const a = attrs(i === 0 && !!opts.pkcs8);
    return seq(oidNode(BAG.cert), explicitNode(0, seq(oidNode(X509_CERT), explicitNode(0, octetNode(c)))), ...(a.length ? [set(...a)] : []));
  });
  const encCerts = pbeEncrypt(cipher, opts.password, der(seq(...certBags)), iterations);
  const contents: Node[] = [
    seq(oidNode(CT_ENCRYPTED), explicitNode(0, seq(intNode(0), seq(oidNode(CT_DATA), encCerts.algorithm, implicitOctets(0, encCerts.data))))),
  ];
  if (opts.pkcs8) {
    const encKey = pbeEncrypt(cipher, opts.password, opts.pkcs8, iterations);
    const keyAttrs = attrs(true);
    if (opts.providerName) keyAttrs.push(seq(oidNode(ATTR.msCsp), set(new asn1js.BmpString({ value: opts.providerName }))));
    const keyBag = seq(oidNode(BAG.shroudedKey), explicitNode(0, seq(encKey.algorithm, octetNode(encKey.data))), set(...keyAttrs));
    contents.unshift(seq(oidNode(CT_DATA), explicitNode(0, octetNode(der(seq(keyBag))))));
  }
  const authSafe = der(seq(...contents));
  const macHash: KdfHash = cipher === 'AES256_SHA256' ? 'sha256' : 'sha1';
  const salt = new Uint8Array(randomBytes(cipher === 'AES256_SHA256' ? 16 : 8));
  const macKey = pkcs12Kdf(macHash, bmpPassword(opts.password), salt, KDF_ID.mac, iterations, hashLength(macHash));
  const mac = new Uint8Array(createHmac(macHash, macKey).update(authSafe).digest());
  return der(seq(
    intNode(3),
    seq(oidNode(CT_DATA), explicitNode(0, octetNode(authSafe))),
    seq(seq(seq(oidNode(DIGEST_OID[macHash]), new asn1js.Null()), octetNode(mac)), octetNode(salt), intNode(iterations)),
  ));
}
