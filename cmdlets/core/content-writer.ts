/** Set-Content and Add-Content: values collected from the pipeline, written once per path at the end. */
import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { enumerate, isEnumerable, toPSString } from './lang.js';
import { ProviderError, resolvePaths } from './providers.js';
import { encodeText, ENCODINGS, reportProviderError } from './item-helpers.js';

export const contentWriterParameters = [
  param('Path', T.array(T.String), { mandatory: true, position: 0, sets: ['Path'], valueFromPipelineByPropertyName: true, description: 'Specifies the path of the item that receives the content. Wildcard characters are permitted.' }),
  param('LiteralPath', T.array(T.String), { mandatory: true, sets: ['LiteralPath'], valueFromPipelineByPropertyName: true, aliases: ['PSPath', 'LP'], description: 'Specifies a path to one or more locations, used exactly as typed.' }),
  param('Value', T.array(T.Object), { mandatory: true, position: 1, valueFromPipeline: true, valueFromPipelineByPropertyName: true, description: 'Specifies the new content for the item.' }),
  param('PassThru', T.Switch, { description: 'Returns an object that represents the content.' }),
  param('Filter', T.String, { description: 'Specifies a filter to qualify the Path parameter.' }),
  param('Include', T.array(T.String), { description: 'Specifies, as a string array, an item or items that this cmdlet includes in the operation.' }),
  param('Exclude', T.array(T.String), { description: 'Specifies, as a string array, an item or items that this cmdlet excludes in the operation.' }),
  param('Force', T.Switch, { description: 'Forces the cmdlet to set the contents of a file, even if the file is read-only.' }),
  param('NoNewline', T.Switch, { description: 'The string representations of the input objects are concatenated to form the output. No newline is added after the last output string.' }),
  param('Encoding', T.String, { validateSet: ENCODINGS, description: 'Specifies the type of encoding for the target file. The default value is utf8NoBOM.' }),
  param('AsByteStream', T.Switch, { description: 'Specifies that the content should be written as a stream of bytes.' }),
];

export abstract class ContentWriterCommand extends Cmdlet {
  Path?: string[];
  LiteralPath?: string[];
  Value: unknown = undefined;
  PassThru = false;
  Force = false;
  NoNewline = false;
  Encoding?: string;
  AsByteStream = false;

  protected abstract readonly append: boolean;
  private readonly values: unknown[] = [];

  override processRecord(): void {
    const v = this.Value;
    if (v === undefined) return;
    // Value is object[]: the binder hands an array, pipeline input one element at a time.
    if (isEnumerable(v)) this.values.push(...enumerate(v)); else this.values.push(v);
  }

  override async endProcessing(): Promise<void> {
    const literal = this.LiteralPath !== undefined;
    let bytes: Uint8Array;
    if (this.AsByteStream) bytes = new Uint8Array(this.values.map((x) => Number(x) & 0xff));
    else {
      const strings = this.values.map(toPSString);
      bytes = encodeText(this.NoNewline ? strings.join('') : strings.map((s) => s + '\n').join(''), this.Encoding);
    }
    for (const p of this.LiteralPath ?? this.Path ?? []) {
      try {
        const { matches, wildcard, first } = await resolvePaths(this.context, p, literal);
        for (const m of wildcard ? matches : [first]) {
          if (!m.provider.writeContent) throw new ProviderError('Provider operation stopped because the provider does not support this operation.', 'NotSupported', 'NotImplemented', 'System.Management.Automation.PSNotSupportedException');
          if (!(await this.shouldProcess(`Path: ${m.provider.display(m.path)}`, this.append ? 'Add Content' : 'Set Content'))) continue;
          await m.provider.writeContent(m.path, bytes, this.append);
        }
      } catch (e) {
        reportProviderError(this, e, p);
      }
    }
    if (this.PassThru) for (const v of this.values) await this.writeObject(v);
  }
}
