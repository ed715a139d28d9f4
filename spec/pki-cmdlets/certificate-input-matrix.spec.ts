import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import type { Clock } from '../../state/index.js';
import { buildPfx, createSelfSignedCertificate, toPem } from '../../pki/index.js';
import { pkiContext } from '../../cmdlets/pki/pki-context.js';
import type { ErrorRecord } from '../../runtime/values/error-record.js';
import { shell, BYOC_CERT, HIA, PASSWORD, type Shell } from '../adsync-cmdlets/harness.js';
import { openssl } from './harness.js';

/**
 * Acceptance 4 as a table: every malformed or unsuitable certificate input × every command that accepts a
 * certificate gives one error record naming the problem (message, FullyQualifiedErrorId, category) and adds
 * nothing to any store or key container. The store imports refuse what Connect Sync would refuse (import policy,
 * docs/pki.md); the registration commands take a hash, so their input is "the certificate the admin meant".
 */

type InputName = 'truncated DER' | 'PEM with garbage' | 'wrong PFX password' | '1024-bit key' | 'EC key' | 'expired' | 'no private key';
const INPUTS: InputName[] = ['truncated DER', 'PEM with garbage', 'wrong PFX password', '1024-bit key', 'EC key', 'expired', 'no private key'];

/** What one cell expects: an error, or (Import-Certificate of a key-less certificate) a successful import of one certificate. */
type Expect = { errorId: string; category: string; message: RegExp } | 'imports';

