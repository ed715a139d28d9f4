/**
 * Parameter and value types, named as .NET names them (messages quote the .NET name: 'Cannot convert
 * value "x" to type "System.Int32"').
 */
export type TypeKind =
  | 'object' | 'string' | 'char' | 'bool' | 'switch' | 'int' | 'long' | 'double' | 'decimal' | 'byte'
  | 'datetime' | 'timespan' | 'guid' | 'securestring' | 'credential' | 'scriptblock' | 'hashtable'
  | 'psobject' | 'enum' | 'certificate' | 'uri' | 'version';

export interface TypeSpec {
  readonly kind: TypeKind;
  /** Full .NET type name, e.g. 'System.Int32', 'Microsoft.IdentityManagement.PowerShell.ObjectModel.SynchronizationPolicyType'. */
  readonly name: string;
  /** Enum members, in declaration order (case-insensitive match when binding). */
  readonly enumValues?: readonly string[];
  /** Element type when this is an array type (e.g. string[]). */
  readonly element?: TypeSpec;
  /** Nullable[T]: $null is a legal value. */
  readonly nullable?: boolean;
  /**
   * A script parameter's enum type: the value stays an enum. A cmdlet class's enum parameter receives the
   * member name, because domain code works with names.
   */
  readonly keepsEnum?: boolean;
}

const t = (kind: TypeKind, name: string): TypeSpec => ({ kind, name });

export const T = {
  Object: t('object', 'System.Object'),
  String: t('string', 'System.String'),
  Char: t('char', 'System.Char'),
  Bool: t('bool', 'System.Boolean'),
  Switch: t('switch', 'System.Management.Automation.SwitchParameter'),
  Int: t('int', 'System.Int32'),
  Long: t('long', 'System.Int64'),
  Double: t('double', 'System.Double'),
  Decimal: t('decimal', 'System.Decimal'),
  Byte: t('byte', 'System.Byte'),
  DateTime: t('datetime', 'System.DateTime'),
  TimeSpan: t('timespan', 'System.TimeSpan'),
  Guid: t('guid', 'System.Guid'),
  SecureString: t('securestring', 'System.Security.SecureString'),
  Credential: t('credential', 'System.Management.Automation.PSCredential'),
  ScriptBlock: t('scriptblock', 'System.Management.Automation.ScriptBlock'),
  Hashtable: t('hashtable', 'System.Collections.Hashtable'),
  PSObject: t('psobject', 'System.Management.Automation.PSObject'),
  Certificate: t('certificate', 'System.Security.Cryptography.X509Certificates.X509Certificate2'),
  Uri: t('uri', 'System.Uri'),
  Version: t('version', 'System.Version'),
  array(element: TypeSpec): TypeSpec { return { kind: element.kind, name: `${element.name}[]`, element }; },
  /** Nullable[T]: conversion errors name T, as PowerShell's do (it converts to the underlying type). */
  nullable(inner: TypeSpec): TypeSpec { return { ...inner, nullable: true }; },
  enum(name: string, values: readonly string[]): TypeSpec { return { kind: 'enum', name, enumValues: values }; },
} as const;

export function isArrayType(ts: TypeSpec): boolean { return ts.element !== undefined; }
