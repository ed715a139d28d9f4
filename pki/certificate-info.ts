import { createPublicKey } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { CertificateFormatError } from './errors.js';
import { hashHex, toArrayBuffer, toBytes, upperHex } from './bytes.js';
import { formatName } from './names.js';
import { looksLikeText, pemBlocks } from './pem.js';
import { EKU_NAMES, EXTENSION_NAMES, KEY_USAGE_BITS, OID, PUBLIC_KEY_NAMES, SIGNATURE_NAMES, ekuDisplay } from './oids.js';

export interface EkuInfo { oid: string; friendlyName: string; /** `Client Authentication (1.3.6.1.5.5.7.3.2)` as EnhancedKeyUsageList prints it. */ display: string }

export interface ExtensionInfo {
  oid: string;
  friendlyName: string;
  critical: boolean;
  /** The extnValue contents (DER of the extension's own structure). */
  rawValue: Uint8Array;
  /** X509Extension.Format(true)-style text, one line per item. */
  formatted: string;
}

/** An X.509 certificate as X509Certificate2 presents it. */
export interface CertificateInfo {
  der: Uint8Array;
  /** Upper-case hex SHA-1 of the DER (X509Certificate2.Thumbprint). */
  thumbprint: string;
  /** Upper-case hex SHA-256 of the DER (GetCertHashString('SHA256'), Entra's CertificateSHA256Hash). */
  sha256: string;
  /** Upper-case hex of the serial's content octets, sign byte kept (GetSerialNumberString()). */
  serialNumber: string;
  subject: string;
  issuer: string;
  notBefore: Date;
  notAfter: Date;
  version: number;
  /** PublicKey.Oid.FriendlyName: RSA, ECC, DSA, or the OID. */
  keyAlgorithm: string;
  keyAlgorithmOid: string;
  /** Modulus bits (RSA) or curve size (ECC); 0 when the key cannot be read. */
  keyLength: number;
  namedCurve?: string;
  /** SignatureAlgorithm.FriendlyName: sha256RSA... */
  signatureAlgorithm: string;
  signatureAlgorithmOid: string;
  extensions: ExtensionInfo[];
  enhancedKeyUsageList: EkuInfo[];
  keyUsage: string[];
  /** SAN dNSName entries. */
  dnsNames: string[];
  /** The Cert: provider's DnsNameList: SAN DNS names, else the subject CN. */
  dnsNameList: string[];
  subjectKeyIdentifier?: string;
  basicConstraints?: { ca: boolean; pathLength?: number };
  isSelfIssued: boolean;
  /** DER SubjectPublicKeyInfo (feed to crypto.createPublicKey to verify). */
  publicKeySpki: Uint8Array;
  hasPrivateKey: boolean;
}

/**
 * Parse a certificate from DER bytes, PEM bytes or a PEM/Base64 string. Every malformed input throws
 * CertificateFormatError; nothing else escapes.
 */
export function parseCertificate(input: Uint8Array | ArrayBuffer | string): CertificateInfo {
  const der = certificateDer(input);
  try {
    return describe(der);
  } catch (e) {
    if (e instanceof CertificateFormatError) throw e;
    throw new CertificateFormatError((e as Error)?.message ?? String(e));
  }
}

