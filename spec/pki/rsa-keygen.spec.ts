import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { checkPrimeSync, createPublicKey, generatePrimeSync, sign, verify } from 'node:crypto';
import * as fs from 'node:fs';
import { generateKeyPair, createSelfSignedCertificate } from '../../pki/index.js';
import { bitLength, generateRsaKeyPair, modInverse, rsaFromPrimes } from '../../pki/rsa-primes.js';
import { openssl, opensslInfo, tempDir } from './helpers.js';

const big = (b64url: string) => BigInt(`0x${Buffer.from(b64url, 'base64url').toString('hex')}`);

describe('pki: RSA keys from primes searched in parallel (rsa-primes.ts)', function () {
  this.timeout(180_000);
  const files = tempDir();
  after(() => files.cleanup());

  for (const bits of [2048, 3072, 4096]) {
    it(`RSA-${bits}: openssl rsa -check accepts the key; FIPS 186-4 conditions hold; signatures cross-verify with openssl`, async () => {
      const { privateKey, publicKey } = await generateRsaKeyPair(bits);
      const keyFile = files.file(`k${bits}.pem`);
      fs.writeFileSync(keyFile, privateKey.export({ format: 'pem', type: 'pkcs8' }));
      expect(opensslInfo(['rsa', '-check', '-noout', '-in', keyFile])).to.match(/RSA key ok/);
      expect(openssl(['rsa', '-in', keyFile, '-noout', '-text'])).to.match(new RegExp(`Private-Key: \\(${bits} bit, 2 primes\\)`));

      const j = privateKey.export({ format: 'jwk' });
      const [n, e, d, p, q] = [j.n!, j.e!, j.d!, j.p!, j.q!].map(big) as [bigint, bigint, bigint, bigint, bigint];
      const half = BigInt(bits / 2);
      expect(e).to.equal(65537n);
      expect(bitLength(n)).to.equal(bits);
      expect(p * q).to.equal(n);
      for (const x of [p, q]) {
        expect(bitLength(x)).to.equal(bits / 2);
        expect(x >> (half - 2n), 'top two bits set').to.equal(3n);
        expect((x - 1n) % 65537n).to.not.equal(0n);
      }
      expect((p > q ? p - q : q - p) > 1n << (half - 100n), '|p - q| > 2^(nlen/2-100)').to.equal(true);
      expect(d > 1n << half, 'd > 2^(nlen/2)').to.equal(true);
      expect(modInverse(e, ((p - 1n) * (q - 1n)) / gcdOf(p - 1n, q - 1n)) === d).to.equal(true);

      const data = Buffer.from(`signed by a ${bits}-bit key`);
      const ours = sign('sha256', data, privateKey);
      const pubFile = files.file(`k${bits}.pub`);
      const sigFile = files.file(`k${bits}.sig`);
      const dataFile = files.file(`k${bits}.txt`);
      fs.writeFileSync(pubFile, publicKey.export({ format: 'pem', type: 'spki' }));
      fs.writeFileSync(sigFile, ours);
      fs.writeFileSync(dataFile, data);
      expect(opensslInfo(['dgst', '-sha256', '-verify', pubFile, '-signature', sigFile, dataFile])).to.match(/Verified OK/);
      const theirs = execFileSync('openssl', ['dgst', '-sha256', '-sign', keyFile, dataFile]);
      expect(theirs.length).to.equal(bits / 8);
      expect(verify('sha256', data, createPublicKey(fs.readFileSync(pubFile)), theirs)).to.equal(true);
      expect(verify('sha256', Buffer.from('other data'), publicKey, theirs)).to.equal(false);
    });
  }

  it('refuses primes that are too close (|p - q| <= 2^(nlen/2 - 100)) and equal primes', () => {
    const p = generatePrimeSync(1024, { bigint: true });
    let q = p + 2n;
    while (!checkPrimeSync(q)) q += 2n;
    expect(rsaFromPrimes(p, q, 2048)).to.equal(undefined);
    expect(rsaFromPrimes(p, p, 2048)).to.equal(undefined);
    const far = generatePrimeSync(1024, { bigint: true });
    expect(rsaFromPrimes(p, far, 2048)?.n).to.equal(p * far);
  });

  it('modInverse agrees with the definition', () => {
    for (const [a, m] of [[3n, 11n], [65537n, 1n << 2047n | 1n], [17n, 3120n]] as const) {
      expect((a * modInverse(a, m)) % m).to.equal(1n);
    }
    expect(() => modInverse(6n, 9n)).to.throw(RangeError);
  });

  it('generateKeyPair (which uses it for RSA) gives a key whose self-signed certificate openssl verifies', async () => {
    const kp = await generateKeyPair('RSA', 2048);
    expect(kp.privateKey.asymmetricKeyDetails?.modulusLength).to.equal(2048);
    const c = await createSelfSignedCertificate({ subject: 'CN=parallel', keyPair: kp, notBefore: new Date(), notAfter: new Date(Date.now() + 86_400_000) });
    const f = files.file('parallel.cer');
    fs.writeFileSync(f, c.der);
    expect(openssl(['x509', '-inform', 'der', '-in', f, '-noout', '-text'])).to.match(/Public-Key: \(2048 bit\)/);
    const pem = files.file('parallel.pem');
    fs.writeFileSync(pem, openssl(['x509', '-inform', 'der', '-in', f]));
    expect(opensslInfo(['verify', '-CAfile', pem, '-partial_chain', '-check_ss_sig', pem])).to.match(/OK/);
  });
});

function gcdOf(a: bigint, b: bigint): bigint { while (b) [a, b] = [b, a % b]; return a; }
