import { createHash } from 'node:crypto';
import type { CertificateInfo, ExtensionInfo, StoredCertificate } from '../../pki/index.js';
import { OID, PLATFORM_KSP } from '../../pki/index.js';
import { PSObject } from '../../runtime/values/psobject.js';
import { PSDateTime } from '../../runtime/values/datetime.js';
import { addProviderNotes } from './cert-paths.js';

export const X509_CERTIFICATE2_TYPES = [
  'System.Security.Cryptography.X509Certificates.X509Certificate2',
  'System.Security.Cryptography.X509Certificates.X509Certificate',
  'System.Object',
];

const OID_TYPE = 'System.Security.Cryptography.Oid';
const NS = 'System.Security.Cryptography.X509Certificates.';

/** Hidden link from a certificate PSObject back to what it presents (for the pki cmdlets' -Cert binding). */
const sources = new WeakMap<PSObject, CertificateInfo | StoredCertificate>();

/** The certificate a PSObject made by certificateObject() stands for; undefined for anything else. */
export function certificateOf(value: unknown): CertificateInfo | StoredCertificate | undefined {
  return value instanceof PSObject ? sources.get(value) : undefined;
}

export function isStored(c: CertificateInfo | StoredCertificate): c is StoredCertificate {
  return 'storePath' in c;
}

/** System.Security.Cryptography.Oid: prints as its type name, as .NET's Oid.ToString() does. */
function oidObject(value: string, friendlyName: string): PSObject {
  return PSObject.typed(OID_TYPE, { Value: value, FriendlyName: friendlyName });
}

/** The HashAlgorithmName argument of GetCertHash / GetCertHashString: a string or [HashAlgorithmName]::SHA256. */
export function hashAlgorithmArg(arg: unknown): string {
  const raw = arg instanceof PSObject ? String(arg.get('Name') ?? arg.toStringImpl?.() ?? '') : String(arg ?? '');
  const t = raw.trim().toUpperCase().replace(/-/g, '');
  const node: Record<string, string> = { MD5: 'md5', SHA1: 'sha1', SHA256: 'sha256', SHA384: 'sha384', SHA512: 'sha512' };
  const alg = node[t];
  if (!alg) throw new Error(`'${raw}' is not a known hash algorithm.`);
  return alg;
}

function digest(alg: string, der: Uint8Array): Uint8Array {
  return new Uint8Array(createHash(alg).update(der).digest());
}

const upper = (b: Uint8Array) => Buffer.from(b).toString('hex').toUpperCase();

/** en-US short date + long time, as X509Certificate.ToString() and the formatter print a DateTime. */
function dateText(d: Date): string { return PSDateTime.fromDate(d, 'Local').toString(); }

function extensionObject(e: ExtensionInfo, cert: CertificateInfo): PSObject {
  const typeName = ({
    [OID.keyUsage]: 'X509KeyUsageExtension',
    [OID.extKeyUsage]: 'X509EnhancedKeyUsageExtension',
    [OID.subjectKeyIdentifier]: 'X509SubjectKeyIdentifierExtension',
    [OID.basicConstraints]: 'X509BasicConstraintsExtension',
    [OID.subjectAltName]: 'X509SubjectAlternativeNameExtension',
  } as Record<string, string>)[e.oid] ?? 'X509Extension';
  const names = typeName === 'X509Extension'
    ? [NS + 'X509Extension', 'System.Security.Cryptography.AsnEncodedData']
    : [NS + typeName, NS + 'X509Extension', 'System.Security.Cryptography.AsnEncodedData'];
  const o = PSObject.typed(names, {});
  o.addNote('Critical', e.critical);
  o.addNote('Oid', oidObject(e.oid, e.friendlyName === e.oid ? '' : e.friendlyName));
  o.addNote('RawData', e.rawValue);
  if (e.oid === OID.keyUsage) o.addNote('KeyUsages', cert.keyUsage.join(', ') || 'None');
  if (e.oid === OID.extKeyUsage) o.addNote('EnhancedKeyUsages', cert.enhancedKeyUsageList.map((k) => oidObject(k.oid, k.friendlyName)));
  if (e.oid === OID.subjectKeyIdentifier) o.addNote('SubjectKeyIdentifier', cert.subjectKeyIdentifier ?? '');
  if (e.oid === OID.basicConstraints) {
    o.addNote('CertificateAuthority', cert.basicConstraints?.ca ?? false);
    o.addNote('HasPathLengthConstraint', cert.basicConstraints?.pathLength !== undefined);
    o.addNote('PathLengthConstraint', cert.basicConstraints?.pathLength ?? 0);
  }
  o.addMethod('Format', (args) => (args[0] === true ? `${e.formatted}` : e.formatted.split('\n').join(', ')));
  return o;
}

