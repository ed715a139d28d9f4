import { PSObject } from '../../runtime/values/psobject.js';
import type { GraphContext } from './graph-session.js';

export const AUTH_CONTEXT_TYPE = 'Microsoft.Graph.PowerShell.Authentication.AuthContext';

/** Get-MgContext's object, with the v2 module's properties in its order. */
export function contextObject(ctx: GraphContext): PSObject {
  const o = new PSObject([AUTH_CONTEXT_TYPE, 'System.Object']);
  const tokenCredentialType = ctx.authType === 'AppOnly' ? 'ClientCertificate' : 'InteractiveBrowser';
  o.addNote('ClientId', ctx.clientId);
  o.addNote('TenantId', ctx.tenantId);
  o.addNote('Scopes', [...ctx.scopes]);
  o.addNote('AuthType', ctx.authType);
  o.addNote('TokenCredentialType', tokenCredentialType);
  o.addNote('CertificateThumbprint', ctx.certificateThumbprint);
  o.addNote('CertificateSubjectName', ctx.certificateSubjectName);
  o.addNote('SendCertificateChain', false);
  o.addNote('Account', ctx.account);
  o.addNote('AppName', ctx.appName);
  o.addNote('ContextScope', ctx.contextScope);
  o.addNote('Certificate', null);
  o.addNote('PSHostVersion', '7.4.6');
  o.addNote('ManagedIdentityId', null);
  o.addNote('ClientSecret', null);
  o.addNote('Environment', 'Global');
  o.toStringImpl = () => AUTH_CONTEXT_TYPE;
  return o;
}
