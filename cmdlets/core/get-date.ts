import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { PSDateTime } from '../../runtime/values/datetime.js';
import { now } from './clock.js';
import { DateFormatError, formatDateTime, formatUnix } from './date-format.js';

const DF = 'DateAndFormat', DU = 'DateAndUFormat', UF = 'UnixTimeSecondsAndFormat', UU = 'UnixTimeSecondsAndUFormat';

/** Get-Date: the emulator's current time (virtual clock), or a given date, optionally adjusted and formatted. */
export class GetDateCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Get', noun: 'Date', module: 'Microsoft.PowerShell.Utility', className: 'Microsoft.PowerShell.Commands.GetDateCommand',
    defaultParameterSet: DF,
    parameters: [
      param('Date', T.DateTime, { position: 0, sets: [DF, DU], valueFromPipeline: true, valueFromPipelineByPropertyName: true, aliases: ['LastWriteTime'], description: 'Specifies a date and time. By default, Get-Date gets the current system date and time.' }),
      param('UnixTimeSeconds', T.Long, { mandatory: true, sets: [UF, UU], aliases: ['UnixTime'], description: 'Date and time represented in seconds since January 1, 1970, 0:00:00.' }),
      param('Year', T.Int, { validateRange: [1, 9999], description: 'Specifies the year that is displayed.' }),
      param('Month', T.Int, { validateRange: [1, 12], description: 'Specifies the month that is displayed.' }),
      param('Day', T.Int, { validateRange: [1, 31], description: 'Specifies the day of the month that is displayed.' }),
      param('Hour', T.Int, { validateRange: [0, 23], description: 'Specifies the hour that is displayed.' }),
      param('Minute', T.Int, { validateRange: [0, 59], description: 'Specifies the minutes that are displayed.' }),
      param('Second', T.Int, { validateRange: [0, 59], description: 'Specifies the seconds that are displayed.' }),
      param('Millisecond', T.Int, { validateRange: [0, 999], description: 'Specifies the milliseconds in the date.' }),
      param('DisplayHint', T.enum('Microsoft.PowerShell.Commands.DisplayHintType', ['Date', 'Time', 'DateTime']), { description: 'Determines which elements of the date and time are displayed.' }),
      param('Format', T.String, { sets: [DF, UF], description: 'Displays the date and time in the .NET format indicated by the format specifier. The output is a String object.' }),
      param('UFormat', T.String, { mandatory: true, sets: [DU, UU], description: 'Displays the date and time in UNIX format. The output is a String object.' }),
      param('AsUTC', T.Switch, { description: 'Converts the date value to the equivalent time in UTC.' }),
    ],
    outputType: ['System.DateTime', 'System.String'],
    synopsis: 'Gets the current date and time.',
    description: 'The Get-Date cmdlet gets a DateTime object that represents the current date or a date that you specify. Get-Date can format the date and time in several .NET and UNIX formats. In syncshell the current date is the emulator\'s virtual clock.',
    examples: [
      { title: 'Get the current date and time', code: 'Get-Date' },
      { title: 'Get elements of the current date and time', code: 'Get-Date -DisplayHint Date' },
      { title: 'Get the date and time with a .NET format specifier', code: 'Get-Date -Format "dddd MM/dd/yyyy HH:mm K"' },
      { title: 'Get the date and time with a UFormat specifier', code: 'Get-Date -UFormat "%A %m/%d/%Y %R %Z"' },
      { title: 'Add days to the current date', code: '(Get-Date).AddDays(150)' },
    ],
  };

  Date?: PSDateTime;
  UnixTimeSeconds?: number;
  Year?: number;
  Month?: number;
  Day?: number;
  Hour?: number;
  Minute?: number;
  Second?: number;
  Millisecond?: number;
  DisplayHint?: string;
  Format?: string;
  UFormat?: string;
  AsUTC = false;

  override async processRecord(): Promise<void> {
    let d: PSDateTime;
    if (this.UnixTimeSeconds !== undefined) d = new PSDateTime(this.UnixTimeSeconds * 1000, 'Utc');
    else if (this.Date instanceof PSDateTime) d = this.Date;
    else d = PSDateTime.fromDate(now(this.context), 'Local');
    d = this.adjust(d);
    if (this.AsUTC) d = new PSDateTime(d.ms, 'Utc', d.subTicks);
    if (this.UFormat !== undefined) { await this.writeObject(formatUnix(d, this.UFormat)); return; }
    if (this.Format !== undefined) {
      // GetDateCommand's named formats for file names; the Universal ones convert to UTC first.
      let format = this.Format;
      switch (format) {
        case 'FileDate': format = 'yyyyMMdd'; break;
        case 'FileDateUniversal': d = new PSDateTime(d.ms, 'Utc', d.subTicks); format = 'yyyyMMddZ'; break;
        case 'FileDateTime': format = 'yyyyMMddTHHmmssffff'; break;
        case 'FileDateTimeUniversal': d = new PSDateTime(d.ms, 'Utc', d.subTicks); format = 'yyyyMMddTHHmmssffffZ'; break;
      }
      try { await this.writeObject(formatDateTime(d, format)); } catch (e) {
        if (e instanceof DateFormatError) this.throwTerminatingError(this.error(e.message, 'System.FormatException', 'NotSpecified', null, 'System.FormatException'));
        throw e;
      }
      return;
    }
    // Get-Date's DateTime carries a DisplayHint note that the DateTime view reads (date, time, or both).
    if (this.DisplayHint !== undefined && this.DisplayHint !== 'DateTime') {
      const hinted = new PSDateTime(d.ms, d.kind, d.subTicks);
      Object.defineProperty(hinted, 'displayHint', { value: this.DisplayHint, enumerable: false });
      d = hinted;
    }
    await this.writeObject(d);
  }

  /** -Year ... -Millisecond replace fields of the date; -Day beyond the month's end is rejected as .NET does. */
  private adjust(d: PSDateTime): PSDateTime {
    if ([this.Year, this.Month, this.Day, this.Hour, this.Minute, this.Second, this.Millisecond].every((x) => x === undefined)) return d;
    const f = d.fields();
    const y = this.Year ?? f.year, mo = this.Month ?? f.month;
    const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    let day = this.Day ?? f.day;
    if (this.Day === undefined && day > daysInMonth) day = daysInMonth;
    if (day > daysInMonth) {
      this.throwTerminatingError(this.error('Year, Month, and Day parameters describe an un-representable DateTime.', 'System.ArgumentOutOfRangeException', 'NotSpecified', null, 'System.ArgumentOutOfRangeException'));
    }
    const parts = [y, mo - 1, day, this.Hour ?? f.hour, this.Minute ?? f.minute, this.Second ?? f.second, this.Millisecond ?? f.millisecond] as const;
    const ms = d.kind === 'Utc' ? Date.UTC(...parts) : new Date(...parts).getTime();
    return new PSDateTime(ms, d.kind, d.subTicks);
  }
}
