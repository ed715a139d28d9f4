import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { hasWildcards } from './lang.js';
import { matchVariables, psVariable } from './variables.js';

/** Clear-Variable (wildcards allowed; a missing exact name is an error). */
export class ClearVariableCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Clear', noun: 'Variable', module: 'Microsoft.PowerShell.Utility', className: 'Microsoft.PowerShell.Commands.ClearVariableCommand',
    supportsShouldProcess: true, confirmImpact: 'Medium',
    parameters: [
      param('Name', T.array(T.String), { mandatory: true, position: 0, valueFromPipelineByPropertyName: true, description: 'Specifies the name of the variable.' }),
      param('Include', T.array(T.String), { description: 'Specifies an array of items that this cmdlet includes in the operation.' }),
      param('Exclude', T.array(T.String), { description: 'Specifies an array of items that this cmdlet omits from the operation.' }),
      param('Force', T.Switch, { description: 'Allows the cmdlet to act on read-only variables.' }),
      param('PassThru', T.Switch, { description: 'Returns an object representing the cleared variable.' }),
      param('Scope', T.String, { description: 'Specifies the scope of the variable.' }),
    ],
    outputType: ['None', 'System.Management.Automation.PSVariable'],
    synopsis: 'Deletes the value of a variable.',
    description: 'The Clear-Variable cmdlet deletes the data stored in a variable, but it does not delete the variable. As a result, the value of the variable is set to NULL.',
    examples: [{ title: 'Example', code: 'Clear-Variable -Name "Smp"' }],
    aliases: ['clv'],
  };

  Name: string[] = [];
  Include?: string[];
  Exclude?: string[];
  Force = false;
  PassThru = false;
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
        if (!(await this.shouldProcess(`Name: ${v.name}`, 'Clear variable'))) continue;
        vars.set(v.name, null);
        if (this.PassThru) await this.writeObject(psVariable(vars, v.name));
      }
    }
  }
}
