/**
 * System.Security.SecureString: the text is held privately and never printed; PowerShell shows the
 * type name. Only ConvertFrom-SecureString -AsPlainText and NetworkCredential reveal it.
 */
const secrets = new WeakMap<SecureString, string>();

export class SecureString {
  constructor(text: string) { secrets.set(this, text); }
  get length(): number { return secrets.get(this)!.length; }
  /** Only for the few places that must reveal the text (credential checks, -AsPlainText). */
  reveal(): string { return secrets.get(this)!; }
  toString(): string { return 'System.Security.SecureString'; }
  toJSON(): Record<string, unknown> { return { Length: this.length }; }
}

/** System.Management.Automation.PSCredential. */
export class PSCredential {
  constructor(readonly userName: string, readonly password: SecureString) {}
  toString(): string { return 'System.Management.Automation.PSCredential'; }
  /** GetNetworkCredential().Password reveals the text, as in .NET. */
  networkPassword(): string { return this.password.reveal(); }
}
