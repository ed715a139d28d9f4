/**
 * StringManipulationHelper: splitting text into screen lines. en-US uses the word-wrapping variant:
 * words (split at blanks and tabs, which stay with the word before them) move to the next line
 * whole; a word longer than a line is cut character by character.
 */
import { cells, charCells, ELLIPSIS } from './display-cells.js';

export function splitLines(s: string): string[] {
  return s.replace(/\r/g, '').split('\n');
}

/** TruncateAtNewLine: a table cell shows only its first line, marked with '…'. */
export function truncateAtNewLine(s: string): string {
  const i = s.search(/[\r\n]/);
  return i < 0 ? s : s.slice(0, i) + ELLIPSIS;
}

export function wrapLines(val: string, firstLineLen: number, followingLinesLen: number): string[] {
  const out: string[] = [];
  if (!val) { out.push(val); return out; }
  for (const line of splitLines(val)) {
    if (cells(line) <= firstLineLen) { out.push(line); continue; }
    let lineWidth = firstLineLen;
    let spacesLeft = firstLineLen;
    let firstLine = true;
    let current = '';
    const nextLine = () => {
      if (firstLine) { firstLine = false; lineWidth = followingLinesLen; }
    };
    for (const word of words(line)) {
      const w = cells(word);
      if (lineWidth === 0) {
        nextLine();
        if (lineWidth === 0) break;
        spacesLeft = lineWidth;
      }
      if (w > lineWidth) {
        for (const ch of word) {
          let c = ch;
          let cw = charCells(ch.codePointAt(0)!);
          if (cw > lineWidth) { c = '?'; cw = 1; }
          if (cw > spacesLeft) {
            out.push(current);
            current = c;
            nextLine();
            spacesLeft = lineWidth - cw;
          } else {
            current += c;
            spacesLeft -= cw;
          }
        }
      } else if (w > spacesLeft) {
        out.push(current);
        current = word;
        nextLine();
        spacesLeft = lineWidth - w;
      } else {
        current += word;
        spacesLeft -= w;
      }
    }
    out.push(current);
  }
  return out;
}

/** GetWords: each word keeps the blank or tab that ended it. */
function words(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (const ch of s) {
    if (ch === ' ' || ch === '\t') { out.push(cur + ch); cur = ''; }
    else if (ch === '\u2011' || ch === '\u00a0') { out.push(cur); cur = ''; }
    else if (ch === '\u00ad') { out.push(cur); cur = ''; }
    else cur += ch;
  }
  out.push(cur);
  return out;
}
