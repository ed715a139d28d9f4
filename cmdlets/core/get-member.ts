import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { PSObject } from '../../runtime/values/psobject.js';
import { PSHashtable } from '../../runtime/values/hashtable.js';
import { isScriptBlock } from '../../runtime/values/scriptblock.js';
import { compareStrings, propertyNames, toPSString, typeNameOf, wildcardToRegex, getProperty } from './lang.js';
import { MEMBER_TABLE, memberTableOf } from './member-table.js';
import { registerView, tableView } from '../../runtime/format/index.js';

registerView('Microsoft.PowerShell.Commands.MemberDefinition', tableView([
  { label: 'Name', property: 'Name' }, { label: 'MemberType', property: 'MemberType' }, { label: 'Definition', property: 'Definition' },
], { groupBy: { label: 'TypeName', property: 'TypeName' } }));

export const MemberDefinitionType = 'Microsoft.PowerShell.Commands.MemberDefinition';

const MEMBER_TYPES = ['AliasProperty', 'CodeProperty', 'Property', 'NoteProperty', 'ScriptProperty', 'Properties', 'PropertySet', 'Method',
  'CodeMethod', 'ScriptMethod', 'Methods', 'ParameterizedProperty', 'MemberSet', 'Event', 'Dynamic', 'InferredProperty', 'All'];

const SHORT_VALUE_TYPE: Record<string, string> = {
  'System.String': 'string', 'System.Int32': 'int', 'System.Int64': 'long', 'System.Double': 'double', 'System.Boolean': 'bool',
  'System.DateTime': 'datetime', 'System.TimeSpan': 'timespan', 'System.Collections.Hashtable': 'hashtable', 'System.Object[]': 'Object[]',
  'System.Management.Automation.ScriptBlock': 'scriptblock', 'System.Byte[]': 'byte[]', 'System.Byte': 'byte', 'System.Char': 'char',
  'System.Security.SecureString': 'securestring', 'System.Management.Automation.PSCredential': 'pscredential',
};

/** The type shown in a member Definition ('string', 'int', 'Object[]', or the full .NET name). */
export function definitionType(v: unknown): string {
  const n = typeNameOf(v);
  if (n === undefined) return 'object';
  return SHORT_VALUE_TYPE[n] ?? n;
}

interface Member { name: string; memberType: string; definition: string }

/** The members Get-Member lists for a value (without sorting). */
export function membersOf(v: unknown): Member[] {
  const out: Member[] = [];
  if (v instanceof PSObject) {
    for (const p of v.properties()) {
      const value = p.get();
      if (p.kind === 'Note') {
        out.push({ name: p.name, memberType: 'NoteProperty', definition: `${definitionType(value)} ${p.name}=${value === null || value === undefined ? 'null' : noteText(value)}` });
      } else {
        const t = p.typeName ?? definitionType(value);
        out.push({ name: p.name, memberType: p.kind === 'Script' ? 'ScriptProperty' : 'Property', definition: `${t} ${p.name} {get;${p.set ? 'set;' : ''}}` });
      }
    }
    for (const m of v.methodNames()) out.push({ name: m, memberType: 'Method', definition: `System.Object ${m}()` });
    const base = MEMBER_TABLE['System.Management.Automation.PSCustomObject']!;
    for (const [name, memberType, definition] of base) if (!v.method(name)) out.push({ name, memberType, definition });
    return out;
  }
  const table = memberTableOf(v, typeNameOf(v));
  if (table) return table.map(([name, memberType, definition]) => ({ name, memberType, definition }));
  if (typeof v === 'object' && v !== null && !(v instanceof PSHashtable) && !isScriptBlock(v) && !Array.isArray(v)) {
    for (const n of propertyNames(v)) out.push({ name: n, memberType: 'Property', definition: `${definitionType(getProperty(v, n))} ${n} {get;}` });
    let proto = Object.getPrototypeOf(v);
    const seen = new Set<string>();
    while (proto && proto !== Object.prototype) {
      for (const k of Object.getOwnPropertyNames(proto)) {
        const d = Object.getOwnPropertyDescriptor(proto, k);
        if (k !== 'constructor' && /^[A-Z]/.test(k) && typeof d?.value === 'function' && !seen.has(k)) {
          seen.add(k);
          out.push({ name: k, memberType: 'Method', definition: `System.Object ${k}()` });
        }
      }
      proto = Object.getPrototypeOf(proto);
    }
    for (const [name, memberType, definition] of MEMBER_TABLE['System.Management.Automation.PSCustomObject']!) {
      if (!seen.has(name)) out.push({ name, memberType, definition });
    }
  }
  return out;
}

