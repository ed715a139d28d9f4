/**
 * The one object model of the shell. Every non-primitive value a script sees is a PSObject,
 * a PSHashtable, an array, or one of the value classes (PSDateTime, PSTimeSpan, ScriptBlock...).
 * Domain modules return plain data; cmdlets wrap it in a PSObject with the .NET type name the real
 * cmdlet would emit, so formatting views and `Get-Member` see the real names.
 */
export type MethodImpl = (args: unknown[]) => unknown;

export interface PSProperty {
  readonly name: string;
  /** 'Note' for a stored value, 'Property' for a .NET-style property computed on read. */
  readonly kind: 'Note' | 'Property' | 'Script';
  get(): unknown;
  set?(value: unknown): void;
  /** .NET type name for Get-Member's Definition column (e.g. 'string', 'datetime'); optional. */
  readonly typeName?: string;
}

export class PSObject {
  /** Most-derived first, as PSObject.TypeNames, e.g. ['System.Management.Automation.PSCustomObject', 'System.Object']. */
  typeNames: string[];
  private readonly props = new Map<string, PSProperty>();
  private readonly order: string[] = [];
  private readonly methods = new Map<string, { name: string; impl: MethodImpl }>();
  /** What ToString() gives when no method override exists; PSCustomObject prints as '@{a=1; b=2}'. */
  toStringImpl?: () => string;

  constructor(typeNames: string[] = [PSObject.customTypeName, 'System.Object']) {
    this.typeNames = typeNames;
  }

  static readonly customTypeName = 'System.Management.Automation.PSCustomObject';

  /** A [pscustomobject] from ordered name/value pairs. */
  static custom(entries: Iterable<readonly [string, unknown]> | Record<string, unknown>): PSObject {
    const o = new PSObject();
    const list = Symbol.iterator in Object(entries) ? (entries as Iterable<readonly [string, unknown]>) : Object.entries(entries);
    for (const [k, v] of list) o.addNote(k, v);
    return o;
  }

  /** An object presented as a given .NET type (most-derived type name first). */
  static typed(typeName: string | string[], entries: Record<string, unknown> = {}): PSObject {
    const names = Array.isArray(typeName) ? [...typeName] : [typeName];
    if (names[names.length - 1] !== 'System.Object') names.push('System.Object');
    const o = new PSObject(names);
    for (const [k, v] of Object.entries(entries)) o.addNote(k, v);
    return o;
  }

  get isCustom(): boolean { return this.typeNames[0] === PSObject.customTypeName; }

  addNote(name: string, value: unknown): this {
    let current = value;
    return this.addProperty({ name, kind: 'Note', get: () => current, set: (v) => { current = v; } });
  }

  /** A read-only property computed on access (like a .NET getter). */
  addGetter(name: string, get: () => unknown, typeName?: string): this {
    return this.addProperty({ name, kind: 'Property', get, typeName });
  }

  addProperty(p: PSProperty): this {
    const key = p.name.toLowerCase();
    if (!this.props.has(key)) this.order.push(key);
    this.props.set(key, p);
    return this;
  }

  removeProperty(name: string): boolean {
    const key = name.toLowerCase();
    if (!this.props.delete(key)) return false;
    this.order.splice(this.order.indexOf(key), 1);
    return true;
  }

  addMethod(name: string, impl: MethodImpl): this {
    this.methods.set(name.toLowerCase(), { name, impl });
    return this;
  }

  hasProperty(name: string): boolean { return this.props.has(name.toLowerCase()); }
  property(name: string): PSProperty | undefined { return this.props.get(name.toLowerCase()); }
  get(name: string): unknown { return this.props.get(name.toLowerCase())?.get(); }

  set(name: string, value: unknown): void {
    const p = this.props.get(name.toLowerCase());
    if (!p) { this.addNote(name, value); return; }
    if (!p.set) throw new Error(`'${p.name}' is a ReadOnly property.`);
    p.set(value);
  }

  /** Properties in declaration order. */
  properties(): PSProperty[] { return this.order.map((k) => this.props.get(k)!); }
  propertyNames(): string[] { return this.properties().map((p) => p.name); }

  method(name: string): { name: string; impl: MethodImpl } | undefined { return this.methods.get(name.toLowerCase()); }
  methodNames(): string[] { return [...this.methods.values()].map((m) => m.name); }

  /** A shallow copy (Select-Object style): same type names, note copies of every property value. */
  copy(): PSObject {
    const o = new PSObject([...this.typeNames]);
    for (const p of this.properties()) o.addNote(p.name, p.get());
    for (const m of this.methods.values()) o.addMethod(m.name, m.impl);
    o.toStringImpl = this.toStringImpl;
    return o;
  }
}
