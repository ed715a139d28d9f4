import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { hasWildcards } from './lang.js';
import { matchVariables } from './variables.js';

/** Remove-Variable (wildcards allowed; a missing exact name is an error). */
export class RemoveVariableCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Remove', noun: 'Variable', module: 'Microsoft.PowerShell.Utility', className: 'Microsoft.PowerShell.Commands.RemoveVariableCommand',
    supportsShouldProcess: true, confirmImpact: 'Medium',
    parameters: [
      param('Name', T.array(T.String), { mandatory: true, position: 0, valueFromPipelineByPropertyName: true, description: 'Specifies the name of the variable.' }),
      param('Include', T.array(T.String), { description: 'Specifies an array of items that this cmdlet includes in the operation.' }),
      param('Exclude', T.array(T.String), { description: 'Specifies an array of items that this cmdlet omits from the operation.' }),
      param('Force', T.Switch, { description: 'Allows the cmdlet to act on read-only variables.' }),

      param('Scope', T.String, { description: 'Specifies the scope of the variable.' }),
    ],
    outputType: ['None'],
    synopsis: 'Deletes a variable and its value.',
    description: 'The Remove-Variable cmdlet deletes a variable and its value from the scope in which it is defined, such as the current session.',
    examples: [{ title: 'Example', code: 'Remove-Variable -Name "Smp"' }],
    aliases: ['rv'],
  };

  Name: string[] = [];
  Include?: string[];
  Exclude?: string[];
  Force = false;

  Scope?: string;

  override async processRecord(): Promise<void> {
    const vars = this.context.variables;
    for (const n of this.Name) {
      const hits = matchVariables(vars, [n], this.Include, this.Exclude);
      if (hits.length === 0 && !hasWildcards(n)) {
        this.writeError(this.error(`Cannot find a variable with the name '${n}'.`, 'VariableNotFound', 'ObjectNotFound', n, 'System.Management.Automation.ItemNotFoundException'));
        continue;
      }
      for (const v of hits) {
        if (!(await this.shouldProcess(`Name: ${v.name}`, 'Remove variable'))) continue;
        vars.remove(v.name);

      }
    }
  }
}
