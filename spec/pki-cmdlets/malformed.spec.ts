import * as fs from 'node:fs';
import { expect } from 'chai';
import fc from 'fast-check';
import { PkiSession, openssl, prop, secure } from './harness.js';

/** Everything the stores and the key vault hold, to prove a failure added nothing. */
function snapshot(s: PkiSession): string {
  const stores = ['CurrentUser\\My', 'CurrentUser\\Root', 'LocalMachine\\My', 'LocalMachine\\Root'].map((w) => s.pki.stores.list(w).map((c) => c.thumbprint));
  return JSON.stringify({ stores, keys: s.pki.vault.list().map((k) => k.keyRef) });
}

describe('pki cmdlets: malformed input (acceptance 4)', () => {
  let s: PkiSession;
  let good: { der: Uint8Array; pem: string; pfx: Uint8Array };
  before(() => {
    s = new PkiSession({ memoryDisk: true });
    const key = s.file('good.key');
    const pem = s.file('good.pem');
    openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=good', '-keyout', key, '-out', pem, '-days', '30']);
    const derFile = s.file('good.cer');
    openssl(['x509', '-in', pem, '-outform', 'der', '-out', derFile]);
    const pfxFile = s.file('good.pfx');
    openssl(['pkcs12', '-export', '-in', pem, '-inkey', key, '-passout', 'pass:right', '-out', pfxFile]);
    good = { der: new Uint8Array(fs.readFileSync(derFile)), pem: fs.readFileSync(pem, 'utf8'), pfx: new Uint8Array(fs.readFileSync(pfxFile)) };
  });
  after(() => s.cleanup());

  const write = (name: string, data: Uint8Array | string) => { const f = s.file(name); fs.writeFileSync(f, data); return f; };

  const certCases: [string, () => Uint8Array | string, RegExp][] = [
    ['truncated DER', () => good.der.slice(0, good.der.length - 17), /not a valid X\.509 certificate/],
    ['DER with trailing garbage', () => Buffer.concat([good.der, Buffer.from('garbage')]), /unexpected bytes follow/],
    ['a PEM whose Base64 is garbage', () => good.pem.replace(/\n[A-Za-z0-9+/]{64}\n/, '\n!!!! not base64 at all !!!!\n'), /not a valid X\.509 certificate/],
    ['a PEM without its END line', () => good.pem.replace('-----END CERTIFICATE-----', ''), /not a valid X\.509 certificate/],
    ['an empty file', () => new Uint8Array(0), /empty/],
    ['a text file', () => 'hello, this is not a certificate\n', /not a valid X\.509 certificate/],
    ['a PFX given as a certificate', () => good.pfx, /not a valid X\.509 certificate/],
  ];
  for (const [title, make, pattern] of certCases) {
    it(`Import-Certificate: ${title} gives an error record naming the problem; nothing is added`, async () => {
      const before = snapshot(s);
      const file = write(`bad-${title.replace(/\W+/g, '-')}.cer`, make());
      const r = await s.run('Import-Certificate', { FilePath: file, CertStoreLocation: 'Cert:\\LocalMachine\\My' });
      expect(r.terminating).to.equal(undefined);
      expect(r.output).to.deep.equal([]);
      expect(r.errors).to.have.length(1);
      expect(r.errors[0]!.errorId).to.equal('InvalidCertificateData');
      expect(r.errors[0]!.category).to.equal('InvalidData');
      expect(r.errors[0]!.fullyQualifiedErrorId).to.equal('InvalidCertificateData,Microsoft.CertificateServices.Commands.ImportCertificateCommand');
      expect(r.errors[0]!.message).to.match(pattern);
      expect(r.errors[0]!.targetObject).to.equal(file);
      expect(snapshot(s)).to.equal(before);
    });
  }

  it('Import-Certificate / Import-PfxCertificate: a missing file', async () => {
    for (const cmd of ['Import-Certificate', 'Import-PfxCertificate']) {
      const r = await s.run(cmd, { FilePath: s.file('nope.cer'), ...(cmd === 'Import-PfxCertificate' ? { Password: secure('x') } : {}) });
      expect(r.errors[0]!.errorId).to.equal('FileNotFound');
      expect(r.errors[0]!.message).to.include('The system cannot find the file specified.');
    }
  });

  it('Import-PfxCertificate: a wrong password gives the Windows message; nothing is added', async () => {
    const before = snapshot(s);
    const r = await s.run('Import-PfxCertificate', { FilePath: write('good.pfx', good.pfx), CertStoreLocation: 'Cert:\\LocalMachine\\My', Password: secure('wrong') });
    expect(r.output).to.deep.equal([]);
    expect(r.errors[0]!.message).to.equal('The PFX file you are trying to import requires either a different password or membership in an Active Directory principal to which it is protected.');
    expect(r.errors[0]!.fullyQualifiedErrorId).to.equal('PfxPasswordIncorrect,Microsoft.CertificateServices.Commands.ImportPfxCertificate');
    const none = await s.run('Import-PfxCertificate', { FilePath: write('good.pfx', good.pfx) });
    expect(none.errors[0]!.errorId).to.equal('PfxPasswordIncorrect');
    expect(snapshot(s)).to.equal(before);
  });

  for (const [title, make] of [
    ['a truncated PFX', () => good.pfx.slice(0, good.pfx.length - 40)],
    ['a certificate given as a PFX', () => good.der],
    ['random bytes', () => new Uint8Array(Array.from({ length: 300 }, (_, i) => (i * 73 + 11) & 0xff))],
  ] as [string, () => Uint8Array][]) {
    it(`Import-PfxCertificate: ${title} gives an error record; nothing is added`, async () => {
      const before = snapshot(s);
      const r = await s.run('Import-PfxCertificate', { FilePath: write('bad.pfx', make()), Password: secure('right') });
      expect(r.terminating).to.equal(undefined);
      expect(r.output).to.deep.equal([]);
      expect(r.errors).to.have.length(1);
      expect(['InvalidPfxData', 'PfxPasswordIncorrect', 'PrivateKeyMissing']).to.include(r.errors[0]!.errorId);
      expect(snapshot(s)).to.equal(before);
    });
  }

  it('Export-Certificate / Export-PfxCertificate: a path that names no certificate', async () => {
    const missing = `Cert:\\LocalMachine\\My\\${'AB'.repeat(20)}`;
    for (const cmd of ['Export-Certificate', 'Export-PfxCertificate']) {
      const r = await s.run(cmd, { Cert: missing, FilePath: s.file('x.out'), ...(cmd === 'Export-PfxCertificate' ? { Password: secure('p') } : {}) });
      expect(r.errors[0]!.errorId).to.equal('PathNotFound');
      expect(r.errors[0]!.message).to.equal(`Cannot find path '${missing}' because it does not exist.`);
      expect(fs.existsSync(s.file('x.out'))).to.equal(false);
    }
  });

  // 1024-bit, EC and expired certificates and key-less input: see certificate-input-matrix.spec.ts (every command × every input).

  it('fuzz: 5,000 mutated DER and PFX files through Import-Certificate / Import-PfxCertificate never raise a JavaScript exception', async function () {
    this.timeout(600_000);
    const file = s.file('fuzz.bin');
    let runs = 0;
    const mutate = (base: Uint8Array) => fc.tuple(
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
      fc.option(fc.nat(), { nil: undefined }),
    ).map(([edits, cut]) => {
      const b = new Uint8Array(base);
      for (const [at, v] of edits) b[at % b.length] = v;
      return cut === undefined ? b : b.slice(0, cut % b.length);
    });
    const check = (cmd: string, base: Uint8Array, n: number) => fc.assert(fc.asyncProperty(mutate(base), async (bytes) => {
      runs++;
      const before = snapshot(s);
      fs.writeFileSync(file, bytes);
      const r = await s.run(cmd, cmd === 'Import-Certificate'
        ? { FilePath: file, CertStoreLocation: 'Cert:\\LocalMachine\\Root' }
        : { FilePath: file, Password: secure('right'), CertStoreLocation: 'Cert:\\LocalMachine\\Root' });
      if (r.terminating) throw new Error(`terminating error: ${r.terminating.errorId}: ${r.terminating.message}`);
      for (const e of r.errors) if (!/^(InvalidCertificateData|InvalidPfxData|PfxPasswordIncorrect|UnsupportedKey|PrivateKeyMissing|CertificateExpired|CertificateKeyTooShort|CertificateKeyAlgorithmNotSupported)$/.test(e.errorId)) throw new Error(`unexpected error ${e.errorId}: ${e.message}`);
      if (r.errors.length) { if (snapshot(s) !== before) throw new Error('a failed import changed a store'); return; }
      // A mutation that is still a valid certificate (e.g. inside the signature) imports; clean up after it.
      for (const o of r.output) s.pki.stores.remove('LocalMachine\\Root', prop(o, 'Thumbprint') as string);
      for (const k of s.pki.vault.list()) s.pki.vault.delete(k.keyRef);
    }), { numRuns: n, seed: 4242 });
    await check('Import-Certificate', good.der, 2500);
    await check('Import-PfxCertificate', good.pfx, 2500);
    expect(runs).to.equal(5000);
  });
});
