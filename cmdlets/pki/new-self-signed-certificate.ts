import { newSelfSignedCertificate, OID, type NewCertificateOptions } from '../../pki/index.js';
import { param } from '../../runtime/commands/parameter.js';
import { T, type TypeSpec } from '../../runtime/commands/types.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { PSDateTime } from '../../runtime/values/datetime.js';
import { PkiCmdlet } from './pki-cmdlet.js';
import { parseTextExtensions } from './text-extension.js';

export const CERTIFICATE_TYPE: TypeSpec = { kind: 'object', name: 'Microsoft.CertificateServices.Commands.Certificate' };
const KEY_EXPORT_POLICY = T.enum('Microsoft.CertificateServices.Commands.KeyExportPolicy', ['NonExportable', 'ExportableEncrypted', 'Exportable']);
const KEY_USAGE = T.enum('Microsoft.CertificateServices.Commands.KeyUsage',
  ['None', 'EncipherOnly', 'CRLSign', 'CertSign', 'KeyAgreement', 'DataEncipherment', 'KeyEncipherment', 'NonRepudiation', 'DigitalSignature', 'DecipherOnly']);
const KEY_SPEC = T.enum('Microsoft.CertificateServices.Commands.KeySpec', ['None', 'KeyExchange', 'Signature']);
const CERT_TYPE = T.enum('Microsoft.CertificateServices.Commands.CertificateType',
  ['Custom', 'CodeSigningCert', 'DocumentEncryptionCert', 'SSLServerAuthentication', 'DocumentEncryptionCertLegacyCsp']);
const KEY_PROTECTION = T.enum('Microsoft.CertificateServices.Commands.KeyProtection', ['None', 'Protect', 'ProtectHigh', 'ProtectFingerPrint']);

/** EKUs and key usage each -Type implies (CertEnroll's templates). */
const TYPE_DEFAULTS: Record<string, { ekus: string[]; keyUsage: string[] }> = {
  sslserverauthentication: { ekus: [OID.clientAuth, OID.serverAuth], keyUsage: ['DigitalSignature', 'KeyEncipherment'] },
  codesigningcert: { ekus: ['1.3.6.1.5.5.7.3.3'], keyUsage: ['DigitalSignature'] },
  documentencryptioncert: { ekus: ['1.3.6.1.4.1.311.80.1'], keyUsage: ['KeyEncipherment', 'DataEncipherment'] },
  documentencryptioncertlegacycsp: { ekus: ['1.3.6.1.4.1.311.80.1'], keyUsage: ['KeyEncipherment', 'DataEncipherment'] },
  custom: { ekus: [], keyUsage: ['DigitalSignature', 'KeyEncipherment'] },
};

