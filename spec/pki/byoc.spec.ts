import { expect } from 'chai';
import {
  newSelfSignedCertificate, importCertificate, importPfx, validateByoc, validateByocCertificate, byocViolationsOf,
  ByocValidationError, parseCertificate, readPfx, SOFTWARE_KSP, type ByocRule,
} from '../../pki/index.js';
import { openssl, opensslCert, tempDir, tempPki } from './helpers.js';
import * as fs from 'node:fs';

describe('pki: BYOC validation (documented certificate requirements)', function () {
  this.timeout(120_000);
  const files = tempDir();
  after(() => files.cleanup());
  let t: ReturnType<typeof tempPki>;
  beforeEach(() => { t = tempPki(); });
  afterEach(() => t.cleanup());

  const valid = {
    subject: 'CN=ConnectSyncBYOC', certStoreLocation: 'Cert:\\LocalMachine\\My', keyLength: 2048, keyAlgorithm: 'RSA',
    hashAlgorithm: 'SHA256', keyExportPolicy: 'NonExportable', provider: 'Microsoft Platform Crypto Provider',
  };

  const failsWith = (rule: ByocRule, run: () => unknown) => {
    let err: unknown;
    try { run(); } catch (e) { err = e; }
    expect(err, rule).to.be.instanceOf(ByocValidationError);
    expect((err as ByocValidationError).rule).to.equal(rule);
    expect((err as ByocValidationError).errorId).to.equal(`ByocCertificateInvalid.${rule}`);
    expect((err as ByocValidationError).category).to.equal('InvalidData');
    expect((err as Error).message).to.match(/^The certificate '.+' \(thumbprint [0-9A-F]{40}\)/);
  };

  it('accepts the documented configuration (TPM or software KSP, non-exportable, LocalMachine)', async () => {
    const c = await newSelfSignedCertificate(t.ctx, valid);
    expect(validateByocCertificate(t.ctx, c.thumbprint).thumbprint).to.equal(c.thumbprint);
    const s = await newSelfSignedCertificate(t.ctx, { ...valid, subject: 'CN=soft', provider: SOFTWARE_KSP });
    expect(byocViolationsOf(t.ctx, s)).to.deep.equal([]);
  });

  it('names the failing rule: 1024-bit key', async () => {
    const c = await newSelfSignedCertificate(t.ctx, { ...valid, keyLength: 1024 });
    failsWith('KeyLength', () => validateByocCertificate(t.ctx, c.thumbprint));
  });

  it('names the failing rule: EC key', async () => {
    const c = await newSelfSignedCertificate(t.ctx, { ...valid, keyAlgorithm: 'ECDSA_nistP256' });
    failsWith('KeyAlgorithm', () => validateByocCertificate(t.ctx, c.thumbprint));
  });

  it('names the failing rule: SHA384 signature', async () => {
    const c = await newSelfSignedCertificate(t.ctx, { ...valid, hashAlgorithm: 'SHA384' });
    failsWith('HashAlgorithm', () => validateByocCertificate(t.ctx, c.thumbprint));
  });

  it('names the failing rule: exportable key', async () => {
    const c = await newSelfSignedCertificate(t.ctx, { ...valid, provider: SOFTWARE_KSP, keyExportPolicy: 'Exportable' });
    failsWith('NonExportable', () => validateByocCertificate(t.ctx, c.thumbprint));
  });

  it('names the failing rule: CurrentUser store', async () => {
    const c = await newSelfSignedCertificate(t.ctx, { ...valid, certStoreLocation: 'Cert:\\CurrentUser\\My' });
    failsWith('StoreLocation', () => validateByocCertificate(t.ctx, c.thumbprint, 'CurrentUser\\My'));
  });

  it('names the failing rule: no private key', async () => {
    const c = await newSelfSignedCertificate(t.ctx, valid);
    const other = tempPki();
    try {
      importCertificate(other.ctx, c.der, 'LocalMachine\\My');
      failsWith('PrivateKey', () => validateByocCertificate(other.ctx, c.thumbprint));
      failsWith('PrivateKey', () => validateByoc(parseCertificate(c.der), t.clock.now()));
    } finally { other.cleanup(); }
  });

  it('names the failing rule: expired at the emulator clock, and not yet valid', async () => {
    const c = await newSelfSignedCertificate(t.ctx, valid);
    t.clock.advance(366 * 24 * 3600 * 1000);
    failsWith('Expired', () => validateByocCertificate(t.ctx, c.thumbprint));
    const future = await newSelfSignedCertificate(t.ctx, { ...valid, subject: 'CN=future', notBefore: new Date(t.clock.now().getTime() + 86_400_000), notAfter: new Date(t.clock.now().getTime() + 2 * 86_400_000) });
    failsWith('NotYetValid', () => validateByocCertificate(t.ctx, future.thumbprint));
  });

  it('reports every failing rule for an openssl 1024-bit SHA-1 certificate imported with an exportable key into CurrentUser', () => {
    const c = opensslCert(files.dir, 'weak', 'rsa:1024', ['-sha1']);
    const pfx = files.file('weak.pfx');
    openssl(['pkcs12', '-export', '-in', c.pem, '-inkey', c.key, '-passout', 'pass:pw', '-out', pfx]);
    // Import-PfxCertificate refuses a 1024-bit key (import policy); plant it as a store holding it would look.
    const [entry] = readPfx(fs.readFileSync(pfx), 'pw');
    const key = t.ctx.vault.add(entry!.pkcs8!, { provider: SOFTWARE_KSP, exportPolicy: 'Exportable', machineKey: false });
    const imported = t.ctx.stores.add('CurrentUser\\My', entry!.info, { keyRef: key.keyRef });
    t.clock.set(new Date(imported!.notBefore.getTime() + 86_400_000)); // openssl stamped it with real time
    expect(byocViolationsOf(t.ctx, imported!).map((v) => v.rule)).to.deep.equal(['KeyLength', 'HashAlgorithm', 'NonExportable', 'StoreLocation']);
  });

  describe('importPfx with requireByoc: malformed or unsuitable files add nothing', () => {
    const pfxOf = (name: string, newkey: string, extra: string[] = [], pkcs12: string[] = []) => {
      const c = opensslCert(files.dir, name, newkey, extra);
      const out = files.file(`${name}.pfx`);
      openssl(['pkcs12', '-export', '-in', c.pem, '-inkey', c.key, '-passout', 'pass:pw', '-out', out, ...pkcs12]);
      t.clock.set(new Date(Date.now() + 60_000)); // openssl stamped the validity with real time
      return new Uint8Array(fs.readFileSync(out));
    };
    const empty = () => t.ctx.stores.list('LocalMachine\\My').length === 0 && t.ctx.vault.list().length === 0;

    const cases: [string, () => Uint8Array, ByocRule][] = [
      ['1024-bit key', () => pfxOf('k1024', 'rsa:1024'), 'KeyLength'],
      ['EC key', () => pfxOf('kec', 'ec', ['-pkeyopt', 'ec_paramgen_curve:P-256']), 'KeyAlgorithm'],
      ['SHA-1 signature', () => pfxOf('ksha1', 'rsa:2048', ['-sha1']), 'HashAlgorithm'],
      ['no private key', () => pfxOf('knokey', 'rsa:2048', [], ['-nokeys']), 'PrivateKey'],
    ];
    for (const [name, make, rule] of cases) {
      it(name, () => {
        const bytes = make();
        failsWith(rule, () => importPfx(t.ctx, bytes, 'pw', { certStoreLocation: 'Cert:\\LocalMachine\\My', requireByoc: true }));
        expect(empty()).to.equal(true);
      });
    }

    it('expired at the emulator clock', () => {
      const bytes = pfxOf('kexp', 'rsa:2048');
      t.clock.advance(60 * 86_400_000);
      failsWith('Expired', () => importPfx(t.ctx, bytes, 'pw', { certStoreLocation: 'Cert:\\LocalMachine\\My', requireByoc: true }));
      expect(empty()).to.equal(true);
    });

    it('exportable or CurrentUser imports fail their rule; the documented import passes', () => {
      const bytes = pfxOf('kok', 'rsa:2048');
      failsWith('NonExportable', () => importPfx(t.ctx, bytes, 'pw', { certStoreLocation: 'Cert:\\LocalMachine\\My', exportable: true, requireByoc: true }));
      failsWith('StoreLocation', () => importPfx(t.ctx, bytes, 'pw', { certStoreLocation: 'Cert:\\CurrentUser\\My', requireByoc: true }));
      expect(empty() && t.ctx.stores.list('CurrentUser\\My').length === 0).to.equal(true);
      const [ok] = importPfx(t.ctx, bytes, 'pw', { certStoreLocation: 'Cert:\\LocalMachine\\My', requireByoc: true });
      expect(validateByocCertificate(t.ctx, ok!.thumbprint).hasPrivateKey).to.equal(true);
    });
  });
});
