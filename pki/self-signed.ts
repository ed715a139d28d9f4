import { createHash, createPrivateKey, createPublicKey, randomBytes, sign as nodeSign, type KeyObject } from 'node:crypto';
import type { Clock } from '../state/index.js';
import { InvalidArgumentError, UnsupportedKeyError } from './errors.js';
import { encodeSubject } from './subject.js';
import { OID } from './oids.js';
import type { CertificateInfo } from './certificate-info.js';
import { generateKeyPair, keyAlgorithmName, type KeyAlgorithmName, type KeyPair } from './keygen.js';
import {
  bits, boolTrue, bytesOf, children, context, contentOf, integerBytes, nullValue, octets, oid as derOid, readTlv, seq,
  smallInteger, time, tlv,
} from './der.js';

export type HashAlgorithmName = 'SHA1' | 'SHA256' | 'SHA384' | 'SHA512';

/** -KeyUsage flag names (Microsoft.CertificateServices.Commands.KeyUsage); 'None' omits the extension. */
export type KeyUsageName = 'None' | 'EncipherOnly' | 'CRLSign' | 'CertSign' | 'KeyAgreement' | 'DataEncipherment'
  | 'KeyEncipherment' | 'NonRepudiation' | 'DigitalSignature' | 'DecipherOnly';

const KEY_USAGE_BIT: Record<string, number> = {
  DIGITALSIGNATURE: 0, NONREPUDIATION: 1, KEYENCIPHERMENT: 2, DATAENCIPHERMENT: 3, KEYAGREEMENT: 4,
  CERTSIGN: 5, CRLSIGN: 6, ENCIPHERONLY: 7, DECIPHERONLY: 8,
};

export interface SelfSignedOptions {
  /** 'CN=…' (or a bare name, which gets 'CN='). Defaults to the first DNS name. */
  subject?: string;
  dnsNames?: string[];
  keyAlgorithm?: KeyAlgorithmName | string;
  /** RSA modulus bits, default 2048. */
  keyLength?: number;
  hashAlgorithm?: HashAlgorithmName | string;
  /** Defaults: clock.now() − 10 min and clock.now() + 1 year + 10 min (as New-SelfSignedCertificate does). */
  notBefore?: Date;
  notAfter?: Date;
  clock?: Clock;
  /** Hex serial; default 16 random bytes, positive. */
  serialNumber?: string;
  /** Default DigitalSignature, KeyEncipherment. */
  keyUsage?: KeyUsageName[] | string[];
  /** EKU OIDs; default Client Authentication, Server Authentication. An empty list omits the extension. */
  enhancedKeyUsages?: string[];
  /** Windows omits Basic Constraints by default; a CA certificate (e.g. the tenant's served CA) sets it. */
  basicConstraints?: { ca: boolean; pathLength?: number; critical?: boolean };
  /** Use this key instead of generating one (-ExistingKey, tests). */
  keyPair?: KeyPair;
  /** Further extensions as DER values (-TextExtension with hex/Base64 values), appended after the defaults. */
  customExtensions?: { oid: string; critical?: boolean; value: Uint8Array }[];
  /** Sign with this issuer instead of self-signing (a leaf under a local CA). */
  signer?: { certificateDer: Uint8Array; privateKey: KeyObject };
}

/** A certificate just built: its DER and key, without the CertificateInfo description (which needs pkijs). */
export interface BuiltCertificate {
  der: Uint8Array;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** PKCS#8 DER of the private key: for the key vault only, never hand it to a user-facing path. */
  pkcs8: Uint8Array;
}

export interface CreatedCertificate extends BuiltCertificate {
  info: CertificateInfo;
}

const TEN_MINUTES = 10 * 60 * 1000;

/**
 * An X.509 v3 certificate with Windows' New-SelfSignedCertificate defaults, described as X509Certificate2 presents it.
 * The description parses the DER with pkijs (loaded on first use, so building and key generation can overlap it).
 */
export async function createSelfSignedCertificate(opts: SelfSignedOptions = {}): Promise<CreatedCertificate> {
  const describe = import('./certificate-info.js');
  const built = await buildSelfSignedCertificate(opts);
  const { parseCertificate } = await describe;
  return { ...built, info: { ...parseCertificate(built.der), hasPrivateKey: true } };
}

