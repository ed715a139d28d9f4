/**
 * Character classes of PowerShell's tokenizer (CharExtensions): typographic dashes and quotes count
 * as their ASCII forms, which is why text pasted from documents (`–Name`, `“x”`) works.
 */
export function isDash(c: string | undefined): boolean {
  return c === '-' || c === '\u2013' || c === '\u2014' || c === '\u2015';
}
export function isSingleQuote(c: string | undefined): boolean {
  return c === "'" || c === '\u2018' || c === '\u2019' || c === '\u201a' || c === '\u201b';
}
export function isDoubleQuote(c: string | undefined): boolean {
  return c === '"' || c === '\u201c' || c === '\u201d' || c === '\u201e';
}
export function isNewline(c: string | undefined): boolean { return c === '\n' || c === '\r'; }
export function isWhitespace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\f' || c === '\v' || c === '\u00a0' || c === '\u0085'
    || (c !== undefined && c > '\u007f' && /\p{Zs}/u.test(c));
}
export function isDigit(c: string | undefined): boolean { return c !== undefined && c >= '0' && c <= '9'; }
export function isHexDigit(c: string | undefined): boolean { return c !== undefined && /[0-9a-fA-F]/.test(c); }
export function isIdentStart(c: string | undefined): boolean {
  return c !== undefined && (c === '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c > '\u007f' && /\p{L}/u.test(c)));
}
export function isIdentChar(c: string | undefined): boolean { return isIdentStart(c) || isDigit(c); }
/** Characters allowed in a $name variable (besides identifier chars): `?` for $?, ':' handled by the scanner. */
export function isVarChar(c: string | undefined): boolean { return isIdentChar(c) || c === '?'; }
/** Ends a bare (generic) token in command mode. */
export function isGenericEnd(c: string | undefined): boolean {
  return c === undefined || isWhitespace(c) || isNewline(c) || c === ';' || c === ',' || c === '|' || c === '(' || c === ')'
    || c === '{' || c === '}' || c === '&' || c === '<' || c === '>';
}
