import { CertificateFormatError } from './errors.js';

const PEM_RE = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
const B64_BODY = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;

/** Base64 wrapped at 64 columns between BEGIN/END lines, as certutil -encode and openssl write it. */
export function toPem(label: string, der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64');
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** The blocks of a PEM text; a body that is not clean Base64 is an error rather than silently truncated. */
export function pemBlocks(text: string): { label: string; der: Uint8Array }[] {
  const out: { label: string; der: Uint8Array }[] = [];
  for (const m of text.matchAll(PEM_RE)) {
    const body = m[2]!;
    if (!B64_BODY.test(body)) throw new CertificateFormatError(`the PEM block '${m[1]}' contains characters that are not Base64`);
    const compact = body.replace(/\s+/g, '');
    if (compact.length === 0 || compact.length % 4 !== 0) throw new CertificateFormatError(`the PEM block '${m[1]}' has a truncated Base64 body`);
    out.push({ label: m[1]!, der: new Uint8Array(Buffer.from(compact, 'base64')) });
  }
  return out;
}

/** Does this look like text rather than DER? (DER certificates start with a SEQUENCE tag.) */
export function looksLikeText(data: Uint8Array): boolean {
  if (data.length === 0) return false;
  if (data[0] === 0x30) return false;
  return true;
}
