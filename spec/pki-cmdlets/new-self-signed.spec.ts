import * as fs from 'node:fs';
import { expect } from 'chai';
import { PSObject } from '../../runtime/values/psobject.js';
import { PSDateTime } from '../../runtime/values/datetime.js';
import { objectToString, cellText } from '../../runtime/format/display-string.js';
import { PkiSession, BYOC_ARGS, call, fingerprint, openssl, prop } from './harness.js';

describe('pki cmdlets: New-SelfSignedCertificate', () => {
  let s: PkiSession;
  beforeEach(() => { s = new PkiSession(); });
  afterEach(() => s.cleanup());

  it('acceptance 1: the BYOC certificate exported with Export-Certificate is what openssl reads, hashes and verifies', async () => {
    const made = await s.run('New-SelfSignedCertificate', BYOC_ARGS);
    expect(made.errors).to.deep.equal([]);
    expect(made.output).to.have.length(1);
    const cert = made.output[0];
    const der = s.file('byoc.cer');
    const exported = await s.run('Export-Certificate', { Cert: cert, FilePath: der, Type: 'CERT' });
    expect(exported.errors).to.deep.equal([]);
    expect(prop(exported.output[0], 'FullName')).to.equal(der);
    expect(prop(exported.output[0], 'Length')).to.equal(fs.statSync(der).size);

    const text = openssl(['x509', '-inform', 'der', '-in', der, '-noout', '-text']);
    expect(text).to.match(/Version: 3 \(0x2\)/);
    expect(text).to.match(/Signature Algorithm: sha256WithRSAEncryption/);
    expect(text).to.match(/Public-Key: \(2048 bit\)/);
    expect(text).to.match(/Subject: CN ?= ?ConnectSyncBYOC/);
    expect(text).to.match(/X509v3 Key Usage: critical\s+Digital Signature, Key Encipherment/);
    expect(text).to.match(/TLS Web Client Authentication, TLS Web Server Authentication/);

    expect(prop(cert, 'Thumbprint')).to.equal(fingerprint(der, 'sha1'));
    expect(call(cert, 'GetCertHashString')).to.equal(fingerprint(der, 'sha1'));
    expect(call(cert, 'GetCertHashString', 'SHA256')).to.equal(fingerprint(der, 'sha256'));
    expect(Buffer.from(call(cert, 'GetCertHash', 'SHA256') as Uint8Array).toString('hex').toUpperCase()).to.equal(fingerprint(der, 'sha256'));
    expect(Buffer.from(call(cert, 'GetRawCertData') as Uint8Array).equals(fs.readFileSync(der))).to.equal(true);

    const pem = s.file('byoc.pem');
    openssl(['x509', '-inform', 'der', '-in', der, '-out', pem]);
    expect(openssl(['verify', '-CAfile', pem, pem]).trim()).to.equal(`${pem}: OK`);
  });

  it('creates the key in the TPM provider, non-exportable, in LocalMachine\\My, shown as pwsh shows a store certificate', async () => {
    const { output: [cert] } = await s.run('New-SelfSignedCertificate', BYOC_ARGS);
    const o = cert as PSObject;
    expect(o.typeNames).to.deep.equal([
      'System.Security.Cryptography.X509Certificates.X509Certificate2',
      'System.Security.Cryptography.X509Certificates.X509Certificate', 'System.Object']);
    const t = prop(o, 'Thumbprint') as string;
    expect(t).to.match(/^[0-9A-F]{40}$/);
    expect(prop(o, 'PSPath')).to.equal(`Microsoft.PowerShell.Security\\Certificate::LocalMachine\\My\\${t}`);
    expect(prop(o, 'PSParentPath')).to.equal('Microsoft.PowerShell.Security\\Certificate::LocalMachine\\My');
    expect(prop(o, 'PSChildName')).to.equal(t);
    expect(objectToString(prop(o, 'PSDrive'))).to.equal('Cert');
    expect(objectToString(prop(o, 'PSProvider'))).to.equal('Microsoft.PowerShell.Security\\Certificate');
    expect(prop(o, 'Subject')).to.equal('CN=ConnectSyncBYOC');
    expect(prop(o, 'Issuer')).to.equal('CN=ConnectSyncBYOC');
    expect(prop(o, 'SerialNumber')).to.match(/^[0-9A-F]{32}$/);
    expect(prop(o, 'Version')).to.equal(3);
    expect(prop(o, 'HasPrivateKey')).to.equal(true);
    expect(objectToString(prop(o, 'PrivateKey'))).to.equal('System.Security.Cryptography.RSACng');
    expect(objectToString(prop(o, 'PrivateKey', 'Key', 'Provider'))).to.equal('Microsoft Platform Crypto Provider');
    expect(prop(o, 'PrivateKey', 'Key', 'ExportPolicy')).to.equal('None');
    expect(prop(o, 'PrivateKey', 'Key', 'IsMachineKey')).to.equal(true);
    expect(prop(o, 'PrivateKey', 'KeySize')).to.equal(2048);
    expect(prop(o, 'SignatureAlgorithm', 'FriendlyName')).to.equal('sha256RSA');
    expect(prop(o, 'SignatureAlgorithm', 'Value')).to.equal('1.2.840.113549.1.1.11');
    expect(prop(o, 'PublicKey', 'Oid', 'FriendlyName')).to.equal('RSA');
    expect(prop(o, 'PublicKey', 'Key', 'KeySize')).to.equal(2048);
    expect(cellText(prop(o, 'EnhancedKeyUsageList'))).to.equal('{Client Authentication (1.3.6.1.5.5.7.3.2), Server Authentication (1.3.6.1.5.5.7.3.1)}');
    expect(cellText(prop(o, 'DnsNameList'))).to.equal('{ConnectSyncBYOC}');
    expect(cellText(prop(o, 'Extensions'))).to.equal('{System.Security.Cryptography.Oid, System.Security.Cryptography.Oid, System.Security.Cryptography.Oid}');
    const nb = prop(o, 'NotBefore') as PSDateTime;
    const na = prop(o, 'NotAfter') as PSDateTime;
    expect(nb).to.be.instanceOf(PSDateTime);
    expect(nb.kind).to.equal('Local');
    expect(nb.ms).to.equal(s.clock.now().getTime() - 10 * 60 * 1000);
    expect(na.ms).to.equal(Date.UTC(2027, 2, 1, 12, 10, 0));
    expect(prop(o, 'RawData')).to.be.instanceOf(Uint8Array);
    const stored = s.pki.stores.get('LocalMachine\\My', t);
    expect(stored.key?.provider).to.equal('Microsoft Platform Crypto Provider');
    expect(stored.key?.exportPolicy).to.equal('NonExportable');
  });

  it('ToString() and ToString($true) follow X509Certificate / X509Certificate2', async () => {
    const { output: [cert] } = await s.run('New-SelfSignedCertificate', { DnsName: ['www.fabrikam.com', 'www.contoso.com'], CertStoreLocation: 'Cert:\\CurrentUser\\My' });
    const t = prop(cert, 'Thumbprint');
    const nb = (prop(cert, 'NotBefore') as PSDateTime).toString();
    const na = (prop(cert, 'NotAfter') as PSDateTime).toString();
    expect(objectToString(cert)).to.equal(`[Subject]\n  CN=www.fabrikam.com\n\n[Issuer]\n  CN=www.fabrikam.com\n\n[Serial Number]\n  ${prop(cert, 'SerialNumber')}\n\n`
      + `[Not Before]\n  ${nb}\n\n[Not After]\n  ${na}\n\n[Thumbprint]\n  ${t}\n\n`);
    const verbose = call(cert, 'ToString', true) as string;
    expect(verbose.startsWith('[Version]\n  V3\n\n[Subject]\n  CN=www.fabrikam.com\n  Simple Name: www.fabrikam.com\n  DNS Name: www.fabrikam.com\n\n[Issuer]\n')).to.equal(true);
    expect(verbose).to.include('[Signature Algorithm]\n  sha256RSA(1.2.840.113549.1.1.11)\n\n[Public Key]\n  Algorithm: RSA\n  Length: 2048\n  Key Blob: 30 82 01 0a 02 82 01 01');
    expect(verbose).to.include('  Parameters: 05 00\n\n[Private Key]\n');
    expect(verbose).to.include('* Key Usage(2.5.29.15):\n  Digital Signature, Key Encipherment (a0)');
    expect(verbose).to.include('* Subject Alternative Name(2.5.29.17):\n  DNS Name=www.fabrikam.com\nDNS Name=www.contoso.com');
    expect(verbose.endsWith('\n')).to.equal(true);
    expect(prop(cert, 'Subject')).to.equal('CN=www.fabrikam.com');
    expect(cellText(prop(cert, 'DnsNameList'))).to.equal('{www.fabrikam.com, www.contoso.com}');
  });

  it('defaults: CurrentUser\\My, ExportableEncrypted key in the software provider, RSA 2048 SHA256, CN= prefixed', async () => {
    const { output: [cert], errors } = await s.run('New-SelfSignedCertificate', { Subject: 'plainname' });
    expect(errors).to.deep.equal([]);
    expect(prop(cert, 'Subject')).to.equal('CN=plainname');
    expect(prop(cert, 'PSParentPath')).to.equal('Microsoft.PowerShell.Security\\Certificate::CurrentUser\\My');
    expect(objectToString(prop(cert, 'PrivateKey', 'Key', 'Provider'))).to.equal('Microsoft Software Key Storage Provider');
    expect(prop(cert, 'PrivateKey', 'Key', 'ExportPolicy')).to.equal('AllowExport');
    expect(s.count('CurrentUser\\My')).to.equal(1);
  });

  it('follows the current Cert: location when -CertStoreLocation is omitted', async () => {
    s.location = 'Cert:\\LocalMachine';
    const { output: [cert] } = await s.run('New-SelfSignedCertificate', { Subject: 'CN=here' });
    expect(prop(cert, 'PSParentPath')).to.equal('Microsoft.PowerShell.Security\\Certificate::LocalMachine\\My');
  });

  it('-Type CodeSigningCert, -TextExtension EKU/SAN/Basic Constraints, -NotAfter, -FriendlyName', async () => {
    const { output: [code] } = await s.run('New-SelfSignedCertificate', { Subject: 'CN=signer', Type: 'CodeSigningCert' });
    expect(cellText(prop(code, 'EnhancedKeyUsageList'))).to.equal('{Code Signing (1.3.6.1.5.5.7.3.3)}');
    const notAfter = PSDateTime.fromDate(new Date('2028-01-01T00:00:00Z'));
    const { output: [c], errors } = await s.run('New-SelfSignedCertificate', {
      Subject: 'CN=custom', Type: 'Custom', NotAfter: notAfter, FriendlyName: 'My friendly',
      TextExtension: ['2.5.29.37={text}1.3.6.1.5.5.7.3.2', '2.5.29.17={text}DNS=localhost&DNS=example.test', '2.5.29.19={critical}{text}ca=1&pathlength=0'],
    });
    expect(errors).to.deep.equal([]);
    expect(cellText(prop(c, 'EnhancedKeyUsageList'))).to.equal('{Client Authentication (1.3.6.1.5.5.7.3.2)}');
    expect(cellText(prop(c, 'DnsNameList'))).to.equal('{localhost, example.test}');
    expect((prop(c, 'NotAfter') as PSDateTime).ms).to.equal(notAfter.ms);
    expect(prop(c, 'FriendlyName')).to.equal('My friendly');
    const bc = (prop(c, 'Extensions') as PSObject[]).find((e) => prop(e, 'Oid', 'Value') === '2.5.29.19')!;
    expect(prop(bc, 'CertificateAuthority')).to.equal(true);
    expect(prop(bc, 'Critical')).to.equal(true);
  });

  it('-CloneCert from the pipeline copies subject, DNS names, EKUs and key size with a new key', async () => {
    const { output: [orig] } = await s.run('New-SelfSignedCertificate', { DnsName: ['a.example', 'b.example'], KeyLength: 3072, Type: 'CodeSigningCert' });
    const r = await s.pipeline([{ name: 'New-SelfSignedCertificate', args: [] }], [orig]);
    expect(r.errors).to.deep.equal([]);
    const clone = r.output[0];
    expect(prop(clone, 'Subject')).to.equal('CN=a.example');
    expect(cellText(prop(clone, 'DnsNameList'))).to.equal('{a.example, b.example}');
    expect(cellText(prop(clone, 'EnhancedKeyUsageList'))).to.equal('{Code Signing (1.3.6.1.5.5.7.3.3)}');
    expect(prop(clone, 'PublicKey', 'Key', 'KeySize')).to.equal(3072);
    expect(prop(clone, 'Thumbprint')).to.not.equal(prop(orig, 'Thumbprint'));
    expect(call(clone, 'GetPublicKeyString')).to.not.equal(call(orig, 'GetPublicKeyString'));
  });

  it('-WhatIf creates nothing', async () => {
    const r = await s.run('New-SelfSignedCertificate', { ...BYOC_ARGS, WhatIf: true });
    expect(r.output).to.deep.equal([]);
    expect(r.host.join('\n')).to.include('What if: Performing the operation "New-SelfSignedCertificate" on target "CN=ConnectSyncBYOC".');
    expect(s.count('LocalMachine\\My')).to.equal(0);
  });

  for (const [title, args, id, pattern] of [
    ['a key length the provider does not support', { Subject: 'CN=x', KeyLength: 1000 }, 'UnsupportedKey', /key length 1000/],
    ['an unknown key algorithm', { Subject: 'CN=x', KeyAlgorithm: 'DSA' }, 'UnsupportedKey', /key algorithm 'DSA'/],
    ['an unknown hash algorithm', { Subject: 'CN=x', HashAlgorithm: 'MD4' }, 'UnsupportedKey', /hash algorithm 'MD4'/],
    ['an unknown provider', { Subject: 'CN=x', Provider: 'Contoso HSM' }, 'ProviderNotFound', /Contoso HSM/],
    ['the TPM with an exportable key', { Subject: 'CN=x', Provider: 'Microsoft Platform Crypto Provider', KeyExportPolicy: 'Exportable' }, 'UnsupportedKey', /does not allow key export/],
    ['a store other than My', { Subject: 'CN=x', CertStoreLocation: 'Cert:\\LocalMachine\\Root' }, 'InvalidCertStoreLocation', /does not support other certificate stores/],
    ['an unsupported text extension', { Subject: 'CN=x', TextExtension: ['2.5.29.32={text}1.2.3'] }, 'InvalidTextExtension', /2\.5\.29\.32/],
    ['NotAfter before NotBefore', { Subject: 'CN=x', NotAfter: PSDateTime.fromDate(new Date('2020-01-01T00:00:00Z')) }, 'InvalidValidity', /must be later than NotBefore/],
  ] as const) {
    it(`refuses ${title} with an error record; nothing is stored`, async () => {
      const r = await s.run('New-SelfSignedCertificate', args);
      expect(r.output).to.deep.equal([]);
      expect(r.errors).to.have.length(1);
      expect(r.errors[0]!.errorId).to.equal(id);
      expect(r.errors[0]!.fullyQualifiedErrorId).to.equal(`${id},Microsoft.CertificateServices.Commands.NewSelfSignedCertificateCommand`);
      expect(r.errors[0]!.message).to.match(pattern);
      expect(s.count('CurrentUser\\My') + s.count('LocalMachine\\My')).to.equal(0);
      expect(s.pki.vault.list()).to.deep.equal([]);
    });
  }

  it('refuses the TPM provider while the emulated TPM is absent', async () => {
    const { setTpmPresent } = await import('../../pki/index.js');
    setTpmPresent(s.pki, false);
    const r = await s.run('New-SelfSignedCertificate', BYOC_ARGS);
    expect(r.errors[0]!.errorId).to.equal('TpmNotAvailable');
    expect(r.errors[0]!.message).to.include('NTE_DEVICE_NOT_READY');
    expect(s.count('LocalMachine\\My')).to.equal(0);
  });
});
