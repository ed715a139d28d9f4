import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { OutStringFormatter } from '../../runtime/format/index.js';
import { providersOf } from './providers.js';
import { encodeText, ENCODINGS, reportProviderError, stripBom } from './item-helpers.js';

/** Tee-Object: passes input through and also saves it to a file (as displayed) or a variable. */
export class TeeObjectCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Tee', noun: 'Object', module: 'Microsoft.PowerShell.Utility', className: 'Microsoft.PowerShell.Commands.TeeObjectCommand',
    defaultParameterSet: 'File',
    parameters: [
      param('InputObject', T.PSObject, { valueFromPipeline: true, description: 'Specifies the object to be saved and displayed.' }),
      param('FilePath', T.String, { mandatory: true, position: 0, sets: ['File'], aliases: ['Path'], description: 'Specifies a file that this cmdlet saves the object to.' }),
      param('LiteralPath', T.String, { mandatory: true, sets: ['LiteralFile'], aliases: ['PSPath', 'LP'], description: 'Specifies a file that this cmdlet saves the object to, used exactly as typed.' }),
      param('Append', T.Switch, { sets: ['File'], description: 'Indicates that the cmdlet appends the output to the specified file.' }),
      param('Encoding', T.String, { sets: ['File', 'LiteralFile'], validateSet: ENCODINGS, description: 'Specifies the type of encoding for the target file. The default value is utf8NoBOM.' }),
      param('Variable', T.String, { mandatory: true, sets: ['Variable'], description: 'Specifies a variable that the cmdlet saves the object to.' }),
    ],
    outputType: ['System.Management.Automation.PSObject'],
    synopsis: 'Saves command output in a file or variable and also sends it down the pipeline.',
    description: 'The Tee-Object cmdlet redirects output, that is, it sends the output of a command in two directions (like the letter T). It stores the output in a file or variable and also sends it down the pipeline.',
    examples: [{ title: 'Output to a file and the console', code: 'Get-Process | Tee-Object -FilePath "C:\\Test1\\testfile2.txt"' }],
    aliases: ['tee'],
  };

  InputObject: unknown = undefined;
  FilePath?: string;
  LiteralPath?: string;
  Append = false;
  Encoding?: string;
  Variable?: string;

  private readonly items: unknown[] = [];

  override async processRecord(): Promise<void> {
    if (this.InputObject === undefined) return;
    this.items.push(this.InputObject);
    await this.writeObject(this.InputObject);
  }

  override async endProcessing(): Promise<void> {
    if (this.Variable !== undefined) {
      this.context.variables.set(this.Variable, this.items.length === 1 ? this.items[0] : this.items);
      return;
    }
    let text = '';
    const f = new OutStringFormatter(undefined, this.context.host.width || 120, (line) => { text += line + '\n'; });
    for (const i of this.items) f.push(i);
    f.end();
    const target = this.LiteralPath ?? this.FilePath ?? '';
    try {
      const { provider, path } = providersOf(this.context).locate(target, this.context.location);
      const existed = await provider.exists(path);
      let bytes = encodeText(text, this.Encoding);
      if (this.Append && existed) bytes = stripBom(bytes);
      await provider.writeContent?.(path, bytes, this.Append);
    } catch (e) {
      reportProviderError(this, e, target);
    }
  }
}