/** Microsoft.PowerShell.Commands.EnhancedKeyUsageRepresentation: prints 'Client Authentication (1.3.6.1.5.5.7.3.2)'. */
function ekuObject(oid: string, friendlyName: string, display: string): PSObject {
  const o = PSObject.typed('Microsoft.PowerShell.Commands.EnhancedKeyUsageRepresentation', { FriendlyName: friendlyName, ObjectId: oid });
  o.toStringImpl = () => display;
  return o;
}

function dnsNameObject(name: string): PSObject {
  const o = PSObject.typed('Microsoft.PowerShell.Commands.DnsNameRepresentation', { Punycode: name, Unicode: name });
  o.toStringImpl = () => name;
  return o;
}

function distinguishedName(name: string, der?: Uint8Array): PSObject {
  const o = PSObject.typed([NS + 'X500DistinguishedName', 'System.Security.Cryptography.AsnEncodedData'], { Name: name });
  if (der) o.addNote('RawData', der);
  o.addMethod('Format', (args) => (args[0] === true ? name.split(', ').join('\n') + '\n' : name));
  return o;
}

function publicKeyObject(cert: CertificateInfo): PSObject {
  const o = PSObject.typed(NS + 'PublicKey', {});
  o.addNote('Oid', oidObject(cert.keyAlgorithmOid, cert.keyAlgorithm));
  o.addNote('EncodedKeyValue', PSObject.typed('System.Security.Cryptography.AsnEncodedData', { RawData: spkiKeyBits(cert.publicKeySpki) }));
  o.addNote('EncodedParameters', PSObject.typed('System.Security.Cryptography.AsnEncodedData', { RawData: spkiParameters(cert) }));
  const key = PSObject.typed(cert.keyAlgorithm === 'RSA'
    ? ['System.Security.Cryptography.RSACng', 'System.Security.Cryptography.RSA', 'System.Security.Cryptography.AsymmetricAlgorithm']
    : ['System.Security.Cryptography.ECDsaCng', 'System.Security.Cryptography.ECDsa', 'System.Security.Cryptography.AsymmetricAlgorithm'], {
    KeySize: cert.keyLength,
    SignatureAlgorithm: cert.keyAlgorithm === 'RSA' ? 'RSA' : 'ECDsa',
  });
  key.toStringImpl = () => key.typeNames[0]!;
  o.addNote('Key', key);
  return o;
}

/** The subjectPublicKey BIT STRING contents (what PublicKey.EncodedKeyValue holds). */
function spkiKeyBits(spki: Uint8Array): Uint8Array {
  // SEQUENCE { AlgorithmIdentifier, BIT STRING } — walk the two DER headers.
  const len = (at: number): [number, number] => {
    const b = spki[at]!;
    if (b < 0x80) return [b, 1];
    const n = b & 0x7f;
    let v = 0;
    for (let i = 1; i <= n; i++) v = (v << 8) | spki[at + i]!;
    return [v, 1 + n];
  };
  try {
    const [, outerLen] = len(1);
    let p = 1 + outerLen;
    const [algLen, algHdr] = len(p + 1);
    p += 1 + algHdr + algLen;
    const [bitLen, bitHdr] = len(p + 1);
    return spki.slice(p + 1 + bitHdr + 1, p + 1 + bitHdr + bitLen);
  } catch {
    return new Uint8Array(0);
  }
}

function spkiParameters(cert: CertificateInfo): Uint8Array {
  return cert.keyAlgorithm === 'RSA' ? Uint8Array.of(0x05, 0x00) : new Uint8Array(0);
}

/** AsnEncodedData.Format(true) for a blob: lower-case hex pairs, 16 to a line. */
function hexBlock(bytes: Uint8Array): string {
  const pairs = Array.from(bytes, (b) => b.toString(16).padStart(2, '0'));
  const lines: string[] = [];
  for (let i = 0; i < pairs.length; i += 16) lines.push(pairs.slice(i, i + 16).join(' '));
  return lines.join('\n');
}

