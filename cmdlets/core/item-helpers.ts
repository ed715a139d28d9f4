/** What the item and content cmdlets share: provider errors as error records, and text encodings. */
import type { Cmdlet } from '../../runtime/commands/cmdlet.js';
import { ProviderError } from './provider-errors.js';

/** Report a provider failure as a non-terminating error of the cmdlet; anything else propagates. */
export function reportProviderError(c: Cmdlet, e: unknown, target: unknown): void {
  if (e instanceof ProviderError) {
    c.writeError(c.error(e.message, e.errorId, e.category, target, e.exceptionType));
    return;
  }
  if (e instanceof Error && 'code' in e && typeof (e as { code?: unknown }).code === 'string') {
    const code = (e as { code: string }).code;
    const category = code === 'EACCES' || code === 'EPERM' ? 'PermissionDenied' : code === 'ENOENT' ? 'ObjectNotFound' : 'WriteError';
    c.writeError(c.error(e.message.replace(/^[A-Z]+: /, ''), 'System.IO.IOException', category, target, 'System.IO.IOException'));
    return;
  }
  throw e;
}

export const ENCODINGS = ['ascii', 'ansi', 'bigendianunicode', 'bigendianutf32', 'oem', 'unicode', 'utf7', 'utf8', 'utf8BOM', 'utf8NoBOM', 'utf32'];

/** Bytes of text in a PowerShell -Encoding name (default utf8NoBOM, as pwsh 7's). */
export function encodeText(text: string, encoding = 'utf8NoBOM'): Uint8Array {
  const e = encoding.toLowerCase();
  switch (e) {
    case 'utf8bom': return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'unicode': return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'bigendianunicode': { const b = Buffer.from(text, 'utf16le'); b.swap16(); return Buffer.concat([Buffer.from([0xfe, 0xff]), b]); }
    case 'ascii': return Buffer.from(Array.from(text, (c) => (c.charCodeAt(0) > 127 ? 63 : c.charCodeAt(0))));
    case 'ansi': case 'latin1': return Buffer.from(text, 'latin1');
    case 'utf32': {
      const cps = Array.from(text, (c) => c.codePointAt(0)!);
      const b = Buffer.alloc(4 + cps.length * 4);
      b.writeUInt32LE(0xfeff, 0);
      cps.forEach((cp, i) => b.writeUInt32LE(cp, 4 + i * 4));
      return b;
    }
    default: return Buffer.from(text, 'utf8');
  }
}

/** Text of file bytes: a BOM decides the encoding, else UTF-8 (pwsh 7's default). */
export function decodeText(bytes: Uint8Array, encoding?: string): string {
  const b = Buffer.from(bytes);
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return b.subarray(3).toString('utf8');
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return b.subarray(2).toString('utf16le');
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) { const c = Buffer.from(b.subarray(2)); c.swap16(); return c.toString('utf16le'); }
  const e = encoding?.toLowerCase();
  if (e === 'unicode') return b.toString('utf16le');
  if (e === 'ascii' || e === 'ansi' || e === 'latin1') return b.toString('latin1');
  return b.toString('utf8');
}

/** Lines of a text, as Get-Content splits them (a final newline ends the last line, it does not start a new one). */
export function splitLines(text: string, delimiter?: string): string[] {
  if (text === '') return [];
  if (delimiter !== undefined && delimiter !== '\n') {
    const parts = text.split(delimiter);
    if (parts[parts.length - 1] === '') parts.pop();
    return parts;
  }
  const lines = text.split(/\r\n|\n|\r/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The bytes without a leading byte order mark (appending to an existing file). */
export function stripBom(b: Uint8Array): Uint8Array {
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return b.subarray(4);
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return b.subarray(3);
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) return b.subarray(2);
  return b;
}
