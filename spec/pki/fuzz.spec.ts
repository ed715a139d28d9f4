import { expect } from 'chai';
import fc from 'fast-check';
import * as fs from 'node:fs';
import { ManualClock } from '../../state/index.js';
import { createSelfSignedCertificate, exportCertificatePem, parseCertificate, importPfx, removeCertificate, PkiError } from '../../pki/index.js';
import { openssl, opensslCert, tempDir, tempPki } from './helpers.js';

/** A mutation program: flip, overwrite, insert, delete or truncate, applied in order. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 16 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(src: Uint8Array, ms: Mutation[]): Uint8Array {
  let b = Array.from(src);
  for (const m of ms) {
    if (b.length === 0) break;
    const at = m.at % b.length;
    if (m.kind === 'flip') b[at]! ^= 1 << m.bit;
    else if (m.kind === 'set') b[at] = m.value;
    else if (m.kind === 'insert') b.splice(at, 0, ...m.bytes);
    else if (m.kind === 'delete') b.splice(at, m.length);
    else b = b.slice(0, at);
  }
  return Uint8Array.from(b);
}

/** Returns the exception if it is not one of ours (the property fails on it). */
function escapes(run: () => unknown): unknown {
  try { run(); return undefined; } catch (e) { return e instanceof PkiError ? undefined : e; }
}

describe('pki: fuzzing DER and PFX input (5,000 mutations each)', function () {
  this.timeout(600_000);
  const files = tempDir();
  after(() => files.cleanup());

  it('parseCertificate throws only typed errors on mutated DER and PEM', async () => {
    const ours = await createSelfSignedCertificate({ subject: 'CN=fuzz', dnsNames: ['fuzz.contoso.com'], clock: new ManualClock() });
    const theirs = opensslCert(files.dir, 'fuzz', 'ec', ['-pkeyopt', 'ec_paramgen_curve:P-256', '-addext', 'subjectAltName=DNS:x']).der;
    // DER from both builders, and PEM text so the mutations also exercise the text decoders.
    const sources = [ours.der, theirs, new Uint8Array(Buffer.from(exportCertificatePem(ours.info)))];
    let typed = 0;
    fc.assert(fc.property(fc.nat({ max: sources.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), (i, ms) => {
      const input = mutate(sources[i]!, ms);
      const e = escapes(() => parseCertificate(input));
      if (e === undefined) { try { parseCertificate(input); } catch { typed++; } }
      return e === undefined;
    }), { numRuns: 5000 });
    expect(typed, 'the mutations do reach the error paths').to.be.greaterThan(1000);
  });

  it('importPfx throws only typed errors on mutated PFX files and adds nothing when it fails', () => {
    const c = opensslCert(files.dir, 'fuzzpfx', 'rsa:2048');
    const make = (name: string, extra: string[]) => {
      const out = files.file(`${name}.pfx`);
      openssl(['pkcs12', '-export', '-in', c.pem, '-inkey', c.key, '-passout', 'pass:pw', '-out', out, '-iter', '64', ...extra]);
      return new Uint8Array(fs.readFileSync(out));
    };
    // With a MAC most mutations stop at the integrity check; without one they reach decryption and the bag parser.
    const sources = [
      make('aes', ['-maciter']),
      make('legacy-nomac', ['-legacy', '-nomac']),
      make('plain-nomac', ['-certpbe', 'NONE', '-keypbe', 'NONE', '-nomac']),
    ];
    const t = tempPki();
    const outcomes = { ok: 0, typed: 0 };
    try {
      fc.assert(fc.property(fc.nat({ max: sources.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), (i, ms) => {
        const input = mutate(sources[i]!, ms);
        try {
          const added = importPfx(t.ctx, input, 'pw');
          outcomes.ok++;
          for (const a of added) removeCertificate(t.ctx, 'CurrentUser\\My', a.thumbprint, { deleteKey: true });
          return true;
        } catch (e) {
          if (!(e instanceof PkiError)) throw e;
          outcomes.typed++;
          return t.ctx.stores.list('CurrentUser\\My').length === 0 && t.ctx.vault.list().length === 0;
        }
      }), { numRuns: 5000 });
    } finally { t.cleanup(); }
    expect(outcomes.typed).to.be.greaterThan(1000);
  });
});
