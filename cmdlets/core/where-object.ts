import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import type { MaybePromise } from '../../runtime/commands/context.js';
import { param, type ParameterMeta } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import type { ScriptBlock } from '../../runtime/values/scriptblock.js';
import { RuntimeError } from '../../runtime/values/error-record.js';
import { getProperty, isTrue, psOperator } from './lang.js';

type Op = 'eq' | 'ne' | 'gt' | 'lt' | 'ge' | 'le' | 'like' | 'notlike' | 'match' | 'notmatch' | 'contains' | 'notcontains' | 'in' | 'notin' | 'is' | 'isnot' | 'not';

/** The comparison switches: parameter name, its parameter set, the operator, case-sensitive, alias. */
const SWITCHES: readonly [string, string, Op, boolean, string?][] = [
  ['EQ', 'EqualSet', 'eq', false, 'IEQ'], ['CEQ', 'CaseSensitiveEqualSet', 'eq', true],
  ['NE', 'NotEqualSet', 'ne', false, 'INE'], ['CNE', 'CaseSensitiveNotEqualSet', 'ne', true],
  ['GT', 'GreaterThanSet', 'gt', false, 'IGT'], ['CGT', 'CaseSensitiveGreaterThanSet', 'gt', true],
  ['LT', 'LessThanSet', 'lt', false, 'ILT'], ['CLT', 'CaseSensitiveLessThanSet', 'lt', true],
  ['GE', 'GreaterOrEqualSet', 'ge', false, 'IGE'], ['CGE', 'CaseSensitiveGreaterOrEqualSet', 'ge', true],
  ['LE', 'LessOrEqualSet', 'le', false, 'ILE'], ['CLE', 'CaseSensitiveLessOrEqualSet', 'le', true],
  ['Like', 'LikeSet', 'like', false, 'ILike'], ['CLike', 'CaseSensitiveLikeSet', 'like', true],
  ['NotLike', 'NotLikeSet', 'notlike', false, 'INotLike'], ['CNotLike', 'CaseSensitiveNotLikeSet', 'notlike', true],
  ['Match', 'MatchSet', 'match', false, 'IMatch'], ['CMatch', 'CaseSensitiveMatchSet', 'match', true],
  ['NotMatch', 'NotMatchSet', 'notmatch', false, 'INotMatch'], ['CNotMatch', 'CaseSensitiveNotMatchSet', 'notmatch', true],
  ['Contains', 'ContainsSet', 'contains', false, 'IContains'], ['CContains', 'CaseSensitiveContainsSet', 'contains', true],
  ['NotContains', 'NotContainsSet', 'notcontains', false, 'INotContains'], ['CNotContains', 'CaseSensitiveNotContainsSet', 'notcontains', true],
  ['In', 'InSet', 'in', false, 'IIn'], ['CIn', 'CaseSensitiveInSet', 'in', true],
  ['NotIn', 'NotInSet', 'notin', false, 'INotIn'], ['CNotIn', 'CaseSensitiveNotInSet', 'notin', true],
  ['Is', 'IsSet', 'is', false], ['IsNot', 'IsNotSet', 'isnot', false],
  ['Not', 'Not', 'not', false],
];

const COMPARISON_SETS = SWITCHES.map((s) => s[1]);

const switchParams: ParameterMeta[] = SWITCHES.map(([name, set, op, cs, alias]) => param(name, T.Switch, {
  mandatory: name !== 'EQ', sets: [set], aliases: alias ? [alias] : undefined,
  description: op === 'not' ? 'Indicates that this cmdlet gets objects if the property does not exist or has a value of null or false.'
    : `Indicates that this cmdlet gets objects if the property value satisfies the ${cs ? 'case-sensitive ' : ''}-${op} operator.`,
}));

