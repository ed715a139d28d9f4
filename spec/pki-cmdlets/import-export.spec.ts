import * as fs from 'node:fs';
import { expect } from 'chai';
import { PSObject } from '../../runtime/values/psobject.js';
import { objectToString } from '../../runtime/format/display-string.js';
import type { CommandArgument } from '../../runtime/commands/invocation.js';
import { PkiSession, BYOC_ARGS, call, openssl, prop, secure } from './harness.js';

const named = (name: string, value: unknown): CommandArgument => ({ kind: 'parameter', name, text: `-${name}`, hasValue: true, value });

/** A certificate + key made by openssl itself, and a PFX of them. */
function opensslPfx(s: PkiSession, name: string, opts: { newkey?: string; legacy?: boolean; days?: string; password?: string } = {}): { pfx: string; keyFile: string; pem: string } {
  const keyFile = s.file(`${name}.key`);
  const pem = s.file(`${name}.pem`);
  const pfx = s.file(`${name}.pfx`);
  openssl(['req', '-x509', '-newkey', opts.newkey ?? 'rsa:2048', '-nodes', '-subj', `/CN=${name}`, '-keyout', keyFile, '-out', pem, '-days', opts.days ?? '30']);
  openssl(['pkcs12', '-export', ...(opts.legacy ? ['-legacy'] : []), '-in', pem, '-inkey', keyFile, '-passout', `pass:${opts.password ?? 'P@ssw0rd'}`, '-out', pfx]);
  return { pfx, keyFile, pem };
}

const modulusOfKey = (file: string) => openssl(['rsa', '-in', file, '-noout', '-modulus']).trim();

