import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { GRAPH_SERVICE, type GraphSession } from './graph-session.js';
import { contextObject } from './context-object.js';

/** Get-MgContext: the current sign-in (nothing when not connected, as the real cmdlet). */
export class GetMgContextCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Get', noun: 'MgContext', module: 'Microsoft.Graph.Authentication',
    className: 'Microsoft.Graph.PowerShell.Authentication.Cmdlets.GetMgContext',
    aliases: ['Get-MgGraphContext'],
    outputType: ['Microsoft.Graph.PowerShell.Authentication.AuthContext'],
    synopsis: 'Gets details about the current session.',
    examples: [{ title: 'Get the current context', code: 'Get-MgContext' }],
    parameters: [],
  };

  override async processRecord(): Promise<void> {
    const ctx = this.context.service<GraphSession>(GRAPH_SERVICE).context;
    if (ctx) await this.writeObject(contextObject(ctx));
  }
}
