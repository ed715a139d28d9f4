import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { OutStringFormatter } from '../../runtime/format/index.js';
import { ProviderError, providersOf } from './providers.js';
import { encodeText, ENCODINGS, reportProviderError, stripBom } from './item-helpers.js';

/** Out-File: the text Out-Default would show, written to a file (utf8NoBOM unless -Encoding). */
export class OutFileCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Out', noun: 'File', module: 'Microsoft.PowerShell.Utility', className: 'Microsoft.PowerShell.Commands.OutFileCommand',
    defaultParameterSet: 'ByPath', supportsShouldProcess: true, confirmImpact: 'Medium',
    parameters: [
      param('FilePath', T.String, { mandatory: true, position: 0, sets: ['ByPath'], aliases: ['Path'], description: 'Specifies the path to the output file.' }),
      param('LiteralPath', T.String, { mandatory: true, sets: ['ByLiteralPath'], aliases: ['PSPath', 'LP'], description: 'Specifies the path to the output file, used exactly as typed.' }),
      param('Encoding', T.String, { position: 1, validateSet: ENCODINGS, description: 'Specifies the type of encoding for the target file. The default value is utf8NoBOM.' }),
      param('Append', T.Switch, { description: 'Adds the output to the end of an existing file.' }),
      param('Force', T.Switch, { description: 'Overrides the read-only attribute and overwrites an existing read-only file.' }),
      param('NoClobber', T.Switch, { aliases: ['NoOverwrite'], description: 'NoClobber prevents an existing file from being overwritten.' }),
      param('Width', T.Int, { validateRange: [2, 2147483647], description: 'Specifies the maximum number of characters in each line of output.' }),
      param('NoNewline', T.Switch, { description: 'Specifies that the content written to the file does not end with a newline character.' }),
      param('InputObject', T.PSObject, { valueFromPipeline: true, description: 'Specifies the objects to be written to the file.' }),
    ],
    outputType: ['None'],
    synopsis: 'Sends output to a file.',
    description: 'The Out-File cmdlet sends output to a file. It implicitly uses PowerShell\'s formatting system to write to the file. The file receives the same display representation as the terminal.',
    examples: [
      { title: 'Send output and create a file', code: 'Get-Process | Out-File -FilePath .\\Process.txt' },
      { title: 'Append to a file', code: '"one more line" | Out-File log.txt -Append' },
    ],
  };

  FilePath?: string;
  LiteralPath?: string;
  Encoding?: string;
  Append = false;
  Force = false;
  NoClobber = false;
  Width?: number;
  NoNewline = false;
  InputObject: unknown = undefined;

  private formatter!: OutStringFormatter;
  private text = '';

  override beginProcessing(): void {
    const hostWidth = this.context.host.width || 120;
    this.formatter = new OutStringFormatter(this.Width ?? hostWidth, hostWidth, (line) => { this.text += this.NoNewline ? line : line + '\n'; });
  }

  override processRecord(): void {
    if (this.InputObject === undefined) return;
    this.formatter.push(this.InputObject);
  }

  override async endProcessing(): Promise<void> {
    this.formatter.end();
    const target = this.LiteralPath ?? this.FilePath ?? '';
    try {
      const { provider, path } = providersOf(this.context).locate(target, this.context.location);
      if (!provider.writeContent) throw new ProviderError('Provider operation stopped because the provider does not support this operation.', 'NotSupported', 'NotImplemented', 'System.Management.Automation.PSNotSupportedException');
      if (this.NoClobber && !this.Append && (await provider.exists(path))) {
        this.throwTerminatingError(this.error(`The file '${provider.display(path)}' already exists.`, 'NoClobber', 'ResourceExists', path, 'System.IO.IOException'));
      }
      if (!(await this.shouldProcess(provider.display(path), 'Output to File'))) return;
      // A BOM is written only when the file starts here.
      const starting = !this.Append || !(await provider.exists(path));
      let bytes = encodeText(this.text, this.Encoding);
      if (!starting) bytes = stripBom(bytes);
      await provider.writeContent(path, bytes, this.Append);
    } catch (e) {
      reportProviderError(this, e, target);
    }
  }
}
