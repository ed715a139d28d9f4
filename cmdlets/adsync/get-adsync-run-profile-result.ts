import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { AdsyncCmdlet } from './adsync-cmdlet.js';
import { runProfileResultObject, TYPES } from './objects.js';
import { CMDLET_NS, MODULE } from './registration-params.js';

/** Get-ADSyncRunProfileResult: run history, newest first. */
export class GetADSyncRunProfileResultCommand extends AdsyncCmdlet {
  static override meta: CmdletMeta = {
    verb: 'Get', noun: 'ADSyncRunProfileResult', module: MODULE, className: `${CMDLET_NS}.GetADSyncRunProfileResultCommand`,
    outputType: [TYPES.runProfileResult], supportsShouldProcess: true,
    parameters: [
      param('RunHistoryId', T.Guid, { valueFromPipelineByPropertyName: true }),
      param('ConnectorId', T.Guid, { valueFromPipelineByPropertyName: true, description: 'e.g. b891884f-051e-4a83-95af-2544101c9083 for the Microsoft Entra connector.' }),
      param('RunProfileId', T.Guid),
      param('RunNumber', T.Int),
      param('NumberRequested', T.Int, { description: 'How many results, newest first.' }),
      param('RunStepDetails', T.Switch, { description: 'Include RunStepResults with each step\'s statistics.' }),
      param('StepNumber', T.Int),
    ],
    synopsis: 'Retrieves one or more run profile results.',
    description: 'ConnectorName is e.g. "contoso.onmicrosoft.com - AAD" for the Microsoft Entra connector; Result is success, completed-export-errors, stopped-server-down, stopped-extension-dll-exception...; a run still going shows IsRunComplete False.',
    examples: [
      { code: 'Get-ADSyncRunProfileResult -NumberRequested 3' },
      { code: "Get-ADSyncRunProfileResult -ConnectorId b891884f-051e-4a83-95af-2544101c9083 -NumberRequested 1 -RunStepDetails" },
    ],
  };

  RunHistoryId?: unknown;
  ConnectorId?: unknown;
  RunProfileId?: unknown;
  RunNumber?: number;
  NumberRequested?: number;
  RunStepDetails?: boolean;
  StepNumber?: number;

  override async processRecord(): Promise<void> {
    let list;
    try {
      list = this.server().getRunProfileResults({
        connectorId: this.ConnectorId === undefined ? undefined : String(this.ConnectorId),
        runHistoryId: this.RunHistoryId === undefined ? undefined : String(this.RunHistoryId),
        runNumber: this.RunNumber,
        numberRequested: this.RunProfileId === undefined ? this.NumberRequested : undefined,
      });
    } catch (e) { this.fail(e); return; }
    if (this.RunProfileId !== undefined) {
      const id = String(this.RunProfileId).toLowerCase();
      list = list.filter((r) => r.RunProfileId.toLowerCase() === id);
      if (this.NumberRequested !== undefined) list = list.slice(0, this.NumberRequested);
    }
    for (const r of list) {
      const o = runProfileResultObject(r, this.RunStepDetails === true);
      if (this.StepNumber !== undefined && this.RunStepDetails) {
        o.set('RunStepResults', (o.get('RunStepResults') as unknown[]).filter((s) => (s as { get(n: string): unknown }).get('StepNumber') === this.StepNumber));
      }
      await this.writeObject(o);
    }
  }
}
