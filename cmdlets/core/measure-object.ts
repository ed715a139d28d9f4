import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import type { MaybePromise } from '../../runtime/commands/context.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { PSObject } from '../../runtime/values/psobject.js';
import { compareValues, hasWildcards, toNumber, toPSString } from './lang.js';
import { evaluate, expressionText, parsePropertyArgument, PropertyArgumentError, resolveNames, type PropertyExpression } from './property-expression.js';
import { registerView, listView } from '../../runtime/format/index.js';

registerView('Microsoft.PowerShell.Commands.GenericMeasureInfo', listView(['Count', 'Average', 'Sum', 'Maximum', 'Minimum', 'StandardDeviation', 'Property']));
registerView('Microsoft.PowerShell.Commands.GenericObjectMeasureInfo', listView(['Count', 'Average', 'Sum', 'Maximum', 'Minimum', 'StandardDeviation', 'Property']));

const G = 'GenericMeasure', TX = 'TextMeasure';
export const GenericMeasureInfoType = 'Microsoft.PowerShell.Commands.GenericMeasureInfo';
export const GenericObjectMeasureInfoType = 'Microsoft.PowerShell.Commands.GenericObjectMeasureInfo';
export const TextMeasureInfoType = 'Microsoft.PowerShell.Commands.TextMeasureInfo';

class Stats {
  count = 0;
  sum = 0;
  // Welford's running variance, as the reference computes StandardDeviation.
  mean = 0;
  m2 = 0;
  max: unknown = null;
  min: unknown = null;
  numMax = -Infinity;
  numMin = Infinity;
  allNumeric = true;
  lines = 0;
  words = 0;
  characters = 0;
}

