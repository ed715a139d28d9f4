import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { formatComposite, FormatError } from '../../runtime/evaluator/format.js';
import { formatOne } from '../../runtime/evaluator/operators.js';
import { PSDateTime, toPSString } from './lang.js';
import { evaluate, parsePropertyArgument, PropertyArgumentError, resolveNames, type PropertyExpression } from './property-expression.js';

/**
 * Join-String: joins the pipeline's objects (or one property / script block value of each) into one
 * string, as JoinStringCommand does: the separator defaults to $OFS (empty when unset), items may be
 * quoted or formatted, and the conversion is culture-invariant unless -UseCulture.
 */
export class JoinStringCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Join', noun: 'String', module: 'Microsoft.PowerShell.Utility', className: 'Microsoft.PowerShell.Commands.Utility.JoinStringCommand',
    defaultParameterSet: 'default',
    parameters: [
      param('Property', T.Object, { position: 0, description: 'Specifies the name of a property, or a script block, whose value is joined instead of the input object itself.' }),
      param('Separator', T.String, { position: 1, allowEmptyString: true, description: 'Text placed between the joined items. When not given, the value of $OFS is used (empty when $OFS is not set).' }),
      param('OutputPrefix', T.String, { aliases: ['op'], description: 'Text inserted before the joined items.' }),
      param('OutputSuffix', T.String, { aliases: ['os'], description: 'Text appended after the joined items.' }),
      param('SingleQuote', T.Switch, { sets: ['SingleQuote'], description: 'Wraps each item in single quotes.' }),
      param('DoubleQuote', T.Switch, { sets: ['DoubleQuote'], description: 'Wraps each item in double quotes.' }),
      param('FormatString', T.String, { sets: ['Format'], description: 'A .NET composite format string applied to each item, e.g. "[{0}]" or "{0:N2}".' }),
      param('UseCulture', T.Switch, { description: 'Converts and formats items in the current culture instead of the invariant culture.' }),
      param('InputObject', T.array(T.PSObject), { valueFromPipeline: true, description: 'The objects whose text is joined.' }),
    ],
    outputType: ['System.String'],
    synopsis: 'Combines objects from the pipeline into a single string.',
    description: 'The Join-String cmdlet joins, or combines, text from pipeline objects into a single string. If no parameters are specified, the pipeline objects are converted to a string and joined with the default separator $OFS.',
    examples: [
      { title: 'Join property values', code: "Get-ChildItem | Join-String -Property Name -Separator ', '" },
      { title: 'Quote each item', code: "'a', 'b' | Join-String -SingleQuote -Separator ','" },
      { title: 'Format numbers', code: "1.2, 3.4 | Join-String -FormatString '{0:N2}' -Separator '; '" },
      { title: 'Add a prefix and a suffix', code: "1..3 | Join-String -OutputPrefix 'Values: ' -OutputSuffix '.' -Separator ', '" },
    ],
  };

  Property?: unknown;
  Separator?: string;
  OutputPrefix?: string;
  OutputSuffix?: string;
  SingleQuote = false;
  DoubleQuote = false;
  FormatString?: string;
  UseCulture = false;
  InputObject?: unknown[];

  private out = '';
  private first = true;
  private quote = '';
  private expr?: PropertyExpression;

  override beginProcessing(): void {
    this.quote = this.SingleQuote ? "'" : this.DoubleQuote ? '"' : '';
    this.out = this.OutputPrefix ?? '';
    if (this.Property !== undefined && this.Property !== null) {
      try { this.expr = parsePropertyArgument(this.Property, []); } catch (e) {
        if (e instanceof PropertyArgumentError) this.throwTerminatingError(this.error(e.message, e.errorId, 'InvalidArgument', null, 'System.Management.Automation.PSArgumentException'));
        throw e;
      }
    }
  }

  override async processRecord(): Promise<void> {
    for (const item of this.InputObject ?? []) {
      if (item === null || item === undefined) continue;
      const value = this.expr ? await this.propertyValue(item) : item;
      const text = this.toText(value);
      if (this.first) this.first = false;
      else this.out += this.itemSeparator();
      if (this.quote) this.out += this.quote + text + this.quote;
      else if (!this.FormatString) this.out += text;
      else {
        try { this.out += formatComposite(this.FormatString, [value], formatOne); } catch (e) {
          if (e instanceof FormatError) this.throwTerminatingError(this.error(e.message, 'System.FormatException', 'NotSpecified', item, 'System.FormatException'));
          throw e;
        }
      }
    }
  }

  override async endProcessing(): Promise<void> {
    await this.writeObject(this.out + (this.OutputSuffix ?? ''));
  }

  /** The separator is read per item, as the reference's property getter falls back to $OFS each time. */
  private itemSeparator(): string {
    if (this.Separator !== undefined && this.Separator !== null) return this.Separator;
    const ofs = this.context.variables.get('OFS');
    return ofs === undefined || ofs === null ? '' : toPSString(ofs);
  }

  /** PSPropertyExpression.GetValues(...).FirstOrDefault(): the first matching property, or the block's result. */
  private async propertyValue(item: unknown): Promise<unknown> {
    const e = this.expr!;
    if (typeof e.expr !== 'string') return (await evaluate(e, item)) ?? null;
    const names = resolveNames(e, item);
    return names.length ? ((await evaluate({ expr: names[0]! }, item)) ?? null) : null;
  }

  private toText(v: unknown): string {
    if (v === null || v === undefined) return '';
    // The current culture is en-US, whose DateTime text differs from the invariant one.
    if (this.UseCulture && v instanceof PSDateTime) return v.toString();
    return toPSString(v);
  }
}
