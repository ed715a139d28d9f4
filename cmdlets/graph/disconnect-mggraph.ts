import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { GRAPH_SERVICE, type GraphSession } from './graph-session.js';
import { contextObject } from './context-object.js';

/** Disconnect-MgGraph: forgets the sign-in and returns the context it ended; not connected is an error, as in v2. */
export class DisconnectMgGraphCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Disconnect', noun: 'MgGraph', module: 'Microsoft.Graph.Authentication',
    className: 'Microsoft.Graph.PowerShell.Authentication.Cmdlets.DisconnectMgGraph',
    aliases: ['Disconnect-Graph'],
    outputType: ['Microsoft.Graph.PowerShell.Authentication.AuthContext'],
    synopsis: 'Once you are signed in, you will remain signed in until you invoke Disconnect-MgGraph.',
    examples: [{ title: 'Sign out', code: 'Disconnect-MgGraph' }],
    parameters: [],
  };

  override async processRecord(): Promise<void> {
    const ended = this.context.service<GraphSession>(GRAPH_SERVICE).disconnect();
    if (!ended) {
      this.throwTerminatingError(this.error('No application to sign out from.', 'NotSpecified', 'InvalidOperation', null, 'System.Management.Automation.PSInvalidOperationException'));
    }
    await this.writeObject(contextObject(ended));
  }
}