/** Measure-Object: count, sum, average, extremes and standard deviation of values or properties; or text statistics. */
export class MeasureObjectCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Measure', noun: 'Object', module: 'Microsoft.PowerShell.Utility', className: 'Microsoft.PowerShell.Commands.MeasureObjectCommand',
    defaultParameterSet: G,
    parameters: [
      param('InputObject', T.PSObject, { valueFromPipeline: true, description: 'Specifies the objects to be measured.' }),
      param('Property', T.array(T.Object), { position: 0, validateNotNullOrEmpty: true, description: 'Specifies one or more properties to measure. Script blocks are accepted.' }),
      param('StandardDeviation', T.Switch, { sets: [G], description: 'Indicates that the cmdlet displays the standard deviation of the values of the specified properties.' }),
      param('Sum', T.Switch, { sets: [G], description: 'Indicates that the cmdlet displays the sum of the values of the specified properties.' }),
      param('AllStats', T.Switch, { sets: [G], description: 'Indicates that the cmdlet displays all the statistics of the specified properties.' }),
      param('Average', T.Switch, { sets: [G], description: 'Indicates that the cmdlet displays the average value of the specified properties.' }),
      param('Maximum', T.Switch, { sets: [G], description: 'Indicates that the cmdlet displays the maximum value of the specified properties.' }),
      param('Minimum', T.Switch, { sets: [G], description: 'Indicates that the cmdlet displays the minimum value of the specified properties.' }),
      param('Line', T.Switch, { sets: [TX], description: 'Indicates that the cmdlet counts the number of lines in the input objects.' }),
      param('Word', T.Switch, { sets: [TX], description: 'Indicates that the cmdlet counts the number of words in the input objects.' }),
      param('Character', T.Switch, { sets: [TX], description: 'Indicates that the cmdlet counts the number of characters in the input objects.' }),
      param('IgnoreWhiteSpace', T.Switch, { sets: [TX], description: 'Ignores white space in character counts.' }),
    ],
    outputType: [GenericMeasureInfoType, TextMeasureInfoType, GenericObjectMeasureInfoType],
    synopsis: 'Calculates the numeric properties of objects, and the characters, words, and lines in string objects, such as files of text.',
    description: 'The Measure-Object cmdlet calculates the property values of certain types of object. Measure-Object performs three types of measurements, depending on the parameters in the command: it counts objects, calculates the minimum, maximum, sum, standard deviation and average of numeric values, and counts lines, words and characters of text.',
    examples: [
      { title: 'Count objects', code: 'Get-ChildItem | Measure-Object' },
      { title: 'Measure numbers', code: '1..10 | Measure-Object -Sum -Average -Maximum -Minimum' },
      { title: 'Measure text', code: '"One", "Two words" | Measure-Object -Line -Word -Character' },
    ],
    aliases: ['measure'],
  };

  InputObject: unknown = undefined;
  Property?: unknown[];
  StandardDeviation = false;
  Sum = false;
  AllStats = false;
  Average = false;
  Maximum = false;
  Minimum = false;
  Line = false;
  Word = false;
  Character = false;
  IgnoreWhiteSpace = false;

  private readonly stats = new Map<string, Stats>();
  private props?: PropertyExpression[];
  private self?: Stats;
  private total = 0;
  private wantText = false;
  private wantNumeric = false;
  private wantMinMax = false;

  override beginProcessing(): void {
    if (this.AllStats) this.Sum = this.Average = this.Maximum = this.Minimum = this.StandardDeviation = true;
    this.wantText = this.Line || this.Word || this.Character;
    this.wantNumeric = this.Sum || this.Average || this.StandardDeviation;
    this.wantMinMax = this.Maximum || this.Minimum;
    if (this.Property) {
      try { this.props = this.Property.map((p) => parsePropertyArgument(p, ['Expression'])); } catch (e) {
        if (e instanceof PropertyArgumentError) this.throwTerminatingError(this.error(e.message, e.errorId, 'InvalidArgument', null, 'System.NotSupportedException'));
        throw e;
      }
    } else {
      this.self = new Stats();
      this.stats.set('', this.self);
    }
  }

  override processRecord(): MaybePromise<void> {
    const v = this.InputObject;
    if (v === undefined || v === null) return;
    this.total++;
    if (this.self) { this.analyze(this.self, v); return; }
    return this.analyzeProperties(v);
  }

  private entry(name: string): Stats {
    let s = this.stats.get(name.toLowerCase());
    if (!s) { s = new Stats(); this.stats.set(name.toLowerCase(), s); this.names.set(name.toLowerCase(), name); }
    return s;
  }
  private readonly names = new Map<string, string>();

  private async analyzeProperties(obj: unknown): Promise<void> {
    const counted = new Set<string>();
    for (const p of this.props!) {
      if (typeof p.expr !== 'string') {
        const name = expressionText(p);
        if (counted.has(name.toLowerCase())) continue;
        counted.add(name.toLowerCase());
        this.analyze(this.entry(name), await evaluate(p, obj));
        continue;
      }
      const resolved = resolveNames(p, obj);
      if (resolved.length === 0) { if (!hasWildcards(p.expr)) this.entry(p.expr); continue; }
      for (const name of resolved) {
        if (counted.has(name.toLowerCase())) continue;
        counted.add(name.toLowerCase());
        this.analyze(this.entry(name), await evaluate({ expr: name }, obj));
      }
    }
  }

  private analyze(s: Stats, value: unknown): void {
    s.count++;
    if (this.wantText) this.analyzeText(s, value === null || value === undefined ? '' : toPSString(value));
    if (!this.wantNumeric && !this.wantMinMax) return;
    const n = typeof value === 'number' ? value : toNumber(value);
    if (this.wantNumeric) {
      if (n === undefined) {
        this.nonNumeric(value);
        return;
      }
      s.sum += n;
      if (this.StandardDeviation) {
        const d = n - s.mean;
        s.mean += d / s.count;
        s.m2 += d * (n - s.mean);
      }
    }
    if (this.wantMinMax) {
      if (n !== undefined && s.allNumeric) {
        if (n > s.numMax) s.numMax = n;
        if (n < s.numMin) s.numMin = n;
      }
      if (n === undefined) s.allNumeric = false;
      if (s.max === null || compareValues(value, s.max) > 0) s.max = value;
      if (s.min === null || compareValues(value, s.min) < 0) s.min = value;
    }
  }

  private nonNumericReported = false;
  private nonNumeric(value: unknown): void {
    this.writeError(this.error(`Input object "${toPSString(value)}" is not numeric.`, 'NonNumericInputObject', 'InvalidType', value, 'System.InvalidOperationException'));
    this.nonNumericReported = true;
  }

  private analyzeText(s: Stats, text: string): void {
    if (this.Line) {
      let n = 0;
      for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
      s.lines += n + (text.length > 0 && !text.endsWith('\n') ? 1 : 0);
    }
    if (this.Word) { const w = text.trim().split(/\s+/).filter((x) => x.length > 0); s.words += w.length; }
    if (this.Character) s.characters += this.IgnoreWhiteSpace ? text.replace(/\s/g, '').length : text.length;
  }

  override async endProcessing(): Promise<void> {
    for (const [key, s] of this.stats) {
      const name = key === '' ? null : this.names.get(key)!;
      if (name !== null && s.count === 0 && this.total >= 0) {
        this.writeError(this.error(`The property "${name}" cannot be found in the input for any objects.`, 'GenericMeasurePropertyNotFound', 'InvalidArgument', null, 'System.Management.Automation.PSArgumentException'));
        continue;
      }
      await this.writeObject(this.wantText ? this.textInfo(s, name) : this.genericInfo(s, name));
    }
  }

  private textInfo(s: Stats, name: string | null): PSObject {
    return PSObject.typed([TextMeasureInfoType, 'Microsoft.PowerShell.Commands.MeasureInfo'], {
      Lines: this.Line ? s.lines : null,
      Words: this.Word ? s.words : null,
      Characters: this.Character ? s.characters : null,
      Property: name,
    });
  }

  private genericInfo(s: Stats, name: string | null): PSObject {
    const numericExtremes = s.allNumeric;
    const type = this.wantMinMax && !numericExtremes ? GenericObjectMeasureInfoType : GenericMeasureInfoType;
    const has = s.count > 0;
    return PSObject.typed([type, 'Microsoft.PowerShell.Commands.MeasureInfo'], {
      Count: s.count,
      Average: this.Average && has && !this.nonNumericReported ? s.sum / s.count : null,
      Sum: this.Sum && !this.nonNumericReported ? s.sum : null,
      Maximum: this.Maximum && has ? (numericExtremes ? s.numMax : s.max) : null,
      Minimum: this.Minimum && has ? (numericExtremes ? s.numMin : s.min) : null,
      StandardDeviation: this.StandardDeviation && has ? (s.count > 1 ? Math.sqrt(s.m2 / (s.count - 1)) : 0) : null,
      Property: name,
    });
  }
}