describe('pki cmdlets: Import-*/Export-* (acceptance 3)', () => {
  let s: PkiSession;
  beforeEach(() => { s = new PkiSession(); });
  afterEach(() => s.cleanup());

  for (const legacy of [false, true]) {
    it(`imports a PFX from openssl pkcs12 -export${legacy ? ' -legacy (RC2/3DES)' : ' (AES-256)'}; the key is non-exportable`, async () => {
      const { pfx, pem } = opensslPfx(s, legacy ? 'legacy' : 'modern', { legacy });
      const r = await s.run('Import-PfxCertificate', { FilePath: pfx, CertStoreLocation: 'Cert:\\LocalMachine\\My', Password: secure('P@ssw0rd') });
      expect(r.errors).to.deep.equal([]);
      expect(r.output).to.have.length(1);
      const cert = r.output[0];
      const sha1 = openssl(['x509', '-in', pem, '-noout', '-fingerprint', '-sha1']).trim().split('=')[1]!.replace(/:/g, '');
      expect(prop(cert, 'Thumbprint')).to.equal(sha1);
      expect(prop(cert, 'HasPrivateKey')).to.equal(true);
      expect(prop(cert, 'PSParentPath')).to.equal('Microsoft.PowerShell.Security\\Certificate::LocalMachine\\My');
      expect(prop(cert, 'PrivateKey', 'Key', 'ExportPolicy')).to.equal('None');
      const out = s.file('again.pfx');
      const e = await s.run('Export-PfxCertificate', { Cert: cert, FilePath: out, Password: secure('x') });
      expect(e.errors[0]!.message).to.equal('Cannot export non-exportable private key.');
      expect(fs.existsSync(out)).to.equal(false);
    });
  }

  for (const option of ['TripleDES_SHA1', 'AES256_SHA256', undefined]) {
    it(`an -Exportable key round-trips through Export-PfxCertificate${option ? ` -CryptoAlgorithmOption ${option}` : ' (default TripleDES_SHA1)'} and openssl reads it`, async () => {
      const { pfx, keyFile } = opensslPfx(s, 'roundtrip');
      const [cert] = (await s.run('Import-PfxCertificate', { FilePath: pfx, Password: secure('P@ssw0rd'), Exportable: true })).output;
      expect(prop(cert, 'PrivateKey', 'Key', 'ExportPolicy')).to.equal('AllowExport, AllowPlaintextExport');
      const out = s.file('out.pfx');
      const r = await s.run('Export-PfxCertificate', { Cert: cert, FilePath: out, Password: secure('n3w pass'), ...(option ? { CryptoAlgorithmOption: option } : {}) });
      expect(r.errors).to.deep.equal([]);
      expect(prop(r.output[0], 'Name')).to.equal('out.pfx');
      const keyPem = s.file('back.key');
      openssl(['pkcs12', '-in', out, '-passin', 'pass:n3w pass', '-nocerts', '-nodes', '-out', keyPem]);
      expect(modulusOfKey(keyPem)).to.equal(modulusOfKey(keyFile));
      const certPem = openssl(['pkcs12', '-in', out, '-passin', 'pass:n3w pass', '-nokeys']);
      expect(certPem).to.include('-----BEGIN CERTIFICATE-----');
      // ...and the emulator reads its own file back.
      const again = await s.run('Import-PfxCertificate', { FilePath: out, CertStoreLocation: 'Cert:\\LocalMachine\\My', Password: secure('n3w pass') });
      expect(again.errors).to.deep.equal([]);
      expect(prop(again.output[0], 'Thumbprint')).to.equal(prop(cert, 'Thumbprint'));
    });
  }

  it('Export-PfxCertificate takes certificates from the pipeline (by PSPath) and by path string', async () => {
    const [cert] = (await s.run('New-SelfSignedCertificate', { Subject: 'CN=piped', KeyExportPolicy: 'Exportable' })).output;
    const out = s.file('piped.pfx');
    const r = await s.pipeline([{ name: 'Export-PfxCertificate', args: [named('FilePath', out), named('Password', secure('pw'))] }], [cert]);
    expect(r.errors).to.deep.equal([]);
    expect(openssl(['pkcs12', '-in', out, '-passin', 'pass:pw', '-nokeys'])).to.include('subject=CN = piped');
    const byPath = s.file('bypath.pfx');
    const r2 = await s.run('Export-PfxCertificate', { Cert: `Cert:\\CurrentUser\\My\\${prop(cert, 'Thumbprint')}`, FilePath: byPath, Password: secure('pw') });
    expect(r2.errors).to.deep.equal([]);
    expect(fs.existsSync(byPath)).to.equal(true);
  });

  it('a non-exportable key cannot leave by any path: Export-PfxCertificate, PrivateKey export methods, Export(Pfx); Export-Certificate writes only the certificate', async () => {
    const [cert] = (await s.run('New-SelfSignedCertificate', BYOC_ARGS)).output;
    const out = s.file('tpm.pfx');
    const r = await s.run('Export-PfxCertificate', { Cert: cert, FilePath: out, Password: secure('pw'), CryptoAlgorithmOption: 'AES256_SHA256' });
    expect(r.output).to.deep.equal([]);
    expect(r.errors).to.have.length(1);
    const err = r.errors[0]!;
    expect(err.message).to.equal('Cannot export non-exportable private key.');
    expect(err.fullyQualifiedErrorId).to.equal('System.ComponentModel.Win32Exception,Microsoft.CertificateServices.Commands.ExportPfxCertificate');
    expect(err.category).to.equal('NotSpecified');
    expect(err.categoryInfo()).to.match(/^NotSpecified: .*\[Export-PfxCertificate\], Win32Exception$/);
    expect(fs.existsSync(out)).to.equal(false);
    // through the pipeline, by PSPath
    const piped = await s.pipeline([{ name: 'Export-PfxCertificate', args: [named('FilePath', out), named('Password', secure('pw'))] }], [cert]);
    expect(piped.errors[0]!.message).to.equal('Cannot export non-exportable private key.');
    expect(fs.existsSync(out)).to.equal(false);
    // a software key created NonExportable
    const [soft] = (await s.run('New-SelfSignedCertificate', { Subject: 'CN=soft', KeyExportPolicy: 'NonExportable' })).output;
    expect((await s.run('Export-PfxCertificate', { Cert: soft, FilePath: out, Password: secure('pw') })).errors[0]!.message).to.equal('Cannot export non-exportable private key.');
    // .NET members
    const key = prop(cert, 'PrivateKey') as PSObject;
    for (const m of ['ExportPkcs8PrivateKey', 'ExportRSAPrivateKey', 'ExportEncryptedPkcs8PrivateKey']) {
      expect(() => call(key, m)).to.throw('The requested operation is not supported.');
    }
    expect(() => call(key, 'ExportParameters', true)).to.throw('The requested operation is not supported.');
    expect(() => call(cert, 'Export', 'Pfx', 'pw')).to.throw('The requested operation is not supported.');
    expect(JSON.stringify(key.properties().map((p) => objectToString(p.get())))).to.not.match(/PRIVATE KEY|MII/);
    // Export-Certificate: the DER of the certificate and nothing else
    const cer = s.file('tpm.cer');
    await s.run('Export-Certificate', { Cert: cert, FilePath: cer });
    expect(Buffer.from(fs.readFileSync(cer)).equals(Buffer.from(prop(cert, 'RawData') as Uint8Array))).to.equal(true);
    expect(fs.readFileSync(cer).toString('latin1')).to.not.include('PRIVATE');
  });

  it('a certificate without a private key exports to PFX alone, as Windows does', async () => {
    const { pem } = opensslPfx(s, 'nokey');
    const r = await s.run('Import-Certificate', { FilePath: pem, CertStoreLocation: 'Cert:\\LocalMachine\\Root' });
    expect(r.errors).to.deep.equal([]);
    expect(prop(r.output[0], 'HasPrivateKey')).to.equal(false);
    expect(prop(r.output[0], 'PrivateKey')).to.equal(null);
    const out = s.file('certonly.pfx');
    const e = await s.run('Export-PfxCertificate', { Cert: r.output[0], FilePath: out, Password: secure('pw'), CryptoAlgorithmOption: 'AES256_SHA256' });
    expect(e.errors).to.deep.equal([]);
    expect(openssl(['pkcs12', '-in', out, '-passin', 'pass:pw', '-nodes'])).to.not.include('PRIVATE KEY');
  });

  it('Export-PfxCertificate without -Password is refused before anything is written', async () => {
    const [cert] = (await s.run('New-SelfSignedCertificate', { Subject: 'CN=nopw', KeyExportPolicy: 'Exportable' })).output;
    const out = s.file('nopw.pfx');
    const r = await s.run('Export-PfxCertificate', { Cert: cert, FilePath: out });
    expect(r.errors[0]!.errorId).to.equal('PasswordOrProtectToRequired');
    expect(fs.existsSync(out)).to.equal(false);
  });

  it('Import-Certificate reads DER and PEM; Export-Certificate -NoClobber keeps an existing file', async () => {
    const { pem } = opensslPfx(s, 'plain');
    const der = s.file('plain.cer');
    openssl(['x509', '-in', pem, '-outform', 'der', '-out', der]);
    const a = await s.run('Import-Certificate', { FilePath: der, CertStoreLocation: 'Cert:\\CurrentUser\\My' });
    const b = await s.run('Import-Certificate', { FilePath: pem, CertStoreLocation: 'cert:/currentuser/root' });
    expect(prop(a.output[0], 'Thumbprint')).to.equal(prop(b.output[0], 'Thumbprint'));
    expect(prop(b.output[0], 'PSParentPath')).to.equal('Microsoft.PowerShell.Security\\Certificate::CurrentUser\\Root');
    const r = await s.run('Export-Certificate', { Cert: a.output[0], FilePath: der, NoClobber: true });
    expect(r.errors[0]!.errorId).to.equal('NoClobber');
  });
});