function noteText(v: unknown): string {
  if (Array.isArray(v)) return 'System.Object[]';
  if (v instanceof PSHashtable) return typeNameOf(v)!;
  return toPSString(v);
}

/** Get-Member: the TypeName and members (Name, MemberType, Definition) of each distinct input type. */
export class GetMemberCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Get', noun: 'Member', module: 'Microsoft.PowerShell.Utility', className: 'Microsoft.PowerShell.Commands.GetMemberCommand',
    parameters: [
      param('InputObject', T.PSObject, { valueFromPipeline: true, description: 'Specifies the object whose members are retrieved.' }),
      param('Name', T.array(T.String), { position: 0, description: 'Specifies the names of one or more properties or methods of the object. Wildcards are permitted.' }),
      param('MemberType', T.enum('System.Management.Automation.PSMemberTypes', MEMBER_TYPES), { aliases: ['Type'], description: 'Specifies the member type that this cmdlet gets.' }),
      param('View', T.enum('System.Management.Automation.PSMemberViewTypes', ['Extended', 'Adapted', 'Base', 'All']), { description: 'Specifies that this cmdlet gets only particular types of members.' }),
      param('Static', T.Switch, { description: 'Indicates that this cmdlet gets only the static properties and methods of the object.' }),
      param('Force', T.Switch, { description: 'Adds the intrinsic members and the compiler-generated get_ and set_ methods to the display.' }),
    ],
    outputType: [MemberDefinitionType],
    synopsis: 'Gets the properties and methods of objects.',
    description: 'The Get-Member cmdlet gets the members, the properties and methods, of objects. To specify the object, use the InputObject parameter or pipe an object to Get-Member.',
    examples: [
      { title: 'Get the members of an object', code: 'Get-Date | Get-Member' },
      { title: 'Get only properties', code: 'Get-ADSyncScheduler | Get-Member -MemberType Property' },
    ],
    aliases: ['gm'],
  };

  InputObject: unknown = undefined;
  Name?: string[];
  MemberType?: string | string[];
  View?: string;
  Static = false;
  Force = false;

  private readonly seenTypes = new Set<string>();
  private any = false;

  override async processRecord(): Promise<void> {
    const v = this.InputObject;
    if (v === undefined || v === null) return;
    this.any = true;
    const typeName = typeNameOf(v)!;
    const key = v instanceof PSObject ? v.typeNames.join('|') + (v.isCustom ? '|' + v.propertyNames().join(',') : '') : typeName;
    if (this.seenTypes.has(key)) return;
    this.seenTypes.add(key);
    const names = this.Name?.map((n) => wildcardToRegex(n));
    const kinds = this.MemberType === undefined ? undefined : (Array.isArray(this.MemberType) ? this.MemberType : [this.MemberType]).map((k) => k.toLowerCase());
    const kindOk = (t: string) => !kinds || kinds.includes('all') || kinds.includes(t.toLowerCase())
      || (kinds.includes('properties') && /property$/i.test(t) && t !== 'ParameterizedProperty') || (kinds.includes('methods') && /method$/i.test(t));
    const members = membersOf(v)
      .filter((m) => kindOk(m.memberType) && (!names || names.some((r) => r.test(m.name))))
      .sort((a, b) => compareStrings(a.memberType, b.memberType) || compareStrings(a.name, b.name));
    for (const m of members) {
      const o = PSObject.typed(MemberDefinitionType, { TypeName: typeName, Name: m.name, MemberType: m.memberType, Definition: m.definition });
      o.toStringImpl = () => m.definition;
      await this.writeObject(o);
    }
  }

  override endProcessing(): void {
    if (!this.any) {
      this.throwTerminatingError(this.error('You must specify an object for the Get-Member cmdlet.', 'NoObjectInGetMember', 'CloseError', null, 'System.InvalidOperationException'));
    }
  }
}
