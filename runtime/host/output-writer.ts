import { OutDefaultFormatter, convertToJson } from '../format/index.js';

/** The host end of the success stream: Out-Default text, or one JSON document per object. */
export class OutputWriter {
  private formatter: OutDefaultFormatter | undefined;

  constructor(private readonly mode: 'Text' | 'Json', private readonly width: () => number, private readonly write: (text: string) => void) {}

  push(value: unknown): void {
    if (this.mode === 'Json') {
      this.write(convertToJson(value, { compress: true, depth: 4 }).json + '\n');
      return;
    }
    this.formatter ??= new OutDefaultFormatter(this.width(), (line) => this.write(line + '\n'));
    this.formatter.push(value);
  }

  /** End of one top-level run: flush tables still being sized. */
  flush(): void {
    const f = this.formatter;
    this.formatter = undefined;
    f?.end();
  }
}
