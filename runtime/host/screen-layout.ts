/**
 * Where text lands on a terminal `width` columns wide: the row and column after writing it from the
 * start of a row. A line filled to the last column leaves the cursor waiting at the right edge
 * (col === width); the next character wraps.
 */
export interface ScreenPos { row: number; col: number }

export function endOf(text: string, width: number): ScreenPos {
  let row = 0;
  let col = 0;
  for (const ch of text) {
    if (ch === '\n') { row++; col = 0; continue; }
    const w = charWidth(ch);
    if (col + w > width) { row++; col = 0; }
    col += w;
  }
  return { row, col };
}

/** The cursor's cell after `text`: a pending wrap counts as the start of the next row. */
export function cursorAfter(text: string, width: number): ScreenPos {
  const p = endOf(text, width);
  return p.col >= width ? { row: p.row + 1, col: 0 } : p;
}

/** East Asian wide characters take two cells; combining marks none; the rest one. */
export function charWidth(ch: string): number {
  const c = ch.codePointAt(0)!;
  if (c < 0x300) return 1;
  if (c >= 0x300 && c <= 0x36f) return 0;
  if ((c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3)
    || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60)
    || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1faff) || (c >= 0x20000 && c <= 0x3fffd)) return 2;
  return 1;
}

/**
 * Possible completions as PSReadLine lists them: columns as wide as the longest item plus two,
 * filled top to bottom, then left to right.
 */
export function completionColumns(items: readonly string[], width: number): string[] {
  if (!items.length) return [];
  const colWidth = Math.max(...items.map((s) => s.length)) + 2;
  const columns = Math.max(1, Math.floor(width / colWidth));
  const rows = Math.ceil(items.length / columns);
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < columns; c++) {
      const i = r + rows * c;
      if (i >= items.length) break;
      line += items[i]!.padEnd(colWidth);
    }
    out.push(line.trimEnd());
  }
  return out;
}