/**
 * The certificate's DER and key (the same certificate createSelfSignedCertificate returns), encoded with der.ts and
 * signed by node:crypto: nothing here loads pkijs or asn1js, so a process that only makes a key and a certificate
 * starts as fast as node itself (docs/pki.md, Benchmark).
 */
export async function buildSelfSignedCertificate(opts: SelfSignedOptions = {}): Promise<BuiltCertificate> {
  const algorithm = keyAlgorithmName(opts.keyAlgorithm);
  const hash = hashName(opts.hashAlgorithm);
  const keyUsageBits = keyUsageBitString(opts.keyUsage);
  const subjectText = opts.subject ?? (opts.dnsNames?.[0] ? `CN=${opts.dnsNames[0]}` : undefined);
  if (!subjectText) throw new InvalidArgumentError('SubjectRequired', 'A subject or at least one DNS name is required.');
  const subject = new Uint8Array(encodeSubject(subjectText).der);
  const { notBefore, notAfter } = validity(opts);
  const serial = serialBytes(opts.serialNumber);
  const extensionInputs = checkedCustomExtensions(opts.customExtensions);
  const issuer = opts.signer ? issuerFacts(opts.signer.certificateDer) : undefined;
  const keyPair = opts.keyPair ?? await generateKeyPair(algorithm, opts.keyLength ?? 2048);
  const keyType = keyPair.privateKey.asymmetricKeyType;
  if (keyType !== 'rsa' && keyType !== 'ec') throw new UnsupportedKeyError(`The key type '${keyType}' is not supported.`);

  const spki = new Uint8Array(keyPair.publicKey.export({ format: 'der', type: 'spki' }));
  const [, keyBits] = children(spki, readTlv(spki));
  // RFC 5280 method 1: SHA-1 of the subjectPublicKey BIT STRING's value (without the unused-bits octet).
  const ski = createHash('sha1').update(contentOf(spki, keyBits!).subarray(1)).digest();
  const signingKey = opts.signer?.privateKey ?? keyPair.privateKey;
  const sigAlg = signatureAlgorithm(signingKey, hash);
  const tbs = seq(
    context(0, true, smallInteger(2)), // v3
    integerBytes(serial),
    sigAlg,
    issuer?.subject ?? subject,
    seq(time(notBefore), time(notAfter)),
    subject,
    spki,
    context(3, true, seq(...extensions(opts, keyUsageBits, new Uint8Array(ski), extensionInputs, issuer?.ski))),
  );
  const signature = nodeSign(hash.replace('SHA', 'sha'), tbs, signingKey.asymmetricKeyType === 'ec' ? { key: signingKey, dsaEncoding: 'der' } : signingKey);
  const der = seq(tbs, sigAlg, bits(new Uint8Array(signature)));
  const pkcs8 = new Uint8Array(keyPair.privateKey.export({ format: 'der', type: 'pkcs8' }));
  return { der, privateKey: keyPair.privateKey, publicKey: keyPair.publicKey, pkcs8 };
}

/** The issuing certificate's subject Name (DER, as is) and Subject Key Identifier, for a certificate it signs. */
function issuerFacts(certificateDer: Uint8Array): { subject: Uint8Array; ski?: Uint8Array } {
  try {
    const b = certificateDer;
    const [tbsTlv] = children(b, readTlv(b));
    const fields = children(b, tbsTlv!);
    const base = fields[0]!.tag === 0xa0 ? 1 : 0;
    const subject = bytesOf(b, fields[base + 4]!);
    const extsField = fields.find((f) => f.tag === 0xa3);
    let ski: Uint8Array | undefined;
    if (extsField) {
      const [list] = children(b, extsField);
      const skiOid = derOid(OID.subjectKeyIdentifier);
      for (const ext of children(b, list!)) {
        const parts = children(b, ext);
        if (Buffer.compare(bytesOf(b, parts[0]!), skiOid) !== 0) continue;
        const value = contentOf(b, parts[parts.length - 1]!);
        const inner = readTlv(value);
        if (inner.tag === 0x04) ski = contentOf(value, inner);
      }
    }
    return ski ? { subject, ski } : { subject };
  } catch (e) {
    throw new InvalidArgumentError('InvalidSigner', `The signer certificate cannot be read (${(e as Error).message}).`);
  }
}

