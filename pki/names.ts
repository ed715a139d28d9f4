import * as asn1js from 'asn1js';
import { ATTRIBUTE_NAMES } from './oids.js';
import { InvalidArgumentError } from './errors.js';
import { toArrayBuffer } from './bytes.js';

const SHORT_TO_OID: Record<string, string> = Object.fromEntries(
  Object.entries(ATTRIBUTE_NAMES).map(([oid, short]) => [short.toUpperCase(), oid]),
);
SHORT_TO_OID['EMAIL'] = '1.2.840.113549.1.9.1';
SHORT_TO_OID['ST'] = '2.5.4.8';

interface Attr { oid: string; value: string }

/** Render a DER Name as Windows CertNameToStr does (X509Certificate2.Subject): last RDN first, ', ' between RDNs, ' + ' inside one. */
export function formatName(nameDer: ArrayBuffer): string {
  const parsed = asn1js.fromBER(nameDer);
  if (parsed.offset === -1 || !(parsed.result instanceof asn1js.Sequence)) return '';
  const rdns: string[] = [];
  for (const set of parsed.result.valueBlock.value) {
    if (!(set instanceof asn1js.Set)) continue;
    const parts: string[] = [];
    for (const atv of set.valueBlock.value) {
      if (!(atv instanceof asn1js.Sequence) || atv.valueBlock.value.length < 2) continue;
      const [t, v] = atv.valueBlock.value;
      if (!(t instanceof asn1js.ObjectIdentifier)) continue;
      const oid = t.valueBlock.toString();
      const key = ATTRIBUTE_NAMES[oid] ?? `OID.${oid}`;
      parts.push(`${key}=${quoteValue(attributeText(v!))}`);
    }
    rdns.push(parts.join(' + '));
  }
  return rdns.reverse().join(', ');
}

function attributeText(v: asn1js.AsnType): string {
  const block = (v as unknown as { valueBlock?: { value?: unknown } }).valueBlock;
  if (block && typeof block.value === 'string') return block.value;
  return '#' + Buffer.from(v.toBER(false)).toString('hex');
}

/** CertNameToStr quotes a value with separators, quotes or edge spaces, doubling inner quotes. */
function quoteValue(s: string): string {
  if (s === '' || /[,+=";<>#\r\n]/.test(s) || /^\s|\s$/.test(s)) return `"${s.replace(/"/g, '""')}"`;
  return s;
}

/**
 * Parse a subject as New-SelfSignedCertificate -Subject takes it: 'CN=' is prefixed when there is no '=';
 * RDNs separated by ',' (or ';'), values may be double-quoted. Returns the DER Name, encoded so that
 * formatName() prints it back in the order typed (the DER holds the last RDN first).
 */
export function encodeSubject(subject: string): { der: ArrayBuffer; attrs: Attr[] } {
  const text = subject.includes('=') ? subject : `CN=${subject}`;
  const attrs = splitRdns(text);
  if (attrs.length === 0) throw new InvalidArgumentError('InvalidSubject', `The subject '${subject}' is not a valid X.500 distinguished name.`);
  const seq = new asn1js.Sequence({
    value: [...attrs].reverse().map((a) => new asn1js.Set({
      value: [new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: a.oid }), stringValue(a)] })],
    })),
  });
  return { der: seq.toBER(false), attrs };
}

function splitRdns(text: string): Attr[] {
  const out: Attr[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && /[\s,;]/.test(text[i]!)) i++;
    if (i >= n) break;
    const eq = text.indexOf('=', i);
    if (eq < 0) throw new InvalidArgumentError('InvalidSubject', `The subject '${text}' is not a valid X.500 distinguished name: '${text.slice(i)}' has no '='.`);
    const key = text.slice(i, eq).trim();
    i = eq + 1;
    while (i < n && text[i] === ' ') i++;
    let value = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= n) throw new InvalidArgumentError('InvalidSubject', `The subject '${text}' has an unterminated quoted value.`);
        if (text[i] === '"') {
          if (text[i + 1] === '"') { value += '"'; i += 2; continue; }
          i++; break;
        }
        value += text[i++];
      }
      while (i < n && !/[,;]/.test(text[i]!)) i++;
    } else {
      const start = i;
      while (i < n && !/[,;]/.test(text[i]!)) i++;
      value = text.slice(start, i).trim();
    }
    out.push({ oid: attributeOid(key, text), value });
  }
  return out;
}

function attributeOid(key: string, text: string): string {
  const upper = key.toUpperCase();
  if (upper.startsWith('OID.')) key = key.slice(4);
  if (/^\d+(\.\d+)+$/.test(key)) return key;
  const oid = SHORT_TO_OID[upper];
  if (!oid) throw new InvalidArgumentError('InvalidSubject', `The subject '${text}' uses an unknown attribute '${key}'.`);
  return oid;
}

const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;

/** PrintableString where the characters allow it (as CertStrToName does), else UTF8String; e-mail and DC are IA5. */
function stringValue(a: Attr): asn1js.AsnType {
  if (a.oid === '1.2.840.113549.1.9.1' || a.oid === '0.9.2342.19200300.100.1.25') return new asn1js.IA5String({ value: a.value });
  if (PRINTABLE.test(a.value)) return new asn1js.PrintableString({ value: a.value });
  return new asn1js.Utf8String({ value: a.value });
}

export function nameDerOf(view: Uint8Array): ArrayBuffer { return toArrayBuffer(view); }
