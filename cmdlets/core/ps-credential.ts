import { PSObject } from '../../runtime/values/psobject.js';
import { SecureString } from './secure-string.js';

export const PSCredentialType = 'System.Management.Automation.PSCredential';
export const NetworkCredentialType = 'System.Net.NetworkCredential';

/** System.Management.Automation.PSCredential: UserName, Password (a SecureString), GetNetworkCredential(). */
export class PSCredential extends PSObject {
  readonly userName: string;
  readonly password: SecureString;

  constructor(userName: string, password: SecureString | string) {
    super([PSCredentialType, 'System.Object']);
    this.userName = userName;
    this.password = typeof password === 'string' ? new SecureString(password) : password;
    this.addGetter('UserName', () => this.userName, 'string');
    this.addGetter('Password', () => this.password, 'securestring');
    this.addMethod('GetNetworkCredential', () => networkCredential(this));
    this.toStringImpl = () => PSCredentialType;
  }

  /** [PSCredential]::Empty. */
  static readonly Empty = new PSCredential('', '');
}

/** System.Net.NetworkCredential: splits 'DOMAIN\user' and 'user@domain' as .NET does (only the backslash form sets Domain). */
export function networkCredential(c: PSCredential): PSObject {
  const slash = c.userName.indexOf('\\');
  const user = slash >= 0 ? c.userName.slice(slash + 1) : c.userName;
  const domain = slash >= 0 ? c.userName.slice(0, slash) : '';
  const o = new PSObject([NetworkCredentialType, 'System.Object']);
  o.addGetter('UserName', () => user, 'string');
  o.addGetter('Password', () => c.password.reveal(), 'string');
  o.addGetter('SecurePassword', () => c.password, 'securestring');
  o.addGetter('Domain', () => domain, 'string');
  return o;
}

export function isCredential(v: unknown): v is PSCredential { return v instanceof PSCredential; }
