import { expect } from 'chai';
import * as fs from 'node:fs';
import { parseCertificate, certificateX5t, CertificateFormatError, exportCertificatePem } from '../../pki/index.js';
import { fingerprint, openssl, opensslCert, tempDir } from './helpers.js';

describe('pki: parsing certificates', function () {
  this.timeout(60_000);
  const files = tempDir();
  after(() => files.cleanup());

  it('reads an openssl certificate from DER and PEM with the facts openssl reports', () => {
    const c = opensslCert(files.dir, 'parsed', 'rsa:2048', ['-addext', 'subjectAltName=DNS:a.example,DNS:b.example', '-addext', 'extendedKeyUsage=clientAuth']);
    const derFile = files.file('parsed.cer');
    fs.writeFileSync(derFile, c.der);
    for (const input of [c.der, fs.readFileSync(c.pem, 'utf8'), new Uint8Array(fs.readFileSync(c.pem))]) {
      const i = parseCertificate(input);
      expect(i.thumbprint).to.equal(fingerprint(derFile, 'sha1'));
      expect(i.sha256).to.equal(fingerprint(derFile, 'sha256'));
      // .NET keeps the DER's 00 sign byte before a serial whose top bit is set; openssl prints the number without it.
      const fromOpenssl = openssl(['x509', '-in', c.pem, '-noout', '-serial']).trim().split('=')[1]!;
      expect(i.serialNumber.replace(/^00(?=[89A-F])/, '')).to.equal(fromOpenssl);
      if (/^[89A-F]/.test(fromOpenssl)) expect(i.serialNumber).to.equal('00' + fromOpenssl);
      expect(i.subject).to.equal('CN=parsed');
      expect(i.keyLength).to.equal(2048);
      expect(i.dnsNames).to.deep.equal(['a.example', 'b.example']);
      expect(i.enhancedKeyUsageList.map((e) => e.display)).to.deep.equal(['Client Authentication (1.3.6.1.5.5.7.3.2)']);
      expect(i.hasPrivateKey).to.equal(false);
      const end = new Date(openssl(['x509', '-in', c.pem, '-noout', '-enddate']).trim().split('=')[1]!);
      expect(i.notAfter.getTime()).to.equal(end.getTime());
    }
  });

  it('prints a multi-RDN subject the Windows way (most specific first, e-mail as E=)', () => {
    const key = files.file('rdn.key');
    const pem = files.file('rdn.pem');
    openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', pem, '-subj', '/C=US/ST=WA/O=Contoso/OU=IT/CN=Patti Fuller/emailAddress=patti.fuller@contoso.com']);
    const i = parseCertificate(fs.readFileSync(pem, 'utf8'));
    expect(i.subject).to.equal('E=patti.fuller@contoso.com, CN=Patti Fuller, OU=IT, O=Contoso, S=WA, C=US');
    expect(i.dnsNameList).to.deep.equal(['Patti Fuller']);
  });

  it('reads the text encodings Windows tools write: CRLF, UTF-8 BOM, UTF-16 (Out-File), bare Base64', () => {
    const c = opensslCert(files.dir, 'enc', 'rsa:2048');
    const pem = fs.readFileSync(c.pem, 'utf8');
    const crlf = pem.replace(/\n/g, '\r\n');
    const inputs: (Uint8Array | string)[] = [
      crlf,
      new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf)])),
      new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(crlf, 'utf16le')])),
      new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(crlf, 'utf16le').swap16()])),
      Buffer.from(c.der).toString('base64'),
      `Bag Attributes\n    friendlyName: x\n${pem}`,
    ];
    for (const input of inputs) expect(parseCertificate(input).subject).to.equal('CN=enc');
  });

  it('gives x5t and x5t#S256 for JWT headers', () => {
    const c = opensslCert(files.dir, 'x5t', 'rsa:2048');
    const i = parseCertificate(c.der);
    const { x5t, 'x5t#S256': s256 } = certificateX5t(i);
    expect(Buffer.from(x5t, 'base64url').toString('hex').toUpperCase()).to.equal(i.thumbprint);
    expect(Buffer.from(s256, 'base64url')).to.have.length(32);
    expect(x5t).not.to.match(/[+/=]/);
  });

  it('keeps the 00 sign byte of a serial whose top bit is set', () => {
    const key = files.file('s.key');
    const pem = files.file('s.pem');
    openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', pem, '-subj', '/CN=s', '-set_serial', '0x8877665544332211']);
    expect(parseCertificate(fs.readFileSync(pem, 'utf8')).serialNumber).to.equal('008877665544332211');
  });

  it('reads EC certificates', () => {
    const c = opensslCert(files.dir, 'ec', 'ec', ['-pkeyopt', 'ec_paramgen_curve:P-384']);
    const i = parseCertificate(c.der);
    expect(i.keyAlgorithm).to.equal('ECC');
    expect(i.keyLength).to.equal(384);
    expect(i.signatureAlgorithm).to.equal('sha256ECDSA');
  });

  describe('malformed input gives CertificateFormatError', () => {
    let cached: ReturnType<typeof opensslCert> | undefined;
    const good = () => (cached ??= opensslCert(files.dir, 'good', 'rsa:2048'));
    const cases: [string, (g: ReturnType<typeof good>) => Uint8Array | string][] = [
      ['truncated DER', (g) => g.der.subarray(0, g.der.length - 10)],
      ['DER cut to its header', (g) => g.der.subarray(0, 4)],
      ['DER with trailing bytes', (g) => new Uint8Array([...g.der, 0, 0])],
      ['empty input', () => new Uint8Array(0)],
      ['a SEQUENCE that is not a certificate', () => Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x05)],
      ['PEM with garbage in the Base64', (g) => fs.readFileSync(g.pem, 'utf8').replace(/\n([A-Za-z0-9+/]{10})/, '\n$1!!**garbage**')],
      ['PEM without END line', (g) => fs.readFileSync(g.pem, 'utf8').replace(/-----END CERTIFICATE-----/, '')],
      ['PEM of a private key', (g) => fs.readFileSync(g.key, 'utf8')],
      ['PEM whose body decodes to garbage', () => exportCertificatePem({ der: new Uint8Array(64).fill(0x41) } as never)],
      ['plain text', () => 'hello, this is not a certificate'],
    ];
    for (const [name, make] of cases) {
      it(name, () => {
        const input = make(good());
        let err: unknown;
        try { parseCertificate(input); } catch (e) { err = e; }
        expect(err).to.be.instanceOf(CertificateFormatError);
        expect((err as CertificateFormatError).errorId).to.equal('InvalidCertificateData');
        expect((err as CertificateFormatError).category).to.equal('InvalidData');
        expect((err as Error).message).to.match(/not a valid X\.509 certificate: .+/);
      });
    }
  });
});
