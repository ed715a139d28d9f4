import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { PSObject } from '../../runtime/values/psobject.js';
import { PipelineStoppedSignal } from '../../runtime/values/flow.js';
import { compareValues, enumerate, isEnumerable, wildcardToRegex, typeNameOf } from './lang.js';
import { evaluate, expressionText, parsePropertyArgument, PropertyArgumentError, resolveNames, type PropertyExpression } from './property-expression.js';

const D = 'DefaultParameter', SL = 'SkipLastParameter', IX = 'IndexParameter', SI = 'SkipIndexParameter';

/** Select-Object: projects properties into new PSCustomObjects and slices the stream (First/Last/Skip/Index). */
export class SelectObjectCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Select', noun: 'Object', module: 'Microsoft.PowerShell.Utility', className: 'Microsoft.PowerShell.Commands.SelectObjectCommand',
    defaultParameterSet: D,
    parameters: [
      param('InputObject', T.PSObject, { valueFromPipeline: true, description: 'Specifies objects to send to the cmdlet through the pipeline.' }),
      param('Property', T.array(T.Object), { position: 0, sets: [D, SL], description: 'Specifies the properties to select. Wildcards are permitted; a hash table adds a calculated property (Name/Label, Expression).' }),
      param('ExcludeProperty', T.array(T.String), { sets: [D, SL], description: 'Specifies the properties that this cmdlet excludes from the operation.' }),
      param('ExpandProperty', T.String, { sets: [D, SL], description: 'Specifies a property to select, and indicates that an attempt should be made to expand that property.' }),
      param('Unique', T.Switch, { description: 'Specifies that if a subset of the input objects has identical properties and values, only a single member of the subset should be selected.' }),
      param('CaseInsensitive', T.Switch, { description: 'By default, -Unique comparisons are case-sensitive; this switch makes them case-insensitive.' }),
      param('Last', T.Int, { sets: [D], validateRange: [0, 2147483647], description: 'Specifies the number of objects to select from the end of an array of input objects.' }),
      param('First', T.Int, { sets: [D], validateRange: [0, 2147483647], description: 'Specifies the number of objects to select from the beginning of an array of input objects.' }),
      param('Skip', T.Int, { sets: [D, SL], validateRange: [0, 2147483647], description: 'Skips (doesn\'t select) the specified number of items.' }),
      param('SkipLast', T.Int, { sets: [SL], validateRange: [0, 2147483647], description: 'Skips (doesn\'t select) the specified number of items from the end of the list.' }),
      param('Wait', T.Switch, { sets: [D, IX], description: 'Indicates that the cmdlet turns off optimization.' }),
      param('Index', T.array(T.Int), { sets: [IX], validateRange: [0, 2147483647], description: 'Selects objects from an array based on their index values.' }),
      param('SkipIndex', T.array(T.Int), { sets: [SI], validateRange: [0, 2147483647], description: 'Skips objects from an array based on their index values.' }),
    ],
    outputType: ['System.Management.Automation.PSObject'],
    synopsis: 'Selects objects or object properties.',
    description: 'The Select-Object cmdlet selects specified properties of an object or set of objects. It can also select unique objects, a specified number of objects, or objects in a specified position in an array.',
    examples: [
      { title: 'Select objects by property', code: 'Get-Process | Select-Object -Property ProcessName, Id, WS' },
      { title: 'Select the first items', code: '1..10 | Select-Object -First 3' },
      { title: 'Add a calculated property', code: "Get-ChildItem | Select-Object Name, @{Name='KB'; Expression={$_.Length / 1KB}}" },
    ],
  };

  InputObject: unknown = undefined;
  Property?: unknown[];
  ExcludeProperty?: string[];
  ExpandProperty?: string;
  Unique = false;
  CaseInsensitive = false;
  Last = 0;
  First = 0;
  Skip = 0;
  SkipLast = 0;
  Wait = false;
  Index?: number[];
  SkipIndex?: number[];

  private props: PropertyExpression[] = [];
  private expand?: PropertyExpression;
  private exclude?: RegExp[];
  private queue: unknown[] = [];
  private streamed = 0;
  private skipLeft = 0;
  private firstOrLast = false;
  private uniques?: { obj: unknown; notes: [string, unknown][] }[];
  private indexList?: number[];
  private indexPos = 0;
  private objectIndex = 0;

  override beginProcessing(): void {
    try {
      this.props = (this.Property ?? []).map((p) => parsePropertyArgument(p, ['Name', 'Label', 'Expression']));
      if (this.ExpandProperty) this.expand = parsePropertyArgument(this.ExpandProperty, ['Name', 'Label', 'Expression']);
    } catch (e) {
      if (e instanceof PropertyArgumentError) this.throwTerminatingError(this.error(e.message, e.errorId, 'InvalidArgument', null, 'System.NotSupportedException'));
      throw e;
    }
    if (this.ExcludeProperty) {
      this.exclude = this.ExcludeProperty.map((p) => wildcardToRegex(p));
      if (this.props.length === 0) { this.props = [{ expr: '*' }]; this.Property = ['*']; }
    }
    this.firstOrLast = this.isBound('First') || this.isBound('Last');
    this.skipLeft = this.Skip;
    if (this.Unique) this.uniques = [];
    const idx = this.Index ?? this.SkipIndex;
    if (idx) this.indexList = [...idx].sort((a, b) => a - b);
  }

  override async processRecord(): Promise<void> {
    const input = this.InputObject;
    if (input === undefined || input === null) return;
    if (this.indexList) { await this.processIndexed(input); return; }
    this.enqueue(input);
    const next = this.streamingDequeue();
    if (next.has) await this.processObject(next.value);
    if (this.firstOrLast && this.Last === 0 && this.First !== 0 && this.streamed >= this.First && !this.Wait) {
      await this.endProcessing();
      throw new PipelineStoppedSignal('select-first');
    }
  }

  private done = false;

  override async endProcessing(): Promise<void> {
    if (this.done) return;
    this.done = true;
    if (this.parameterSetName === D || (!this.indexList && this.SkipLast === 0)) {
      if (this.First !== 0) {
        while (this.queue.length > 0) await this.processObject(this.queue.shift());
      } else {
        while (this.queue.length > this.skipLeft) await this.processObject(this.queue.shift());
      }
    }
    if (this.uniques) for (const u of this.uniques) { markSelected(u.obj, this.InputObject); await this.writeObject(u.obj); }
  }

  private enqueue(obj: unknown): void {
    if (this.Last > 0 && this.First === 0 && this.queue.length >= this.Last + this.skipLeft) this.queue.shift();
    else if (this.Last > 0 && this.First !== 0 && this.queue.length >= this.Last) this.queue.shift();
    this.queue.push(obj);
  }

  /** The reference SelectObjectQueue's streaming rules, kept literally so First/Last/Skip combine as pwsh's do. */
  private streamingDequeue(): { has: boolean; value?: unknown } {
    if (this.skipLeft === 0) {
      if (this.SkipLast > 0) {
        if (this.queue.length > this.SkipLast) return { has: true, value: this.queue.shift() };
      } else {
        if (this.streamed < this.First || !this.firstOrLast) { this.streamed++; return { has: true, value: this.queue.shift() }; }
        if (this.Last === 0) this.queue.shift();
      }
    } else if (this.Last === 0) { this.queue.shift(); this.skipLeft--; }
    else if (this.First !== 0) { this.skipLeft--; this.queue.shift(); }
    return { has: false };
  }

  private async processIndexed(input: unknown): Promise<void> {
    const list = this.indexList!;
    if (this.Index) {
      if (this.indexPos < list.length) {
        const want = list[this.indexPos]!;
        if (this.objectIndex === want) {
          await this.processObject(input);
          while (this.indexPos < list.length && list[this.indexPos] === want) this.indexPos++;
        }
      }
      if (!this.Wait && this.indexPos >= list.length) {
        await this.endProcessing();
        throw new PipelineStoppedSignal('select-first');
      }
    } else if (this.indexPos < list.length && list[this.indexPos] === this.objectIndex) {
      while (this.indexPos < list.length && list[this.indexPos] === this.objectIndex) this.indexPos++;
    } else {
      await this.processObject(input);
    }
    this.objectIndex++;
  }

  private excluded(name: string): boolean { return this.exclude?.some((r) => r.test(name)) ?? false; }

  private async processObject(input: unknown): Promise<void> {
    if (this.props.length === 0 && !this.expand) { await this.filteredWrite(input, []); return; }
    const notes: [string, unknown][] = [];
    for (const p of this.props) {
      const ok = await this.processParameter(p, input, notes);
      if (!ok) return;
    }
    if (!this.expand) {
      const result = new PSObject([selectedTypeName(input), PSObject.customTypeName, 'System.Object']);
      const seen = new Set<string>();
      for (const [n, v] of notes) {
        if (seen.has(n.toLowerCase())) { this.alreadyExisting(n, input, 'AlreadyExistingUserSpecifiedPropertyNoExpand'); continue; }
        seen.add(n.toLowerCase());
        result.addNote(n, v);
      }
      await this.filteredWrite(result, notes);
      return;
    }
    await this.processExpand(input, notes);
  }

  private async processParameter(p: PropertyExpression, input: unknown, out: [string, unknown][]): Promise<boolean> {
    const results: { name: string; value: unknown }[] = [];
    if (typeof p.expr === 'string') {
      for (const n of resolveNames(p, input)) {
        if (this.excluded(n)) continue;
        results.push({ name: n, value: await evaluate({ expr: n }, input) });
      }
      if (results.length === 0 && !/[*?[]/.test(p.expr)) results.push({ name: p.expr, value: null });
    } else {
      results.push({ name: expressionText(p), value: await evaluate(p, input) });
    }
    if (p.label && results.length > 1) {
      this.writeError(this.error('Cannot rename multiple results.', 'RenamingMultipleResults', 'InvalidOperation', input, 'System.InvalidOperationException'));
      return false;
    }
    for (const r of results) {
      if (this.excluded(r.name)) continue;
      const name = p.label || r.name;
      if (!name) this.throwTerminatingError(this.error('Cannot process the property because a script block with no name was specified and it produced no property name.', 'EmptyScriptBlockAndNoName', 'InvalidArgument', null, 'System.Management.Automation.PSArgumentException'));
      out.push([name, r.value ?? null]);
    }
    return true;
  }

  private async processExpand(input: unknown, notes: [string, unknown][]): Promise<void> {
    const e = this.expand!;
    let values: unknown[];
    if (typeof e.expr === 'string') {
      const names = resolveNames(e, input);
      if (names.length === 0) {
        this.writeError(this.error(`Property "${this.ExpandProperty}" cannot be found.`, 'ExpandPropertyNotFound', 'InvalidArgument', input, 'System.Management.Automation.PSArgumentException'));
        return;
      }
      if (names.length > 1) {
        this.writeError(this.error(`Multiple properties cannot be expanded. "${this.ExpandProperty}" resolves to multiple properties.`, 'MutlipleExpandProperties', 'InvalidArgument', input, 'System.Management.Automation.PSArgumentException'));
        return;
      }
      values = [await evaluate({ expr: names[0]! }, input)];
    } else values = [await evaluate(e, input)];
    const value = values[0];
    if (value === null || value === undefined) return;
    const items = isEnumerable(value) ? enumerate(value) : [value];
    for (const item of items) {
      if (item === null || item === undefined) continue;
      let obj = item;
      if (notes.length > 0 && item instanceof PSObject) {
        obj = item.copy();
        for (const [n, v] of notes) {
          if ((obj as PSObject).hasProperty(n)) this.alreadyExisting(n, input, 'AlreadyExistingUserSpecifiedPropertyExpand');
          else (obj as PSObject).addNote(n, v);
        }
      }
      await this.filteredWrite(obj, notes);
    }
  }

  private alreadyExisting(name: string, input: unknown, id: string): void {
    this.writeError(this.error(`The property cannot be processed because the property "${name}" already exists.`, id, 'InvalidOperation', input, 'System.Management.Automation.PSArgumentException'));
  }

  private async filteredWrite(obj: unknown, notes: [string, unknown][]): Promise<void> {
    if (!this.uniques) { markSelected(obj, this.InputObject); await this.writeObject(obj); return; }
    const cs = !this.CaseInsensitive;
    for (const u of this.uniques) {
      if (u.notes.length !== notes.length) continue;
      if (notes.length === 0) { if (compareValues(obj, u.obj, cs) === 0) return; continue; }
      let same = true;
      for (const [n, v] of notes) {
        const prop = u.obj instanceof PSObject ? u.obj.property(n) : undefined;
        if (!prop || compareValues(prop.get(), v, cs) !== 0) { same = false; break; }
      }
      if (same) return;
    }
    this.uniques.push({ obj, notes });
  }
}

/** 'Selected.' + the input's .NET type, which formatting views and Get-Member show. */
export function selectedTypeName(input: unknown): string {
  if (input instanceof PSObject) return 'Selected.' + (input.typeNames.includes(PSObject.customTypeName) ? PSObject.customTypeName : input.typeNames[0]);
  return 'Selected.' + (typeNameOf(input) ?? 'System.Object');
}

/**
 * SetPSCustomObject: every PSCustomObject Select-Object writes (even a passed-through input) gets
 * 'Selected.<input type>' in front of its type names, unless it is already the first one.
 */
function markSelected(obj: unknown, input: unknown): void {
  if (!(obj instanceof PSObject) || !obj.typeNames.includes(PSObject.customTypeName)) return;
  const name = selectedTypeName(input);
  if (obj.typeNames[0] !== name) obj.typeNames.unshift(name);
}
