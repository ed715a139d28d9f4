import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { FormatShapeDriver } from '../../runtime/format/index.js';

/** Format-Table: emits table formatting records that Out-Default / Out-String render. */
export class FormatTableCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Format', noun: 'Table', module: 'Microsoft.PowerShell.Utility', className: 'Microsoft.PowerShell.Commands.FormatTableCommand',
    aliases: ['ft'],
    parameters: [
      param('Property', T.array(T.Object), { position: 0, description: 'Specifies the object properties that appear in the display and the order in which they appear. Wildcards are permitted; a hash table adds a calculated property (Name/Label, Expression, Width, Alignment, FormatString).' }),
      param('AutoSize', T.Switch, { description: 'Adjusts the column size based on the width of the data.' }),
      param('RepeatHeader', T.Switch, { description: 'Repeats displaying the header of a table after every screen full.' }),
      param('HideTableHeaders', T.Switch, { description: 'Omits the column headings from the table.' }),
      param('Wrap', T.Switch, { description: 'Displays text that exceeds the column width on the next line.' }),
      param('GroupBy', T.Object, { description: 'Specifies sorted output in separate tables based on a property value.' }),
      param('View', T.String, { description: 'Specifies the name of an alternate table format or view.' }),
      param('ShowError', T.Switch, { description: 'Sends errors through the pipeline.' }),
      param('DisplayError', T.Switch, { description: 'Displays errors at the command line.' }),
      param('Force', T.Switch, { description: 'Directs the cmdlet to display all the error information.' }),
      param('Expand', T.String, { validateSet: ['CoreOnly', 'EnumOnly', 'Both'], description: 'Specifies the format of the collection object and the objects in the collection.' }),
      param('InputObject', T.PSObject, { valueFromPipeline: true, description: 'Specifies the objects to format.' }),
    ],
    outputType: ['Microsoft.PowerShell.Commands.Internal.Format'],
    synopsis: 'Formats the output as a table.',
    description: 'The Format-Table cmdlet formats the output of a command as a table with the selected properties of the object in each column.',
    examples: [
      { title: 'Format a table with selected properties', code: 'Get-ADSyncConnector | Format-Table Name, Type -AutoSize' },
      { title: 'Use a calculated property', code: "Get-ChildItem Cert:\\LocalMachine\\My | Format-Table Subject, @{Name='Expires'; Expression={$_.NotAfter}}" },
    ],
  };

  Property?: unknown[];
  AutoSize = false;
  RepeatHeader = false;
  HideTableHeaders = false;
  Wrap = false;
  GroupBy?: unknown;
  View?: string;
  ShowError = false;
  DisplayError = false;
  Force = false;
  Expand?: string;
  InputObject: unknown = undefined;

  private driver = new FormatShapeDriver(this);

  override beginProcessing(): void {
    this.driver.begin({
      shape: 'table',
      property: this.Property,
      groupBy: this.GroupBy,
      autoSize: this.isBound('AutoSize') ? this.AutoSize : undefined,
      wrap: this.isBound('Wrap') ? this.Wrap : undefined,
      hideTableHeaders: this.isBound('HideTableHeaders') ? this.HideTableHeaders : undefined,
      view: this.View,
      force: this.Force,
    }, ['name', 'expression', 'width', 'alignment', 'formatstring']);
  }

  override processRecord(): Promise<void> { return this.driver.process(this.InputObject ?? this.currentInput); }
  override endProcessing(): Promise<void> { return this.driver.end(); }
}