/** New-SelfSignedCertificate (module PKI): key in the chosen provider, certificate in CurrentUser\My or LocalMachine\My. */
export class NewSelfSignedCertificateCommand extends PkiCmdlet {
  static override meta: CmdletMeta = {
    verb: 'New', noun: 'SelfSignedCertificate', module: 'PKI',
    className: 'Microsoft.CertificateServices.Commands.NewSelfSignedCertificateCommand',
    supportsShouldProcess: true, confirmImpact: 'Medium',
    outputType: ['System.Security.Cryptography.X509Certificates.X509Certificate2'],
    synopsis: 'Creates a new self-signed certificate for testing purposes.',
    description: 'Creates a self-signed certificate (X.509 v3, RSA 2048 and SHA256 by default) and its private key in the key storage provider named by -Provider, and adds the certificate to Cert:\\CurrentUser\\My or Cert:\\LocalMachine\\My. Defaults follow Windows: valid from 10 minutes ago for one year, key usage DigitalSignature, KeyEncipherment, enhanced key usage Client Authentication and Server Authentication, key export policy ExportableEncrypted.',
    examples: [
      { title: 'Example 1: Create a certificate for a web server', code: "New-SelfSignedCertificate -DnsName 'www.fabrikam.com', 'www.contoso.com' -CertStoreLocation 'Cert:\\LocalMachine\\My'" },
      {
        title: 'Example 2: The Bring-Your-Own-Certificate prerequisite (TPM, non-exportable key)',
        code: "New-SelfSignedCertificate -Subject 'CN=ConnectSyncBYOC' -CertStoreLocation Cert:\\LocalMachine\\My -KeyLength 2048 -KeyAlgorithm RSA -HashAlgorithm SHA256 -KeyExportPolicy NonExportable -Provider 'Microsoft Platform Crypto Provider'",
      },
    ],
    parameters: [
      param('Subject', T.String, { description: "The subject; 'CN=' is prefixed to a value without '='. Defaults to the first DnsName." }),
      param('DnsName', T.array(T.String), { description: 'DNS names for the subject alternative name extension; the first is also the subject when -Subject is absent.' }),
      param('CertStoreLocation', T.String, { description: 'Cert:\\CurrentUser\\My or Cert:\\LocalMachine\\My.', defaultValue: 'Cert:\\CurrentUser\\My' }),
      param('KeyExportPolicy', T.array(KEY_EXPORT_POLICY), { defaultValue: 'ExportableEncrypted' }),
      param('KeyLength', T.Int, { defaultValue: '2048' }),
      param('KeyAlgorithm', T.String, { defaultValue: 'RSA' }),
      param('HashAlgorithm', T.String, { defaultValue: 'SHA256' }),
      param('Provider', T.String, { defaultValue: 'Microsoft Software Key Storage Provider' }),
      param('NotAfter', T.DateTime, { description: 'Default: one year after creation.' }),
      param('NotBefore', T.DateTime, { description: 'Default: 10 minutes before creation.' }),
      param('KeySpec', KEY_SPEC, { defaultValue: 'None' }),
      param('KeyUsage', T.array(KEY_USAGE), { defaultValue: 'DigitalSignature, KeyEncipherment' }),
      param('FriendlyName', T.String),
      param('TextExtension', T.array(T.String)),
      param('Type', CERT_TYPE, { defaultValue: 'SSLServerAuthentication' }),
      param('SerialNumber', T.String),
      param('KeyFriendlyName', T.String),
      param('KeyDescription', T.String),
      param('KeyProtection', T.array(KEY_PROTECTION)),
      param('SuppressOid', T.array(T.String)),
      param('CloneCert', CERTIFICATE_TYPE, { valueFromPipeline: true }),
      param('Signer', CERTIFICATE_TYPE),
      param('AlternateSignatureAlgorithm', T.Switch),
      param('TestRoot', T.Switch),
    ],
  };

  Subject?: string;
  DnsName?: string[];
  CertStoreLocation?: string;
  KeyExportPolicy?: string[];
  KeyLength?: number;
  KeyAlgorithm?: string;
  HashAlgorithm?: string;
  Provider?: string;
  NotAfter?: PSDateTime | Date;
  NotBefore?: PSDateTime | Date;
  KeySpec?: string;
  KeyUsage?: string[];
  FriendlyName?: string;
  TextExtension?: string[];
  Type?: string;
  SerialNumber?: string;
  SuppressOid?: string[];
  CloneCert?: unknown;
  Signer?: unknown;
  AlternateSignatureAlgorithm?: boolean;
  TestRoot?: boolean;

  override async processRecord(): Promise<void> {
    let opts: NewCertificateOptions;
    try {
      opts = this.options();
    } catch (e) {
      this.fail(e, this.Subject ?? this.DnsName?.[0] ?? null);
      return;
    }
    const target = opts.subject ?? (opts.dnsNames?.[0] ? `CN=${opts.dnsNames[0]}` : '');
    if (!(await this.shouldProcess(target, 'New-SelfSignedCertificate'))) return;
    try {
      const stored = await newSelfSignedCertificate(this.pki(), opts);
      await this.writeObject(this.present(stored));
    } catch (e) {
      this.fail(e, target);
    }
  }

