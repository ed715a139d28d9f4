import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { AdsyncCmdlet } from './adsync-cmdlet.js';
import { runStatusObject, TYPES } from './objects.js';
import { CMDLET_NS, MODULE } from './registration-params.js';

/** Get-ADSyncConnectorRunStatus: nothing when idle; the running connector with RunState Busy during a cycle. */
export class GetADSyncConnectorRunStatusCommand extends AdsyncCmdlet {
  static override meta: CmdletMeta = {
    verb: 'Get', noun: 'ADSyncConnectorRunStatus', module: MODULE, className: `${CMDLET_NS}.GetADSyncConnectorRunStatusCommand`,
    outputType: [TYPES.runStatus], parameters: [],
    synopsis: 'Gets the run status of the connectors: empty when the sync engine is idle.',
    examples: [{ code: 'Get-ADSyncConnectorRunStatus' }],
  };

  override async processRecord(): Promise<void> {
    let list;
    try { list = this.server().getConnectorRunStatus(); } catch (e) { this.fail(e); return; }
    for (const r of list) await this.writeObject(runStatusObject(r));
  }
}
