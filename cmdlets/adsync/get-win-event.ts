import type { EntryType, EventQuery } from '../../connect/index.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { PSDateTime } from '../../runtime/values/datetime.js';
import { PSHashtable } from '../../runtime/values/hashtable.js';
import { AdsyncCmdlet } from './adsync-cmdlet.js';
import { eventLogRecordObject, TYPES } from './objects.js';

const LEVEL_TYPES: Record<number, EntryType> = { 1: 'Error', 2: 'Error', 3: 'Warning', 4: 'Information', 0: 'Information' };
const KNOWN_LOGS = ['Application', 'System', 'Security'];

/** Get-WinEvent (module Microsoft.PowerShell.Diagnostics): -LogName or -FilterHashtable over the emulated logs. */
export class GetWinEventCommand extends AdsyncCmdlet {
  static override meta: CmdletMeta = {
    verb: 'Get', noun: 'WinEvent', module: 'Microsoft.PowerShell.Diagnostics', className: 'Microsoft.PowerShell.Commands.GetWinEventCommand',
    outputType: [TYPES.eventLogRecord], defaultParameterSet: 'GetLogSet',
    parameters: [
      param('LogName', T.array(T.String), { position: 0, sets: ['GetLogSet'] }),
      param('FilterHashtable', T.array(T.Hashtable), { mandatory: true, position: 0, sets: ['HashQuerySet'] }),
      param('MaxEvents', T.Long, { validateRange: [1, Number.MAX_SAFE_INTEGER] }),
      param('Oldest', T.Switch),
    ],
    synopsis: 'Gets events from the event logs of the emulated Connect Sync server.',
    description: 'FilterHashtable keys: LogName, ProviderName, Id, Level (2 Error, 3 Warning, 4 Information), StartTime, EndTime, Data.',
    examples: [
      { code: "Get-WinEvent -FilterHashtable @{LogName='Application'; Id=1011}" },
      { code: "Get-WinEvent -FilterHashtable @{LogName='Application'; ProviderName='Directory Synchronization'; ID=904; Data='Finished'} -MaxEvents 1" },
    ],
  };

  LogName?: string[];
  FilterHashtable?: PSHashtable[];
  MaxEvents?: number;
  Oldest?: boolean;

  override async processRecord(): Promise<void> {
    const queries: { log: string; q: EventQuery }[] = [];
    if (this.FilterHashtable) {
      for (const h of this.FilterHashtable) {
        const f = new Map<string, unknown>();
        for (const [k, v] of h.entries()) f.set(String(k).toLowerCase(), v);
        const log = String(list(f.get('logname'))[0] ?? '');
        const q: EventQuery = {};
        if (f.has('providername')) q.source = list(f.get('providername')).map(String);
        if (f.has('id')) q.instanceId = list(f.get('id')).map(Number);
        if (f.has('level')) q.entryType = list(f.get('level')).map((l) => LEVEL_TYPES[Number(l)] ?? 'Information');
        if (f.has('starttime')) q.after = toDate(f.get('starttime'));
        if (f.has('endtime')) q.before = toDate(f.get('endtime'));
        if (f.has('data')) q.data = String(list(f.get('data'))[0]);
        queries.push({ log, q });
      }
    } else {
      for (const l of this.LogName ?? ['Application']) queries.push({ log: l, q: {} });
    }
    let found: ReturnType<ReturnType<typeof this.server>['getEvents']> = [];
    for (const { log, q } of queries) {
      const known = KNOWN_LOGS.find((l) => l.toLowerCase() === log.toLowerCase());
      if (!known) {
        this.writeError(this.error(`There is not an event log on the localhost computer that matches "${log}".`, 'NoMatchingLogsFound', 'ObjectNotFound', log, 'System.Exception'));
        continue;
      }
      if (known !== 'Application') continue;
      try { found = found.concat(this.server().getEvents(q)); } catch (e) { this.fail(e); return; }
    }
    found.sort((a, b) => b.Index - a.Index);
    if (this.Oldest) found.reverse();
    if (this.MaxEvents !== undefined) found = found.slice(0, this.MaxEvents);
    if (found.length === 0) {
      this.writeError(this.error('No events were found that match the specified selection criteria.', 'NoMatchingEventsFound', 'ObjectNotFound', null, 'System.Exception'));
      return;
    }
    for (const e of found) await this.writeObject(eventLogRecordObject(e));
  }
}

function list(v: unknown): unknown[] { return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]; }
function toDate(v: unknown): Date {
  if (v instanceof PSDateTime) return v.toDate();
  return new Date(String(v));
}
