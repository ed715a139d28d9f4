/**
 * A minimal DER writer and TLV reader with no dependencies. The certificate builder (self-signed.ts) uses it so that
 * making a key and a certificate does not load pkijs/asn1js (as much start-up time as node's own, see docs/pki.md);
 * everything that reads certificates still goes through pkijs.
 */

function lengthBytes(n: number): number[] {
  if (n < 0x80) return [n];
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v & 0xff);
  return [0x80 | out.length, ...out];
}

export function tlv(tag: number, ...parts: Uint8Array[]): Uint8Array {
  const size = parts.reduce((a, p) => a + p.length, 0);
  const head = [tag, ...lengthBytes(size)];
  const out = new Uint8Array(head.length + size);
  out.set(head, 0);
  let at = head.length;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

export const seq = (...parts: Uint8Array[]): Uint8Array => tlv(0x30, ...parts);
export const set = (...parts: Uint8Array[]): Uint8Array => tlv(0x31, ...parts);
export const octets = (b: Uint8Array): Uint8Array => tlv(0x04, b);
export const bits = (b: Uint8Array, unused = 0): Uint8Array => tlv(0x03, Uint8Array.of(unused), b);
export const boolTrue = (): Uint8Array => Uint8Array.of(0x01, 0x01, 0xff);
export const nullValue = (): Uint8Array => Uint8Array.of(0x05, 0x00);
/** [n] context-specific: constructed (EXPLICIT / a constructed IMPLICIT type) or primitive. */
export const context = (n: number, constructed: boolean, ...parts: Uint8Array[]): Uint8Array => tlv((constructed ? 0xa0 : 0x80) | n, ...parts);

/** INTEGER from big-endian content octets that are already minimal and positive (a 00 sign byte kept). */
export const integerBytes = (content: Uint8Array): Uint8Array => tlv(0x02, content);

export function smallInteger(n: number): Uint8Array {
  const out: number[] = [];
  let v = n;
  do { out.unshift(v & 0xff); v = Math.floor(v / 256); } while (v > 0);
  if (out[0]! & 0x80) out.unshift(0);
  return tlv(0x02, Uint8Array.from(out));
}

export function oid(text: string): Uint8Array {
  const arcs = text.split('.').map((a) => BigInt(a));
  const body: number[] = [];
  const push = (v: bigint) => {
    const chunk: number[] = [Number(v & 0x7fn)];
    for (v >>= 7n; v > 0n; v >>= 7n) chunk.unshift(Number(v & 0x7fn) | 0x80);
    body.push(...chunk);
  };
  push(arcs[0]! * 40n + arcs[1]!);
  for (const a of arcs.slice(2)) push(a);
  return tlv(0x06, Uint8Array.from(body));
}

export const STRING_TAGS = { utf8: 0x0c, printable: 0x13, ia5: 0x16 } as const;
export const string = (tag: number, text: string): Uint8Array => tlv(tag, new Uint8Array(Buffer.from(text, 'utf8')));

/** RFC 5280: UTCTime through 2049, GeneralizedTime from 2050; whole seconds, 'Z'. */
export function time(d: Date): Uint8Array {
  const iso = d.toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ
  const digits = iso.slice(0, 19).replace(/[-:T]/g, '');
  return d.getUTCFullYear() < 2050 ? tlv(0x17, new Uint8Array(Buffer.from(`${digits.slice(2)}Z`, 'latin1')))
    : tlv(0x18, new Uint8Array(Buffer.from(`${digits}Z`, 'latin1')));
}

export interface Tlv { tag: number; start: number; contentStart: number; end: number }

/** One TLV at `at` (definite lengths only, as DER); throws RangeError when it does not fit. */
export function readTlv(b: Uint8Array, at = 0): Tlv {
  if (at + 2 > b.length) throw new RangeError('truncated');
  const tag = b[at]!;
  if ((tag & 0x1f) === 0x1f) throw new RangeError('high tag numbers are not used here');
  let len = b[at + 1]!;
  let p = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || p + n > b.length) throw new RangeError('bad length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + b[p + i]!;
    p += n;
  }
  if (p + len > b.length) throw new RangeError('truncated');
  return { tag, start: at, contentStart: p, end: p + len };
}

/** The TLVs directly inside a constructed TLV. */
export function children(b: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let at = parent.contentStart; at < parent.end;) { const t = readTlv(b, at); out.push(t); at = t.end; }
  if (out.length && out[out.length - 1]!.end !== parent.end) throw new RangeError('trailing bytes');
  return out;
}

export const bytesOf = (b: Uint8Array, t: Tlv): Uint8Array => b.subarray(t.start, t.end);
export const contentOf = (b: Uint8Array, t: Tlv): Uint8Array => b.subarray(t.contentStart, t.end);
