/** ListWriter: 'Label : value' lines, labels padded to the longest, long values wrapped under the value column. */
import { cells, headFitting } from './display-cells.js';
import { splitLines, wrapLines } from './text-lines.js';

const SEPARATOR = ' : ';

export function listLines(labels: readonly string[], values: readonly string[], screenWidth: number): string[] {
  if (labels.length === 0) return [];
  if (screenWidth - SEPARATOR.length - 2 < 0) return [];
  const maxLabel = screenWidth - SEPARATOR.length - 1;
  let labelWidth = Math.min(Math.max(...labels.map(cells)), maxLabel);
  const padded = labels.map((l) => {
    const c = cells(l);
    return (c < labelWidth ? l + ' '.repeat(labelWidth - c) : c > labelWidth ? headFitting(l, labelWidth) : l) + SEPARATOR;
  });
  labelWidth += SEPARATOR.length;
  const indent = ' '.repeat(labelWidth);
  const field = screenWidth - labelWidth;
  const out: string[] = [];
  for (let k = 0; k < labels.length; k++) {
    const lines = splitLines(values[k] ?? '');
    lines.forEach((line, i) => {
      const prefix = i === 0 ? padded[k]! : indent;
      wrapLines(line, field, field).forEach((piece, j) => out.push((j === 0 ? prefix : indent) + piece));
    });
  }
  return out;
}
