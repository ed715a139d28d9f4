/**
 * Out-Default / Out-Host / Out-String: objects (or Format-* records) in, text out, incrementally.
 *
 *   const f = new OutDefaultFormatter(host.width, (line) => host.writeLine(line));
 *   f.push(obj); ...; f.end();
 *
 * Lines are written as soon as PowerShell would write them: scalars and lists at once, tables after
 * their columns are sized (see FormatRenderer).
 */
import { FormatGenerator, type FormatParameters } from './generator.js';
import { FormatRenderer } from './renderer.js';
import type { FormatData } from './format-data.js';

export interface OutOptions {
  /** Clock for the table sizing window (tests inject one; default Date.now). */
  readonly now?: () => number;
  /** $FormatEnumerationLimit. */
  readonly enumerationLimit?: number;
}

/** Text output of a stream of objects, as one Out-Default / Out-String invocation renders it. */
export class TextFormatter {
  private readonly generator: FormatGenerator;
  private readonly renderer: FormatRenderer;

  constructor(columns: number, tableWidth: number, write: (line: string) => void, opts: OutOptions = {}) {
    const params: FormatParameters = { enumerationLimit: opts.enumerationLimit };
    this.generator = new FormatGenerator(params);
    this.renderer = new FormatRenderer({ columns, tableWidth, now: opts.now }, write);
  }

  push(value: unknown): void {
    for (const d of this.generator.process(value)) this.renderer.process(d.record);
  }

  end(): void {
    for (const d of this.generator.end()) this.renderer.process(d.record);
    this.renderer.end();
  }
}

/**
 * What pwsh prints through Out-Default in a terminal `width` columns wide. PowerShell never writes into
 * the last column (ConsoleLineOutput uses width - 1), so tables and lists fit in width - 1 cells.
 */
export class OutDefaultFormatter extends TextFormatter {
  constructor(width: number, write: (line: string) => void, opts: OutOptions = {}) {
    super(width - 1, width - 1, write, opts);
  }
}

/** The whole Out-Default text for `values` (each line ends with '\n'). */
export function formatForDefault(values: readonly unknown[], width: number, opts: OutOptions = {}): string {
  let text = '';
  const f = new OutDefaultFormatter(width, (l) => { text += l + '\n'; }, opts);
  for (const v of values) f.push(v);
  f.end();
  return text;
}

/**
 * Out-String's line source: with -Width, tables and lists fit that width; without it, tables fit the
 * host's width and lists never wrap (TextWriterLineOutput with int.MaxValue columns).
 */
export class OutStringFormatter extends TextFormatter {
  constructor(width: number | undefined, hostWidth: number, write: (line: string) => void, opts: OutOptions = {}) {
    super(width ?? Infinity, width ?? hostWidth, write, opts);
  }
}

export type { FormatData };
