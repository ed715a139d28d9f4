import { ATTRIBUTE_NAMES } from './oids.js';
import { InvalidArgumentError } from './errors.js';
import { STRING_TAGS, oid as derOid, seq, set, string } from './der.js';

/** Subject text → DER Name, without asn1js (the certificate builder must not load it; see der.ts). */
const SHORT_TO_OID: Record<string, string> = Object.fromEntries(
  Object.entries(ATTRIBUTE_NAMES).map(([oid, short]) => [short.toUpperCase(), oid]),
);
SHORT_TO_OID['EMAIL'] = '1.2.840.113549.1.9.1';
SHORT_TO_OID['ST'] = '2.5.4.8';

interface Attr { oid: string; value: string }

/**
 * Parse a subject as New-SelfSignedCertificate -Subject takes it: 'CN=' is prefixed when there is no '=';
 * RDNs separated by ',' (or ';'), values may be double-quoted. Returns the DER Name, encoded so that
 * formatName() prints it back in the order typed (the DER holds the last RDN first).
 */
export function encodeSubject(subject: string): { der: ArrayBuffer; attrs: Attr[] } {
  const text = subject.includes('=') ? subject : `CN=${subject}`;
  const attrs = splitRdns(text);
  if (attrs.length === 0) throw new InvalidArgumentError('InvalidSubject', `The subject '${subject}' is not a valid X.500 distinguished name.`);
  const der = seq(...[...attrs].reverse().map((a) => set(seq(derOid(a.oid), stringValue(a)))));
  return { der: der.slice().buffer, attrs };
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
function stringValue(a: Attr): Uint8Array {
  if (a.oid === '1.2.840.113549.1.9.1' || a.oid === '0.9.2342.19200300.100.1.25') return string(STRING_TAGS.ia5, a.value);
  if (PRINTABLE.test(a.value)) return string(STRING_TAGS.printable, a.value);
  return string(STRING_TAGS.utf8, a.value);
}