/** -TextExtension values: each must be one DER element with a dotted OID; checked before any key is made. */
function checkedCustomExtensions(list: SelfSignedOptions['customExtensions']): { oid: string; critical: boolean; value: Uint8Array }[] {
  const out: { oid: string; critical: boolean; value: Uint8Array }[] = [];
  for (const x of list ?? []) {
    if (!/^\d+(\.\d+)+$/.test(x.oid)) throw new InvalidArgumentError('InvalidExtension', `'${x.oid}' is not an object identifier.`);
    let whole = false;
    try { whole = readTlv(x.value).end === x.value.length; } catch { whole = false; }
    if (!whole) throw new InvalidArgumentError('InvalidExtension', `The value of extension ${x.oid} is not one DER-encoded ASN.1 element.`);
    out.push({ oid: x.oid, critical: x.critical ?? false, value: x.value });
  }
  return out;
}

export function hashName(text: string | undefined): HashAlgorithmName {
  const t = (text ?? 'SHA256').toUpperCase().replace('-', '');
  if (t === 'SHA1' || t === 'SHA256' || t === 'SHA384' || t === 'SHA512') return t;
  throw new UnsupportedKeyError(`The hash algorithm '${text}' is not supported. Use SHA256, SHA384, SHA512 or SHA1.`);
}

function validity(opts: SelfSignedOptions): { notBefore: Date; notAfter: Date } {
  const need = !opts.notBefore || !opts.notAfter;
  if (need && !opts.clock) throw new InvalidArgumentError('ClockRequired', 'A clock is required to compute the default validity period.');
  const now = need ? opts.clock!.now().getTime() : 0;
  const notBefore = wholeSeconds(opts.notBefore ?? new Date(now - TEN_MINUTES));
  let notAfter = opts.notAfter;
  if (!notAfter) {
    const d = new Date(now);
    d.setUTCFullYear(d.getUTCFullYear() + 1);
    notAfter = new Date(d.getTime() + TEN_MINUTES);
  }
  notAfter = wholeSeconds(notAfter);
  if (Number.isNaN(notBefore.getTime()) || Number.isNaN(notAfter.getTime())) throw new InvalidArgumentError('InvalidValidity', 'NotBefore and NotAfter must be valid dates.');
  if (notAfter.getTime() <= notBefore.getTime()) {
    throw new InvalidArgumentError('InvalidValidity', `NotAfter (${notAfter.toISOString()}) must be later than NotBefore (${notBefore.toISOString()}).`);
  }
  return { notBefore, notAfter };
}

function wholeSeconds(d: Date): Date { return new Date(Math.floor(d.getTime() / 1000) * 1000); }

function serialBytes(hex: string | undefined): Uint8Array {
  if (hex !== undefined) {
    const clean = hex.replace(/[\s:]/g, '');
    if (!/^[0-9a-fA-F]+$/.test(clean) || clean.length > 40) throw new InvalidArgumentError('InvalidSerialNumber', `The serial number '${hex}' is not a hex string of at most 20 bytes.`);
    let bytes = new Uint8Array(Buffer.from(clean.length % 2 ? `0${clean}` : clean, 'hex'));
    while (bytes.length > 1 && bytes[0] === 0 && bytes[1]! < 0x80) bytes = bytes.subarray(1);
    if (bytes[0]! >= 0x80) bytes = Uint8Array.of(0, ...bytes);
    return bytes;
  }
  // 16 random bytes with the top bit clear (positive, stays 16 bytes) and a non-zero first byte (minimal DER).
  const b = new Uint8Array(randomBytes(16));
  b[0] = (b[0]! & 0x7f) || 0x01;
  return b;
}

function keyUsageBitString(names: string[] | undefined): Uint8Array | undefined {
  const list = names ?? ['DigitalSignature', 'KeyEncipherment'];
  if (list.length === 0 || list.some((n) => n.toUpperCase() === 'NONE')) return undefined;
  let mask = 0;
  for (const n of list) {
    const bit = KEY_USAGE_BIT[n.toUpperCase()];
    if (bit === undefined) throw new InvalidArgumentError('InvalidKeyUsage', `'${n}' is not a valid KeyUsage value. Valid values: None, EncipherOnly, CRLSign, CertSign, KeyAgreement, DataEncipherment, KeyEncipherment, NonRepudiation, DigitalSignature, DecipherOnly.`);
    mask |= 1 << bit;
  }
  return Uint8Array.from([mask & 0xff, (mask >> 8) & 0xff]);
}