/**
 * The private key as X509Certificate2.PrivateKey shows it: an RSACng whose CngKey names the provider and
 * export policy. No member gives out key material; the export methods refuse as CNG does for a
 * non-exportable key (and this emulator refuses them for every key: Export-PfxCertificate is the export path).
 */
function privateKeyObject(cert: StoredCertificate): PSObject {
  const k = cert.key!;
  const rsa = cert.keyAlgorithm === 'RSA';
  const typeNames = rsa
    ? ['System.Security.Cryptography.RSACng', 'System.Security.Cryptography.RSA', 'System.Security.Cryptography.AsymmetricAlgorithm']
    : ['System.Security.Cryptography.ECDsaCng', 'System.Security.Cryptography.ECDsa', 'System.Security.Cryptography.AsymmetricAlgorithm'];
  const provider = PSObject.typed('System.Security.Cryptography.CngProvider', { Provider: k.provider });
  provider.toStringImpl = () => k.provider;
  const exportPolicy = k.provider === PLATFORM_KSP || k.exportPolicy === 'NonExportable'
    ? 'None'
    : k.exportPolicy === 'Exportable' ? 'AllowExport, AllowPlaintextExport' : 'AllowExport';
  const cng = PSObject.typed('System.Security.Cryptography.CngKey', {
    Algorithm: rsa ? 'RSA' : k.algorithm,
    AlgorithmGroup: rsa ? 'RSA' : 'ECDSA',
    ExportPolicy: exportPolicy,
    IsMachineKey: k.machineKey,
    KeyName: k.keyRef,
    KeySize: k.keyLength,
    KeyUsage: rsa ? 'AllUsages' : 'Signing',
    Provider: provider,
    UniqueName: k.uniqueName,
  });
  const o = PSObject.typed(typeNames, {
    Key: cng,
    KeySize: k.keyLength,
    KeyExchangeAlgorithm: rsa ? 'RSA' : null,
    SignatureAlgorithm: rsa ? 'RSA' : 'ECDsa',
  });
  const refuse = () => { throw Object.assign(new Error('The requested operation is not supported.'), { errorId: 'CryptographicException', category: 'InvalidOperation', exceptionType: 'System.Security.Cryptography.CryptographicException' }); };
  for (const m of ['ExportParameters', 'ExportPkcs8PrivateKey', 'ExportRSAPrivateKey', 'ExportECPrivateKey', 'ExportEncryptedPkcs8PrivateKey', 'ToXmlString']) {
    o.addMethod(m, (args) => (m === 'ExportParameters' && args[0] === false) || (m === 'ToXmlString' && args[0] === false) ? publicOnly(cert) : refuse());
  }
  o.toStringImpl = () => typeNames[0]!;
  return o;
}

function publicOnly(cert: CertificateInfo): PSObject {
  return PSObject.typed('System.Security.Cryptography.RSAParameters', { KeySize: cert.keyLength });
}

/** X509Certificate.ToString() (and X509Certificate2.ToString() without arguments). */
export function certificateText(cert: CertificateInfo): string {
  return [
    '[Subject]', `  ${cert.subject}`, '',
    '[Issuer]', `  ${cert.issuer}`, '',
    '[Serial Number]', `  ${cert.serialNumber}`, '',
    '[Not Before]', `  ${dateText(cert.notBefore)}`, '',
    '[Not After]', `  ${dateText(cert.notAfter)}`, '',
    '[Thumbprint]', `  ${cert.thumbprint}`, '', '',
  ].join('\n');
}

function simpleName(name: string): string {
  const cn = /(?:^|, )CN=([^,]+)/.exec(name)?.[1];
  if (cn) return cn;
  return /(?:^|, )(?:OU|O|E)=([^,]+)/.exec(name)?.[1] ?? '';
}

function emailName(name: string): string { return /(?:^|, )E=([^,]+)/.exec(name)?.[1] ?? ''; }

