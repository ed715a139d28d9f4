import * as asn1js from 'asn1js';
import { PfxFormatError } from './errors.js';
import { toArrayBuffer } from './bytes.js';

/**
 * Strict readers over asn1js nodes for PKCS#12 parsing: anything unexpected becomes a PfxFormatError
 * naming the structure, so malformed files never surface as TypeError.
 */
export type Node = asn1js.AsnType;

export function decode(bytes: Uint8Array, what: string, allowTrailing = false): Node {
  if (bytes.length === 0) throw new PfxFormatError(`${what} is empty`);
  const r = asn1js.fromBER(toArrayBuffer(bytes));
  if (r.offset === -1) throw new PfxFormatError(`${what} is not valid ASN.1 (${r.result.error || 'truncated'})`);
  if (!allowTrailing && r.offset !== bytes.length) throw new PfxFormatError(`${what} has ${bytes.length - r.offset} unexpected trailing bytes`);
  return r.result;
}

export function items(node: Node | undefined, what: string, min = 0): Node[] {
  if (!(node instanceof asn1js.Sequence) && !(node instanceof asn1js.Set)) throw new PfxFormatError(`${what} is not a SEQUENCE`);
  const v = node.valueBlock.value;
  if (v.length < min) throw new PfxFormatError(`${what} has ${v.length} elements, at least ${min} expected`);
  return v;
}

export function oid(node: Node | undefined, what: string): string {
  if (!(node instanceof asn1js.ObjectIdentifier)) throw new PfxFormatError(`${what} is not an OBJECT IDENTIFIER`);
  return node.valueBlock.toString();
}

/** OCTET STRING contents; BER constructed strings (Windows writes them) are concatenated. */
export function octets(node: Node | undefined, what: string): Uint8Array {
  if (node === undefined) throw new PfxFormatError(`${what} is missing`);
  const block = node.valueBlock as unknown as { isConstructed?: boolean; value?: Node[]; valueHexView?: Uint8Array };
  const isOctets = node instanceof asn1js.OctetString || (node.idBlock.tagClass === 3);
  if (!isOctets) throw new PfxFormatError(`${what} is not an OCTET STRING`);
  if (block.isConstructed || node.idBlock.isConstructed) {
    const parts = (block.value ?? []).map((p, i) => octets(p, `${what}[${i}]`));
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let o = 0;
    for (const p of parts) { out.set(p, o); o += p.length; }
    return out;
  }
  return new Uint8Array(block.valueHexView ?? new Uint8Array(0));
}

export function integer(node: Node | undefined, what: string, max = Number.MAX_SAFE_INTEGER): number {
  if (!(node instanceof asn1js.Integer)) throw new PfxFormatError(`${what} is not an INTEGER`);
  const v = node.valueBlock.valueHexView.length > 6 ? Infinity : node.valueBlock.valueDec;
  if (!Number.isFinite(v) || v < 0 || v > max) throw new PfxFormatError(`${what} (${v}) is out of range`);
  return v;
}

/** The single element inside a context-specific [n] EXPLICIT wrapper. */
export function explicit(node: Node | undefined, tag: number, what: string): Node {
  if (!node || node.idBlock.tagClass !== 3 || node.idBlock.tagNumber !== tag || !(node instanceof asn1js.Constructed)) {
    throw new PfxFormatError(`${what} is not a [${tag}] EXPLICIT element`);
  }
  const inner = node.valueBlock.value[0];
  if (!inner) throw new PfxFormatError(`${what} is empty`);
  return inner;
}

export function isContext(node: Node | undefined, tag: number): boolean {
  return !!node && node.idBlock.tagClass === 3 && node.idBlock.tagNumber === tag;
}

// Writers.
export const seq = (...value: Node[]) => new asn1js.Sequence({ value });
export const set = (...value: Node[]) => new asn1js.Set({ value });
export const oidNode = (value: string) => new asn1js.ObjectIdentifier({ value });
export const octetNode = (b: Uint8Array) => new asn1js.OctetString({ valueHex: toArrayBuffer(b) });
export const intNode = (value: number) => new asn1js.Integer({ value });
export const explicitNode = (tag: number, inner: Node) => new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: tag }, value: [inner] });
export const implicitOctets = (tag: number, b: Uint8Array) => new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: tag }, valueHex: toArrayBuffer(b) });
export const der = (n: Node) => new Uint8Array(n.toBER(false));