/** The DER of a certificate given as DER, PEM, or bare Base64. */
export function certificateDer(input: Uint8Array | ArrayBuffer | string): Uint8Array {
  if (typeof input !== 'string') {
    const bytes = toBytes(input);
    if (bytes.length === 0) throw new CertificateFormatError('the data is empty');
    if (!looksLikeText(bytes)) return bytes;
    input = decodeText(bytes);
  }
  const text = input;
  if (text.includes('-----BEGIN')) {
    const blocks = pemBlocks(text);
    const cert = blocks.find((b) => b.label === 'CERTIFICATE' || b.label === 'X509 CERTIFICATE' || b.label === 'TRUSTED CERTIFICATE');
    if (!cert) throw new CertificateFormatError('no complete "-----BEGIN CERTIFICATE-----" block was found');
    return cert.der;
  }
  const compact = text.replace(/\s+/g, '');
  if (compact.length > 0 && compact.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return new Uint8Array(Buffer.from(compact, 'base64'));
  throw new CertificateFormatError('the data is neither DER nor PEM/Base64 encoded');
}

/** Text files from Windows may be UTF-16 (Windows PowerShell's Out-File default) or carry a UTF-8 BOM. */
function decodeText(bytes: Uint8Array): string {
  const b = Buffer.from(bytes);
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return b.subarray(2).toString('utf16le');
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return Buffer.from(b.subarray(2, 2 + ((b.length - 2) & ~1))).swap16().toString('utf16le');
  return b.toString('latin1').replace(/^\xef\xbb\xbf/, '');
}

/** JWT header values for a certificate: x5t (base64url SHA-1) and x5t#S256 (base64url SHA-256). */
export function certificateX5t(cert: CertificateInfo): { x5t: string; 'x5t#S256': string } {
  return {
    x5t: Buffer.from(cert.thumbprint, 'hex').toString('base64url'),
    'x5t#S256': Buffer.from(cert.sha256, 'hex').toString('base64url'),
  };
}

function describe(der: Uint8Array): CertificateInfo {
  const asn = asn1js.fromBER(toArrayBuffer(der));
  if (asn.offset === -1) throw new CertificateFormatError(`ASN.1 decoding failed (${asn.result.error || 'truncated or malformed DER'})`);
  if (asn.offset !== der.byteLength) throw new CertificateFormatError(`${der.byteLength - asn.offset} unexpected bytes follow the certificate`);
  let cert: pkijs.Certificate;
  try {
    cert = new pkijs.Certificate({ schema: asn.result });
  } catch (e) {
    throw new CertificateFormatError(`the structure is not an X.509 certificate (${(e as Error).message})`);
  }
  return describeCertificate(cert, der);
}

/** Facts of a pkijs Certificate whose DER is `der` (the builder calls this directly instead of parsing its own output again). */
export function describeCertificate(cert: pkijs.Certificate, der: Uint8Array): CertificateInfo {
  const spkiDer = new Uint8Array(cert.subjectPublicKeyInfo.toSchema().toBER(false));
  const keyAlgorithmOid = cert.subjectPublicKeyInfo.algorithm.algorithmId;
  const key = keyFacts(spkiDer);
  const sigOid = cert.signatureAlgorithm.algorithmId;
  const extensions = (cert.extensions ?? []).map(describeExtension);
  const ext = (oid: string) => extensions.find((e) => e.oid === oid);
  const ekus = decodeEku(ext(OID.extKeyUsage)?.rawValue);
  const dnsNames = decodeSanDns(ext(OID.subjectAltName)?.rawValue);
  const subject = formatName(cert.subject.valueBeforeDecode);
  const issuer = formatName(cert.issuer.valueBeforeDecode);
  const cn = /(?:^|, )CN=([^,]+)/.exec(subject)?.[1];
  return {
    der,
    thumbprint: hashHex('sha1', der),
    sha256: hashHex('sha256', der),
    serialNumber: upperHex(cert.serialNumber.valueBlock.valueHexView),
    subject,
    issuer,
    notBefore: cert.notBefore.value,
    notAfter: cert.notAfter.value,
    version: cert.version + 1,
    keyAlgorithm: PUBLIC_KEY_NAMES[keyAlgorithmOid] ?? keyAlgorithmOid,
    keyAlgorithmOid,
    keyLength: key.length,
    ...(key.namedCurve ? { namedCurve: key.namedCurve } : {}),
    signatureAlgorithm: SIGNATURE_NAMES[sigOid] ?? sigOid,
    signatureAlgorithmOid: sigOid,
    extensions,
    enhancedKeyUsageList: ekus.map((oid) => ({ oid, friendlyName: EKU_NAMES[oid] ?? '', display: ekuDisplay(oid) })),
    keyUsage: decodeKeyUsage(ext(OID.keyUsage)?.rawValue).names,
    dnsNames,
    dnsNameList: dnsNames.length > 0 ? dnsNames : cn ? [cn] : [],
    ...(ext(OID.subjectKeyIdentifier) ? { subjectKeyIdentifier: decodeSki(ext(OID.subjectKeyIdentifier)!.rawValue) } : {}),
    ...(ext(OID.basicConstraints) ? { basicConstraints: decodeBasicConstraints(ext(OID.basicConstraints)!.rawValue) } : {}),
    isSelfIssued: subject === issuer,
    publicKeySpki: spkiDer,
    hasPrivateKey: false,
  };
}

const CURVE_BITS: Record<string, number> = { prime256v1: 256, secp384r1: 384, secp521r1: 521, secp256k1: 256 };

function keyFacts(spki: Uint8Array): { length: number; namedCurve?: string } {
  try {
    const k = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
    const d = k.asymmetricKeyDetails ?? {};
    if (d.modulusLength) return { length: d.modulusLength };
    if (d.namedCurve) return { length: CURVE_BITS[d.namedCurve] ?? 0, namedCurve: d.namedCurve };
    return { length: 0 };
  } catch {
    return { length: 0 };
  }
}

function describeExtension(e: pkijs.Extension): ExtensionInfo {
  const rawValue = new Uint8Array(e.extnValue.valueBlock.valueHexView);
  return {
    oid: e.extnID,
    friendlyName: EXTENSION_NAMES[e.extnID] ?? e.extnID,
    critical: e.critical,
    rawValue,
    formatted: formatExtension(e.extnID, rawValue),
  };
}

function parseInner(raw: Uint8Array | undefined): asn1js.AsnType | undefined {
  if (!raw || raw.length === 0) return undefined;
  const r = asn1js.fromBER(toArrayBuffer(raw));
  return r.offset === -1 ? undefined : r.result;
}

function decodeEku(raw?: Uint8Array): string[] {
  const node = parseInner(raw);
  if (!(node instanceof asn1js.Sequence)) return [];
  return node.valueBlock.value.filter((v): v is asn1js.ObjectIdentifier => v instanceof asn1js.ObjectIdentifier).map((v) => v.valueBlock.toString());
}

function decodeSanDns(raw?: Uint8Array): string[] {
  const node = parseInner(raw);
  if (!(node instanceof asn1js.Sequence)) return [];
  const out: string[] = [];
  for (const gn of node.valueBlock.value) {
    if (gn.idBlock.tagClass === 3 && gn.idBlock.tagNumber === 2) {
      out.push(Buffer.from((gn as asn1js.Primitive).valueBlock.valueHexView).toString('latin1'));
    }
  }
  return out;
}

export function decodeKeyUsage(raw?: Uint8Array): { names: string[]; hex: string } {
  const node = parseInner(raw);
  if (!(node instanceof asn1js.BitString)) return { names: [], hex: '' };
  const bytes = node.valueBlock.valueHexView;
  const names: string[] = [];
  KEY_USAGE_BITS.forEach((name, bit) => {
    const byte = bytes[bit >> 3] ?? 0;
    if (byte & (0x80 >> (bit & 7))) names.push(name);
  });
  return { names, hex: Buffer.from(bytes).toString('hex') };
}

function decodeSki(raw: Uint8Array): string {
  const node = parseInner(raw);
  return node instanceof asn1js.OctetString ? upperHex(node.valueBlock.valueHexView) : '';
}

function decodeBasicConstraints(raw: Uint8Array): { ca: boolean; pathLength?: number } {
  const node = parseInner(raw);
  if (!(node instanceof asn1js.Sequence)) return { ca: false };
  let ca = false;
  let pathLength: number | undefined;
  for (const v of node.valueBlock.value) {
    if (v instanceof asn1js.Boolean) ca = v.valueBlock.value;
    if (v instanceof asn1js.Integer) pathLength = v.valueBlock.valueDec;
  }
  return pathLength === undefined ? { ca } : { ca, pathLength };
}

/** Format(true)-like text: what certutil and X509Extension.Format print on Windows. */
function formatExtension(oid: string, raw: Uint8Array): string {
  switch (oid) {
    case OID.keyUsage: {
      const ku = decodeKeyUsage(raw);
      return `${ku.names.join(', ')} (${ku.hex})`;
    }
    case OID.extKeyUsage: return decodeEku(raw).map(ekuDisplay).join('\n');
    case OID.subjectAltName: return decodeSanDns(raw).map((d) => `DNS Name=${d}`).join('\n');
    case OID.subjectKeyIdentifier: return decodeSki(raw).toLowerCase();
    case OID.basicConstraints: {
      const bc = decodeBasicConstraints(raw);
      return `Subject Type=${bc.ca ? 'CA' : 'End Entity'}\nPath Length Constraint=${bc.pathLength ?? 'None'}`;
    }
    default: return Buffer.from(raw).toString('hex').replace(/(..)(?!$)/g, '$1 ');
  }
}
