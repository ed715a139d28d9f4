import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import type { ExecutionContext } from '../../runtime/commands/context.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import * as os from 'node:os';
import { pathNotFound, resolvePaths } from './providers.js';
import { reportProviderError } from './item-helpers.js';
import { pathInfo } from './location.js';

/** Locations visited before, for 'Set-Location -' (back) and 'Set-Location +' (forward). */
const history = new WeakMap<ExecutionContext, { back: string[]; forward: string[] }>();

/** Set-Location: moves the current location to a container of any provider ('cd Cert:\LocalMachine\My'). */
export class SetLocationCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Set', noun: 'Location', module: 'Microsoft.PowerShell.Management', className: 'Microsoft.PowerShell.Commands.SetLocationCommand',
    defaultParameterSet: 'Path',
    parameters: [
      param('Path', T.String, { position: 0, sets: ['Path'], valueFromPipeline: true, valueFromPipelineByPropertyName: true, description: 'Specify the path of a new working location. If no path is provided, Set-Location defaults to the current user\'s home directory.' }),
      param('LiteralPath', T.String, { mandatory: true, sets: ['LiteralPath'], valueFromPipelineByPropertyName: true, aliases: ['PSPath', 'LP'], description: 'Specifies a path of the location, used exactly as typed.' }),
      param('PassThru', T.Switch, { description: 'Returns a PathInfo object that represents the location.' }),
      param('StackName', T.String, { sets: ['Stack'], valueFromPipelineByPropertyName: true, description: 'Specifies an existing location stack name that this cmdlet makes the current location stack.' }),
    ],
    outputType: ['None', 'System.Management.Automation.PathInfo'],
    synopsis: 'Sets the current working location to a specified location.',
    description: 'The Set-Location cmdlet sets the working location to a specified location. That location could be a directory, a subdirectory, a certificate store, or any provider path.',
    examples: [
      { title: 'Set the current location', code: 'Set-Location -Path "HKLM:\\"' },
      { title: 'Go to a certificate store', code: 'Set-Location Cert:\\LocalMachine\\My' },
      { title: 'Go back to the previous location', code: 'Set-Location -' },
    ],
    aliases: ['cd', 'chdir', 'sl'],
  };

  Path?: string;
  LiteralPath?: string;
  PassThru = false;

  override async processRecord(): Promise<void> {
    const h = history.get(this.context) ?? { back: [], forward: [] };
    history.set(this.context, h);
    let target = this.LiteralPath ?? this.Path;
    if (target === '-' && !this.LiteralPath) {
      const prev = h.back.pop();
      if (prev === undefined) return;
      h.forward.push(this.context.location);
      this.context.location = prev;
      if (this.PassThru) await this.writeCurrent();
      return;
    }
    if (target === '+' && !this.LiteralPath) {
      const next = h.forward.pop();
      if (next === undefined) return;
      h.back.push(this.context.location);
      this.context.location = next;
      if (this.PassThru) await this.writeCurrent();
      return;
    }
    if (target === undefined || target === '') target = os.homedir();
    try {
      const { matches, wildcard, first } = await resolvePaths(this.context, target, this.LiteralPath !== undefined);
      const m = wildcard ? matches[0] : first;
      if (!m || !(await m.provider.exists(m.path)) || !(await m.provider.isContainer(m.path))) throw pathNotFound(m ? m.provider.display(m.path) : target);
      h.back.push(this.context.location);
      h.forward.length = 0;
      this.context.location = m.provider.display(m.path);
      if (this.PassThru) await this.writeObject(pathInfo(m.provider, m.path));
    } catch (e) {
      reportProviderError(this, e, target);
    }
  }

  private async writeCurrent(): Promise<void> {
    const { matches } = await resolvePaths(this.context, this.context.location, true);
    await this.writeObject(pathInfo(matches[0]!.provider, matches[0]!.path));
  }
}
