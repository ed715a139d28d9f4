import { expect } from 'chai';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { StateStore } from '../../state/index.js';
import {
  openPki, newSelfSignedCertificate, importCertificate, removeCertificate, signWithKey, getPublicKey, verifySignature,
  grantKeyAccess, revokeKeyAccess, checkKeyAccess, setTpmPresent, SYNC_SERVICE_ACCOUNT, PLATFORM_KSP, SOFTWARE_KSP,
  CertificateNotFoundError, KeyAccessDeniedError, TpmUnavailableError, UnsupportedKeyError, InvalidArgumentError,
  KeyStoreCorruptError, CertificateFormatError, PkiError, exportPfx, certificatePublicKey,
} from '../../pki/index.js';
import { openssl, tempDir, tempPki } from './helpers.js';

describe('pki: certificate stores, key providers and key protection', function () {
  this.timeout(120_000);
  const files = tempDir();
  after(() => files.cleanup());
  let t: ReturnType<typeof tempPki>;
  beforeEach(() => { t = tempPki(); });
  afterEach(() => t.cleanup());

  const byoc = () => newSelfSignedCertificate(t.ctx, {
    subject: 'CN=ConnectSyncBYOC', certStoreLocation: 'Cert:\\LocalMachine\\My', keyLength: 2048, keyAlgorithm: 'RSA',
    hashAlgorithm: 'SHA256', keyExportPolicy: 'NonExportable', provider: 'Microsoft Platform Crypto Provider',
  });

  it('adds, lists, gets by thumbprint and removes, persisted across processes', async () => {
    const c = await byoc();
    expect(c.storePath).to.equal('LocalMachine\\My');
    expect(c.hasPrivateKey).to.equal(true);
    expect(c.key!.provider).to.equal(PLATFORM_KSP);
    // A second context on the same state directory (another syncshell process) sees the same stores.
    const other = openPki(new StateStore(t.home), t.clock);
    expect(other.stores.list('Cert:\\LocalMachine\\My').map((x) => x.thumbprint)).to.deep.equal([c.thumbprint]);
    expect(other.stores.get('localmachine/my', c.thumbprint.toLowerCase()).keyRef).to.equal(c.keyRef);
    expect(other.stores.list('CurrentUser\\My')).to.have.length(0);
    removeCertificate(other, 'LocalMachine\\My', c.thumbprint);
    expect(t.ctx.stores.list('LocalMachine\\My')).to.have.length(0);
    expect(t.ctx.vault.find(c.keyRef!), 'the key survives Remove-Item without -DeleteKey').to.not.equal(undefined);
    expect(() => t.ctx.stores.get('LocalMachine\\My', c.thumbprint)).to.throw(CertificateNotFoundError);
  });

  it('deletes the key with deleteKey (Remove-Item -DeleteKey)', async () => {
    const c = await byoc();
    const file = t.ctx.vault.keyFile(t.ctx.vault.get(c.keyRef!));
    removeCertificate(t.ctx, 'LocalMachine\\My', c.thumbprint, { deleteKey: true });
    expect(t.ctx.vault.find(c.keyRef!)).to.equal(undefined);
    expect(fs.existsSync(file)).to.equal(false);
  });

  it('imports a CA certificate into Root without a key', async () => {
    const c = await byoc();
    const root = importCertificate(t.ctx, c.der, 'Cert:\\LocalMachine\\Root');
    expect(root.hasPrivateKey).to.equal(false);
    expect(t.ctx.stores.locate(c.thumbprint).map((x) => x.storePath).sort()).to.deep.equal(['LocalMachine\\My', 'LocalMachine\\Root']);
    expect(() => importCertificate(t.ctx, c.der.subarray(0, 100), 'LocalMachine\\Root')).to.throw(CertificateFormatError);
    expect(t.ctx.stores.list('LocalMachine\\Root')).to.have.length(1);
    expect(() => importCertificate(t.ctx, c.der, 'LocalMachine\\Nope')).to.throw(InvalidArgumentError);
  });

  it('keeps keys at rest encrypted, mode 0600, in a 0700 directory, and detects tampering', async () => {
    const c = await newSelfSignedCertificate(t.ctx, { subject: 'CN=exp', keyExportPolicy: 'Exportable' });
    const rec = t.ctx.vault.get(c.keyRef!);
    const file = t.ctx.vault.keyFile(rec);
    expect(fs.statSync(file).mode & 0o777).to.equal(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).to.equal(0o700);
    for (const f of fs.readdirSync(path.dirname(file))) expect(fs.statSync(path.join(path.dirname(file), f)).mode & 0o777, f).to.equal(0o600);
    const pkcs8 = t.ctx.vault.exportPkcs8(c.keyRef!);
    const blob = fs.readFileSync(file);
    expect(blob.includes(Buffer.from(pkcs8.subarray(0, 64)))).to.equal(false);
    expect(blob.includes(Buffer.from(pkcs8.subarray(pkcs8.length - 64)))).to.equal(false);
    for (const name of fs.readdirSync(t.home).filter((n) => n.endsWith('.json'))) {
      const text = fs.readFileSync(path.join(t.home, name), 'utf8');
      expect(text).not.to.include(Buffer.from(pkcs8).toString('base64').slice(0, 40));
      expect(text).not.to.include('PRIVATE KEY');
    }
    blob[blob.length - 3]! ^= 1;
    fs.writeFileSync(file, blob);
    expect(() => signWithKey(t.ctx, c.keyRef!, Buffer.from('x'), 'RS256')).to.throw(KeyStoreCorruptError);
  });

  it('a non-exportable key signs RS256 and PS256 (salt 32) and openssl verifies both', async () => {
    const c = await byoc();
    grantKeyAccess(t.ctx, c.keyRef!, SYNC_SERVICE_ACCOUNT);
    const data = Buffer.from('eyJhbGciOiJQUzI1NiJ9.eyJhdWQiOiJ4In0');
    const pub = files.file(`pub-${c.thumbprint}.pem`);
    fs.writeFileSync(pub, getPublicKey(t.ctx, c.keyRef!).pem);
    const dataFile = files.file('data.bin');
    fs.writeFileSync(dataFile, data);
    for (const alg of ['RS256', 'PS256'] as const) {
      const sig = signWithKey(t.ctx, c.keyRef!, data, alg, { account: SYNC_SERVICE_ACCOUNT });
      expect(verifySignature(c.publicKeySpki, data, sig, alg)).to.equal(true);
      expect(verifySignature(c.publicKeySpki, Buffer.from('other'), sig, alg)).to.equal(false);
      const sigFile = files.file(`sig-${alg}.bin`);
      fs.writeFileSync(sigFile, sig);
      const pss = alg === 'PS256' ? ['-sigopt', 'rsa_padding_mode:pss', '-sigopt', 'rsa_pss_saltlen:32'] : [];
      expect(openssl(['dgst', '-sha256', '-verify', pub, '-signature', sigFile, ...pss, dataFile]).trim()).to.equal('Verified OK');
    }
    // The certificate's key and the stored key are the same key.
    expect(Buffer.from(getPublicKey(t.ctx, c.keyRef!).spki).equals(Buffer.from(c.publicKeySpki))).to.equal(true);
  });

  it('lets only granted accounts sign with a LocalMachine key; CurrentUser keys are the user\'s', async () => {
    const c = await byoc();
    const data = Buffer.from('payload');
    expect(() => signWithKey(t.ctx, c.keyRef!, data, 'RS256', { account: SYNC_SERVICE_ACCOUNT })).to.throw(KeyAccessDeniedError);
    expect(() => checkKeyAccess(t.ctx, c.keyRef!, 'CONTOSO\\someone')).to.throw(KeyAccessDeniedError);
    expect(signWithKey(t.ctx, c.keyRef!, data, 'RS256')).to.have.length(256); // elevated admin: on the default ACL
    grantKeyAccess(t.ctx, c.keyRef!, 'NT SERVICE\\ADSync');
    grantKeyAccess(t.ctx, c.keyRef!, 'nt service\\adsync');
    expect(t.ctx.vault.get(c.keyRef!).acl).to.deep.equal(['NT AUTHORITY\\SYSTEM', 'BUILTIN\\Administrators', 'NT SERVICE\\ADSync']);
    expect(signWithKey(t.ctx, c.keyRef!, data, 'RS256', { account: 'NT SERVICE\\ADSync' })).to.have.length(256);
    revokeKeyAccess(t.ctx, c.keyRef!, SYNC_SERVICE_ACCOUNT);
    expect(() => signWithKey(t.ctx, c.keyRef!, data, 'RS256', { account: SYNC_SERVICE_ACCOUNT })).to.throw(KeyAccessDeniedError);
    const user = await newSelfSignedCertificate(t.ctx, { subject: 'CN=managed', keyExportPolicy: 'NonExportable' });
    expect(user.key!.machineKey).to.equal(false);
    expect(user.key!.provider).to.equal(SOFTWARE_KSP);
    expect(signWithKey(t.ctx, user.keyRef!, data, 'PS256', { account: SYNC_SERVICE_ACCOUNT })).to.have.length(256);
  });

  it('fails to create a TPM key when the emulated TPM is absent, and adds nothing', async () => {
    setTpmPresent(t.ctx, false);
    let err: unknown;
    try { await byoc(); } catch (e) { err = e; }
    expect(err).to.be.instanceOf(TpmUnavailableError);
    expect((err as PkiError).category).to.equal('ResourceUnavailable');
    expect((err as Error).message).to.include('0x80090030');
    expect(t.ctx.stores.list('LocalMachine\\My')).to.have.length(0);
    expect(t.ctx.vault.list()).to.have.length(0);
    // The documented fallback: the software provider with a non-exportable key.
    const soft = await newSelfSignedCertificate(t.ctx, { subject: 'CN=fallback', certStoreLocation: 'Cert:\\LocalMachine\\My', keyExportPolicy: 'NonExportable', provider: SOFTWARE_KSP });
    expect(soft.key!.provider).to.equal(SOFTWARE_KSP);
  });

  it('cannot use a TPM key once the TPM is gone, and can again when it is back', async () => {
    const c = await byoc();
    setTpmPresent(t.ctx, false);
    expect(() => signWithKey(t.ctx, c.keyRef!, Buffer.from('x'), 'RS256')).to.throw(TpmUnavailableError);
    setTpmPresent(t.ctx, true);
    expect(signWithKey(t.ctx, c.keyRef!, Buffer.from('x'), 'RS256')).to.have.length(256);
  });

  it('refuses what the providers refuse', async () => {
    const cases: [object, new (...a: never[]) => PkiError][] = [
      [{ provider: PLATFORM_KSP }, UnsupportedKeyError], // default policy ExportableEncrypted
      [{ provider: PLATFORM_KSP, keyExportPolicy: 'Exportable' }, UnsupportedKeyError],
      [{ provider: PLATFORM_KSP, keyExportPolicy: 'NonExportable', keyLength: 4096 }, UnsupportedKeyError],
      [{ provider: 'Contoso HSM Provider' }, InvalidArgumentError],
      [{ keyExportPolicy: 'Sometimes' }, InvalidArgumentError],
      [{ certStoreLocation: 'Cert:\\LocalMachine\\Root' }, InvalidArgumentError],
    ];
    for (const [opts, type] of cases) {
      let err: unknown;
      try { await newSelfSignedCertificate(t.ctx, { subject: 'CN=x', ...opts }); } catch (e) { err = e; }
      expect(err, JSON.stringify(opts)).to.be.instanceOf(type);
    }
    expect(t.ctx.vault.list()).to.have.length(0);
    expect(t.ctx.stores.list('LocalMachine\\My').length + t.ctx.stores.list('CurrentUser\\My').length).to.equal(0);
  });

  it('New-SelfSignedCertificate\'s default policy (ExportableEncrypted) lets the key out through a PFX', async () => {
    const c = await newSelfSignedCertificate(t.ctx, { subject: 'CN=default-policy' });
    expect(c.key!.exportPolicy).to.equal('ExportableEncrypted');
    expect(c.storePath).to.equal('CurrentUser\\My');
    const f = files.file('default-policy.pfx');
    fs.writeFileSync(f, exportPfx(t.ctx, 'CurrentUser\\My', c.thumbprint, 'pw'));
    expect(openssl(['pkcs12', '-in', f, '-nodes', '-passin', 'pass:pw'])).to.include('BEGIN PRIVATE KEY');
  });

  it('verifies a signature against a certificate\'s public key (how the tenant checks a client assertion)', async () => {
    const c = await byoc();
    const data = Buffer.from('header.payload');
    const sig = signWithKey(t.ctx, c.keyRef!, data, 'PS256');
    const pub = certificatePublicKey(c.der);
    expect(verifySignature(pub, data, sig, 'PS256')).to.equal(true);
    expect(verifySignature(pub, data, sig, 'RS256')).to.equal(false);
    const other = await newSelfSignedCertificate(t.ctx, { subject: 'CN=other' });
    expect(verifySignature(certificatePublicKey(other.der), data, sig, 'PS256')).to.equal(false);
  });

  it('reports hand-damaged pki documents as KeyStoreCorrupt and leaves them untouched', async () => {
    await byoc();
    for (const name of ['pki-stores.json', 'pki-keys.json']) {
      const file = path.join(t.home, name);
      const good = fs.readFileSync(file);
      fs.writeFileSync(file, '{"unexpected": true}\n');
      expect(() => { t.ctx.stores.list('LocalMachine\\My'); t.ctx.vault.list(); }, name).to.throw(KeyStoreCorruptError);
      let err: unknown;
      try { await byoc(); } catch (e) { err = e; }
      expect(err, name).to.be.instanceOf(KeyStoreCorruptError);
      expect(fs.readFileSync(file, 'utf8')).to.equal('{"unexpected": true}\n');
      fs.writeFileSync(file, good);
    }
  });
});
