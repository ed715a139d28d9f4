import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { providersOf } from './providers.js';
import { pathInfo } from './location.js';

/** Get-Location: the current location as a PathInfo. */
export class GetLocationCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Get', noun: 'Location', module: 'Microsoft.PowerShell.Management', className: 'Microsoft.PowerShell.Commands.GetLocationCommand',
    defaultParameterSet: 'Location',
    parameters: [
      param('PSProvider', T.array(T.String), { sets: ['Location'], valueFromPipelineByPropertyName: true, description: 'Gets the current location in the specified PowerShell provider.' }),
      param('PSDrive', T.array(T.String), { sets: ['Location'], valueFromPipelineByPropertyName: true, description: 'Gets the current location in the specified PowerShell drive.' }),
      param('Stack', T.Switch, { sets: ['Stack'], description: 'Indicates that this cmdlet displays the locations added to the current location stack.' }),
      param('StackName', T.array(T.String), { sets: ['Stack'], valueFromPipelineByPropertyName: true, description: 'Specifies, as a string array, the named location stacks.' }),
    ],
    outputType: ['System.Management.Automation.PathInfo'],
    synopsis: 'Gets information about the current working location or a location stack.',
    description: 'The Get-Location cmdlet gets an object that represents the current directory, much like the print working directory (pwd) command.',
    examples: [{ title: 'Display your current drive location', code: 'Get-Location' }],
    aliases: ['gl', 'pwd'],
  };

  override async processRecord(): Promise<void> {
    const { provider, path } = providersOf(this.context).locate(this.context.location, this.context.location);
    await this.writeObject(pathInfo(provider, path));
  }
}
