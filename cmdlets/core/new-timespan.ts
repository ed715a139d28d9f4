import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { PSDateTime } from '../../runtime/values/datetime.js';
import { PSTimeSpan } from '../../runtime/values/timespan.js';
import { now } from './clock.js';

/** New-TimeSpan: the interval between two dates (default: now, on the virtual clock) or from components. */
export class NewTimeSpanCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'New', noun: 'TimeSpan', module: 'Microsoft.PowerShell.Utility', className: 'Microsoft.PowerShell.Commands.NewTimeSpanCommand',
    defaultParameterSet: 'Date',
    parameters: [
      param('Start', T.DateTime, { position: 0, sets: ['Date'], valueFromPipelineByPropertyName: true, aliases: ['LastWriteTime'], description: 'Specifies the start of a time span. The default is the current date and time.' }),
      param('End', T.DateTime, { position: 1, sets: ['Date'], valueFromPipelineByPropertyName: true, description: 'Specifies the end of a time span. The default is the current date and time.' }),
      param('Days', T.Int, { sets: ['Time'], description: 'Specifies the days in the time span.' }),
      param('Hours', T.Int, { sets: ['Time'], description: 'Specifies the hours in the time span.' }),
      param('Minutes', T.Int, { sets: ['Time'], description: 'Specifies the length of the time span in minutes.' }),
      param('Seconds', T.Int, { sets: ['Time'], description: 'Specifies the length of the time span in seconds.' }),
      param('Milliseconds', T.Int, { sets: ['Time'], description: 'Specifies the length of the time span in milliseconds.' }),
    ],
    outputType: ['System.TimeSpan'],
    synopsis: 'Creates a TimeSpan object.',
    description: 'The New-TimeSpan cmdlet creates a TimeSpan object that represents a time interval. You can use a TimeSpan object to add or subtract time from DateTime objects.',
    examples: [
      { title: 'Create a TimeSpan object for a specified duration', code: 'New-TimeSpan -Hours 1 -Minutes 25' },
      { title: 'Create a TimeSpan object for a time interval', code: 'New-TimeSpan -End (Get-Date -Year 2027 -Month 1 -Day 1)' },
    ],
  };

  Start?: PSDateTime;
  End?: PSDateTime;
  Days = 0;
  Hours = 0;
  Minutes = 0;
  Seconds = 0;
  Milliseconds = 0;

  override async processRecord(): Promise<void> {
    if (this.parameterSetName === 'Time' || ['Days', 'Hours', 'Minutes', 'Seconds', 'Milliseconds'].some((p) => this.isBound(p))) {
      await this.writeObject(PSTimeSpan.from(this.Days, this.Hours, this.Minutes, this.Seconds, this.Milliseconds));
      return;
    }
    const current = now(this.context).getTime();
    const start = this.Start instanceof PSDateTime ? this.Start.ms : current;
    const end = this.End instanceof PSDateTime ? this.End.ms : current;
    await this.writeObject(PSTimeSpan.fromMs(end - start));
  }
}
