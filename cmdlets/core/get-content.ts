import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { pathNotFound, ProviderError, resolvePaths } from './providers.js';
import { decodeText, ENCODINGS, reportProviderError, splitLines } from './item-helpers.js';

/** Get-Content: the lines of a file (or the whole text with -Raw, bytes with -AsByteStream). */
export class GetContentCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Get', noun: 'Content', module: 'Microsoft.PowerShell.Management', className: 'Microsoft.PowerShell.Commands.GetContentCommand',
    defaultParameterSet: 'Path',
    parameters: [
      param('ReadCount', T.Long, { valueFromPipelineByPropertyName: true, description: 'Specifies how many lines of content are sent through the pipeline at a time.' }),
      param('TotalCount', T.Long, { valueFromPipelineByPropertyName: true, aliases: ['First', 'Head'], description: 'Specifies the number of lines from the beginning of a file or other item.' }),
      param('Tail', T.Int, { valueFromPipelineByPropertyName: true, aliases: ['Last'], description: 'Specifies the number of lines from the end of a file or other item.' }),
      param('Path', T.array(T.String), { mandatory: true, position: 0, sets: ['Path'], valueFromPipelineByPropertyName: true, description: 'Specifies the path to an item where Get-Content gets the content. Wildcard characters are permitted.' }),
      param('LiteralPath', T.array(T.String), { mandatory: true, sets: ['LiteralPath'], valueFromPipelineByPropertyName: true, aliases: ['PSPath', 'LP'], description: 'Specifies a path to one or more locations, used exactly as typed.' }),
      param('Filter', T.String, { description: 'Specifies a filter to qualify the Path parameter.' }),
      param('Include', T.array(T.String), { description: 'Specifies an array of strings to include.' }),
      param('Exclude', T.array(T.String), { description: 'Specifies an array of strings to exclude.' }),
      param('Force', T.Switch, { description: 'Force will override a read-only attribute or create directories to complete a file path.' }),
      param('Delimiter', T.String, { description: 'Specifies the delimiter that Get-Content uses to divide the file into objects while it reads.' }),
      param('Wait', T.Switch, { description: 'Keeps the file open after all existing lines have been output.' }),
      param('Raw', T.Switch, { description: 'Ignores newline characters and returns the entire contents of a file in one string with the newlines preserved.' }),
      param('Encoding', T.String, { validateSet: ENCODINGS, description: 'Specifies the type of encoding for the target file. The default value is utf8NoBOM.' }),
      param('AsByteStream', T.Switch, { description: 'Specifies that the content should be read as a stream of bytes.' }),
    ],
    outputType: ['System.Byte', 'System.String'],
    synopsis: 'Gets the content of the item at the specified location.',
    description: 'The Get-Content cmdlet gets the content of the item at the location specified by the path, such as the text in a file. It reads the content one line at a time and returns a collection of objects, each representing a line of content.',
    examples: [
      { title: 'Get the content of a text file', code: 'Get-Content -Path .\\LineNumbers.txt' },
      { title: 'Limit the number of lines', code: 'Get-Content -Path .\\LineNumbers.txt -TotalCount 5' },
      { title: 'Get raw content', code: 'Get-Content -Path .\\LineNumbers.txt -Raw' },
    ],
    aliases: ['gc', 'cat', 'type'],
  };

  ReadCount = 1;
  TotalCount = -1;
  Tail = -1;
  Path?: string[];
  LiteralPath?: string[];
  Delimiter?: string;
  Raw = false;
  Encoding?: string;
  AsByteStream = false;

  override async processRecord(): Promise<void> {
    const literal = this.LiteralPath !== undefined;
    for (const p of this.LiteralPath ?? this.Path ?? []) {
      try {
        const { matches, wildcard, first } = await resolvePaths(this.context, p, literal);
        if (!wildcard && !(await first.provider.exists(first.path))) throw pathNotFound(first.provider.display(first.path));
        for (const m of matches) {
          if (!m.provider.readContent) throw new ProviderError('Provider operation stopped because the provider does not support this operation.', 'NotSupported', 'NotImplemented', 'System.Management.Automation.PSNotSupportedException');
          const bytes = await m.provider.readContent(m.path);
          if (this.AsByteStream) {
            let list = Array.from(bytes);
            if (this.TotalCount >= 0) list = list.slice(0, this.TotalCount);
            if (this.Tail >= 0) list = list.slice(Math.max(0, list.length - this.Tail));
            await this.writeObject(this.Raw ? new Uint8Array(list) : list, !this.Raw);
            continue;
          }
          const text = decodeText(bytes, this.Encoding);
          if (this.Raw) { if (text !== '') await this.writeObject(text); continue; }
          let lines = splitLines(text, this.Delimiter);
          if (this.TotalCount >= 0) lines = lines.slice(0, this.TotalCount);
          if (this.Tail >= 0) lines = lines.slice(Math.max(0, lines.length - this.Tail));
          if (this.ReadCount <= 0) { await this.writeObject(lines); continue; }
          if (this.ReadCount > 1) {
            for (let i = 0; i < lines.length; i += this.ReadCount) await this.writeObject(lines.slice(i, i + this.ReadCount));
            continue;
          }
          for (const l of lines) await this.writeObject(l);
        }
      } catch (e) {
        reportProviderError(this, e, p);
      }
    }
  }
}
