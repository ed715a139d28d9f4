import { expect } from 'chai';
import { generateKeyPair, signData, verifySignature, InvalidArgumentError, UnsupportedKeyError, type SignatureAlgorithm } from '../../pki/index.js';

describe('pki: signatures', () => {
  it('signs and verifies every supported algorithm, and rejects tampered data', async () => {
    const rsa = await generateKeyPair('RSA', 2048);
    const ec256 = await generateKeyPair('ECDSA_nistP256');
    const ec384 = await generateKeyPair('ECDSA_nistP384');
    const data = Buffer.from('a.b');
    const cases: [SignatureAlgorithm, typeof rsa, number][] = [
      ['RS256', rsa, 256], ['RS384', rsa, 256], ['RS512', rsa, 256], ['PS256', rsa, 256], ['PS384', rsa, 256], ['PS512', rsa, 256],
      ['ES256', ec256, 64], ['ES384', ec384, 96],
    ];
    for (const [alg, kp, len] of cases) {
      const sig = signData(kp.privateKey, data, alg);
      expect(sig, alg).to.have.length(len);
      const spki = new Uint8Array(kp.publicKey.export({ format: 'der', type: 'spki' }));
      expect(verifySignature(spki, data, sig, alg), alg).to.equal(true);
      expect(verifySignature(kp.publicKey.export({ format: 'pem', type: 'spki' }) as string, data, sig, alg), alg).to.equal(true);
      expect(verifySignature(kp.publicKey, Buffer.from('a.c'), sig, alg), alg).to.equal(false);
    }
  });

  it('treats a key of the wrong type as a failed verification and bad input as typed errors', async () => {
    const rsa = await generateKeyPair('RSA', 2048);
    const ec = await generateKeyPair('ECDSA_nistP256');
    const sig = signData(rsa.privateKey, Buffer.from('x'), 'RS256');
    expect(verifySignature(ec.publicKey, Buffer.from('x'), sig, 'RS256')).to.equal(false);
    expect(() => signData(ec.privateKey, Buffer.from('x'), 'RS256')).to.throw(UnsupportedKeyError);
    expect(() => verifySignature(Uint8Array.of(1, 2, 3), Buffer.from('x'), sig, 'RS256')).to.throw(UnsupportedKeyError);
    expect(() => signData(rsa.privateKey, Buffer.from('x'), 'none' as SignatureAlgorithm)).to.throw(InvalidArgumentError);
  });
});
