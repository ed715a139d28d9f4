import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { convertToJson, truncationWarning } from '../../runtime/format/index.js';

/** ConvertTo-Json: all input objects (an array when more than one, or with -AsArray) as one JSON string. */
export class ConvertToJsonCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'ConvertTo', noun: 'Json', module: 'Microsoft.PowerShell.Utility', className: 'Microsoft.PowerShell.Commands.ConvertToJsonCommand',
    parameters: [
      param('InputObject', T.Object, { position: 0, mandatory: true, valueFromPipeline: true, description: 'Specifies the objects to convert to JSON format.' }),
      param('Depth', T.Int, { validateRange: [0, 100], defaultValue: '2', description: 'Specifies how many levels of contained objects are included in the JSON representation.' }),
      param('Compress', T.Switch, { description: 'Omits white space and indented formatting in the output string.' }),
      param('EnumsAsStrings', T.Switch, { description: 'Converts all enumerations to their string representation.' }),
      param('AsArray', T.Switch, { description: 'Outputs the object in array brackets, even if the input is a single object.' }),
      param('EscapeHandling', T.enum('Newtonsoft.Json.StringEscapeHandling', ['Default', 'EscapeNonAscii', 'EscapeHtml']), { description: 'Controls how certain characters are escaped in the resulting JSON output.' }),
    ],
    outputType: ['System.String'],
    synopsis: 'Converts an object to a JSON-formatted string.',
    description: 'The ConvertTo-Json cmdlet converts any .NET object to a string in JavaScript Object Notation (JSON) format. Objects deeper than -Depth (default 2) are replaced by their string form, with a warning.',
    examples: [
      { title: 'Convert a hash table', code: "@{Account='User01'; Domain='Domain01'} | ConvertTo-Json" },
      { title: 'Compressed output', code: 'Get-ADSyncScheduler | ConvertTo-Json -Compress' },
    ],
  };

  InputObject: unknown = undefined;
  Depth = 2;
  Compress = false;
  EnumsAsStrings = false;
  AsArray = false;
  EscapeHandling?: string;

  private readonly inputs: unknown[] = [];

  override processRecord(): void {
    const v = this.InputObject !== undefined ? this.InputObject : this.currentInput;
    this.inputs.push(v === undefined ? null : v);
  }

  override async endProcessing(): Promise<void> {
    if (this.inputs.length === 0) return;
    const value = this.inputs.length > 1 || this.AsArray ? this.inputs : this.inputs[0];
    const r = convertToJson(value, {
      depth: this.Depth,
      compress: this.Compress,
      enumsAsStrings: this.EnumsAsStrings,
      escapeHandling: (this.EscapeHandling as 'Default' | 'EscapeNonAscii' | 'EscapeHtml' | undefined) ?? 'Default',
    });
    if (r.truncated) this.writeWarning(truncationWarning(this.Depth));
    await this.writeObject(r.json);
  }
}
