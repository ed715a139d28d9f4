/**
 * cmdlets/graph: the Microsoft.Graph.Authentication cmdlets the Bring-Your-Own-Application steps need. The
 * composition root registers `graphCommandIndex` (lazy) and calls `registerGraphService(services)` once; the
 * session services 'state' and 'clock' must be there (see docs/graph-cmdlets.md).
 */
import type { CmdletClass } from '../../runtime/commands/cmdlet.js';

export const GRAPH_MODULE = 'Microsoft.Graph.Authentication';

export interface GraphCommandEntry { name: string; module: string; load: () => Promise<CmdletClass> }

export const graphCommandIndex: GraphCommandEntry[] = [
  { name: 'Connect-MgGraph', module: GRAPH_MODULE, load: async () => (await import('./connect-mggraph.js')).ConnectMgGraphCommand },
  { name: 'Invoke-MgGraphRequest', module: GRAPH_MODULE, load: async () => (await import('./invoke-mggraphrequest.js')).InvokeMgGraphRequestCommand },
  { name: 'Get-MgContext', module: GRAPH_MODULE, load: async () => (await import('./get-mgcontext.js')).GetMgContextCommand },
  { name: 'Disconnect-MgGraph', module: GRAPH_MODULE, load: async () => (await import('./disconnect-mggraph.js')).DisconnectMgGraphCommand },
];

/** The real module's aliases (Connect-Graph, Invoke-GraphRequest, Get-MgGraphContext, Disconnect-Graph). */
export const graphAliases: Record<string, string> = {
  'Connect-Graph': 'Connect-MgGraph',
  'Invoke-GraphRequest': 'Invoke-MgGraphRequest',
  'Get-MgGraphContext': 'Get-MgContext',
  'Disconnect-Graph': 'Disconnect-MgGraph',
};

export { registerGraphService, GraphSession, GRAPH_SERVICE, TENANT_SERVICE, type GraphContext, type AuthType } from './graph-session.js';
