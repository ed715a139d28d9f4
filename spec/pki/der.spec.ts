import { expect } from 'chai';
import * as asn1js from 'asn1js';
import { bits, children, context, integerBytes, oid, readTlv, seq, smallInteger, string, STRING_TAGS, time, tlv } from '../../pki/der.js';
import { encodeSubject } from '../../pki/subject.js';
import { formatName } from '../../pki/names.js';

const hex = (b: Uint8Array | ArrayBuffer) => Buffer.from(b instanceof Uint8Array ? b : new Uint8Array(b)).toString('hex');

/** der.ts against asn1js (an independent encoder) on the shapes the certificate builder writes. */
describe('pki: der.ts (the certificate builder\'s DER writer)', () => {
  it('encodes lengths in short, one-byte and two-byte long form like asn1js', () => {
    for (const n of [0, 1, 127, 128, 255, 256, 300, 65535, 70000]) {
      const body = new Uint8Array(n).fill(7);
      expect(hex(tlv(0x04, body)), `length ${n}`).to.equal(hex(new asn1js.OctetString({ valueHex: body }).toBER(false)));
    }
  });

  it('encodes object identifiers, including large arcs, like asn1js', () => {
    for (const id of ['2.5.29.14', '1.2.840.113549.1.1.11', '1.3.6.1.4.1.311.21.10', '2.999.1234567890123', '0.9.2342.19200300.100.1.25']) {
      expect(hex(oid(id)), id).to.equal(hex(new asn1js.ObjectIdentifier({ value: id }).toBER(false)));
    }
  });

  it('encodes small integers, bit strings, strings and nesting like asn1js', () => {
    for (const n of [0, 2, 127, 128, 255, 256, 65536]) expect(hex(smallInteger(n)), String(n)).to.equal(hex(new asn1js.Integer({ value: n }).toBER(false)));
    expect(hex(integerBytes(Uint8Array.of(0, 0x80, 1)))).to.equal('0203008001');
    expect(hex(bits(Uint8Array.of(0xa0), 5))).to.equal(hex(new asn1js.BitString({ valueHex: Uint8Array.of(0xa0).buffer, unusedBits: 5 }).toBER(false)));
    expect(hex(string(STRING_TAGS.utf8, 'Zoë'))).to.equal(hex(new asn1js.Utf8String({ value: 'Zoë' }).toBER(false)));
    expect(hex(string(STRING_TAGS.printable, 'CN x'))).to.equal(hex(new asn1js.PrintableString({ value: 'CN x' }).toBER(false)));
    expect(hex(seq(context(0, true, smallInteger(2))))).to.equal('3005a003020102');
  });

  it('writes UTCTime through 2049 and GeneralizedTime from 2050 (RFC 5280)', () => {
    expect(Buffer.from(time(new Date('2049-12-31T23:59:59Z'))).toString('latin1')).to.equal('\x17\x0d491231235959Z');
    expect(Buffer.from(time(new Date('2050-01-01T00:00:00Z'))).toString('latin1')).to.equal('\x18\x0f20500101000000Z');
    expect(Buffer.from(time(new Date('1999-06-01T08:09:10Z'))).toString('latin1')).to.equal('\x17\x0d990601080910Z');
  });

  it('reads TLVs back and refuses truncated or overlong input', () => {
    const der = seq(smallInteger(5), string(STRING_TAGS.ia5, 'a@b'));
    const kids = children(der, readTlv(der));
    expect(kids.map((k) => k.tag)).to.deep.equal([0x02, 0x16]);
    expect(() => readTlv(der.subarray(0, der.length - 1))).to.throw(RangeError);
    expect(() => readTlv(Uint8Array.of(0x30, 0x85, 1, 1, 1, 1, 1))).to.throw(RangeError);
    expect(() => readTlv(Uint8Array.of(0x30))).to.throw(RangeError);
  });

  it('encodes subjects in the typed order with Windows\' string types, and formatName prints them back', () => {
    const s = encodeSubject('CN=Zoë, OU=Sync; O="Contoso, Ltd", E=admin@contoso.com, DC=contoso');
    expect(formatName(s.der)).to.equal('CN=Zoë, OU=Sync, O="Contoso, Ltd", E=admin@contoso.com, DC=contoso');
    const parsed = asn1js.fromBER(s.der).result as asn1js.Sequence;
    const types = parsed.valueBlock.value.map((set) => ((set as asn1js.Set).valueBlock.value[0] as asn1js.Sequence).valueBlock.value[1]!.constructor.name);
    // DER order is the reverse of the text: DC, E, O, OU, CN.
    expect(types).to.deep.equal(['IA5String', 'IA5String', 'PrintableString', 'PrintableString', 'Utf8String']);
  });
});
