import { createHash, createPrivateKey, createPublicKey, randomBytes, sign as nodeSign, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { Clock } from '../state/index.js';
import { InvalidArgumentError, UnsupportedKeyError } from './errors.js';
import { toArrayBuffer } from './bytes.js';
import { encodeSubject } from './names.js';
import { OID } from './oids.js';
import { describeCertificate, type CertificateInfo } from './certificate-info.js';
import { generateKeyPair, keyAlgorithmName, type KeyAlgorithmName, type KeyPair } from './keygen.js';

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

export interface CreatedCertificate {
  der: Uint8Array;
  info: CertificateInfo;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** PKCS#8 DER of the private key: for the key vault only, never hand it to a user-facing path. */
  pkcs8: Uint8Array;
}

const TEN_MINUTES = 10 * 60 * 1000;

/** An X.509 v3 certificate with Windows' New-SelfSignedCertificate defaults, built with pkijs and signed by node:crypto. */
export async function createSelfSignedCertificate(opts: SelfSignedOptions = {}): Promise<CreatedCertificate> {
  const algorithm = keyAlgorithmName(opts.keyAlgorithm);
  const hash = hashName(opts.hashAlgorithm);
  const keyUsageBits = keyUsageBitString(opts.keyUsage);
  const subjectText = opts.subject ?? (opts.dnsNames?.[0] ? `CN=${opts.dnsNames[0]}` : undefined);
  if (!subjectText) throw new InvalidArgumentError('SubjectRequired', 'A subject or at least one DNS name is required.');
  const subject = encodeSubject(subjectText);
  const { notBefore, notAfter } = validity(opts);
  const serial = serialBytes(opts.serialNumber);
  const keyPair = opts.keyPair ?? await generateKeyPair(algorithm, opts.keyLength ?? 2048);
  const keyType = keyPair.privateKey.asymmetricKeyType;
  if (keyType !== 'rsa' && keyType !== 'ec') throw new UnsupportedKeyError(`The key type '${keyType}' is not supported.`);

  const spkiDer = new Uint8Array(keyPair.publicKey.export({ format: 'der', type: 'spki' }));
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ valueHex: toArrayBuffer(serial) });
  cert.subject = rawName(subject.der);
  cert.subjectPublicKeyInfo = publicKeyInfo(spkiDer);
  const issuerCert = opts.signer ? pkijs.Certificate.fromBER(toArrayBuffer(opts.signer.certificateDer)) : undefined;
  cert.issuer = rawName(issuerCert ? issuerCert.subject.valueBeforeDecode : subject.der);
  cert.notBefore = new pkijs.Time({ type: timeType(notBefore), value: notBefore });
  cert.notAfter = new pkijs.Time({ type: timeType(notAfter), value: notAfter });
  const ski = createHash('sha1').update(cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView).digest();
  cert.extensions = extensions(opts, keyUsageBits, ski, issuerCert);

  const signingKey = opts.signer?.privateKey ?? keyPair.privateKey;
  const sigAlg = signatureAlgorithm(signingKey, hash);
  cert.signature = sigAlg();
  cert.signatureAlgorithm = sigAlg();
  const tbs = new Uint8Array(cert.encodeTBS().toBER(false));
  const signature = nodeSign(hash.replace('SHA', 'sha'), tbs, signingKey.asymmetricKeyType === 'ec' ? { key: signingKey, dsaEncoding: 'der' } : signingKey);
  cert.signatureValue = new asn1js.BitString({ valueHex: toArrayBuffer(new Uint8Array(signature)) });
  const der = new Uint8Array(cert.toSchema(true).toBER(false));
  const pkcs8 = new Uint8Array(keyPair.privateKey.export({ format: 'der', type: 'pkcs8' }));
  // Describe the object just built rather than parsing the DER again (half the cost of a cold process).
  return { der, info: { ...describeCertificate(cert, der), hasPrivateKey: true }, privateKey: keyPair.privateKey, publicKey: keyPair.publicKey, pkcs8 };
}

/**
 * A Name carried as its DER: pkijs re-emits valueBeforeDecode as is, which keeps our RDN order and string types
 * (pkijs would put all attributes of a built Name into one multi-valued RDN) and skips a schema comparison.
 */
function rawName(der: ArrayBuffer): pkijs.RelativeDistinguishedNames {
  const name = new pkijs.RelativeDistinguishedNames();
  name.valueBeforeDecode = der;
  return name;
}

