import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { FormatShapeDriver } from '../../runtime/format/index.js';

/** Format-List: emits list formatting records ('Name : value') that Out-Default / Out-String render. */
export class FormatListCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Format', noun: 'List', module: 'Microsoft.PowerShell.Utility', className: 'Microsoft.PowerShell.Commands.FormatListCommand',
    aliases: ['fl'],
    parameters: [
      param('Property', T.array(T.Object), { position: 0, description: 'Specifies the object properties that appear in the display and the order in which they appear. Wildcards are permitted; * shows every property.' }),
      param('GroupBy', T.Object, { description: 'Specifies sorted output in separate groups based on a property value.' }),
      param('View', T.String, { description: 'Specifies the name of an alternate list format or view.' }),
      param('ShowError', T.Switch, { description: 'Sends errors through the pipeline.' }),
      param('DisplayError', T.Switch, { description: 'Displays errors at the command line.' }),
      param('Force', T.Switch, { description: 'Directs the cmdlet to display all the error information.' }),
      param('Expand', T.String, { validateSet: ['CoreOnly', 'EnumOnly', 'Both'], description: 'Specifies the format of the collection object and the objects in the collection.' }),
      param('InputObject', T.PSObject, { valueFromPipeline: true, description: 'Specifies the objects to format.' }),
    ],
    outputType: ['Microsoft.PowerShell.Commands.Internal.Format'],
    synopsis: 'Formats the output as a list of properties in which each property appears on a new line.',
    description: 'The Format-List cmdlet formats the output of a command as a list of properties in which each property is displayed on a separate line.',
    examples: [
      { title: 'Show every property', code: 'Get-ADSyncScheduler | Format-List *' },
      { title: 'Show selected properties', code: 'Get-Date | Format-List Day, Month, Year' },
    ],
  };

  Property?: unknown[];
  GroupBy?: unknown;
  View?: string;
  ShowError = false;
  DisplayError = false;
  Force = false;
  Expand?: string;
  InputObject: unknown = undefined;

  private driver = new FormatShapeDriver(this);

  override beginProcessing(): void {
    this.driver.begin({ shape: 'list', property: this.Property, groupBy: this.GroupBy, view: this.View, force: this.Force }, ['name', 'expression', 'formatstring']);
  }

  override processRecord(): Promise<void> { return this.driver.process(this.InputObject ?? this.currentInput); }
  override endProcessing(): Promise<void> { return this.driver.end(); }
}
