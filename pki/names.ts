import * as asn1js from 'asn1js';
import { ATTRIBUTE_NAMES } from './oids.js';
import { toArrayBuffer } from './bytes.js';


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

export { encodeSubject } from './subject.js';

export function nameDerOf(view: Uint8Array): ArrayBuffer { return toArrayBuffer(view); }