/** SubjectPublicKeyInfo from Node's SPKI DER without pkijs re-parsing the key material (it is ours, already valid). */
function publicKeyInfo(spkiDer: Uint8Array): pkijs.PublicKeyInfo {
  const seq = asn1js.fromBER(toArrayBuffer(spkiDer)).result as asn1js.Sequence;
  const [algorithm, bits] = seq.valueBlock.value as [asn1js.Sequence, asn1js.BitString];
  return new pkijs.PublicKeyInfo({ algorithm: new pkijs.AlgorithmIdentifier({ schema: algorithm }), subjectPublicKey: bits });
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

/** RFC 5280: UTCTime through 2049, GeneralizedTime from 2050. */
function timeType(d: Date): number { return d.getUTCFullYear() < 2050 ? 0 : 1; }

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
function keyUsageValue(bits: Uint8Array): ArrayBuffer {
  // bits[0]: bit n of mask = usage n; the BIT STRING puts usage 0 in the top bit of the first byte.
  const mask = bits[0]! | (bits[1]! << 8);
  const bytes: number[] = [];
  let last = -1;
  for (let i = 0; i < 9; i++) if (mask & (1 << i)) last = i;
  const nBytes = (last >> 3) + 1;
  for (let i = 0; i < nBytes; i++) bytes.push(0);
  for (let i = 0; i <= last; i++) if (mask & (1 << i)) bytes[i >> 3]! |= 0x80 >> (i & 7);
  const unused = nBytes * 8 - (last + 1);
  return new asn1js.BitString({ valueHex: Uint8Array.from(bytes).buffer, unusedBits: unused }).toBER(false);
}

function extensions(opts: SelfSignedOptions, ku: Uint8Array | undefined, ski: Uint8Array, issuer?: pkijs.Certificate): pkijs.Extension[] {
  const out: pkijs.Extension[] = [];
  if (opts.basicConstraints) {
    const bc = new pkijs.BasicConstraints({ cA: opts.basicConstraints.ca, ...(opts.basicConstraints.pathLength !== undefined ? { pathLenConstraint: opts.basicConstraints.pathLength } : {}) });
    out.push(new pkijs.Extension({ extnID: OID.basicConstraints, critical: opts.basicConstraints.critical ?? true, extnValue: bc.toSchema().toBER(false) }));
  }
  if (ku) out.push(new pkijs.Extension({ extnID: OID.keyUsage, critical: true, extnValue: keyUsageValue(ku) }));
  const ekus = opts.enhancedKeyUsages ?? [OID.clientAuth, OID.serverAuth];
  if (ekus.length > 0) {
    out.push(new pkijs.Extension({ extnID: OID.extKeyUsage, critical: false, extnValue: new pkijs.ExtKeyUsage({ keyPurposes: ekus }).toSchema().toBER(false) }));
  }
  const dns = opts.dnsNames ?? [];
  if (dns.length > 0) {
    for (const d of dns) {
      if (!/^[\x21-\x7e]+$/.test(d)) throw new InvalidArgumentError('InvalidDnsName', `'${d}' is not a valid DNS name.`);
    }
    const san = new pkijs.AltName({ altNames: dns.map((d) => new pkijs.GeneralName({ type: 2, value: d })) });
    out.push(new pkijs.Extension({ extnID: OID.subjectAltName, critical: false, extnValue: san.toSchema().toBER(false) }));
  }
  out.push(new pkijs.Extension({ extnID: OID.subjectKeyIdentifier, critical: false, extnValue: new asn1js.OctetString({ valueHex: toArrayBuffer(ski) }).toBER(false) }));
  for (const x of opts.customExtensions ?? []) {
    if (!/^\d+(\.\d+)+$/.test(x.oid)) throw new InvalidArgumentError('InvalidExtension', `'${x.oid}' is not an object identifier.`);
    if (out.some((e) => e.extnID === x.oid)) throw new InvalidArgumentError('InvalidExtension', `The extension ${x.oid} is given twice.`);
    const parsed = asn1js.fromBER(toArrayBuffer(x.value));
    if (parsed.offset !== x.value.length) throw new InvalidArgumentError('InvalidExtension', `The value of extension ${x.oid} is not one DER-encoded ASN.1 element.`);
    out.push(new pkijs.Extension({ extnID: x.oid, critical: x.critical ?? false, extnValue: toArrayBuffer(x.value) }));
  }
  if (issuer) {
    const issuerSki = issuer.extensions?.find((e) => e.extnID === OID.subjectKeyIdentifier);
    if (issuerSki) {
      const inner = asn1js.fromBER(issuerSki.extnValue.valueBlock.valueHexView);
      if (inner.result instanceof asn1js.OctetString) {
        const aki = new asn1js.Sequence({ value: [new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 }, valueHex: toArrayBuffer(inner.result.valueBlock.valueHexView) })] });
        out.push(new pkijs.Extension({ extnID: OID.authorityKeyIdentifier, critical: false, extnValue: aki.toBER(false) }));
      }
    }
  }
  return out;
}

const SIG_OIDS: Record<string, Record<HashAlgorithmName, string>> = {
  rsa: { SHA1: OID.sha1WithRSA, SHA256: OID.sha256WithRSA, SHA384: OID.sha384WithRSA, SHA512: OID.sha512WithRSA },
  ec: { SHA1: '1.2.840.10045.4.1', SHA256: '1.2.840.10045.4.3.2', SHA384: '1.2.840.10045.4.3.3', SHA512: '1.2.840.10045.4.3.4' },
};

function signatureAlgorithm(key: KeyObject, hash: HashAlgorithmName): () => pkijs.AlgorithmIdentifier {
  const type = key.asymmetricKeyType === 'ec' ? 'ec' : 'rsa';
  const oid = SIG_OIDS[type]![hash];
  // RSA PKCS#1 v1.5 carries an explicit NULL parameter; ECDSA has none (RFC 5758).
  return () => type === 'rsa'
    ? new pkijs.AlgorithmIdentifier({ algorithmId: oid, algorithmParams: new asn1js.Null() })
    : new pkijs.AlgorithmIdentifier({ algorithmId: oid });
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
