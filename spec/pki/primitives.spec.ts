import { expect } from 'chai';
import { rc2Block, rc2CbcDecrypt, rc2CbcEncrypt } from '../../pki/rc2.js';
import { bmpPassword, pkcs12Kdf } from '../../pki/pkcs12-kdf.js';

const hex = (s: string) => Uint8Array.from(Buffer.from(s, 'hex'));
const str = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('pki: legacy PKCS#12 primitives', () => {
  it('RC2 matches the RFC 2268 test vectors', () => {
    const vectors: [string, number, string, string][] = [
      ['0000000000000000', 63, '0000000000000000', 'ebb773f993278eff'],
      ['ffffffffffffffff', 64, 'ffffffffffffffff', '278b27e42e2f0d49'],
      ['3000000000000000', 64, '1000000000000001', '30649edf9be7d2c2'],
      ['88', 64, '0000000000000000', '61a8a244adacccf0'],
      ['88bca90e90875a', 64, '0000000000000000', '6ccf4308974c267f'],
      ['88bca90e90875a7f0f79c384627bafb2', 64, '0000000000000000', '1a807d272bbe5db1'],
      ['88bca90e90875a7f0f79c384627bafb2', 128, '0000000000000000', '2269552ab0f85ca6'],
    ];
    for (const [key, bits, pt, ct] of vectors) {
      expect(str(rc2Block(hex(key), bits, hex(pt)))).to.equal(ct);
      expect(str(rc2Block(hex(key), bits, hex(ct), true))).to.equal(pt);
    }
  });

  it('RC2-CBC round-trips and reports bad padding as undefined', () => {
    const key = hex('0102030405');
    const iv = hex('0001020304050607');
    const data = new TextEncoder().encode('a PKCS#12 SafeContents that is not a multiple of eight');
    const enc = rc2CbcEncrypt(key, 40, iv, data);
    expect(str(rc2CbcDecrypt(key, 40, iv, enc)!)).to.equal(str(data));
    expect(rc2CbcDecrypt(hex('0102030406'), 40, iv, enc)).to.equal(undefined);
  });

  it('encodes passwords as NUL-terminated BMPString and derives keys per RFC 7292 B.2', () => {
    expect(str(bmpPassword('ab'))).to.equal('006100620000');
    expect(str(bmpPassword(''))).to.equal('0000');
    // Vector from the BouncyCastle PKCS12 KDF tests (password "smeg", SHA-1, id 1, 1 iteration, 24 bytes).
    expect(str(pkcs12Kdf('sha1', bmpPassword('smeg'), hex('0a58cf64530d823f'), 1, 1, 24))).to.equal('8aaae6297b6cb04642ab5b077851284eb7128f1a2a7fbca3');
    expect(str(pkcs12Kdf('sha1', bmpPassword('smeg'), hex('0a58cf64530d823f'), 2, 1, 8))).to.equal('79993dfe048d3b76');
  });
});
