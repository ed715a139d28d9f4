import { expect } from 'chai';
import * as fs from 'node:fs';
import {
  importCertificate, importPfx, importRejection, parseCertificate, createSelfSignedCertificate, buildPfx,
  CertificateRejectedError, CertificateFormatError, PfxFormatError,
} from '../../pki/index.js';
import { openssl, opensslCert, tempDir, tempPki } from './helpers.js';

/** The import policy's edges (docs/pki.md "Import policy"); the full input × command table is in spec/pki-cmdlets. */
describe('pki: import policy (importCertificate / importPfx)', function () {
  this.timeout(120_000);
  const files = tempDir();
  after(() => files.cleanup());
  let t: ReturnType<typeof tempPki>;
  beforeEach(() => { t = tempPki(); });
  afterEach(() => t.cleanup());
  const empty = () => ['CurrentUser\\My', 'LocalMachine\\My', 'LocalMachine\\Root'].every((w) => t.ctx.stores.list(w).length === 0) && t.ctx.vault.list().length === 0;
  const rejects = (errorId: string, rule: string, run: () => unknown) => {
    let err: unknown;
    try { run(); } catch (e) { err = e; }
    expect(err, errorId).to.be.instanceOf(CertificateRejectedError);
    expect((err as CertificateRejectedError).errorId).to.equal(errorId);
    expect((err as CertificateRejectedError).rule).to.equal(rule);
    expect((err as CertificateRejectedError).category).to.equal('InvalidData');
    expect(empty()).to.equal(true);
  };

  it('accepts RSA 3072 and 4096 (registration, not import, requires exactly 2048)', () => {
    for (const bits of [3072, 4096]) {
      const c = opensslCert(files.dir, `r${bits}`, `rsa:${bits}`);
      const pfx = files.file(`r${bits}.pfx`);
      openssl(['pkcs12', '-export', '-in', c.pem, '-inkey', c.key, '-passout', 'pass:pw', '-out', pfx]);
      t.clock.set(new Date(Date.now() + 60_000));
      const [stored] = importPfx(t.ctx, fs.readFileSync(pfx), 'pw', { certStoreLocation: 'LocalMachine\\My' });
      expect(stored!.keyLength).to.equal(bits);
    }
  });

  it('accepts a certificate that is not yet valid at the emulator clock (files made with the real clock)', async () => {
    const future = await createSelfSignedCertificate({ subject: 'CN=future', notBefore: new Date(t.clock.now().getTime() + 86_400_000), notAfter: new Date(t.clock.now().getTime() + 90 * 86_400_000) });
    expect(importCertificate(t.ctx, future.der, 'LocalMachine\\Root').subject).to.equal('CN=future');
  });

  it('refuses a certificate that expires exactly one second before the emulator\'s now, accepts one valid at now', async () => {
    const now = t.clock.now().getTime();
    const gone = await createSelfSignedCertificate({ subject: 'CN=gone', notBefore: new Date(now - 86_400_000), notAfter: new Date(now - 1000) });
    rejects('CertificateExpired', 'Expired', () => importCertificate(t.ctx, gone.der, 'LocalMachine\\Root'));
    const ok = await createSelfSignedCertificate({ subject: 'CN=ok', notBefore: new Date(now - 86_400_000), notAfter: new Date(now + 1000) });
    expect(importRejection(parseCertificate(ok.der), t.clock.now())).to.equal(undefined);
  });

  it('refuses a PFX whose chain holds a refused certificate, naming that certificate; nothing is added', async () => {
    const now = t.clock.now().getTime();
    const leaf = await createSelfSignedCertificate({ subject: 'CN=leaf', notBefore: new Date(now - 1000), notAfter: new Date(now + 86_400_000) });
    const oldCa = await createSelfSignedCertificate({ subject: 'CN=old CA', notBefore: new Date(now - 10 * 86_400_000), notAfter: new Date(now - 86_400_000) });
    const pfx = buildPfx({ certificates: [leaf.der, oldCa.der], pkcs8: leaf.pkcs8, password: 'pw' });
    let err: unknown;
    try { importPfx(t.ctx, pfx, 'pw'); } catch (e) { err = e; }
    expect((err as Error).message).to.match(/^The certificate 'CN=old CA' \(thumbprint [0-9A-F]{40}\) expired on/);
    expect(empty()).to.equal(true);
  });

  it('an EC key and a 1024-bit key are refused by both imports with the rule texts', () => {
    const ec = opensslCert(files.dir, 'p384', 'ec', ['-pkeyopt', 'ec_paramgen_curve:secp384r1']);
    rejects('CertificateKeyAlgorithmNotSupported', 'KeyAlgorithm', () => importCertificate(t.ctx, ec.der));
    expect(importRejection(parseCertificate(ec.der), t.clock.now())!.message).to.match(/has an ECC 384-bit key \(curve secp384r1\); Microsoft Entra Connect Sync requires an RSA key \(the supported configuration is KeyAlgorithm RSA, KeyLength 2048, KeyHashAlgorithm SHA256\)\. The certificate was not imported\.$/);
    const weak = opensslCert(files.dir, 'r1024', 'rsa:1024');
    const pfx = files.file('r1024.pfx');
    openssl(['pkcs12', '-export', '-in', weak.pem, '-inkey', weak.key, '-passout', 'pass:pw', '-out', pfx]);
    rejects('CertificateKeyTooShort', 'KeyLength', () => importPfx(t.ctx, fs.readFileSync(pfx), 'pw'));
  });

  it('names the file kind when a PFX is given to importCertificate and PEM text to importPfx', () => {
    const c = opensslCert(files.dir, 'kinds', 'rsa:2048');
    const pfx = files.file('kinds.pfx');
    openssl(['pkcs12', '-export', '-in', c.pem, '-inkey', c.key, '-passout', 'pass:pw', '-out', pfx]);
    expect(() => importCertificate(t.ctx, fs.readFileSync(pfx))).to.throw(CertificateFormatError, /is a PKCS#12 \(PFX\) file; import it with Import-PfxCertificate/);
    const key = fs.readFileSync(c.key);
    expect(() => importPfx(t.ctx, key, 'pw')).to.throw(PfxFormatError, /the file is text \(PEM or Base64\), not a binary PKCS#12/);
    rejects('PrivateKeyMissing', 'PrivateKey', () => importPfx(t.ctx, fs.readFileSync(c.pem), 'pw'));
    expect(empty()).to.equal(true);
  });
});
