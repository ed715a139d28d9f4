/**
 * The back half of PowerShell's formatting (OutCommandInner): formatting records → lines of text.
 * Tables whose columns have no declared width are sized from the rows that arrive within the first
 * 300 ms of the group (the check happens when a record arrives, as in OutputGroupQueue); -AutoSize
 * waits for the whole group.
 */
import type { FormatRecord, TableHeader } from './format-data.js';
import { cells } from './display-cells.js';
import { TableWriter } from './table-writer.js';
import { listLines } from './list-writer.js';

export interface RendererOptions {
  /** LineOutput.ColumnNumber: lists wrap at it (Infinity: never). */
  readonly columns: number;
  /** The width tables fit into. */
  readonly tableWidth: number;
  /** Milliseconds clock for the 300 ms sizing window; injectable so tests need no timing. */
  readonly now?: () => number;
  /** How long rows are collected to size the columns (PowerShell: 300 ms). */
  readonly groupingMs?: number;
}

export class FormatRenderer {
  private shape?: 'table' | 'list' | 'custom';
  private table?: TableHeader;
  private autoSize = false;
  private writer?: TableWriter;
  private groupsSeen = 0;
  private queue?: FormatRecord[];
  private queueStarted = 0;
  private readonly now: () => number;
  private readonly groupingMs: number;

  constructor(private readonly opts: RendererOptions, private readonly writeLine: (line: string) => void) {
    this.now = opts.now ?? (() => Date.now());
    this.groupingMs = opts.groupingMs ?? 300;
  }

  process(r: FormatRecord): void {
    if (this.queue) {
      this.queue.push(r);
      const timedOut = !this.autoSize && this.now() - this.queueStarted > this.groupingMs;
      if (r.kind === 'groupEnd' || r.kind === 'formatEnd' || timedOut) this.flushQueue();
      return;
    }
    if (r.kind === 'groupStart' && this.shape === 'table' && this.needsSizing()) {
      this.queue = [r];
      this.queueStarted = this.now();
      return;
    }
    this.render(r);
  }

  /** Drains what is still held back (end of the pipeline). */
  end(): void { if (this.queue) this.flushQueue(); }

  private needsSizing(): boolean {
    const cols = this.table?.columns ?? [];
    return this.autoSize || (cols.length > 0 && cols[0]!.width === 0);
  }

  private flushQueue(): void {
    const q = this.queue!;
    this.queue = undefined;
    const cols = this.table?.columns ?? [];
    const widths = cols.map((c) => (c.label ? cells(c.label) : 0));
    for (const r of q) {
      if (r.kind !== 'tableRow') continue;
      r.cells.forEach((cell, k) => { if (k < widths.length) widths[k] = Math.max(widths[k]!, cells(cell)); });
    }
    this.hint = widths;
    for (const r of q) this.render(r);
  }

  private hint?: number[];

  private render(r: FormatRecord): void {
    switch (r.kind) {
      case 'formatStart':
        this.shape = r.shape;
        this.table = r.table;
        this.autoSize = r.autoSize;
        this.groupsSeen = 0;
        this.writeLine('');
        return;
      case 'groupStart':
        if (r.label !== undefined) {
          if (this.groupsSeen > 0) this.writeLine('');
          this.writeLine(r.label);
          this.writeLine('');
        }
        this.groupsSeen++;
        if (this.shape === 'table' && this.table && this.table.columns.length > 0) {
          const cols = this.table.columns;
          const widths = this.hint ?? cols.map((c) => c.width);
          this.hint = undefined;
          this.writer = new TableWriter(this.opts.tableWidth, widths, cols.map((c) => c.alignment), this.table.hideHeader);
          for (const l of this.writer.headerLines(cols.map((c) => c.label))) this.writeLine(l);
        }
        return;
      case 'tableRow':
        if (!this.writer) return;
        for (const l of this.writer.rowLines(r.cells, r.aligns, r.wrap)) this.writeLine(l);
        return;
      case 'listEntry':
        for (const l of listLines(r.labels, r.values, this.opts.columns)) this.writeLine(l);
        this.writeLine('');
        return;
      case 'customEntry':
        for (const l of r.lines) this.writeLine(l);
        return;
      case 'rawText':
        this.writeLine(r.text);
        return;
      case 'outOfBandList':
        this.writeLine('');
        for (const l of listLines(r.labels, r.values, this.opts.columns)) this.writeLine(l);
        this.writeLine('');
        return;
      case 'groupEnd':
        return;
      case 'formatEnd':
        if (this.shape !== 'list') this.writeLine('');
        this.shape = undefined;
        this.table = undefined;
        this.writer = undefined;
        return;
    }
  }
}
