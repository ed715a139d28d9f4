/**
 * A small terminal model for the tests: what a person would see on the screen after the bytes the
 * shell wrote — the cursor movements, erasing and wrapping the line editor relies on — so a test
 * asserts the rows of the screen (like `tmux capture-pane`), not the stream of redraws.
 */
export class VirtualScreen {
  rows: string[][] = [[]];
  row = 0;
  col = 0;
  /** Cursor past the last column: the next printable character wraps. */
  private pendingWrap = false;

  constructor(public cols: number) {}

  feed(data: string): void {
    for (let i = 0; i < data.length; i++) {
      const ch = data[i]!;
      if (ch === '\x1b') {
        const m = /^\x1b\[([0-9;?]*)([A-Za-z@])/.exec(data.slice(i));
        if (m) { this.csi(m[1]!, m[2]!); i += m[0].length - 1; continue; }
        const osc = /^\x1b\][^\x07]*\x07/.exec(data.slice(i));
        if (osc) { i += osc[0].length - 1; continue; }
        i += 1; // two-character escape
        continue;
      }
      if (ch === '\r') { this.col = 0; this.pendingWrap = false; continue; }
      if (ch === '\n') { this.lineFeed(); this.pendingWrap = false; continue; }
      if (ch === '\b') { this.col = Math.max(0, this.col - 1); this.pendingWrap = false; continue; }
      if (ch === '\x07') continue;
      if (ch < ' ') continue;
      if (this.pendingWrap) { this.col = 0; this.lineFeed(); this.pendingWrap = false; }
      const line = this.line();
      while (line.length < this.col) line.push(' ');
      line[this.col] = ch;
      if (this.col === this.cols - 1) this.pendingWrap = true; else this.col++;
    }
  }

  /** The screen's rows, trailing spaces trimmed. */
  lines(): string[] {
    // Trailing blanks are trimmed, except on the cursor's row up to the cursor: 'PS /x> ' keeps its space.
    return this.rows.map((r, i) => {
      const t = r.join('').trimEnd();
      return i === this.row ? t.padEnd(this.col, ' ') : t;
    });
  }
  text(): string { return this.lines().join('\n'); }
  /** The row the cursor is on. */
  cursorLine(): string { return this.lines()[this.row] ?? ''; }

  resize(cols: number): void { this.cols = cols; this.col = Math.min(this.col, cols - 1); }

  private line(): string[] { while (this.rows.length <= this.row) this.rows.push([]); return this.rows[this.row]!; }
  private lineFeed(): void { this.row++; this.line(); }

  private csi(params: string, final: string): void {
    const n = parseInt(params || '1', 10) || 1;
    this.pendingWrap = false;
    switch (final) {
      case 'A': this.row = Math.max(0, this.row - n); break;
      case 'B': this.row += n; this.line(); break;
      case 'C': this.col = Math.min(this.cols - 1, this.col + n); break;
      case 'D': this.col = Math.max(0, this.col - n); break;
      case 'G': this.col = n - 1; break;
      case 'H': {
        const [r, c] = params.split(';').map((x) => parseInt(x || '1', 10));
        this.row = (r ?? 1) - 1; this.col = (c ?? 1) - 1; this.line(); break;
      }
      case 'J':
        if (params === '2' || params === '3') { this.rows = [[]]; this.row = 0; this.col = 0; break; }
        this.rows[this.row] = this.line().slice(0, this.col);
        this.rows.length = this.row + 1;
        break;
      case 'K': this.rows[this.row] = this.line().slice(0, this.col); break;
      default: break; // colours and modes do not change the text
    }
  }
}
