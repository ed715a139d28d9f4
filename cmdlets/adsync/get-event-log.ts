import type { EntryType, EventQuery } from '../../connect/index.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { PSDateTime } from '../../runtime/values/datetime.js';
import { AdsyncCmdlet } from './adsync-cmdlet.js';
import { eventLogEntryObject, TYPES } from './objects.js';

const KNOWN_LOGS = ['Application', 'System', 'Security'];

/**
 * Get-EventLog (Windows PowerShell 5.1, module Microsoft.PowerShell.Management): the emulated server's event logs.
 * Only the Application log has entries (the Connect Sync events); System and Security exist and are empty.
 */
export class GetEventLogCommand extends AdsyncCmdlet {
  static override meta: CmdletMeta = {
    verb: 'Get', noun: 'EventLog', module: 'Microsoft.PowerShell.Management', className: 'Microsoft.PowerShell.Commands.GetEventLogCommand',
    outputType: [TYPES.eventLogEntry], defaultParameterSet: 'LogName',
    parameters: [
      param('LogName', T.String, { mandatory: true, position: 0, sets: ['LogName'], aliases: ['LN'] }),
      param('InstanceId', T.array(T.Long), { position: 1, sets: ['LogName'] }),
      param('Newest', T.Int, { sets: ['LogName'], validateRange: [0, 2147483647] }),
      param('After', T.DateTime, { sets: ['LogName'] }),
      param('Before', T.DateTime, { sets: ['LogName'] }),
      param('EntryType', T.array(T.String), { sets: ['LogName'], aliases: ['ET'], validateSet: ['Error', 'Information', 'FailureAudit', 'SuccessAudit', 'Warning'] }),
      param('Source', T.array(T.String), { sets: ['LogName'], aliases: ['ABO'] }),
      param('Message', T.String, { sets: ['LogName'], aliases: ['MSG'] }),
      param('Index', T.array(T.Int), { sets: ['LogName'] }),
      param('List', T.Switch, { mandatory: true, sets: ['List'] }),
      param('AsString', T.Switch, { sets: ['List'] }),
    ],
    synopsis: 'Gets the events in an event log of the emulated Connect Sync server.',
    description: 'Connect Sync writes to the Application log: source "Directory Synchronization" (904 cycle/scheduler, 906 token errors, 1011 certificate due, 1012 certificate expired, 1013–1019 rotation/onboarding) and "ADSync" (6100, 6803). Times are on the emulator clock.',
    examples: [
      { code: "Get-EventLog -LogName Application -Source 'Directory Synchronization' -Newest 10" },
      { code: 'Get-EventLog -LogName Application -InstanceId 1011,1012' },
    ],
  };

  LogName?: string;
  InstanceId?: number[];
  Newest?: number;
  After?: PSDateTime;
  Before?: PSDateTime;
  EntryType?: string[];
  Source?: string[];
  Message?: string;
  Index?: number[];
  List?: boolean;
  AsString?: boolean;

  override async processRecord(): Promise<void> {
    if (this.List) {
      for (const name of KNOWN_LOGS) await this.writeObject(this.AsString ? name : name);
      return;
    }
    const log = KNOWN_LOGS.find((l) => l.toLowerCase() === (this.LogName ?? '').toLowerCase());
    if (!log) {
      this.throwTerminatingError(this.error(`The event log '${this.LogName}' on computer '.' does not exist.`, 'System.InvalidOperationException', 'NotSpecified', null, 'System.InvalidOperationException'));
    }
    let entries: ReturnType<ReturnType<typeof this.server>['getEvents']> = [];
    if (log === 'Application') {
      const q: EventQuery = {};
      if (this.Source) q.source = this.Source;
      if (this.EntryType) q.entryType = this.EntryType.filter((t) => !t.endsWith('Audit')).map((t) => t[0]!.toUpperCase() + t.slice(1).toLowerCase()) as EntryType[];
      if (this.InstanceId) q.instanceId = this.InstanceId.map(Number);
      if (this.After) q.after = this.After.toDate();
      if (this.Before) q.before = this.Before.toDate();
      const filtering = this.Message !== undefined || this.Index !== undefined;
      if (this.Newest !== undefined && !filtering) q.newest = this.Newest;
      try { entries = this.server().getEvents(q); } catch (e) { this.fail(e); return; }
      if (this.Message !== undefined) {
        const re = wildcard(this.Message);
        entries = entries.filter((e) => re.test(e.Message));
      }
      if (this.Index) { const want = new Set(this.Index); entries = entries.filter((e) => want.has(e.Index)); }
      if (this.Newest !== undefined && filtering) entries = entries.slice(0, this.Newest);
    }
    if (entries.length === 0) {
      this.writeError(this.error('No matches found', 'GetEventLogNoEntriesFound', 'ObjectNotFound', null, 'System.ArgumentException'));
      return;
    }
    for (const e of entries) await this.writeObject(eventLogEntryObject(e));
  }
}

function wildcard(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'is');
}
