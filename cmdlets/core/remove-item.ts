import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { pathNotFound, ProviderError, resolvePaths } from './providers.js';
import { reportProviderError } from './item-helpers.js';

/** Remove-Item: deletes items; a container with children needs -Recurse or a confirmation. */
export class RemoveItemCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Remove', noun: 'Item', module: 'Microsoft.PowerShell.Management', className: 'Microsoft.PowerShell.Commands.RemoveItemCommand',
    defaultParameterSet: 'Path', supportsShouldProcess: true, confirmImpact: 'Medium',
    parameters: [
      param('Path', T.array(T.String), { mandatory: true, position: 0, sets: ['Path'], valueFromPipelineByPropertyName: true, description: 'Specifies a path of the items being removed. Wildcard characters are permitted.' }),
      param('LiteralPath', T.array(T.String), { mandatory: true, sets: ['LiteralPath'], valueFromPipelineByPropertyName: true, aliases: ['PSPath', 'LP'], description: 'Specifies a path to one or more locations, used exactly as typed.' }),
      param('Filter', T.String, { description: 'Specifies a filter to qualify the Path parameter.' }),
      param('Include', T.array(T.String), { description: 'Specifies an array of items that this cmdlet includes in the operation.' }),
      param('Exclude', T.array(T.String), { description: 'Specifies items that this cmdlet omits.' }),
      param('Recurse', T.Switch, { aliases: ['r'], description: 'Indicates that this cmdlet deletes the items in the specified locations and in all child items of the locations.' }),
      param('Force', T.Switch, { description: 'Forces the cmdlet to remove items that can\'t otherwise be changed, such as hidden or read-only files.' }),
    ],
    outputType: ['None'],
    synopsis: 'Deletes the specified items.',
    description: 'The Remove-Item cmdlet deletes one or more items. Because it\'s supported by many providers, it can delete many different types of items, including files, folders and certificates.',
    examples: [
      { title: 'Delete files', code: 'Remove-Item C:\\Test\\*.*' },
      { title: 'Delete a certificate', code: 'Remove-Item Cert:\\LocalMachine\\My\\$thumbprint' },
    ],
    aliases: ['rm', 'del', 'erase', 'rd', 'rmdir', 'ri'],
  };

  Path?: string[];
  LiteralPath?: string[];
  Recurse = false;
  Force = false;

  override async processRecord(): Promise<void> {
    const literal = this.LiteralPath !== undefined;
    for (const p of this.LiteralPath ?? this.Path ?? []) {
      try {
        const { matches, wildcard, first } = await resolvePaths(this.context, p, literal);
        if (!wildcard && !(await first.provider.exists(first.path))) throw pathNotFound(first.provider.display(first.path));
        for (const m of matches) {
          const shown = m.provider.display(m.path);
          if (!m.provider.removeItem) throw new ProviderError('Provider operation stopped because the provider does not support this operation.', 'NotSupported', 'NotImplemented', 'System.Management.Automation.PSNotSupportedException');
          if (!(await this.shouldProcess(shown, 'Remove Item'))) continue;
          const children = !this.Recurse && m.provider.hasChildren ? await m.provider.hasChildren(m.path) : false;
          if (children) {
            const ok = await this.shouldContinue(`The item at ${shown} has children and the Recurse parameter was not specified. If you continue, all children will be removed with the item. Are you sure you want to continue?`, 'Confirm');
            if (!ok) continue;
          }
          await m.provider.removeItem(m.path, { recurse: this.Recurse || children, force: this.Force });
        }
      } catch (e) {
        reportProviderError(this, e, p);
      }
    }
  }
}
