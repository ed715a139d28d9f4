import { expect } from 'chai';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ManualClock } from '../../state/index.js';
import { createSelfSignedCertificate, parseCertificate, exportCertificatePem, InvalidArgumentError, UnsupportedKeyError, PkiError } from '../../pki/index.js';
import { fingerprint, openssl, tempDir } from './helpers.js';

describe('pki: self-signed certificates (New-SelfSignedCertificate defaults)', function () {
  this.timeout(120_000);
  const files = tempDir();
  after(() => files.cleanup());
  const clock = new ManualClock(new Date('2026-05-08T07:35:27Z'));

  it('makes an X.509 v3 RSA-2048/SHA-256 certificate that openssl parses with the Windows default extensions', async () => {
    const c = await createSelfSignedCertificate({ subject: 'CN=ConnectSyncBYOC', dnsNames: ['sync01.contoso.com', 'sync.contoso.com'], clock });
    const f = files.file('byoc.cer');
    fs.writeFileSync(f, c.der);
    const text = openssl(['x509', '-inform', 'der', '-in', f, '-noout', '-text']);
    expect(text).to.include('Version: 3 (0x2)');
    expect(text).to.include('Signature Algorithm: sha256WithRSAEncryption');
    expect(text).to.include('Public-Key: (2048 bit)');
    expect(text).to.match(/Subject: CN ?= ?ConnectSyncBYOC/);
    expect(text).to.match(/Issuer: CN ?= ?ConnectSyncBYOC/);
    expect(text).to.match(/X509v3 Key Usage: critical\s+Digital Signature, Key Encipherment/);
    expect(text).to.match(/X509v3 Extended Key Usage:\s+TLS Web Client Authentication, TLS Web Server Authentication/);
    expect(text).to.match(/X509v3 Subject Alternative Name:\s+DNS:sync01.contoso.com, DNS:sync.contoso.com/);
    expect(text).to.include('X509v3 Subject Key Identifier');
    expect(text).not.to.include('Basic Constraints');
    // SKI is RFC 5280 method 1: SHA-1 of the subjectPublicKey bits, as Windows computes it.
    const ski = /Subject Key Identifier:\s+([0-9A-F:]+)/.exec(text)![1]!.replace(/:/g, '');
    expect(c.info.subjectKeyIdentifier).to.equal(ski);
  });

  it('has the thumbprint and SHA-256 hash openssl computes, and openssl verifies it as self-signed', async () => {
    const c = await createSelfSignedCertificate({ subject: 'CN=ConnectSyncBYOC', clock });
    const f = files.file('fp.cer');
    fs.writeFileSync(f, c.der);
    expect(c.info.thumbprint).to.equal(fingerprint(f, 'sha1'));
    expect(c.info.sha256).to.equal(fingerprint(f, 'sha256'));
    expect(c.info.thumbprint).to.match(/^[0-9A-F]{40}$/);
    expect(c.info.sha256).to.match(/^[0-9A-F]{64}$/);
    const pem = files.file('fp.pem');
    fs.writeFileSync(pem, exportCertificatePem(c.info));
    // Trust the certificate itself; -check_ss_sig makes openssl check its signature under its own key.
    const at = String(clock.now().getTime() / 1000 | 0);
    expect(openssl(['verify', '-CAfile', pem, '-partial_chain', '-check_ss_sig', '-attime', at, pem]).trim()).to.equal(`${pem}: OK`);
    // Control: the same check fails when one signature byte is flipped.
    const bad = new Uint8Array(c.der);
    bad[bad.length - 5]! ^= 0xff;
    const badPem = files.file('bad.pem');
    fs.writeFileSync(badPem, exportCertificatePem({ ...c.info, der: bad }));
    expect(() => openssl(['verify', '-CAfile', badPem, '-partial_chain', '-check_ss_sig', '-attime', at, badPem])).to.throw(/signature failure/);
  });

  it('uses a positive 16-byte random serial and Windows validity (now-10 min .. now+1 year+10 min)', async () => {
    const c = await createSelfSignedCertificate({ subject: 'CN=v', clock });
    expect(c.info.serialNumber).to.match(/^[0-7][0-9A-F]{31}$/);
    expect(c.info.notBefore.toISOString()).to.equal('2026-05-08T07:25:27.000Z');
    expect(c.info.notAfter.toISOString()).to.equal('2027-05-08T07:45:27.000Z');
    const c2 = await createSelfSignedCertificate({ subject: 'CN=v', clock });
    expect(c2.info.serialNumber).not.to.equal(c.info.serialNumber);
  });

  it('presents the certificate as X509Certificate2 does', async () => {
    const c = await createSelfSignedCertificate({ subject: 'CN=ConnectSyncBYOC', dnsNames: ['a.contoso.com'], clock });
    const i = c.info;
    expect(i.subject).to.equal('CN=ConnectSyncBYOC');
    expect(i.issuer).to.equal('CN=ConnectSyncBYOC');
    expect(i.version).to.equal(3);
    expect(i.keyAlgorithm).to.equal('RSA');
    expect(i.keyLength).to.equal(2048);
    expect(i.signatureAlgorithm).to.equal('sha256RSA');
    expect(i.signatureAlgorithmOid).to.equal('1.2.840.113549.1.1.11');
    expect(i.hasPrivateKey).to.equal(true);
    expect(i.enhancedKeyUsageList.map((e) => e.display)).to.deep.equal(['Client Authentication (1.3.6.1.5.5.7.3.2)', 'Server Authentication (1.3.6.1.5.5.7.3.1)']);
    expect(i.extensions.map((e) => e.oid)).to.deep.equal(['2.5.29.15', '2.5.29.37', '2.5.29.17', '2.5.29.14']);
    expect(i.extensions[0]!.formatted).to.equal('Digital Signature, Key Encipherment (a0)');
    expect(i.extensions[0]!.critical).to.equal(true);
    expect(i.dnsNames).to.deep.equal(['a.contoso.com']);
    expect(i.keyUsage).to.deep.equal(['Digital Signature', 'Key Encipherment']);
  });

  it('takes the first DNS name as subject, prefixes CN= to a bare subject, and keeps multi-RDN order', async () => {
    expect((await createSelfSignedCertificate({ dnsNames: ['www.fabrikam.com', 'www.contoso.com'], clock })).info.subject).to.equal('CN=www.fabrikam.com');
    expect((await createSelfSignedCertificate({ subject: 'ConnectSync', clock })).info.subject).to.equal('CN=ConnectSync');
    const c = await createSelfSignedCertificate({ subject: 'CN=Sync, OU=IT, O="Contoso, Ltd", C=US', clock });
    expect(c.info.subject).to.equal('CN=Sync, OU=IT, O="Contoso, Ltd", C=US');
    const f = files.file('rdn.cer');
    fs.writeFileSync(f, c.der);
    // openssl prints the DER order (most general first): the reverse of Windows' string.
    expect(openssl(['x509', '-inform', 'der', '-in', f, '-noout', '-subject', '-nameopt', 'RFC2253'])).to.include('subject=CN=Sync,OU=IT,O=Contoso\\, Ltd,C=US');
  });

  for (const [hash, oidName] of [['SHA384', 'sha384WithRSAEncryption'], ['SHA512', 'sha512WithRSAEncryption']] as const) {
    it(`signs with ${hash} when asked`, async () => {
      const c = await createSelfSignedCertificate({ subject: 'CN=h', hashAlgorithm: hash, clock });
      const f = files.file(`${hash}.cer`);
      fs.writeFileSync(f, c.der);
      expect(openssl(['x509', '-inform', 'der', '-in', f, '-noout', '-text'])).to.include(`Signature Algorithm: ${oidName}`);
      expect(c.info.signatureAlgorithm).to.equal(`${hash.toLowerCase()}RSA`);
    });
  }

  it('makes 3072-bit keys and EC keys', async () => {
    const r = await createSelfSignedCertificate({ subject: 'CN=r', keyLength: 3072, clock });
    expect(r.info.keyLength).to.equal(3072);
    const e = await createSelfSignedCertificate({ subject: 'CN=e', keyAlgorithm: 'ECDSA_nistP256', clock });
    expect(e.info.keyAlgorithm).to.equal('ECC');
    expect(e.info.keyLength).to.equal(256);
    expect(e.info.signatureAlgorithm).to.equal('sha256ECDSA');
    const f = files.file('ec.pem');
    fs.writeFileSync(f, exportCertificatePem(e.info));
    expect(openssl(['verify', '-CAfile', f, '-partial_chain', '-check_ss_sig', '-attime', String(clock.now().getTime() / 1000 | 0), f]).trim()).to.equal(`${f}: OK`);
  });

  it('issues a leaf under a CA certificate that openssl chains to the CA', async () => {
    const ca = await createSelfSignedCertificate({ subject: 'CN=syncshell local CA', keyUsage: ['CertSign', 'CRLSign', 'DigitalSignature'], enhancedKeyUsages: [], basicConstraints: { ca: true }, clock });
    const leaf = await createSelfSignedCertificate({ subject: 'CN=localhost', dnsNames: ['localhost'], signer: { certificateDer: ca.der, privateKey: ca.privateKey }, clock });
    expect(leaf.info.issuer).to.equal('CN=syncshell local CA');
    expect(ca.info.basicConstraints).to.deep.equal({ ca: true });
    const caPem = files.file('ca.pem');
    const leafPem = files.file('leaf.pem');
    fs.writeFileSync(caPem, exportCertificatePem(ca.info));
    fs.writeFileSync(leafPem, exportCertificatePem(leaf.info));
    expect(openssl(['verify', '-CAfile', caPem, '-attime', String(clock.now().getTime() / 1000 | 0), leafPem]).trim()).to.equal(`${leafPem}: OK`);
  });

  it('appends custom DER extensions (-TextExtension with hex values)', async () => {
    // certificatePolicies: SEQUENCE { PolicyInformation { anyPolicy 2.5.29.32.0 } }
    const value = Uint8Array.from(Buffer.from('300830060604551d2000', 'hex'));
    const c = await createSelfSignedCertificate({ subject: 'CN=policy', clock, customExtensions: [{ oid: '2.5.29.32', value }] });
    const f = files.file('policy.cer');
    fs.writeFileSync(f, c.der);
    expect(openssl(['x509', '-inform', 'der', '-in', f, '-noout', '-text'])).to.match(/Certificate Policies:\s+Policy: X509v3 Any Policy/);
    expect(c.info.extensions.map((e) => e.friendlyName)).to.include('Certificate Policies');
    let err: unknown;
    try { await createSelfSignedCertificate({ subject: 'CN=x', clock, customExtensions: [{ oid: '2.5.29.32', value: value.subarray(0, 5) }] }); } catch (e) { err = e; }
    expect(err).to.be.instanceOf(InvalidArgumentError);
  });

  it('rejects bad requests with typed errors', async () => {
    const cases: [object, new (...a: never[]) => PkiError][] = [
      [{ subject: 'CN=x', keyLength: 1000 }, UnsupportedKeyError],
      [{ subject: 'CN=x', hashAlgorithm: 'MD5' }, UnsupportedKeyError],
      [{ subject: 'CN=x', keyAlgorithm: 'DSA' }, UnsupportedKeyError],
      [{ subject: 'XX=x' }, InvalidArgumentError],
      [{}, InvalidArgumentError],
      [{ subject: 'CN=x', keyUsage: ['Bogus'] }, InvalidArgumentError],
      [{ subject: 'CN=x', notBefore: new Date('2027-01-01'), notAfter: new Date('2026-01-01') }, InvalidArgumentError],
    ];
    for (const [opts, type] of cases) {
      let err: unknown;
      try { await createSelfSignedCertificate({ clock, ...opts }); } catch (e) { err = e; }
      expect(err, JSON.stringify(opts)).to.be.instanceOf(type);
      expect((err as PkiError).errorId).to.be.a('string').and.not.empty;
      expect((err as PkiError).category).to.be.a('string').and.not.empty;
    }
  });

  it('round-trips through parseCertificate from DER and PEM', async () => {
    const c = await createSelfSignedCertificate({ subject: 'CN=rt', clock });
    expect(parseCertificate(c.der).thumbprint).to.equal(c.info.thumbprint);
    expect(parseCertificate(exportCertificatePem(c.info)).thumbprint).to.equal(c.info.thumbprint);
    expect(parseCertificate(new TextEncoder().encode(exportCertificatePem(c.info))).thumbprint).to.equal(c.info.thumbprint);
  });
});

describe('pki: buildSelfSignedCertificate (the pkijs-free builder) and the benchmark process', function () {
  this.timeout(60_000);
  it('the bench process prints a certificate openssl parses and verifies as self-signed', () => {
    const script = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bench/pki-process.js');
    const b64 = execFileSync(process.execPath, [script, '--overlap', '--print']).toString().trim();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pki-lean-'));
    try {
      const der = path.join(dir, 'c.der');
      fs.writeFileSync(der, Buffer.from(b64, 'base64'));
      const pem = path.join(dir, 'c.pem');
      fs.writeFileSync(pem, execFileSync('openssl', ['x509', '-inform', 'der', '-in', der]));
      expect(execFileSync('openssl', ['x509', '-in', pem, '-noout', '-text']).toString()).to.match(/Public-Key: \(2048 bit\)[\s\S]*X509v3 Subject Key Identifier/);
      expect(execFileSync('openssl', ['verify', '-CAfile', pem, '-partial_chain', '-check_ss_sig', pem]).toString()).to.match(/OK/);
    } finally { fs.rmSync(dir, { recursive: true, force: true }); }
  });
});
