import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { PSObject } from '../../runtime/values/psobject.js';
import { PSHashtable } from '../../runtime/values/hashtable.js';
import { PSDictionary, resolveType } from '../../runtime/evaluator/index.js';
import { toPSString, typeNameOf, isEnumerable, enumerate } from './lang.js';
import { PropertyArgumentError, type PropertyExpression } from './property-expression.js';
import { entryComparer, expandWildcards, keysOf, parseSortProperties, type OrderEntry } from './order-by.js';
import { registerView, tableView } from '../../runtime/format/index.js';

// PowerShellCore.format.ps1xml: Count (5, right), Name (25), Group; without elements, Count and Name.
registerView('Microsoft.PowerShell.Commands.GroupInfoNoElement', tableView([
  { label: 'Count', property: 'Count', width: 5, alignment: 'right' }, { label: 'Name', property: 'Name', width: 25 },
]));
registerView('Microsoft.PowerShell.Commands.GroupInfo', tableView([
  { label: 'Count', property: 'Count', width: 5, alignment: 'right' }, { label: 'Name', property: 'Name', width: 25 }, { label: 'Group', property: 'Group' },
]));

export const GroupInfoType = 'Microsoft.PowerShell.Commands.GroupInfo';
export const GroupInfoNoElementType = 'Microsoft.PowerShell.Commands.GroupInfoNoElement';

/** Group-Object: GroupInfo objects (Count, Name, Group) ordered by key, or a hashtable of key → group. */
export class GroupObjectCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Group', noun: 'Object', module: 'Microsoft.PowerShell.Utility', className: 'Microsoft.PowerShell.Commands.GroupObjectCommand',
    parameters: [
      param('NoElement', T.Switch, { description: 'Indicates that this cmdlet omits the members of a group from the results.' }),
      param('AsHashTable', T.Switch, { sets: ['HashTable'], aliases: ['AHT'], description: 'Indicates that this cmdlet returns the group as a hash table.' }),
      param('AsString', T.Switch, { sets: ['HashTable'], description: 'Indicates that this cmdlet converts the hash table keys to strings.' }),
      param('InputObject', T.PSObject, { valueFromPipeline: true, description: 'Specifies the objects to group.' }),
      param('Property', T.array(T.Object), { position: 0, description: 'Specifies the properties for grouping.' }),
      param('Culture', T.String, { description: 'Specifies the culture to use when comparing strings.' }),
      param('CaseSensitive', T.Switch, { description: 'Indicates that this cmdlet makes the grouping case-sensitive.' }),
    ],
    outputType: ['System.Collections.Hashtable', GroupInfoType],
    synopsis: 'Groups objects that contain the same value for specified properties.',
    description: 'The Group-Object cmdlet displays objects in groups based on the value of a specified property. Group-Object returns a table with one row for each property value and a column that displays the number of items with that value.',
    examples: [
      { title: 'Group files by extension', code: 'Get-ChildItem | Group-Object -Property Extension -NoElement' },
      { title: 'Group into a hash table', code: '$h = 1..10 | Group-Object -Property { $_ % 2 } -AsHashTable' },
    ],
    aliases: ['group'],
  };

  NoElement = false;
  AsHashTable = false;
  AsString = false;
  InputObject: unknown = undefined;
  Property?: unknown[];
  Culture?: string;
  CaseSensitive = false;

  private entries: OrderEntry[] = [];
  private props: PropertyExpression[] = [];
  private first = true;
  private mixedTypes = false;
  private types?: (string | undefined)[];

  override async processRecord(): Promise<void> {
    const input = this.InputObject;
    if (input === undefined || input === null) return;
    if (this.first) {
      this.first = false;
      try {
        this.props = expandWildcards(parseSortProperties(this.Property), [input]);
      } catch (e) {
        if (e instanceof PropertyArgumentError) this.throwTerminatingError(this.error(e.message, e.errorId, 'InvalidArgument', null, 'System.NotSupportedException'));
        throw e;
      }
      if (this.AsString && !this.AsHashTable) {
        this.throwTerminatingError(this.error('The AsString parameter cannot be used without the AsHashTable parameter.', 'ArgumentException', 'InvalidArgument', true, 'System.ArgumentException'));
      }
      if (this.AsHashTable && !this.AsString && this.props.length > 1) {
        this.throwTerminatingError(this.error('The AsHashTable parameter is not supported when grouping by more than one property. Use the AsString parameter too.', 'ArgumentException', 'InvalidArgument', this.Property, 'System.ArgumentException'));
      }
    }
    const keys = await keysOf(input, this.props);
    this.entries.push({ input, keys, index: this.entries.length });
    if (!this.mixedTypes) {
      const t = keys.map((k) => typeNameOf(k.value));
      if (!this.types) this.types = t;
      else if (this.types.length !== t.length) this.mixedTypes = true;
      else for (let i = 0; i < t.length; i++) {
        if (t[i] === undefined) continue;
        if (this.types[i] === undefined) this.types[i] = t[i];
        else if (this.types[i] !== t[i]) { this.mixedTypes = true; break; }
      }
    }
  }

  override async endProcessing(): Promise<void> {
    const cmp = entryComparer(this.props.length ? this.props : [{ expr: '' }], false, this.CaseSensitive);
    const groups: { head: OrderEntry; items: unknown[] }[] = [];
    if (!this.mixedTypes) {
      // Same key types: a stable sort, then runs of equal keys (the reference's ordered grouping).
      const sorted = this.entries.slice().sort((a, b) => cmp(a, b) || a.index - b.index);
      for (const e of sorted) {
        const last = groups[groups.length - 1];
        if (last && cmp(last.head, e) === 0) last.items.push(e.input);
        else groups.push({ head: e, items: [e.input] });
      }
    } else {
      for (const e of this.entries) {
        const g = groups.find((x) => cmp(x.head, e) === 0);
        if (g) g.items.push(e.input); else groups.push({ head: e, items: [e.input] });
      }
    }
    if (groups.length === 0) return;
    if (this.AsHashTable) {
      // -CaseSensitive keys the table case-sensitively, so 'Bill' and 'bill' stay two entries.
      const h = this.CaseSensitive ? new PSDictionary(resolveType('hashtable')!) : new PSHashtable();
      for (const g of groups) {
        const key = this.AsString ? groupName(g.head) : g.head.keys[0]?.value;
        if (key === null || key === undefined) continue;
        h.set(key, g.items);
      }
      await this.writeObject(h);
      return;
    }
    for (const g of groups) await this.writeObject(groupInfo(g.head, g.items, this.NoElement));
  }
}

/** GroupInfo.Name: the key values joined by ', ', a collection value as '{a, b}'. */
export function groupName(head: OrderEntry): string {
  const parts: string[] = [];
  for (const k of head.keys) {
    const v = k.value;
    if (v === null || v === undefined) continue;
    parts.push(isEnumerable(v) ? '{' + enumerate(v).map(toPSString).join(', ') + '}' : toPSString(v));
  }
  return parts.join(', ');
}

export function groupInfo(head: OrderEntry, items: unknown[], noElement: boolean): PSObject {
  const o = new PSObject(noElement ? [GroupInfoNoElementType, GroupInfoType, 'System.Object'] : [GroupInfoType, 'System.Object']);
  o.addGetter('Values', () => head.keys.map((k) => k.value), 'System.Collections.ArrayList');
  o.addGetter('Count', () => items.length, 'int');
  o.addGetter('Group', () => (noElement ? [] : items), 'System.Collections.ObjectModel.Collection[psobject]');
  o.addGetter('Name', () => groupName(head), 'string');
  return o;
}
