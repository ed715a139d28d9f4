import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { hasWildcards } from './lang.js';
import { matchVariables, psVariable } from './variables.js';

/** Get-Variable: PSVariable objects (Name, Value), or just the values with -ValueOnly. */
export class GetVariableCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Get', noun: 'Variable', module: 'Microsoft.PowerShell.Utility', className: 'Microsoft.PowerShell.Commands.GetVariableCommand',
    parameters: [
      param('Name', T.array(T.String), { position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true, description: 'Specifies the name of the variable. Wildcards are permitted.' }),
      param('ValueOnly', T.Switch, { description: 'Indicates that this cmdlet gets only the value of the variable.' }),
      param('Include', T.array(T.String), { description: 'Specifies an array of items that this cmdlet includes in the operation.' }),
      param('Exclude', T.array(T.String), { description: 'Specifies an array of items that this cmdlet excludes from the operation.' }),
      param('Scope', T.String, { description: 'Specifies the variables in the scope.' }),
    ],
    outputType: ['System.Management.Automation.PSVariable'],
    synopsis: 'Gets the variables in the current console.',
    description: 'The Get-Variable cmdlet gets the PowerShell variables in the current console. You can retrieve just the values of the variables by specifying the ValueOnly parameter.',
    examples: [
      { title: 'Get variables by letter', code: 'Get-Variable m*' },
      { title: 'Get the value of a variable', code: 'Get-Variable -Name Error -ValueOnly' },
    ],
    aliases: ['gv'],
  };

  Name?: string[];
  ValueOnly = false;
  Include?: string[];
  Exclude?: string[];
  Scope?: string;

  override async processRecord(): Promise<void> {
    const vars = this.context.variables;
    for (const n of this.Name ?? ['*']) {
      const hits = matchVariables(vars, [n], this.Include, this.Exclude);
      if (hits.length === 0 && !hasWildcards(n)) {
        this.writeError(this.error(`Cannot find a variable with the name '${n}'.`, 'VariableNotFound', 'ObjectNotFound', n, 'System.Management.Automation.ItemNotFoundException'));
        continue;
      }
      for (const h of hits) await this.writeObject(this.ValueOnly ? h.value : psVariable(vars, h.name));
    }
  }
}
