import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';

/** Write-Progress: a progress record for the host's progress bar. */
export class WriteProgressCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Write', noun: 'Progress', module: 'Microsoft.PowerShell.Utility', className: 'Microsoft.PowerShell.Commands.WriteProgressCommand',
    parameters: [
      param('Activity', T.String, { position: 0, description: 'Specifies the first line of text in the heading above the status bar.' }),
      param('Status', T.String, { position: 1, validateNotNullOrEmpty: true, description: 'Specifies the second line of text in the heading above the status bar.', defaultValue: 'Processing' }),
      param('Id', T.Int, { position: 2, validateRange: [0, 2147483647], description: 'Specifies an ID that distinguishes each progress bar from the others.' }),
      param('PercentComplete', T.Int, { validateRange: [-1, 100], description: 'Specifies the percentage of the activity that is completed.' }),
      param('SecondsRemaining', T.Int, { description: 'Specifies the projected number of seconds remaining until the activity is completed.' }),
      param('CurrentOperation', T.String, { description: 'Specifies the line of text below the progress bar.' }),
      param('ParentId', T.Int, { description: 'Specifies the parent activity of the current activity.' }),
      param('Completed', T.Switch, { description: 'Indicates whether the progress bar is visible.' }),
      param('SourceId', T.Int, { description: 'Specifies the source of the record.' }),
    ],
    outputType: ['None'],
    synopsis: 'Displays a progress bar within a PowerShell command window.',
    description: 'The Write-Progress cmdlet displays a progress bar in a PowerShell command window that depicts the status of a running command or script.',
    examples: [{ title: 'Display the progress of a For loop', code: 'for ($i = 1; $i -le 100; $i++ ) { Write-Progress -Activity "Search in Progress" -Status "$i% Complete:" -PercentComplete $i }' }],
  };

  Activity?: string;
  Status = 'Processing';
  Id = 0;
  PercentComplete = -1;
  SecondsRemaining = -1;
  CurrentOperation?: string;
  ParentId = -1;
  Completed = false;
  SourceId = 0;

  override processRecord(): void {
    this.writeProgress(this.Activity ?? '', this.Status, this.PercentComplete, this.Completed);
  }
}
