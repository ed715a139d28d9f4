import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { psVariable, scopeOf } from './variables.js';

/** New-Variable: creates a variable; an existing one is an error unless -Force. */
export class NewVariableCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'New', noun: 'Variable', module: 'Microsoft.PowerShell.Utility', className: 'Microsoft.PowerShell.Commands.NewVariableCommand',
    supportsShouldProcess: true, confirmImpact: 'Low',
    parameters: [
      param('Name', T.String, { mandatory: true, position: 0, valueFromPipelineByPropertyName: true, description: 'Specifies a name for the new variable.' }),
      param('Value', T.Object, { position: 1, valueFromPipeline: true, valueFromPipelineByPropertyName: true, description: 'Specifies the initial value of the variable.' }),
      param('Description', T.String, { description: 'Specifies a description of the variable.' }),
      param('Option', T.enum('System.Management.Automation.ScopedItemOptions', ['None', 'ReadOnly', 'Constant', 'Private', 'AllScope', 'Unspecified']), { description: 'Specifies the value of the Options property of the new variable.' }),
      param('Visibility', T.enum('System.Management.Automation.SessionStateEntryVisibility', ['Public', 'Private']), { description: 'Determines whether the variable is visible outside of the session in which it was created.' }),
      param('Force', T.Switch, { description: 'Indicates that the cmdlet creates a variable with the same name as an existing read-only variable.' }),
      param('PassThru', T.Switch, { description: 'Returns an object representing the new variable.' }),
      param('Scope', T.String, { description: 'Determines the scope of the new variable.' }),
    ],
    outputType: ['None', 'System.Management.Automation.PSVariable'],
    synopsis: 'Creates a new variable.',
    description: 'The New-Variable cmdlet creates a new variable in PowerShell. You can assign a value to the variable while creating it or assign or change the value after it is created.',
    examples: [{ title: 'Create a variable', code: 'New-Variable -Name "zipcode" -Value 98033' }],
    aliases: ['nv'],
  };

  Name = '';
  Value: unknown = null;
  Description?: string;
  Force = false;
  PassThru = false;
  Scope?: string;

  override async processRecord(): Promise<void> {
    const vars = this.context.variables;
    if (vars.has(this.Name) && !this.Force) {
      this.writeError(this.error(`A variable with name '${this.Name}' already exists.`, 'VariableAlreadyExists', 'ResourceExists', this.Name, 'System.Management.Automation.SessionStateException'));
      return;
    }
    if (!(await this.shouldProcess(`Name: ${this.Name} Value: ${String(this.Value)}`, 'New variable'))) return;
    vars.set(this.Name, this.Value ?? null, scopeOf(this.Scope));
    if (this.PassThru) await this.writeObject(psVariable(vars, this.Name, this.Description ?? ''));
  }
}