/** DER BIT STRING for key usage: minimal length, unused bits counted from the lowest set bit. */
function keyUsageValue(usage: Uint8Array): Uint8Array {
  // bits[0]: bit n of mask = usage n; the BIT STRING puts usage 0 in the top bit of the first byte.
  const mask = usage[0]! | (usage[1]! << 8);
  const bytes: number[] = [];
  let last = -1;
  for (let i = 0; i < 9; i++) if (mask & (1 << i)) last = i;
  const nBytes = (last >> 3) + 1;
  for (let i = 0; i < nBytes; i++) bytes.push(0);
  for (let i = 0; i <= last; i++) if (mask & (1 << i)) bytes[i >> 3]! |= 0x80 >> (i & 7);
  const unused = nBytes * 8 - (last + 1);
  return bits(Uint8Array.from(bytes), unused);
}

function extension(id: string, critical: boolean, value: Uint8Array): Uint8Array {
  return critical ? seq(derOid(id), boolTrue(), octets(value)) : seq(derOid(id), octets(value));
}

function extensions(opts: SelfSignedOptions, ku: Uint8Array | undefined, ski: Uint8Array,
  custom: { oid: string; critical: boolean; value: Uint8Array }[], issuerSki?: Uint8Array): Uint8Array[] {
  const out: { id: string; der: Uint8Array }[] = [];
  const add = (id: string, critical: boolean, value: Uint8Array) => out.push({ id, der: extension(id, critical, value) });
  if (opts.basicConstraints) {
    const { ca, pathLength } = opts.basicConstraints;
    // DER omits cA when FALSE (its default).
    add(OID.basicConstraints, opts.basicConstraints.critical ?? true, seq(...(ca ? [boolTrue()] : []), ...(pathLength !== undefined ? [smallInteger(pathLength)] : [])));
  }
  if (ku) add(OID.keyUsage, true, keyUsageValue(ku));
  const ekus = opts.enhancedKeyUsages ?? [OID.clientAuth, OID.serverAuth];
  if (ekus.length > 0) add(OID.extKeyUsage, false, seq(...ekus.map((e) => derOid(e))));
  const dns = opts.dnsNames ?? [];
  if (dns.length > 0) {
    for (const d of dns) {
      if (!/^[\x21-\x7e]+$/.test(d)) throw new InvalidArgumentError('InvalidDnsName', `'${d}' is not a valid DNS name.`);
    }
    add(OID.subjectAltName, false, seq(...dns.map((d) => tlv(0x82, new Uint8Array(Buffer.from(d, 'latin1')))))); // dNSName [2] IA5String
  }
  add(OID.subjectKeyIdentifier, false, octets(ski));
  for (const x of custom) {
    if (out.some((e) => e.id === x.oid)) throw new InvalidArgumentError('InvalidExtension', `The extension ${x.oid} is given twice.`);
    add(x.oid, x.critical, x.value);
  }
  if (issuerSki) add(OID.authorityKeyIdentifier, false, seq(context(0, false, issuerSki)));
  return out.map((e) => e.der);
}

const SIG_OIDS: Record<string, Record<HashAlgorithmName, string>> = {
  rsa: { SHA1: OID.sha1WithRSA, SHA256: OID.sha256WithRSA, SHA384: OID.sha384WithRSA, SHA512: OID.sha512WithRSA },
  ec: { SHA1: '1.2.840.10045.4.1', SHA256: '1.2.840.10045.4.3.2', SHA384: '1.2.840.10045.4.3.3', SHA512: '1.2.840.10045.4.3.4' },
};

function signatureAlgorithm(key: KeyObject, hash: HashAlgorithmName): Uint8Array {
  const type = key.asymmetricKeyType === 'ec' ? 'ec' : 'rsa';
  const id = SIG_OIDS[type]![hash];
  // RSA PKCS#1 v1.5 carries an explicit NULL parameter; ECDSA has none (RFC 5758).
  return type === 'rsa' ? seq(derOid(id), nullValue()) : seq(derOid(id));
}

/** A KeyPair from PKCS#8 DER (imported keys). */
export function keyPairFromPkcs8(pkcs8: Uint8Array): KeyPair {
  try {
    const privateKey = createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
    return { privateKey, publicKey: createPublicKey(privateKey) };
  } catch (e) {
    throw new UnsupportedKeyError(`The private key cannot be read (${(e as Error).message}).`);
  }
}
