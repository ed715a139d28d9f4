import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { PSDateTime } from '../../runtime/values/datetime.js';
import { PSObject } from '../../runtime/values/psobject.js';
import { providersOf, resolvePaths } from './providers.js';

/** Test-Path: whether each path exists (optionally as a container or a leaf), through the provider that owns it. */
export class TestPathCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Test', noun: 'Path', module: 'Microsoft.PowerShell.Management', className: 'Microsoft.PowerShell.Commands.TestPathCommand',
    defaultParameterSet: 'Path',
    parameters: [
      param('Path', T.array(T.String), { mandatory: true, position: 0, sets: ['Path'], valueFromPipeline: true, valueFromPipelineByPropertyName: true, description: 'Specifies a path to be tested. Wildcard characters are permitted.' }),
      param('LiteralPath', T.array(T.String), { mandatory: true, sets: ['LiteralPath'], valueFromPipelineByPropertyName: true, aliases: ['PSPath', 'LP'], description: 'Specifies a path to be tested, used exactly as it is typed.' }),
      param('Filter', T.String, { description: 'Specifies a filter in the provider\'s format or language.' }),
      param('Include', T.array(T.String), { description: 'Specifies paths that this cmdlet tests.' }),
      param('Exclude', T.array(T.String), { description: 'Specifies items that this cmdlet omits.' }),
      param('PathType', T.enum('Microsoft.PowerShell.Commands.TestPathType', ['Any', 'Container', 'Leaf']), { aliases: ['Type'], description: 'Specifies the type of the final element in the path.' }),
      param('IsValid', T.Switch, { description: 'Indicates that this cmdlet tests the syntax of the path, regardless of whether the elements of the path exist.' }),
      param('OlderThan', T.DateTime, { description: 'Specify a time as a DateTime object.' }),
      param('NewerThan', T.DateTime, { description: 'Specify a time as a DateTime object.' }),
    ],
    outputType: ['System.Boolean'],
    synopsis: 'Determines whether all elements of a path exist.',
    description: 'The Test-Path cmdlet determines whether all elements of the path exist. It returns $true if all elements exist and $false if any are missing. It can also tell whether the path syntax is valid and whether the path leads to a container or a terminal or leaf element.',
    examples: [
      { title: 'Test a path', code: 'Test-Path -Path "C:\\Documents and Settings\\DavidC"' },
      { title: 'Test the path of a certificate', code: 'Test-Path Cert:\\LocalMachine\\My\\$thumbprint' },
      { title: 'Test whether a path is a container', code: 'Test-Path -Path $PROFILE -PathType Leaf' },
    ],
  };

  Path?: string[];
  LiteralPath?: string[];
  PathType = 'Any';
  IsValid = false;
  OlderThan?: PSDateTime;
  NewerThan?: PSDateTime;

  override async processRecord(): Promise<void> {
    const literal = this.LiteralPath !== undefined;
    for (const p of this.LiteralPath ?? this.Path ?? []) {
      if (this.IsValid) { await this.writeObject(!/[\u0000]/.test(p)); continue; }
      let ok = false;
      try {
        const { matches } = await resolvePaths(this.context, p, literal);
        for (const m of matches) {
          if (!(await m.provider.exists(m.path))) continue;
          const type = this.PathType.toLowerCase();
          if (type !== 'any') {
            const container = await m.provider.isContainer(m.path);
            if ((type === 'container') !== container) continue;
          }
          if ((this.OlderThan || this.NewerThan) && !(await this.timeOk(m.provider, m.path))) continue;
          ok = true;
          break;
        }
      } catch {
        ok = false;
      }
      await this.writeObject(ok);
    }
  }

  private async timeOk(provider: ReturnType<typeof providersOf>['fileSystem'], path: string): Promise<boolean> {
    const item = await provider.getItem(path);
    const t = item instanceof PSObject ? item.get('LastWriteTime') : null;
    if (!(t instanceof PSDateTime)) return true;
    if (this.OlderThan && !(t.ms < this.OlderThan.ms)) return false;
    if (this.NewerThan && !(t.ms > this.NewerThan.ms)) return false;
    return true;
  }
}