/** X509Certificate2.ToString(true), appended piece by piece as dotnet/runtime's X509Certificate2.ToString(bool) does. */
export function certificateVerboseText(cert: CertificateInfo | StoredCertificate): string {
  let sb = '';
  const line = (t = '') => { sb += t + '\n'; };
  const nameBlock = (header: string, name: string, subject: boolean) => {
    line(); line(); line(header); sb += `  ${name}`;
    const simple = simpleName(name);
    if (simple) { line(); sb += `  Simple Name: ${simple}`; }
    const email = emailName(name);
    if (email) { line(); sb += `  Email Name: ${email}`; }
    const dns = subject ? cert.dnsNames[0] ?? simple : simple;
    if (dns) { line(); sb += `  DNS Name: ${dns}`; }
  };
  const field = (header: string, value: string) => { line(); line(); line(header); sb += `  ${value}`; };
  line('[Version]'); sb += `  V${cert.version}`;
  nameBlock('[Subject]', cert.subject, true);
  nameBlock('[Issuer]', cert.issuer, false);
  field('[Serial Number]', cert.serialNumber);
  field('[Not Before]', dateText(cert.notBefore));
  field('[Not After]', dateText(cert.notAfter));
  field('[Thumbprint]', cert.thumbprint);
  field('[Signature Algorithm]', `${cert.signatureAlgorithm}(${cert.signatureAlgorithmOid})`);
  line(); line(); sb += '[Public Key]';
  line(); sb += `  Algorithm: ${cert.keyAlgorithm}`;
  line(); sb += `  Length: ${cert.keyAlgorithm === 'RSA' ? cert.keyLength : ''}`;
  line(); sb += '  Key Blob: '; line(hexBlock(spkiKeyBits(cert.publicKeySpki)));
  sb += `  Parameters: ${hexBlock(spkiParameters(cert))}`;
  // Windows prints only the header for a CNG key: CspKeyContainerInfo exists for CAPI keys alone.
  if (cert.hasPrivateKey) { line(); line(); line('[Private Key]'); }
  if (cert.extensions.length > 0) {
    line(); line(); sb += '[Extensions]';
    for (const e of cert.extensions) {
      line(); sb += `* ${e.friendlyName === e.oid ? e.oid : e.friendlyName}(${e.oid}):`;
      line(); sb += `  ${e.formatted}`;
    }
  }
  line();
  return sb;
}

const TRIVIAL_HANDLE = 0x2_6400_0000;

/**
 * An X509Certificate2 as pwsh shows a certificate from the Cert: drive: the provider's note properties
 * (when the certificate is in a store), the provider's script properties, the .NET properties in the order
 * `Format-List *` prints them, and the methods scripts call.
 */
