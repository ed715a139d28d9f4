import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { PSObject } from '../../runtime/values/psobject.js';
import { pathNotFound, resolvePaths } from './providers.js';
import { reportProviderError } from './item-helpers.js';
import './filesystem-views.js';
import { wildcardToRegex } from './lang.js';

/** Get-ChildItem: the items in a location (any provider: FileSystem, Cert: when registered). */
export class GetChildItemCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Get', noun: 'ChildItem', module: 'Microsoft.PowerShell.Management', className: 'Microsoft.PowerShell.Commands.GetChildItemCommand',
    defaultParameterSet: 'Items',
    parameters: [
      param('Path', T.array(T.String), { position: 0, sets: ['Items'], valueFromPipeline: true, valueFromPipelineByPropertyName: true, description: 'Specifies a path to one or more locations. Wildcards are accepted. The default location is the current directory.' }),
      param('LiteralPath', T.array(T.String), { mandatory: true, sets: ['LiteralItems'], valueFromPipelineByPropertyName: true, aliases: ['PSPath', 'LP'], description: 'Specifies a path to one or more locations, used exactly as typed.' }),
      param('Filter', T.String, { position: 1, description: 'Specifies a filter to qualify the Path parameter.' }),
      param('Include', T.array(T.String), { description: 'Specifies an array of one or more string patterns to be matched as the cmdlet gets child items.' }),
      param('Exclude', T.array(T.String), { description: 'Specifies an array of one or more string patterns to be matched as the cmdlet gets child items.' }),
      param('Recurse', T.Switch, { aliases: ['s', 'r'], description: 'Gets the items in the specified locations and in all child items of the locations.' }),
      param('Depth', T.Int, { description: 'Determines the number of subdirectory levels that are included in the recursion.' }),
      param('Force', T.Switch, { description: 'Allows the cmdlet to get items that otherwise can\'t be accessed by the user, such as hidden or system files.' }),
      param('Name', T.Switch, { description: 'Gets only the names of the items in the location.' }),
      param('Directory', T.Switch, { aliases: ['ad', 'd'], description: 'To get a list of directories, use the Directory parameter.' }),
      param('File', T.Switch, { aliases: ['af'], description: 'To get a list of files, use the File parameter.' }),
      param('Hidden', T.Switch, { aliases: ['ah', 'h'], description: 'To get only hidden items, use the Hidden parameter.' }),
    ],
    outputType: ['System.IO.FileInfo', 'System.IO.DirectoryInfo', 'System.String'],
    synopsis: 'Gets the items and child items in one or more specified locations.',
    description: 'The Get-ChildItem cmdlet gets the items in one or more specified locations. If the item is a container, it gets the items inside the container, known as child items. Locations are exposed to Get-ChildItem by PowerShell providers (FileSystem, Certificate).',
    examples: [
      { title: 'Get child items from a file system directory', code: 'Get-ChildItem -Path C:\\Test' },
      { title: 'List the certificates of the local machine store', code: 'Get-ChildItem Cert:\\LocalMachine\\My' },
      { title: 'Get only names', code: 'Get-ChildItem -Name' },
    ],
    aliases: ['gci', 'ls', 'dir'],
  };

  Path?: string[];
  LiteralPath?: string[];
  Filter?: string;
  Include?: string[];
  Exclude?: string[];
  Recurse = false;
  Depth?: number;
  Force = false;
  Name = false;
  Directory = false;
  File = false;
  Hidden = false;

  override async processRecord(): Promise<void> {
    const literal = this.LiteralPath !== undefined;
    const inc = this.Include?.map((p) => wildcardToRegex(p));
    const exc = this.Exclude?.map((p) => wildcardToRegex(p));
    for (const p of this.LiteralPath ?? this.Path ?? ['.']) {
      try {
        const { matches, wildcard, first } = await resolvePaths(this.context, p, literal);
        if (matches.length === 0 || (!wildcard && !(await first.provider.exists(first.path)))) {
          if (!wildcard) throw pathNotFound(first.provider.display(first.path));
          continue;
        }
        for (const m of matches) {
          // A wildcard that names a container lists the container itself, as the FileSystem provider does.
          const listInside = !wildcard && (await m.provider.isContainer(m.path));
          const opts = { recurse: this.Recurse || this.Depth !== undefined, depth: this.Depth, force: this.Force, filter: this.Filter };
          const items: Iterable<unknown> = !listInside ? [await m.provider.getItem(m.path)]
            : m.provider.iterateChildItems ? m.provider.iterateChildItems(m.path, opts) : await m.provider.getChildItems(m.path, opts);
          for (const item of items) {
            if (!this.keep(item, inc, exc)) continue;
            if (this.Name) {
              const full = item instanceof PSObject ? String(item.get('FullName') ?? item.get('PSChildName') ?? '') : '';
              const rel = listInside && full.startsWith(m.path) ? full.slice(m.path.length).replace(/^[\\/]/, '') : String(item instanceof PSObject ? item.get('PSChildName') : item);
              await this.writeObject(rel);
            } else await this.writeObject(item);
          }
        }
      } catch (e) {
        reportProviderError(this, e, p);
      }
    }
  }

  private keep(item: unknown, inc?: RegExp[], exc?: RegExp[]): boolean {
    if (!(item instanceof PSObject)) return true;
    const name = String(item.get('PSChildName') ?? item.get('Name') ?? '');
    const container = item.get('PSIsContainer') === true;
    if (this.Directory && !container) return false;
    if (this.File && container) return false;
    if (this.Hidden && !name.startsWith('.')) return false;
    if (inc && !inc.some((r) => r.test(name))) return false;
    if (exc && exc.some((r) => r.test(name))) return false;
    return true;
  }
}