/** Where-Object: keeps the input objects for which a script block or a comparison statement is true. */
export class WhereObjectCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Where', noun: 'Object', module: 'Microsoft.PowerShell.Core', className: 'Microsoft.PowerShell.Commands.WhereObjectCommand',
    defaultParameterSet: 'EqualSet',
    parameters: [
      param('InputObject', T.PSObject, { valueFromPipeline: true, description: 'Specifies the objects to filter.' }),
      param('FilterScript', T.ScriptBlock, { mandatory: true, position: 0, sets: ['ScriptBlockSet'], description: 'Specifies the script block that is used to filter the objects.' }),
      param('Property', T.String, { mandatory: true, position: 0, sets: COMPARISON_SETS, description: 'Specifies the name of a property of the input object.' }),
      param('Value', T.Object, { position: 1, sets: COMPARISON_SETS.filter((s) => s !== 'Not'), description: 'Specifies a property value.' }),
      ...switchParams,
    ],
    outputType: ['System.Object'],
    synopsis: 'Selects objects from a collection based on their property values.',
    description: 'The Where-Object cmdlet selects objects that have particular property values from the collection of objects that are passed to it. You can write a script block (Where-Object { $_.Name -eq "x" }) or a comparison statement (Where-Object Name -eq "x").',
    examples: [
      { title: 'Filter with a script block', code: 'Get-Service | Where-Object { $_.Status -eq "Stopped" }' },
      { title: 'Filter with a comparison statement', code: 'Get-Service | Where-Object Status -eq "Stopped"' },
    ],
    aliases: ['where', '?'],
  };

  InputObject: unknown = undefined;
  FilterScript?: ScriptBlock;
  Property?: string;
  Value: unknown = undefined;

  /** The filter as a per-object function, when it runs synchronously (no commands in it). */
  private filter: ((item: unknown) => boolean) | null = null;
  private op: Op = 'eq';
  private cs = false;
  private truthTest = false;

  override beginProcessing(): void {
    if (this.FilterScript) { this.filter = this.FilterScript.itemTest?.() ?? null; return; }
    for (const [name, , op, cs] of SWITCHES) {
      if (this.isBound(name)) { this.op = op; this.cs = cs; break; }
    }
    if (!this.isBound('Value') && this.op !== 'not') {
      if (this.op === 'eq') this.truthTest = true;
      else this.throwTerminatingError(this.error('The specified operator requires both the -Property and -Value parameters. Provide values for both parameters, and then try the command again.',
        'ValueNotSpecifiedForWhereObject', 'InvalidArgument', null, 'System.Management.Automation.PSArgumentException'));
    }
  }

  override processRecord(): MaybePromise<void> {
    const item = this.InputObject;
    if (item === undefined) return;
    const filter = this.filter;
    if (filter !== null) return filter(item) ? this.writeObject(item) : undefined;
    if (this.FilterScript) return this.invokeFilter(this.FilterScript, item);
    if (this.test(item)) return this.writeObject(item);
  }

  /** A filter that runs commands (kept out of processRecord: its closure would cost that a context per call). */
  private invokeFilter(sb: ScriptBlock, item: unknown): MaybePromise<void> {
    const out = sb.invoke({ dollarUnder: item, newScope: false });
    if (out instanceof Promise) return out.then((o) => (isTrue(o) ? this.writeObject(item) : undefined));
    return isTrue(out) ? this.writeObject(item) : undefined;
  }

  private test(item: unknown): boolean {
    const lhs = getProperty(item, this.Property!);
    if (this.truthTest) return isTrue(lhs);
    if (this.op === 'not') return !isTrue(lhs);
    // The language's operator, array-as-filter included: a collection property filters element-wise.
    const name = (this.cs && this.op !== 'is' && this.op !== 'isnot' ? 'c' : '') + this.op;
    try {
      return isTrue(psOperator(name, lhs, this.Value));
    } catch (e) {
      if (!(e instanceof RuntimeError)) throw e;
      this.writeError(e.record);
      return false;
    }
  }
}

