import { PSObject } from '../../runtime/values/psobject.js';

export const SecureStringType = 'System.Security.SecureString';

/**
 * System.Security.SecureString: the text is held in a private field, never a property, so no
 * formatter, Get-Member or ConvertTo-Json can reveal it; it prints as its type name.
 */
export class SecureString extends PSObject {
  #text: string;
  #readOnly = false;

  constructor(text = '') {
    super([SecureStringType, 'System.Object']);
    this.#text = text;
    this.addGetter('Length', () => this.#text.length, 'int');
    this.addMethod('AppendChar', (a) => { this.assertWritable(); this.#text += String(a[0] ?? ''); });
    this.addMethod('Clear', () => { this.assertWritable(); this.#text = ''; });
    this.addMethod('Copy', () => new SecureString(this.#text));
    this.addMethod('Dispose', () => { this.#text = ''; });
    this.addMethod('IsReadOnly', () => this.#readOnly);
    this.addMethod('MakeReadOnly', () => { this.#readOnly = true; });
    this.toStringImpl = () => SecureStringType;
  }

  private assertWritable(): void {
    if (this.#readOnly) throw new Error('Instance is read-only.');
  }

  /** The clear text, for cmdlets that legitimately need it (ConvertFrom-SecureString -AsPlainText, credentials). */
  reveal(): string { return this.#text; }
}

export function isSecureString(v: unknown): v is SecureString { return v instanceof SecureString; }
