import { PSObject } from './psobject.js';

/**
 * System.Security.SecureString: the text is held privately and never printed; PowerShell shows the
 * type name. Only ConvertFrom-SecureString -AsPlainText and NetworkCredential reveal it.
 */
const secrets = new WeakMap<object, string>();

export class SecureString extends PSObject {
  constructor(text: string) {
    super(['System.Security.SecureString', 'System.Object']);
    secrets.set(this, text);
    this.addGetter('Length', () => text.length, 'int');
    this.toStringImpl = () => 'System.Security.SecureString';
  }
  get length(): number { return secrets.get(this)!.length; }
  /** Only for the few places that must reveal the text (credential checks, -AsPlainText). */
  reveal(): string { return secrets.get(this)!; }
  override toString(): string { return 'System.Security.SecureString'; }
  toJSON(): Record<string, unknown> { return { Length: this.length }; }
}

/** System.Management.Automation.PSCredential. */
export class PSCredential extends PSObject {
  constructor(readonly userName: string, readonly password: SecureString) {
    super(['System.Management.Automation.PSCredential', 'System.Object']);
    this.addGetter('UserName', () => userName, 'string');
    this.addGetter('Password', () => password, 'securestring');
    this.addMethod('GetNetworkCredential', () => {
      const slash = userName.indexOf('\\');
      const o = new PSObject(['System.Net.NetworkCredential', 'System.Object']);
      o.addGetter('UserName', () => (slash >= 0 ? userName.slice(slash + 1) : userName), 'string');
      o.addGetter('Password', () => password.reveal(), 'string');
      o.addGetter('SecurePassword', () => password, 'securestring');
      o.addGetter('Domain', () => (slash >= 0 ? userName.slice(0, slash) : ''), 'string');
      return o;
    });
    this.toStringImpl = () => 'System.Management.Automation.PSCredential';
  }
  override toString(): string { return 'System.Management.Automation.PSCredential'; }
  /** GetNetworkCredential().Password reveals the text, as in .NET. */
  networkPassword(): string { return this.password.reveal(); }
}
