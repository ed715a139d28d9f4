import { expect } from 'chai';
import * as fs from 'node:fs';
import * as asn1js from 'asn1js';
import {
  importPfx, exportPfx, exportPrivateKeyPem, inspectPfx, newSelfSignedCertificate, readPfx, buildPfx,
  PfxPasswordError, PfxFormatError, KeyNotExportableError, PkiError, CertificateRejectedError, importCertificate,
} from '../../pki/index.js';
import { openssl, opensslCert, opensslInfo, tempDir, tempPki } from './helpers.js';

describe('pki: PKCS#12 (PFX) import and export', function () {
  this.timeout(120_000);
  const files = tempDir();
  let src: ReturnType<typeof opensslCert>;
  let modulus: string;
  before(() => {
    src = opensslCert(files.dir, 'pfxsrc', 'rsa:2048');
    modulus = openssl(['rsa', '-in', src.key, '-noout', '-modulus']).trim();
  });
  after(() => files.cleanup());

  const opensslPfx = (name: string, extra: string[]) => {
    const out = files.file(`${name}.pfx`);
    openssl(['pkcs12', '-export', '-in', src.pem, '-inkey', src.key, '-passout', 'pass:P@ssw0rd!', '-out', out, ...extra]);
    return new Uint8Array(fs.readFileSync(out));
  };

  const variants: [string, string[], RegExp][] = [
    ['openssl pkcs12 -export (PBES2/AES-256, MAC SHA-256)', [], /PBES2, PBKDF2, AES-256-CBC/],
    ['openssl pkcs12 -export -legacy (RC2-40 certificates, 3DES key, MAC SHA-1)', ['-legacy'], /pbeWithSHA1And40BitRC2-CBC/],
    ['TripleDES_SHA1 (Windows Export-PfxCertificate default)', ['-certpbe', 'PBE-SHA1-3DES', '-keypbe', 'PBE-SHA1-3DES', '-macalg', 'sha1'], /pbeWithSHA1And3-KeyTripleDES-CBC/],
    ['no encryption of the certificates (-certpbe NONE)', ['-certpbe', 'NONE'], /PKCS7 Data/],
    ['PBES2 AES-128 with a SHA-512 MAC', ['-certpbe', 'AES-128-CBC', '-keypbe', 'AES-128-CBC', '-macalg', 'sha512'], /AES-128-CBC/],
    ['legacy RC2-128 certificates and 2-key 3DES key', ['-legacy', '-certpbe', 'PBE-SHA1-RC2-128', '-keypbe', 'PBE-SHA1-2DES'], /pbeWithSHA1And128BitRC2-CBC[\s\S]*pbeWithSHA1And2-KeyTripleDES-CBC/],
    ['legacy RC4-128', ['-legacy', '-certpbe', 'PBE-SHA1-RC4-128', '-keypbe', 'PBE-SHA1-RC4-40'], /pbeWithSHA1And128BitRC4[\s\S]*pbeWithSHA1And40BitRC4/],
  ];
  for (const [name, extra, info] of variants) {
    it(`imports ${name}`, () => {
      const bytes = opensslPfx(name.replace(/\W+/g, '_'), extra);
      const details = opensslInfo(['pkcs12', '-in', files.file(`${name.replace(/\W+/g, '_')}.pfx`), '-info', '-noout', '-passin', 'pass:P@ssw0rd!', ...(extra.includes('-legacy') ? ['-legacy'] : [])]);
      expect(details).to.match(info);
      const t = tempPki();
      try {
        const [cert, ...rest] = importPfx(t.ctx, bytes, 'P@ssw0rd!', { certStoreLocation: 'Cert:\\LocalMachine\\My' });
        expect(rest).to.have.length(0);
        expect(cert!.thumbprint).to.equal(openssl(['x509', '-in', src.pem, '-noout', '-fingerprint', '-sha1']).trim().split('=')[1]!.replace(/:/g, ''));
        expect(cert!.hasPrivateKey).to.equal(true);
        expect(cert!.key!.exportPolicy).to.equal('NonExportable');
        expect(cert!.key!.machineKey).to.equal(true);
        expect(t.ctx.stores.list('LocalMachine\\My').map((c) => c.thumbprint)).to.deep.equal([cert!.thumbprint]);
      } finally { t.cleanup(); }
    });
  }

  it('rejects a wrong password with the Import-PfxCertificate message and adds nothing', () => {
    for (const extra of [[], ['-legacy']]) {
      const bytes = opensslPfx(`wrong${extra.length}`, extra);
      const t = tempPki();
      try {
        let err: unknown;
        try { importPfx(t.ctx, bytes, 'not-the-password'); } catch (e) { err = e; }
        expect(err).to.be.instanceOf(PfxPasswordError);
        expect((err as Error).message).to.equal('The PFX file you are trying to import requires either a different password or membership in an Active Directory principal to which it is protected.');
        expect(t.ctx.stores.list('CurrentUser\\My')).to.have.length(0);
        expect(t.ctx.vault.list()).to.have.length(0);
      } finally { t.cleanup(); }
    }
  });

  it('reads a PFX without a MAC and a wrong password still fails as a password error', () => {
    const out = files.file('nomac.pfx');
    openssl(['pkcs12', '-export', '-in', src.pem, '-inkey', src.key, '-passout', 'pass:pw', '-out', out, '-nomac']);
    expect(readPfx(fs.readFileSync(out), 'pw')[0]!.pkcs8).to.be.instanceOf(Uint8Array);
    expect(() => readPfx(fs.readFileSync(out), 'nope')).to.throw(PfxPasswordError);
  });

  for (const cipher of ['AES256_SHA256', 'TripleDES_SHA1'] as const) {
    it(`round-trips an exportable key through Export-PfxCertificate (${cipher}) and openssl reads it`, async () => {
      const t = tempPki();
      try {
        const [imported] = importPfx(t.ctx, opensslPfx(`rt-${cipher}`, []), 'P@ssw0rd!', { exportable: true });
        const pfx = exportPfx(t.ctx, 'CurrentUser\\My', imported!.thumbprint, 'n3w-pässwörd', { cipher });
        const f = files.file(`exported-${cipher}.pfx`);
        fs.writeFileSync(f, pfx);
        const info = opensslInfo(['pkcs12', '-in', f, '-info', '-noout', '-passin', 'pass:n3w-pässwörd']);
        expect(info).to.include(cipher === 'AES256_SHA256' ? 'MAC: sha256' : 'MAC: sha1');
        expect(info).to.include(cipher === 'AES256_SHA256' ? 'PBES2, PBKDF2, AES-256-CBC' : 'pbeWithSHA1And3-KeyTripleDES-CBC');
        const pem = openssl(['pkcs12', '-in', f, '-nodes', '-passin', 'pass:n3w-pässwörd']);
        const keyFile = files.file(`exported-${cipher}.key`);
        fs.writeFileSync(keyFile, pem);
        expect(openssl(['rsa', '-in', keyFile, '-noout', '-modulus']).trim()).to.equal(modulus);
        expect(openssl(['x509', '-in', keyFile, '-noout', '-fingerprint', '-sha1']).trim().split('=')[1]!.replace(/:/g, '')).to.equal(imported!.thumbprint);
        // And it imports back.
        const t2 = tempPki();
        try { expect(importPfx(t2.ctx, pfx, 'n3w-pässwörd')[0]!.thumbprint).to.equal(imported!.thumbprint); } finally { t2.cleanup(); }
      } finally { t.cleanup(); }
    });
  }

  it('refuses to export a non-exportable key on every export path', async () => {
    const t = tempPki();
    try {
      const [imported] = importPfx(t.ctx, opensslPfx('nonexp', []), 'P@ssw0rd!');
      const made = await newSelfSignedCertificate(t.ctx, { subject: 'CN=ConnectSyncBYOC', certStoreLocation: 'Cert:\\LocalMachine\\My', keyExportPolicy: 'NonExportable', provider: 'Microsoft Platform Crypto Provider' });
      const soft = await newSelfSignedCertificate(t.ctx, { subject: 'CN=soft', certStoreLocation: 'Cert:\\LocalMachine\\My', keyExportPolicy: 'NonExportable' });
      const paths: [string, () => unknown][] = [];
      for (const [where, c] of [['CurrentUser\\My', imported!], ['LocalMachine\\My', made], ['LocalMachine\\My', soft]] as const) {
        for (const cipher of ['AES256_SHA256', 'TripleDES_SHA1']) paths.push([`exportPfx ${cipher} ${c.subject}`, () => exportPfx(t.ctx, where, c.thumbprint, 'pw', { cipher })]);
        paths.push([`exportPrivateKeyPem ${c.subject}`, () => exportPrivateKeyPem(t.ctx, c.keyRef!)]);
        paths.push([`vault.exportPkcs8 ${c.subject}`, () => t.ctx.vault.exportPkcs8(c.keyRef!)]);
      }
      for (const [name, run] of paths) {
        let err: unknown;
        try { run(); } catch (e) { err = e; }
        expect(err, name).to.be.instanceOf(KeyNotExportableError);
        expect((err as Error).message).to.equal('Cannot export non-exportable private key.');
        expect((err as PkiError).errorId).to.equal('System.ComponentModel.Win32Exception,Microsoft.CertificateServices.Commands.ExportPfxCertificate');
      }
    } finally { t.cleanup(); }
  });

  it('refuses to import a certificate-only PFX (import policy) but exports a key-less certificate as one', () => {
    const t = tempPki();
    try {
      const out = files.file('certonly.pfx');
      openssl(['pkcs12', '-export', '-in', src.pem, '-nokeys', '-passout', 'pass:pw', '-out', out]);
      let err: unknown;
      try { importPfx(t.ctx, fs.readFileSync(out), 'pw'); } catch (e) { err = e; }
      expect(err).to.be.instanceOf(CertificateRejectedError);
      expect((err as CertificateRejectedError).errorId).to.equal('PrivateKeyMissing');
      expect(t.ctx.stores.list('CurrentUser\\My')).to.deep.equal([]);
      const c = importCertificate(t.ctx, src.der);
      expect(c.hasPrivateKey).to.equal(false);
      const pfx = exportPfx(t.ctx, 'CurrentUser\\My', c.thumbprint, 'pw2');
      expect(inspectPfx(pfx, 'pw2').map((i) => i.thumbprint)).to.deep.equal([c.thumbprint]);
      fs.writeFileSync(files.file('certonly-out.pfx'), pfx);
      expect(openssl(['pkcs12', '-in', files.file('certonly-out.pfx'), '-nokeys', '-passin', 'pass:pw2'])).to.include('BEGIN CERTIFICATE');
    } finally { t.cleanup(); }
  });

  it('handles an empty password both ways', () => {
    const out = files.file('empty.pfx');
    openssl(['pkcs12', '-export', '-in', src.pem, '-inkey', src.key, '-passout', 'pass:', '-out', out]);
    expect(readPfx(fs.readFileSync(out), '')[0]!.info.hasPrivateKey).to.equal(true);
    const ours = buildPfx({ certificates: [src.der], password: '', cipher: 'TripleDES_SHA1' });
    fs.writeFileSync(files.file('empty2.pfx'), ours);
    expect(openssl(['pkcs12', '-in', files.file('empty2.pfx'), '-nokeys', '-passin', 'pass:'])).to.include('BEGIN CERTIFICATE');
  });

  it('rejects malformed PFX data with PfxFormatError', () => {
    const good = opensslPfx('malformed', []);
    const cases: Uint8Array[] = [good.subarray(0, good.length - 7), good.subarray(0, 10), new Uint8Array(0), src.der, new Uint8Array([...good, 1])];
    for (const c of cases) expect(() => readPfx(c, 'P@ssw0rd!')).to.throw(PfxFormatError);
  });

  it('reads BER with indefinite lengths and chunked OCTET STRINGs, as Windows writes PFX files', () => {
    const der = opensslPfx('ber', ['-legacy']);
    const top = asn1js.fromBER(der.slice().buffer).result as asn1js.Sequence;
    const [version, authSafe, macData] = top.valueBlock.value as [asn1js.Integer, asn1js.Sequence, asn1js.Sequence];
    const content = ((authSafe.valueBlock.value[1] as asn1js.Constructed).valueBlock.value[0] as asn1js.OctetString).valueBlock.valueHexView;
    const chunks = [];
    for (let i = 0; i < content.length; i += 1000) chunks.push(new asn1js.OctetString({ valueHex: content.slice(i, i + 1000).buffer }));
    const ber = new asn1js.Sequence({
      lenBlock: { isIndefiniteForm: true },
      value: [version, new asn1js.Sequence({
        lenBlock: { isIndefiniteForm: true },
        value: [new asn1js.ObjectIdentifier({ value: '1.2.840.113549.1.7.1' }), new asn1js.Constructed({
          idBlock: { tagClass: 3, tagNumber: 0 }, lenBlock: { isIndefiniteForm: true },
          value: [new asn1js.OctetString({ isConstructed: true, lenBlock: { isIndefiniteForm: true }, value: chunks } as never)],
        })],
      }), macData],
    });
    const bytes = new Uint8Array(ber.toBER(false));
    expect(bytes.length).to.be.greaterThan(der.length); // really re-encoded
    const [e] = readPfx(bytes, 'P@ssw0rd!');
    expect(e!.info.subject).to.equal('CN=pfxsrc');
    expect(e!.pkcs8).to.be.instanceOf(Uint8Array);
    expect(() => readPfx(bytes, 'wrong')).to.throw(PfxPasswordError);
  });

  it('imports a PFX with its chain and exports the chain again', () => {
    const ca = opensslCert(files.dir, 'chainca', 'rsa:2048');
    const t = tempPki();
    try {
      const [leaf, caEntry] = importPfx(t.ctx, opensslPfx('chain', ['-certfile', ca.pem]), 'P@ssw0rd!', { exportable: true });
      expect(leaf!.hasPrivateKey).to.equal(true);
      expect(caEntry!.subject).to.equal('CN=chainca');
      expect(caEntry!.hasPrivateKey).to.equal(false);
      const pfx = exportPfx(t.ctx, 'CurrentUser\\My', leaf!.thumbprint, 'pw', { chain: [caEntry!.der] });
      const f = files.file('chain-out.pfx');
      fs.writeFileSync(f, pfx);
      const subjects = openssl(['pkcs12', '-in', f, '-nokeys', '-passin', 'pass:pw']).match(/subject=.*$/gm);
      expect(subjects).to.deep.equal(['subject=CN = pfxsrc', 'subject=CN = chainca']);
    } finally { t.cleanup(); }
  });
});
