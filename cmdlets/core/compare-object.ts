import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { PSObject } from '../../runtime/values/psobject.js';
import { compareValues, enumerate } from './lang.js';
import { evaluate, expressionText, parsePropertyArgument, PropertyArgumentError, type PropertyExpression } from './property-expression.js';

/** Compare-Object: which objects are only in the reference set (<=), only in the difference set (=>), or in both (==). */
export class CompareObjectCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Compare', noun: 'Object', module: 'Microsoft.PowerShell.Utility', className: 'Microsoft.PowerShell.Commands.CompareObjectCommand',
    parameters: [
      param('ReferenceObject', T.array(T.PSObject), { mandatory: true, position: 0, description: 'Specifies an array of objects used as a reference for comparison.' }),
      param('DifferenceObject', T.array(T.PSObject), { mandatory: true, position: 1, valueFromPipeline: true, description: 'Specifies the objects that are compared to the reference objects.' }),
      param('SyncWindow', T.Int, { validateRange: [0, 2147483647], description: 'Specifies the number of adjacent objects that Compare-Object inspects while looking for a match in a collection of objects.' }),
      param('Property', T.array(T.Object), { description: 'Specifies an array of properties of the reference and difference objects to compare.' }),
      param('ExcludeDifferent', T.Switch, { description: 'Indicates that this cmdlet displays only the characteristics of compared objects that are equal.' }),
      param('IncludeEqual', T.Switch, { description: 'IncludeEqual displays the matches between the reference and difference objects.' }),
      param('PassThru', T.Switch, { description: 'When you use the PassThru parameter, Compare-Object omits the PSCustomObject wrapper around the compared objects and returns the differing objects, unchanged.' }),
      param('Culture', T.String, { description: 'Specifies the culture to use for comparisons.' }),
      param('CaseSensitive', T.Switch, { description: 'Indicates that comparisons should be case-sensitive.' }),
    ],
    outputType: ['System.Management.Automation.PSCustomObject'],
    synopsis: 'Compares two sets of objects.',
    description: 'The Compare-Object cmdlet compares two sets of objects. One set of objects is the reference, and the other set of objects is the difference. The result indicates whether a property value appeared only in the reference set (<=), only in the difference set (=>), or, with IncludeEqual, in both (==).',
    examples: [{ title: 'Compare two arrays', code: 'Compare-Object -ReferenceObject 1,2,3 -DifferenceObject 2,3,4' }],
    aliases: ['compare', 'diff'],
  };

  ReferenceObject: unknown[] = [];
  DifferenceObject: unknown = undefined;
  Property?: unknown[];
  ExcludeDifferent = false;
  IncludeEqual = false;
  PassThru = false;
  CaseSensitive = false;

  private diff: unknown[] = [];
  private props: PropertyExpression[] = [];

  override beginProcessing(): void {
    try { this.props = (this.Property ?? []).map((p) => parsePropertyArgument(p, ['Expression'])); } catch (e) {
      if (e instanceof PropertyArgumentError) this.throwTerminatingError(this.error(e.message, e.errorId, 'InvalidArgument', null, 'System.NotSupportedException'));
      throw e;
    }
  }

  override processRecord(): void {
    const d = this.DifferenceObject;
    if (d === undefined) return;
    if (this.currentInput !== undefined) this.diff.push(d); else this.diff.push(...enumerate(d));
  }

  private async keys(o: unknown): Promise<unknown[]> {
    if (this.props.length === 0) return [o];
    const out: unknown[] = [];
    for (const p of this.props) out.push(await evaluate(p, o));
    return out;
  }

  override async endProcessing(): Promise<void> {
    const ref = await Promise.all(enumerate(this.ReferenceObject).map(async (o) => ({ o, k: await this.keys(o), used: false })));
    const same = (a: unknown[], b: unknown[]) => a.every((x, i) => compareValues(x, b[i], this.CaseSensitive) === 0);
    const out: [unknown, unknown[], string][] = [];
    const onlyDiff: [unknown, unknown[], string][] = [];
    for (const o of this.diff) {
      const k = await this.keys(o);
      const hit = ref.find((r) => !r.used && same(r.k, k));
      if (hit) { hit.used = true; if (this.IncludeEqual || this.ExcludeDifferent) out.push([o, k, '==']); }
      else if (!this.ExcludeDifferent) onlyDiff.push([o, k, '=>']);
    }
    out.push(...onlyDiff);
    if (!this.ExcludeDifferent) for (const r of ref) if (!r.used) out.push([r.o, r.k, '<=']);
    for (const [o, k, side] of out) await this.writeObject(this.result(o, k, side));
  }

  private result(o: unknown, k: unknown[], side: string): unknown {
    if (this.PassThru) {
      if (o instanceof PSObject) { const c = o.copy(); c.addNote('SideIndicator', side); return c; }
      return o;
    }
    const r = new PSObject();
    if (this.props.length === 0) r.addNote('InputObject', o);
    else this.props.forEach((p, i) => r.addNote(p.label ?? expressionText(p), k[i] ?? null));
    r.addNote('SideIndicator', side);
    return r;
  }
}
