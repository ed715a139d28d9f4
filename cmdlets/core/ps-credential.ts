/**
 * System.Management.Automation.PSCredential is a runtime value (runtime/values/secure-string.ts),
 * created by the binder's credential prompt too; here: what the cmdlets add around it.
 */
import { PSObject } from '../../runtime/values/psobject.js';
import { PSCredential } from '../../runtime/values/secure-string.js';

export { PSCredential } from '../../runtime/values/secure-string.js';

export const PSCredentialType = 'System.Management.Automation.PSCredential';
export const NetworkCredentialType = 'System.Net.NetworkCredential';

/** GetNetworkCredential(): splits 'DOMAIN\user' as .NET does (a UPN keeps its '@' form, Domain empty). */
export function networkCredential(c: PSCredential): PSObject {
  const slash = c.userName.indexOf('\\');
  const user = slash >= 0 ? c.userName.slice(slash + 1) : c.userName;
  const domain = slash >= 0 ? c.userName.slice(0, slash) : '';
  const o = new PSObject([NetworkCredentialType, 'System.Object']);
  o.addGetter('UserName', () => user, 'string');
  o.addGetter('Password', () => c.networkPassword(), 'string');
  o.addGetter('SecurePassword', () => c.password, 'securestring');
  o.addGetter('Domain', () => domain, 'string');
  return o;
}

export function isCredential(v: unknown): v is PSCredential { return v instanceof PSCredential; }
