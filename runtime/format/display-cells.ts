/**
 * Screen cells a string occupies (PSHostRawUserInterface.LengthInBufferCells): East Asian wide and
 * fullwidth characters take two cells, combining marks none, everything else one.
 */
export function charCells(cp: number): number {
  if (cp === 0) return 0;
  if (cp < 0x300) return 1;
  if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f)) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) || (cp >= 0xac00 && cp <= 0xd7a3)
    || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60)
    || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f) || (cp >= 0x1f900 && cp <= 0x1f9ff)
    || (cp >= 0x20000 && cp <= 0x3fffd)
  ) return 2;
  return 1;
}

const NARROW = /^[\x20-\x7e]*$/;

export function cells(s: string): number {
  if (NARROW.test(s)) return s.length;
  let n = 0;
  for (const ch of s) n += charCells(ch.codePointAt(0)!);
  return n;
}

/** The longest prefix of `s` that fits in `width` cells. */
export function headFitting(s: string, width: number): string {
  let n = 0;
  let out = '';
  for (const ch of s) {
    const c = charCells(ch.codePointAt(0)!);
    if (n + c > width) break;
    n += c;
    out += ch;
  }
  return out;
}

/** The longest suffix of `s` that fits in `width` cells. */
export function tailFitting(s: string, width: number): string {
  const chars = [...s];
  let n = 0;
  let i = chars.length;
  while (i > 0) {
    const c = charCells(chars[i - 1]!.codePointAt(0)!);
    if (n + c > width) break;
    n += c;
    i--;
  }
  return chars.slice(i).join('');
}

export const ELLIPSIS = '\u2026';