export function certificateObject(cert: CertificateInfo | StoredCertificate, opts: { now?: () => Date } = {}): PSObject {
  const o = new PSObject([...X509_CERTIFICATE2_TYPES]);
  sources.set(o, cert);
  const stored = isStored(cert) ? cert : undefined;
  if (stored) addProviderNotes(o, { location: stored.location, store: stored.storeName, thumbprint: cert.thumbprint }, false);
  o.addNote('EnhancedKeyUsageList', cert.enhancedKeyUsageList.map((k) => ekuObject(k.oid, k.friendlyName, k.display)));
  o.addNote('DnsNameList', cert.dnsNameList.map(dnsNameObject));
  o.addNote('SendAsTrustedIssuer', false);
  const endpoint = () => PSObject.typed('Microsoft.CertificateServices.Commands.EnrollmentEndPointProperty', {});
  o.addNote('EnrollmentPolicyEndPoint', endpoint());
  o.addNote('EnrollmentServerEndPoint', endpoint());
  o.addNote('PolicyId', null);
  o.addGetter('Archived', () => stored?.archived ?? false, 'bool');
  const extensions = cert.extensions.map((e) => extensionObject(e, cert));
  o.addGetter('Extensions', () => extensions, 'System.Security.Cryptography.X509Certificates.X509ExtensionCollection');
  o.addGetter('FriendlyName', () => stored?.friendlyName ?? '', 'string');
  o.addGetter('HasPrivateKey', () => cert.hasPrivateKey, 'bool');
  o.addGetter('PrivateKey', () => {
    if (!stored?.key) return null;
    // .NET's PrivateKey serves RSA/DSA only (GetECDsaPrivateKey is the ECDSA way); the emulator gives $null.
    if (cert.keyAlgorithm !== 'RSA') return null;
    return privateKeyObject(stored);
  }, 'System.Security.Cryptography.AsymmetricAlgorithm');
  o.addGetter('IssuerName', () => distinguishedName(cert.issuer), NS + 'X500DistinguishedName');
  o.addGetter('NotAfter', () => PSDateTime.fromDate(cert.notAfter, 'Local'), 'datetime');
  o.addGetter('NotBefore', () => PSDateTime.fromDate(cert.notBefore, 'Local'), 'datetime');
  o.addGetter('PublicKey', () => publicKeyObject(cert), NS + 'PublicKey');
  o.addGetter('RawData', () => new Uint8Array(cert.der), 'byte[]');
  o.addGetter('SerialNumber', () => cert.serialNumber, 'string');
  o.addGetter('SignatureAlgorithm', () => oidObject(cert.signatureAlgorithmOid, cert.signatureAlgorithm), OID_TYPE);
  o.addGetter('SubjectName', () => distinguishedName(cert.subject), NS + 'X500DistinguishedName');
  o.addGetter('Thumbprint', () => cert.thumbprint, 'string');
  o.addGetter('Version', () => cert.version, 'int');
  o.addGetter('Handle', () => TRIVIAL_HANDLE + parseInt(cert.thumbprint.slice(0, 6), 16), 'System.IntPtr');
  o.addGetter('Issuer', () => cert.issuer, 'string');
  o.addGetter('Subject', () => cert.subject, 'string');

  o.addMethod('GetRawCertData', () => new Uint8Array(cert.der));
  o.addMethod('GetRawCertDataString', () => upper(cert.der));
  o.addMethod('GetCertHash', (args) => digest(args.length ? hashAlgorithmArg(args[0]) : 'sha1', cert.der));
  o.addMethod('GetCertHashString', (args) => (args.length ? upper(digest(hashAlgorithmArg(args[0]), cert.der)) : cert.thumbprint));
  o.addMethod('GetSerialNumber', () => Uint8Array.from(Buffer.from(cert.serialNumber, 'hex')).reverse());
  o.addMethod('GetSerialNumberString', () => cert.serialNumber);
  o.addMethod('GetPublicKey', () => spkiKeyBits(cert.publicKeySpki));
  o.addMethod('GetPublicKeyString', () => upper(spkiKeyBits(cert.publicKeySpki)));
  o.addMethod('GetKeyAlgorithm', () => cert.keyAlgorithmOid);
  o.addMethod('GetName', () => cert.subject);
  o.addMethod('GetIssuerName', () => cert.issuer);
  o.addMethod('GetFormat', () => 'X509');
  o.addMethod('GetEffectiveDateString', () => dateText(cert.notBefore));
  o.addMethod('GetExpirationDateString', () => dateText(cert.notAfter));
  o.addMethod('GetNameInfo', (args) => {
    const kind = String(args[0] ?? '').toLowerCase();
    const name = args[1] === true ? cert.issuer : cert.subject;
    if (kind === 'dnsname') return args[1] === true ? simpleName(name) : cert.dnsNames[0] ?? simpleName(name);
    if (kind === 'emailname') return emailName(name);
    return simpleName(name);
  });
  o.addMethod('Export', (args) => {
    const kind = String(args[0] ?? '').toLowerCase();
    if (kind === 'cert' || kind === '1') return new Uint8Array(cert.der);
    throw Object.assign(new Error('The requested operation is not supported.'), { errorId: 'CryptographicException', category: 'InvalidOperation', exceptionType: 'System.Security.Cryptography.CryptographicException' });
  });
  o.addMethod('ToString', (args) => (args[0] === true ? certificateVerboseText(cert) : certificateText(cert)));
  o.addMethod('Equals', (args) => certificateOf(args[0])?.thumbprint === cert.thumbprint);
  o.addMethod('GetHashCode', () => parseInt(cert.thumbprint.slice(0, 8), 16) | 0);
  o.addMethod('Verify', () => verifiesAt(cert, (opts.now ?? (() => new Date()))()));
  return o;
}

/**
 * X509Certificate2.Verify(): a chain to a trusted root, valid at `now` (the emulator clock). The emulator
 * builds no chains: a self-issued certificate verifies when it sits in a Root store; anything else does not.
 */
function verifiesAt(cert: CertificateInfo | StoredCertificate, now: Date): boolean {
  const t = now.getTime();
  const inRoot = isStored(cert) && cert.storeName === 'Root';
  return inRoot && cert.isSelfIssued && cert.notBefore.getTime() <= t && t <= cert.notAfter.getTime();
}