const notFound: Expect = { errorId: 'CertificateNotFound', category: 'ObjectNotFound', message: /was not found in the LocalMachine\\My certificate store/ };
const rule = (name: string, message: RegExp): Expect => ({ errorId: `CertificateValidationFailed,${name}`, category: 'InvalidData', message });
const registration: Record<InputName, Expect> = {
  'truncated DER': notFound,
  'PEM with garbage': notFound,
  'wrong PFX password': notFound,
  '1024-bit key': rule('KeyLength', /does not meet the requirements .*key length is 1024 bits; it must be 2048/),
  'EC key': rule('KeyAlgorithm', /does not meet the requirements .*key algorithm is ECC; it must be RSA/),
  expired: rule('Expired', /does not meet the requirements .*the certificate expired on/),
  'no private key': rule('PrivateKey', /does not meet the requirements .*has no private key/),
};
const policy = (errorId: string, message: RegExp): Expect => ({ errorId, category: 'InvalidData', message });
const imports: Record<'Import-Certificate' | 'Import-PfxCertificate', Record<InputName, Expect>> = {
  'Import-Certificate': {
    'truncated DER': policy('InvalidCertificateData', /not a valid X\.509 certificate/),
    'PEM with garbage': policy('InvalidCertificateData', /not a valid X\.509 certificate: the PEM block 'CERTIFICATE' contains characters that are not Base64/),
    'wrong PFX password': policy('InvalidCertificateData', /is a PKCS#12 \(PFX\) file; import it with Import-PfxCertificate/),
    '1024-bit key': policy('CertificateKeyTooShort', /has an RSA 1024-bit key; Microsoft Entra Connect Sync requires RSA 2048 bits or more/),
    'EC key': policy('CertificateKeyAlgorithmNotSupported', /has an ECC 256-bit key.*; Microsoft Entra Connect Sync requires an RSA key/),
    expired: policy('CertificateExpired', /expired on .*requires a certificate that is currently valid/),
    'no private key': 'imports',
  },
  'Import-PfxCertificate': {
    'truncated DER': policy('InvalidPfxData', /^The PFX data is not valid/),
    'PEM with garbage': policy('InvalidPfxData', /the file is text \(PEM or Base64\), not a binary PKCS#12/),
    'wrong PFX password': { errorId: 'PfxPasswordIncorrect', category: 'SecurityError', message: /^The PFX file you are trying to import requires either a different password/ },
    '1024-bit key': policy('CertificateKeyTooShort', /has an RSA 1024-bit key; Microsoft Entra Connect Sync requires RSA 2048 bits or more/),
    'EC key': policy('CertificateKeyAlgorithmNotSupported', /has an ECC 256-bit key.*; Microsoft Entra Connect Sync requires an RSA key/),
    expired: policy('CertificateExpired', /expired on .*requires a certificate that is currently valid/),
    'no private key': policy('PrivateKeyMissing', /is a certificate file, not a PFX file: .* comes without a private key/),
  },
};

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex').toUpperCase();
const sha1 = (b: Uint8Array) => createHash('sha1').update(b).digest('hex').toUpperCase();

describe('pki cmdlets: every certificate input × every command that accepts a certificate (acceptance 4)', function () {
  this.timeout(300_000);
  let sh: Shell;
  let dir: string;
  /** Per input: the files for the import commands, and the SHA-256/thumbprint the registration commands are given. */
  const files: Record<InputName, { cer: string; pfx: string }> = {} as never;
  const ids: Record<InputName, { sha256: string; thumbprint: string }> = {} as never;

  const counts = () => {
    const pki = pkiContext({ service: <T>(n: string) => sh.session.engine.services.get<T>(n) });
    const stores = ['CurrentUser\\My', 'CurrentUser\\Root', 'LocalMachine\\My', 'LocalMachine\\Root'].map((w) => pki.stores.list(w).length);
    return { certificates: stores.reduce((a, b) => a + b, 0), keys: pki.vault.list().length, perStore: stores.join('/') };
  };
  const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

  before(async () => {
    sh = shell();
    dir = fs.mkdtempSync(path.join(sh.home, 'inputs-'));
    const f = (n: string) => path.join(dir, n);
    const now = sh.session.engine.services.get<Clock>('clock').now();
    let r = await sh.run(`$cred = Get-Credential -UserName ${HIA}`, PASSWORD);
    expect(r.errors).to.deep.equal([]);

    // A good RSA-2048 certificate and key from openssl: the source of the damaged files.
    openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=matrix-good', '-keyout', f('good.key'), '-out', f('good.pem'), '-days', '30']);
    openssl(['x509', '-in', f('good.pem'), '-outform', 'der', '-out', f('good.cer')]);
    openssl(['pkcs12', '-export', '-in', f('good.pem'), '-inkey', f('good.key'), '-passout', 'pass:right', '-out', f('good.pfx')]);
    const goodDer = new Uint8Array(fs.readFileSync(f('good.cer')));
    const goodPfx = new Uint8Array(fs.readFileSync(f('good.pfx')));
    const goodPem = fs.readFileSync(f('good.pem'), 'utf8');

    fs.writeFileSync(f('truncated.cer'), goodDer.subarray(0, goodDer.length - 17));
    fs.writeFileSync(f('truncated.pfx'), goodPfx.subarray(0, goodPfx.length - 40));
    files['truncated DER'] = { cer: f('truncated.cer'), pfx: f('truncated.pfx') };
    fs.writeFileSync(f('garbage.pem'), goodPem.replace(/\n[A-Za-z0-9+/]{64}\n/, '\n!!!! this line is garbage, not base64 !!!!\n'));
    files['PEM with garbage'] = { cer: f('garbage.pem'), pfx: f('garbage.pem') };
    files['wrong PFX password'] = { cer: f('good.pfx'), pfx: f('good.pfx') };
    // The admin computed the hash from the file that never made it into the store.
    for (const n of ['truncated DER', 'PEM with garbage'] as const) {
      const bytes = new Uint8Array(fs.readFileSync(files[n].cer));
      ids[n] = { sha256: sha256(bytes), thumbprint: sha1(bytes) };
    }
    ids['wrong PFX password'] = { sha256: sha256(goodDer), thumbprint: sha1(goodDer) };

    // Weak and EC keys from openssl (independent of pki/), as .cer and .pfx.
    for (const [n, name, args] of [['1024-bit key', 'rsa1024', ['-newkey', 'rsa:1024']], ['EC key', 'ec', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1']]] as const) {
      openssl(['req', '-x509', ...args, '-nodes', '-subj', `/CN=matrix-${name}`, '-keyout', f(`${name}.key`), '-out', f(`${name}.pem`), '-days', '30']);
      openssl(['x509', '-in', f(`${name}.pem`), '-outform', 'der', '-out', f(`${name}.cer`)]);
      openssl(['pkcs12', '-export', '-in', f(`${name}.pem`), '-inkey', f(`${name}.key`), '-passout', 'pass:right', '-out', f(`${name}.pfx`)]);
      files[n] = { cer: f(`${name}.cer`), pfx: f(`${name}.pfx`) };
    }
    // Expired at the emulator clock (openssl 3.0 cannot back-date), as .cer and .pfx.
    const old = await createSelfSignedCertificate({ subject: 'CN=matrix-expired', notBefore: new Date(now.getTime() - 400 * 86_400_000), notAfter: new Date(now.getTime() - 35 * 86_400_000) });
    fs.writeFileSync(f('expired.cer'), toPem('CERTIFICATE', old.der));
    fs.writeFileSync(f('expired.pfx'), buildPfx({ certificates: [old.der], pkcs8: old.pkcs8!, password: 'right' }));
    files.expired = { cer: f('expired.cer'), pfx: f('expired.pfx') };
    // A sound certificate without its key (a different one: the control cell really imports it).
    openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=matrix-cer-only', '-keyout', f('cer-only.key'), '-outform', 'der', '-out', f('cer-only.cer'), '-days', '30']);
    files['no private key'] = { cer: f('cer-only.cer'), pfx: f('cer-only.cer') };

    // What the registration commands find in Cert:\LocalMachine\My: made there (New-SelfSignedCertificate does not
    // refuse weak keys), non-exportable and granted to the sync account, so each fails on the rule under test only.
    const nssc = (subject: string, extra: string) => `New-SelfSignedCertificate -Subject '${subject}' -CertStoreLocation Cert:\\LocalMachine\\My -KeyExportPolicy NonExportable ${extra}`;
    r = await sh.run([
      `$w = ${nssc('CN=weak', '-KeyLength 1024')}; $w | Grant-EmulatorKeyAccess`,
      `$e = ${nssc('CN=ec', '-KeyAlgorithm ECDSA_nistP256')}; $e | Grant-EmulatorKeyAccess`,
      `$x = ${nssc('CN=expired', '-NotBefore (Get-Date).AddDays(-400) -NotAfter (Get-Date).AddDays(-35)')}; $x | Grant-EmulatorKeyAccess`,
      // A certificate without its key in LocalMachine\My: exported from CurrentUser\My and imported alone.
      `$n = New-SelfSignedCertificate -Subject 'CN=nokey' -CertStoreLocation Cert:\\CurrentUser\\My`,
      `Export-Certificate -Cert $n -FilePath ${q(f('nokey.cer'))} | Out-Null`,
      `Import-Certificate -FilePath ${q(f('nokey.cer'))} -CertStoreLocation Cert:\\LocalMachine\\My | Out-Null`,
      '$w, $e, $x, $n | ForEach-Object { $_.GetCertHashString("SHA256") + " " + $_.Thumbprint }',
    ].join('\n'));
    expect(r.errors.map((e) => e.message)).to.deep.equal([]);
    const lines = (r.objects as string[]).map((l) => l.split(' '));
    expect(lines).to.have.length(4);
    (['1024-bit key', 'EC key', 'expired', 'no private key'] as const).forEach((n, i) => { ids[n] = { sha256: lines[i]![0]!, thumbprint: lines[i]![1]! }; });
  });
  after(() => sh.cleanup());

  /** Run one cell; returns its single error record (or undefined when the cell expects an import). */
  async function cell(script: string, expected: Expect, className?: string): Promise<void> {
    const before = counts();
    const r = await sh.run(script);
    const after = counts();
    if (expected === 'imports') {
      expect(r.errors.map((e) => e.message)).to.deep.equal([]);
      expect(after.certificates).to.equal(before.certificates + 1);
      expect(after.keys).to.equal(before.keys);
      return;
    }
    expect(r.errors, r.errors.map((e) => e.message).join('\n')).to.have.length(1);
    const e: ErrorRecord = r.errors[0]!;
    expect(e.errorId).to.equal(expected.errorId);
    expect(e.category).to.equal(expected.category);
    expect(e.message).to.match(expected.message);
    expect(e.commandTypeName, 'the record names the command').to.be.a('string').and.not.equal('');
    if (className) expect(e.commandTypeName).to.equal(className);
    expect(e.fullyQualifiedErrorId).to.equal(`${expected.errorId},${e.commandTypeName}`);
    expect(r.errorText, 'shown as an error record, never a stack trace').to.not.match(/\n\s+at .*\.js:\d+/);
    expect(after).to.deep.equal(before);
  }

  for (const cmd of ['Import-Certificate', 'Import-PfxCertificate'] as const) {
    for (const input of INPUTS) {
      it(`${cmd} × ${input}`, async () => {
        const file = cmd === 'Import-Certificate' ? files[input].cer : files[input].pfx;
        const pw = cmd === 'Import-PfxCertificate' ? ` -Password (ConvertTo-SecureString ${input === 'wrong PFX password' ? "'wrong'" : "'right'"} -AsPlainText -Force)` : '';
        const className = cmd === 'Import-Certificate' ? 'Microsoft.CertificateServices.Commands.ImportCertificateCommand' : 'Microsoft.CertificateServices.Commands.ImportPfxCertificate';
        await cell(`${cmd} -FilePath ${q(file)} -CertStoreLocation Cert:\\LocalMachine\\My${pw}`, imports[cmd][input], className);
      });
    }
  }

  const registrationCells = (cmd: string) => {
    for (const form of ['CertificateSHA256Hash', 'CertificateThumbprint'] as const) {
      for (const input of INPUTS) {
        it(`${cmd} -${form} × ${input}`, async () => {
          const value = form === 'CertificateSHA256Hash' ? ids[input].sha256 : ids[input].thumbprint;
          await cell(`${cmd} -Credential $cred -${form} ${value}`, registration[input]);
        });
      }
    }
  };
  registrationCells('Add-EntraApplicationRegistration');
  registrationCells('Add-ADSyncApplicationRegistration');

  describe('after Bring Your Own Certificate onboarding', () => {
    before(async () => {
      const r = await sh.run(`${BYOC_CERT}\nAdd-ADSyncApplicationRegistration -Credential $cred -CertificateSHA256Hash $certHash | Out-Null`);
      expect(r.errors.map((e) => e.message)).to.deep.equal([]);
    });
    registrationCells('Invoke-ADSyncApplicationCredentialRotation');
  });
});
