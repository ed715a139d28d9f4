import { nameGuid, newGuid } from './util.js';

/** A run step's statistics with the property names of Get-ADSyncRunProfileResult -RunStepDetails. */
export interface RunStepResult {
  RunHistoryId: string;
  StepHistoryId: string;
  StepNumber: number;
  StepResult: string;
  StartDate: string;
  EndDate: string;
  StageNoChange: number;
  StageAdd: number;
  StageUpdate: number;
  StageDelete: number;
  StageFailure: number;
  ConnectorFlow: number;
  ExportAdd: number;
  ExportUpdate: number;
  ExportDelete: number;
  ExportFailure: number;
  ConnectorDiscoveryErrors: string | null;
  SyncErrors: string | null;
  StepXml: string;
}

export interface RunRecord {
  RunHistoryId: string;
  ConnectorId: string;
  ConnectorName: string;
  RunProfileId: string;
  RunProfileName: string;
  RunNumber: number;
  Username: string;
  Result: string;
  CurrentStepNumber: number;
  TotalSteps: number;
  StartDate: string;
  EndDate: string;
  RunStepResults: RunStepResult[];
}

/** What Get-ADSyncRunProfileResult shows: a finished run, or one still running at the virtual `now`. */
export interface RunProfileResult extends RunRecord { IsRunComplete: boolean }

export interface RunHistoryDoc { schema: 1; runs: RunRecord[] }

/** The Entra connector's identifier is the same on every installation (reference §3). */
export const AAD_CONNECTOR_ID = 'b891884f-051e-4a83-95af-2544101c9083';
const adIds = new Map<string, string>();
export const adConnectorId = (forest: string): string => {
  let id = adIds.get(forest);
  if (!id) adIds.set(forest, id = nameGuid(`ad-connector:${forest}`));
  return id;
};
export const aadConnectorName = (tenantDomain: string) => `${tenantDomain} - AAD`;

const profileIds = new Map<string, string>();
function profileId(connectorId: string, profile: string): string {
  const k = `${connectorId}:${profile}`;
  let id = profileIds.get(k);
  if (!id) profileIds.set(k, id = nameGuid(`run-profile:${k}`));
  return id;
}

export function newRun(
  connectorId: string, connectorName: string, profile: string, runNumber: number, start: Date, end: Date,
  result: string, stats: Partial<RunStepResult> = {},
): RunRecord {
  const id = newGuid();
  const startDate = start.toISOString(), endDate = end.toISOString();
  const stepType = profile.includes('Import') ? (profile.startsWith('Full') ? 'full-import' : 'delta-import')
    : profile.includes('Synchronization') ? (profile.startsWith('Full') ? 'apply-rules' : 'delta-sync') : 'export';
  const step: RunStepResult = {
    RunHistoryId: id, StepHistoryId: newGuid(), StepNumber: 1, StepResult: result,
    StartDate: startDate, EndDate: endDate,
    StageNoChange: 0, StageAdd: 0, StageUpdate: 0, StageDelete: 0, StageFailure: 0, ConnectorFlow: 0,
    ExportAdd: 0, ExportUpdate: 0, ExportDelete: 0, ExportFailure: 0,
    ConnectorDiscoveryErrors: null, SyncErrors: null,
    StepXml: `<step-type type="${stepType}"></step-type>`,
    ...stats,
  };
  return {
    RunHistoryId: id, ConnectorId: connectorId, ConnectorName: connectorName,
    RunProfileId: profileId(connectorId, profile), RunProfileName: profile, RunNumber: runNumber,
    Username: 'NT SERVICE\\ADSync', Result: result, CurrentStepNumber: 1, TotalSteps: 1,
    StartDate: startDate, EndDate: endDate, RunStepResults: [step],
  };
}

/** A run whose EndDate is still in the virtual future is shown as in progress. */
export function view(run: RunRecord, now: Date): RunProfileResult {
  const complete = new Date(run.EndDate) <= now;
  return complete
    ? { ...run, IsRunComplete: true }
    : { ...run, IsRunComplete: false, Result: 'in-progress', EndDate: run.StartDate, RunStepResults: run.RunStepResults.map((s) => ({ ...s, StepResult: 'in-progress' })) };
}

/**
 * Drop runs that ended before `olderThan`. Runs are appended in time order and ISO-8601 UTC strings sort as dates,
 * so only the head is looked at; it is cut once a day's worth has aged out (retention is "at least" the interval).
 */
export function purge(doc: RunHistoryDoc, olderThan: Date): number {
  const head = doc.runs[0];
  if (!head || new Date(head.EndDate).getTime() > olderThan.getTime() - 86_400_000) return 0;
  const limit = olderThan.toISOString();
  let i = 0;
  while (i < doc.runs.length && doc.runs[i].EndDate < limit) i++;
  if (i > 0) doc.runs.splice(0, i);
  return i;
}
