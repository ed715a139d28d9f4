/**
 * TableWriter + ColumnWidthManager: column widths fitted to the screen, header and dash lines,
 * padding, alignment and truncation with '…', as PowerShell's table output does.
 */
import { cells, headFitting, tailFitting, ELLIPSIS } from './display-cells.js';
import { truncateAtNewLine, wrapLines } from './text-lines.js';
import type { Alignment } from './views.js';

const SEPARATOR = 1;
const MIN_COLUMN = 1;
const MIN_SCREEN = 5;

/**
 * Fits the widths (0: unassigned) into `tableWidth`: unassigned columns share the free space one cell
 * at a time; when the table is too wide, the rightmost columns shrink and then disappear (-1).
 */
export function fitColumnWidths(widths: number[], tableWidth: number): number[] {
  const w = [...widths];
  const width = (): number => {
    let sum = 0;
    let visible = 0;
    for (const x of w) if (x > 0) { sum += x; visible++; }
    return sum + SEPARATOR * (visible - 1);
  };
  let fits: boolean;
  if (w.every((x) => x > 0)) {
    fits = w.reduce((a, b) => a + b, 0) + SEPARATOR * (w.length - 1) <= tableWidth;
  } else {
    const fixed = w.map((x) => x > 0);
    for (let k = 0; k < w.length; k++) if (w[k] === 0) w[k] = MIN_COLUMN;
    let available = tableWidth - width();
    fits = available >= 0;
    while (available > 0) {
      for (let k = 0; k < w.length && available > 0; k++) {
        if (fixed[k]) continue;
        w[k]!++;
        available--;
      }
    }
  }
  if (fits) return w;
  for (;;) {
    const excess = width() - tableWidth;
    if (excess <= 0) return w;
    let last = w.findIndex((x) => x < 0);
    last = last < 0 ? w.length - 1 : last - 1;
    if (last < 0) return w;
    const shrunk = w[last]! - excess;
    w[last] = shrunk < MIN_COLUMN ? -1 : shrunk;
  }
}

export class TableWriter {
  private widths: number[] = [];
  private aligns: Alignment[] = [];
  private disabled = false;
  private header?: string[];

  constructor(screenWidth: number, widths: readonly number[], aligns: readonly Alignment[], private readonly hideHeader: boolean) {
    if (screenWidth < MIN_SCREEN) { this.disabled = true; return; }
    this.widths = fitColumnWidths([...widths], screenWidth);
    if (!this.widths.some((x) => x >= MIN_COLUMN)) this.disabled = true;
    this.aligns = [...aligns];
  }

  headerLines(labels: readonly string[]): string[] {
    if (this.disabled || this.hideHeader) return [];
    if (this.header) return this.header;
    const lines = this.multiLineRow(labels, this.aligns);
    const dashes = labels.map((l, k) => {
      const w = this.widths[k]!;
      if (w <= 0) return '';
      return '-'.repeat(l ? Math.min(cells(l), w) : w);
    });
    lines.push(this.singleLineRow(dashes, this.aligns));
    this.header = lines;
    return lines;
  }

  rowLines(values: readonly string[], aligns: readonly (Alignment | undefined)[], wrap: boolean): string[] {
    if (this.disabled) return [];
    const a = this.aligns.map((col, k) => aligns[k] ?? col);
    return wrap ? this.multiLineRow(values, a) : [this.singleLineRow(values, a)];
  }

  private singleLineRow(values: readonly string[], aligns: readonly Alignment[]): string {
    let s = '';
    for (let k = 0; k < this.widths.length; k++) {
      const w = this.widths[k]!;
      if (w <= 0) continue;
      if (k > 0) s += ' ';
      s += fieldText(values[k] ?? '', w, aligns[k]!, k < this.widths.length - 1);
    }
    return s;
  }

  /** Cells wrapped onto several lines (the header always goes this way, and rows under -Wrap). */
  private multiLineRow(values: readonly string[], aligns: readonly Alignment[]): string[] {
    const valid = this.widths.map((w, k) => (w > 0 ? k : -1)).filter((k) => k >= 0);
    if (valid.length === 0) return [];
    const cols = valid.map((k, i) => {
      const w = this.widths[k]!;
      const pad = i < valid.length - 1;
      let lines = wrapLines(values[k] ?? '', w, w);
      if (pad || aligns[k] === 'right' || aligns[k] === 'center') {
        lines = lines.map((l) => (cells(l) < w ? fieldText(l, w, aligns[k]!, pad) : l));
      }
      return lines.map((l) => (i > 0 ? ' ' + l : l));
    });
    const rows = Math.max(...cols.map((c) => c.length));
    const lastWithContent: number[] = [];
    for (let r = 0; r < rows; r++) {
      let last = 0;
      for (let c = 0; c < cols.length; c++) if (cols[c]!.length > r) last = c;
      lastWithContent.push(last);
    }
    for (let c = 0; c < cols.length; c++) {
      let blanks = 0;
      if (c < cols.length - 1) blanks = this.widths[valid[c]!]! + (c > 0 ? SEPARATOR : 0);
      for (let r = cols[c]!.length; r < rows; r++) cols[c]!.push(c > lastWithContent[r]! ? '' : ' '.repeat(blanks));
    }
    const out: string[] = [];
    for (let r = 0; r < rows; r++) {
      let s = '';
      for (let c = 0; c < cols.length; c++) {
        const v = cols[c]![r]!;
        s += c === lastWithContent[r] && rows > 1 ? v.trimEnd() : v;
      }
      out.push(s);
    }
    return out;
  }
}

/** GenerateRowField: pad to the width (the last column is not padded on the right) or cut with '…'. */
export function fieldText(val: string, width: number, align: Alignment, addPadding: boolean): string {
  let s = truncateAtNewLine(val);
  const len = cells(s);
  if (len < width) {
    const pad = width - len;
    if (align === 'right') s = ' '.repeat(pad) + s;
    else if (align === 'center') {
      const left = Math.floor(pad / 2);
      s = ' '.repeat(left) + s + (addPadding ? ' '.repeat(pad - left) : '');
    } else if (addPadding) s += ' '.repeat(pad);
  } else if (len > width) {
    const keep = width - 1;
    if (keep > 0) s = align === 'right' ? ELLIPSIS + tailFitting(s, keep) : headFitting(s, keep) + ELLIPSIS;
    else s = align === 'right' ? tailFitting(s, width) : headFitting(s, width);
  }
  const final = cells(s);
  if (final === width || final > width) return s;
  if (align === 'right') return ' ' + s;
  return addPadding ? s + ' ' : s;
}
