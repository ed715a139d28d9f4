import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { hasWildcards } from './lang.js';
import { matchVariables, psVariable, scopeOf } from './variables.js';

const OPTIONS = T.enum('System.Management.Automation.ScopedItemOptions', ['None', 'ReadOnly', 'Constant', 'Private', 'AllScope', 'Unspecified']);

/** Set-Variable: assigns a value; pipeline input becomes the value (several objects: an array). */
export class SetVariableCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Set', noun: 'Variable', module: 'Microsoft.PowerShell.Utility', className: 'Microsoft.PowerShell.Commands.SetVariableCommand',
    supportsShouldProcess: true, confirmImpact: 'Medium',
    parameters: [
      param('Name', T.array(T.String), { mandatory: true, position: 0, valueFromPipelineByPropertyName: true, description: 'Specifies the variable name.' }),
      param('Value', T.Object, { position: 1, valueFromPipeline: true, valueFromPipelineByPropertyName: true, description: 'Specifies the value of the variable.' }),
      param('Include', T.array(T.String), { description: 'Specifies an array of items that this cmdlet includes in the operation.' }),
      param('Exclude', T.array(T.String), { description: 'Specifies an array of items that this cmdlet excludes from the operation.' }),
      param('Description', T.String, { valueFromPipelineByPropertyName: true, description: 'Specifies the description of the variable.' }),
      param('Option', OPTIONS, { valueFromPipelineByPropertyName: true, description: 'Specifies the value of the Options property of the variable.' }),
      param('Force', T.Switch, { description: 'Allows you to create a variable with the same name as an existing read-only variable.' }),
      param('Visibility', T.enum('System.Management.Automation.SessionStateEntryVisibility', ['Public', 'Private']), { valueFromPipelineByPropertyName: true, description: 'Determines whether the variable is visible outside of the session in which it was created.' }),
      param('PassThru', T.Switch, { description: 'Returns an object representing the new variable.' }),
      param('Scope', T.String, { valueFromPipelineByPropertyName: true, description: 'Specifies the scope of the variable.' }),
    ],
    outputType: ['None', 'System.Management.Automation.PSVariable'],
    synopsis: 'Sets the value of a variable. Creates the variable if one with the requested name does not exist.',
    description: 'The Set-Variable cmdlet assigns a value to a specified variable or changes the current value. If the variable does not exist, the cmdlet creates it.',
    examples: [
      { title: 'Set a variable and get its value', code: 'Set-Variable -Name "desc" -Value "A description"' },
      { title: 'Set a variable from the pipeline', code: '1..3 | Set-Variable -Name numbers' },
    ],
    aliases: ['sv', 'set'],
  };

  Name: string[] = [];
  Value: unknown = undefined;
  Include?: string[];
  Exclude?: string[];
  Description?: string;
  PassThru = false;
  Scope?: string;

  private collected?: unknown[];

  override async processRecord(): Promise<void> {
    if (this.currentInput !== undefined) { (this.collected ??= []).push(this.Value); return; }
    await this.assign(this.isBound('Value') ? this.Value : null);
  }

  override async endProcessing(): Promise<void> {
    if (this.collected) await this.assign(this.collected.length === 1 ? this.collected[0] : this.collected);
  }

  private async assign(value: unknown): Promise<void> {
    const vars = this.context.variables;
    for (const n of this.Name) {
      const names = hasWildcards(n) ? matchVariables(vars, [n], this.Include, this.Exclude).map((v) => v.name) : [n];
      for (const name of names) {
        if (!(await this.shouldProcess(`Name: ${name} Value: ${String(value)}`, 'Set variable'))) continue;
        vars.set(name, value === undefined ? null : value, scopeOf(this.Scope));
        if (this.PassThru) await this.writeObject(psVariable(vars, name, this.Description ?? ''));
      }
    }
  }
}