  private options(): NewCertificateOptions {
    if (this.Signer !== undefined && this.Signer !== null) throw notImplemented('-Signer');
    if (this.AlternateSignatureAlgorithm) throw notImplemented('-AlternateSignatureAlgorithm (RSA-PSS)');
    if (this.TestRoot) throw notImplemented('-TestRoot');
    const clone = this.CloneCert !== undefined && this.CloneCert !== null ? this.resolveCertificate(this.CloneCert) : undefined;
    const type = TYPE_DEFAULTS[(this.Type ?? 'SSLServerAuthentication').toLowerCase()]!;
    const text = parseTextExtensions(this.TextExtension ?? []);
    let ekus = text.enhancedKeyUsages ?? (clone ? clone.enhancedKeyUsageList.map((k) => k.oid) : type.ekus);
    const suppressed = new Set((this.SuppressOid ?? []).map((s) => s.trim()));
    if (suppressed.has(OID.extKeyUsage)) ekus = [];
    let dnsNames = [...(this.DnsName ?? clone?.dnsNames ?? []), ...(text.dnsNames ?? [])];
    if (suppressed.has(OID.subjectAltName)) dnsNames = [];
    const subject = this.Subject !== undefined && this.Subject !== ''
      ? (this.Subject.includes('=') ? this.Subject : `CN=${this.Subject}`)
      : clone && !this.DnsName ? clone.subject : undefined;
    const keyUsage = suppressed.has(OID.keyUsage) ? ['None'] : this.KeyUsage ?? (clone ? clone.keyUsage.map(keyUsageFlag) : type.keyUsage);
    return {
      ...(subject ? { subject } : {}),
      ...(dnsNames.length ? { dnsNames } : {}),
      certStoreLocation: this.storeLocation(this.CertStoreLocation),
      ...(this.Provider !== undefined ? { provider: this.Provider } : {}),
      ...(this.KeyExportPolicy?.length ? { keyExportPolicy: this.KeyExportPolicy[this.KeyExportPolicy.length - 1]! } : {}),
      ...(this.KeyAlgorithm !== undefined ? { keyAlgorithm: this.KeyAlgorithm } : clone ? { keyAlgorithm: cloneAlgorithm(clone.keyAlgorithm, clone.keyLength) } : {}),
      ...(this.KeyLength !== undefined ? { keyLength: this.KeyLength } : clone?.keyAlgorithm === 'RSA' ? { keyLength: clone.keyLength } : {}),
      ...(this.HashAlgorithm !== undefined ? { hashAlgorithm: this.HashAlgorithm } : {}),
      ...(this.NotBefore ? { notBefore: toDate(this.NotBefore) } : {}),
      ...(this.NotAfter ? { notAfter: toDate(this.NotAfter) } : {}),
      ...(this.SerialNumber ? { serialNumber: this.SerialNumber } : {}),
      keyUsage,
      enhancedKeyUsages: ekus,
      ...(text.basicConstraints ? { basicConstraints: text.basicConstraints } : {}),
      ...(this.FriendlyName !== undefined ? { friendlyName: this.FriendlyName } : {}),
      clock: this.pki().clock,
    };
  }
}

/** A certificate's key usage as Windows prints it ('Off-line CRL Signing') → the -KeyUsage flag ('CRLSign'). */
const KEY_USAGE_FLAGS: Record<string, string> = {
  'digital signature': 'DigitalSignature', 'non-repudiation': 'NonRepudiation', 'key encipherment': 'KeyEncipherment',
  'data encipherment': 'DataEncipherment', 'key agreement': 'KeyAgreement', 'certificate signing': 'CertSign',
  'off-line crl signing': 'CRLSign', 'crl signing': 'CRLSign', 'encipher only': 'EncipherOnly', 'decipher only': 'DecipherOnly',
};

function keyUsageFlag(name: string): string { return KEY_USAGE_FLAGS[name.toLowerCase()] ?? name.replace(/[\s-]/g, ''); }

function cloneAlgorithm(alg: string, length: number): string {
  return alg === 'RSA' ? 'RSA' : `ECDSA_nistP${length}`;
}

function toDate(v: PSDateTime | Date): Date { return v instanceof PSDateTime ? v.toDate() : new Date(v); }

function notImplemented(what: string): Error {
  return Object.assign(new Error(`New-SelfSignedCertificate ${what} is not supported by the emulator.`), { errorId: 'NotSupportedByEmulator', category: 'NotImplemented' });
}
