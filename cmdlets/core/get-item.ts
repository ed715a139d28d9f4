import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { pathNotFound, resolvePaths } from './providers.js';
import { reportProviderError } from './item-helpers.js';
import './filesystem-views.js';

/** Get-Item: the item at each path (wildcards expand to every match). */
export class GetItemCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Get', noun: 'Item', module: 'Microsoft.PowerShell.Management', className: 'Microsoft.PowerShell.Commands.GetItemCommand',
    defaultParameterSet: 'Path',
    parameters: [
      param('Path', T.array(T.String), { mandatory: true, position: 0, sets: ['Path'], valueFromPipeline: true, valueFromPipelineByPropertyName: true, description: 'Specifies the path to an item. Wildcard characters are permitted.' }),
      param('LiteralPath', T.array(T.String), { mandatory: true, sets: ['LiteralPath'], valueFromPipelineByPropertyName: true, aliases: ['PSPath', 'LP'], description: 'Specifies a path to the item, used exactly as typed.' }),
      param('Filter', T.String, { description: 'Specifies a filter to qualify the Path parameter.' }),
      param('Include', T.array(T.String), { description: 'Specifies an array of items that this cmdlet includes in the operation.' }),
      param('Exclude', T.array(T.String), { description: 'Specifies an array of items that this cmdlet excludes in the operation.' }),
      param('Force', T.Switch, { description: 'Indicates that this cmdlet gets items that cannot otherwise be accessed, such as hidden items.' }),
    ],
    outputType: ['System.IO.FileInfo', 'System.IO.DirectoryInfo'],
    synopsis: 'Gets the item at the specified location.',
    description: 'The Get-Item cmdlet gets the item at the specified location. It doesn\'t get the contents of the item at the location unless you use a wildcard character (*) to request all the contents of the item.',
    examples: [
      { title: 'Get the current directory', code: 'Get-Item .' },
      { title: 'Get a certificate by thumbprint', code: 'Get-Item Cert:\\LocalMachine\\My\\$thumbprint' },
    ],
    aliases: ['gi'],
  };

  Path?: string[];
  LiteralPath?: string[];
  Force = false;

  override async processRecord(): Promise<void> {
    const literal = this.LiteralPath !== undefined;
    for (const p of this.LiteralPath ?? this.Path ?? []) {
      try {
        const { matches, wildcard, first } = await resolvePaths(this.context, p, literal);
        if (!wildcard && !(await first.provider.exists(first.path))) throw pathNotFound(first.provider.display(first.path));
        for (const m of matches) await this.writeObject(await m.provider.getItem(m.path));
      } catch (e) {
        reportProviderError(this, e, p);
      }
    }
  }
}
