import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { parseJson, JsonParseError } from '../../runtime/format/index.js';

/** ConvertFrom-Json: JSON text (all input lines joined) to PSCustomObjects, hashtables and arrays. */
export class ConvertFromJsonCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'ConvertFrom', noun: 'Json', module: 'Microsoft.PowerShell.Utility', className: 'Microsoft.PowerShell.Commands.ConvertFromJsonCommand',
    parameters: [
      param('InputObject', T.String, { position: 0, mandatory: true, valueFromPipeline: true, description: 'Specifies the JSON strings to convert to JSON objects.' }),
      param('AsHashtable', T.Switch, { description: 'Converts the JSON to a hash table object.' }),
      param('Depth', T.Int, { validateRange: [1, 2147483647], defaultValue: '1024', description: 'Gets or sets the maximum depth the JSON input is allowed to have.' }),
      param('NoEnumerate', T.Switch, { description: 'Specifies that output is not enumerated.' }),
      param('DateKind', T.enum('Microsoft.PowerShell.Commands.JsonDateKind', ['Default', 'Local', 'Utc', 'Offset', 'String']), { description: 'Specifies how DateTime values are parsed.' }),
    ],
    outputType: ['System.Object'],
    synopsis: 'Converts a JSON-formatted string to a custom object or a hash table.',
    description: 'The ConvertFrom-Json cmdlet converts a JavaScript Object Notation (JSON) formatted string to a custom PSObject or Hashtable object that has a property for each field in the JSON string.',
    examples: [
      { title: 'Read a JSON document', code: "Get-Content .\\state.json -Raw | ConvertFrom-Json" },
      { title: 'As a hash table', code: "'{\"a\": 1}' | ConvertFrom-Json -AsHashtable" },
    ],
  };

  InputObject?: string;
  AsHashtable = false;
  Depth = 1024;
  NoEnumerate = false;
  DateKind?: string;

  private readonly buffer: string[] = [];

  override processRecord(): void {
    const v = this.InputObject ?? this.currentInput;
    if (v !== undefined && v !== null) this.buffer.push(String(v));
  }

  /**
   * As ConvertFromJsonCommand: one input is one document; with several, the first decides — if it is a
   * whole document each input is one, otherwise all lines together form one document.
   */
  override async endProcessing(): Promise<void> {
    if (this.buffer.length === 0) return;
    if (this.buffer.length === 1) { await this.emit(this.convert(this.buffer[0]!)); return; }
    let first: unknown;
    let firstOk = true;
    try { first = this.convert(this.buffer[0]!, true); } catch (e) { if (e instanceof JsonParseError) firstOk = false; else throw e; }
    if (!firstOk) { await this.emit(this.convert(this.buffer.join('\n'))); return; }
    await this.emit(first);
    for (const text of this.buffer.slice(1)) await this.emit(this.convert(text));
  }

  private convert(text: string, quiet = false): unknown {
    try {
      return parseJson(text, {
        asHashtable: this.AsHashtable,
        depth: this.Depth,
        dateKind: this.DateKind as 'Default' | 'Local' | 'Utc' | 'Offset' | 'String' | undefined,
      });
    } catch (e) {
      if (quiet || !(e instanceof JsonParseError)) throw e;
      const parse = e.errorId === 'System.ArgumentException';
      this.throwTerminatingError(this.error(e.message, e.errorId, parse ? 'ParserError' : 'InvalidOperation', text,
        parse ? 'System.ArgumentException' : 'System.InvalidOperationException'));
    }
  }

  private async emit(result: unknown): Promise<void> {
    await this.writeObject(result, Array.isArray(result) && !this.NoEnumerate);
  }
}
