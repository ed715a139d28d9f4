import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { PropertyArgumentError, type PropertyExpression } from './property-expression.js';
import { introSort } from './introsort.js';
import { entryComparer, expandWildcards, keysOf, parseSortProperties, type OrderEntry } from './order-by.js';

/** Sort-Object: collects its input and writes it back ordered (stable). */
export class SortObjectCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Sort', noun: 'Object', module: 'Microsoft.PowerShell.Utility', className: 'Microsoft.PowerShell.Commands.SortObjectCommand',
    defaultParameterSet: 'Default',
    parameters: [
      param('Stable', T.Switch, { sets: ['Default'], description: 'The sorted objects are delivered in the order they were received when the sort criteria are equal.' }),
      param('Descending', T.Switch, { description: 'Indicates that Sort-Object sorts the objects in descending order.' }),
      param('Unique', T.Switch, { description: 'Indicates that Sort-Object eliminates duplicates and returns only the unique members of the collection.' }),
      param('Top', T.Int, { mandatory: true, sets: ['Top'], validateRange: [1, 2147483647], description: 'Specifies the number of objects to get from the start of a sorted object array.' }),
      param('Bottom', T.Int, { mandatory: true, sets: ['Bottom'], validateRange: [1, 2147483647], description: 'Specifies the number of objects to get from the end of a sorted object array.' }),
      param('InputObject', T.PSObject, { valueFromPipeline: true, description: 'To sort objects, send them down the pipeline to Sort-Object.' }),
      param('Property', T.array(T.Object), { position: 0, description: 'Specifies the property names that Sort-Object uses to sort the objects. Wildcards are permitted; a hash table may give Expression, Ascending and Descending.' }),
      param('Culture', T.String, { description: 'Specifies the cultural configuration to use for sorts.' }),
      param('CaseSensitive', T.Switch, { description: 'Indicates that the sort is case-sensitive.' }),
    ],
    outputType: ['System.Management.Automation.PSObject'],
    synopsis: 'Sorts objects by property values.',
    description: 'The Sort-Object cmdlet sorts objects in ascending or descending order based on object property values. If sort properties are not included in a command, PowerShell uses the objects themselves.',
    examples: [
      { title: 'Sort by a property', code: 'Get-ChildItem | Sort-Object -Property Length' },
      { title: 'Sort descending and unique', code: '3,1,2,3 | Sort-Object -Descending -Unique' },
      { title: 'Sort by several keys with a hash table', code: "Get-Service | Sort-Object -Property @{Expression = 'Status'; Descending = $true}, @{Expression = 'DisplayName'; Descending = $false}" },
    ],
    aliases: ['sort'],
  };

  Stable = false;
  Descending = false;
  Unique = false;
  Top?: number;
  Bottom?: number;
  InputObject: unknown = undefined;
  Property?: unknown[];
  Culture?: string;
  CaseSensitive = false;

  private inputs: unknown[] = [];
  private props: PropertyExpression[] = [];

  override beginProcessing(): void {
    try {
      this.props = parseSortProperties(this.Property);
    } catch (e) {
      if (e instanceof PropertyArgumentError) this.throwTerminatingError(this.error(e.message, e.errorId, 'InvalidArgument', null, 'System.NotSupportedException'));
      throw e;
    }
  }

  override processRecord(): void {
    if (this.InputObject === undefined || this.InputObject === null) return;
    this.inputs.push(this.InputObject);
  }

  override async endProcessing(): Promise<void> {
    const props = expandWildcards(this.props, this.inputs);
    const entries: OrderEntry[] = [];
    for (let i = 0; i < this.inputs.length; i++) {
      const input = this.inputs[i];
      entries.push({ input, keys: await keysOf(input, props), index: i });
    }
    const cmp = entryComparer(props.length ? props : [{ expr: '' }], this.Descending, this.CaseSensitive);
    const keyCmp = (a: OrderEntry, b: OrderEntry) => cmp(a, b);
    let sorted: OrderEntry[];
    if (!this.Stable && this.Top === undefined && this.Bottom === undefined) {
      // pwsh's FullSort is List<T>.Sort: unstable, so equal keys land where .NET's introsort puts them.
      sorted = entries.slice();
      introSort(sorted, keyCmp);
    } else sorted = entries.slice().sort((a, b) => keyCmp(a, b) || a.index - b.index);
    if (this.Bottom !== undefined) {
      // Bottom keeps the last N of the ascending order, written in that order.
      sorted = sorted.slice(Math.max(0, sorted.length - this.Bottom));
    }
    if (this.Unique) {
      const uniq: OrderEntry[] = [];
      for (const e of sorted) if (uniq.length === 0 || keyCmp(uniq[uniq.length - 1]!, e) !== 0) uniq.push(e);
      sorted = uniq;
    }
    if (this.Top !== undefined) sorted = sorted.slice(0, this.Top);
    for (const e of sorted) await this.writeObject(e.input);
  }
}
