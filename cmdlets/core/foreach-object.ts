import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import type { MaybePromise } from '../../runtime/commands/context.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import type { ScriptBlock } from '../../runtime/values/scriptblock.js';
import { PSObject } from '../../runtime/values/psobject.js';
import { RuntimeError } from '../../runtime/values/error-record.js';
import { hasWildcards, invokeMethod, propertyNames, getProperty, wildcardToRegex, typeNameOf } from './lang.js';
import { memberTableOf } from './member-table.js';

const SB = 'ScriptBlockSet', PM = 'PropertyAndMethodSet', PAR = 'ParallelParameterSet';

/** ForEach-Object: runs script blocks for each input object, or reads a property / calls a method by name. */
export class ForEachObjectCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'ForEach', noun: 'Object', module: 'Microsoft.PowerShell.Core', className: 'Microsoft.PowerShell.Commands.ForEachObjectCommand',
    defaultParameterSet: SB, supportsShouldProcess: true, confirmImpact: 'Low',
    parameters: [
      param('InputObject', T.PSObject, { valueFromPipeline: true, sets: [SB, PM, PAR], description: 'Specifies the input objects.' }),
      param('Begin', T.ScriptBlock, { sets: [SB], description: 'Specifies a script block that runs before this cmdlet processes any input objects.' }),
      param('Process', T.array(T.ScriptBlock), { mandatory: true, position: 0, sets: [SB], description: 'Specifies the operation that is performed on each input object.' }),
      param('End', T.ScriptBlock, { sets: [SB], description: 'Specifies a script block that runs after this cmdlet processes all input objects.' }),
      param('RemainingScripts', T.array(T.ScriptBlock), { sets: [SB], valueFromRemainingArguments: true, description: 'Specifies all script blocks that are not taken by the Process parameter.' }),
      param('MemberName', T.String, { mandatory: true, position: 0, sets: [PM], description: 'Specifies the name of the member property to get or the member method to call.' }),
      param('ArgumentList', T.array(T.Object), { sets: [PM], valueFromRemainingArguments: true, aliases: ['Args'], description: 'Specifies an array of arguments to a method call.' }),
      param('Parallel', T.ScriptBlock, { mandatory: true, sets: [PAR], description: 'Specifies the script block to be used for parallel processing of input objects (run sequentially by this shell).' }),
      param('ThrottleLimit', T.Int, { sets: [PAR] }),
      param('TimeoutSeconds', T.Int, { sets: [PAR] }),
      param('AsJob', T.Switch, { sets: [PAR] }),
      param('UseNewRunspace', T.Switch, { sets: [PAR] }),
    ],
    outputType: ['System.Object'],
    synopsis: 'Performs an operation against each item in a collection of input objects.',
    description: 'The ForEach-Object cmdlet performs an operation on each item in a collection of input objects. The operation is a script block ({ $_ ... }) or an operation statement: a property name, or a method name with arguments (ForEach-Object ToString X2).',
    examples: [
      { title: 'Divide integers', code: '30000, 56798, 12432 | ForEach-Object -Process {$_/1024}' },
      { title: 'Call a method on each object', code: "$hashBytes | ForEach-Object ToString X2" },
      { title: 'Use Begin, Process and End', code: "1..3 | ForEach-Object -Begin {'start'} -Process {$_} -End {'end'}" },
    ],
    aliases: ['foreach', '%'],
  };

  InputObject: unknown = undefined;
  Begin?: ScriptBlock;
  Process?: ScriptBlock[];
  End?: ScriptBlock;
  RemainingScripts?: ScriptBlock[];
  MemberName?: string;
  ArgumentList?: unknown[];
  Parallel?: ScriptBlock;

  private begin?: ScriptBlock;
  private process: ScriptBlock[] = [];
  /** The one process block as a per-object function, when it runs synchronously (no commands in it). */
  private processFn: ((item: unknown) => unknown) | null = null;
  private end?: ScriptBlock;
  private readonly sink = (v: unknown) => this.writeObject(v);

  override beginProcessing(): MaybePromise<void> {
    if (this.MemberName !== undefined) return;
    if (this.Parallel) { this.process = [this.Parallel]; return; }
    // Positional blocks: with no explicit -Begin the first is the begin block; with no explicit -End and
    // more than two, the last is the end block; the ones between are process blocks (ForEachObjectCommand).
    const scripts = [...(this.Process ?? []), ...(this.RemainingScripts ?? [])];
    let start = 0, stop = scripts.length;
    this.begin = this.Begin;
    this.end = this.End;
    if (!this.isBound('Begin') && !this.isBound('End') && scripts.length > 1) {
      this.begin = scripts[0]; start = 1;
      if (scripts.length > 2) { this.end = scripts[scripts.length - 1]; stop = scripts.length - 1; }
    } else if (!this.isBound('Begin') && this.isBound('End') && scripts.length > 1) {
      this.begin = scripts[0]; start = 1;
    } else if (this.isBound('Begin') && !this.isBound('End') && scripts.length > 1) {
      this.end = scripts[scripts.length - 1]; stop = scripts.length - 1;
    }
    this.process = scripts.slice(start, stop);
    if (this.process.length === 1) this.processFn = this.process[0]!.itemFunction?.() ?? null;
    if (this.begin) return this.run(this.begin, undefined);
  }

  private run(sb: ScriptBlock, item: unknown): MaybePromise<void> {
    if (sb.isPure) {
      const out = sb.invoke({ dollarUnder: item === undefined ? null : item, newScope: false });
      if (out instanceof Promise) return out.then((o) => this.writeAll(o));
      return this.writeAll(out);
    }
    const r = sb.invoke({ dollarUnder: item === undefined ? null : item, newScope: false, sink: this.sink });
    if (r instanceof Promise) return r.then(() => undefined);
  }

  /** Writes what an item function returned: nothing, each element of an array (or byte array), or the one object. */
  private writeOutput(r: unknown): MaybePromise<void> {
    if (r === undefined) return;
    if (Array.isArray(r)) return this.writeAll(r);
    if (r instanceof Uint8Array) return this.writeAll(Array.from(r));
    return this.writeObject(r);
  }

  private writeAll(out: unknown[]): MaybePromise<void> {
    for (let i = 0; i < out.length; i++) {
      const r = this.writeObject(out[i]);
      if (r instanceof Promise) return this.writeRest(r, out, i + 1);
    }
  }

  // The continuations live apart from the loops: a closure in writeAll / runAll would cost each call a context.
  private writeRest(r: Promise<void>, out: unknown[], from: number): Promise<void> {
    return r.then(() => this.writeAll(out.slice(from)));
  }

  private runRest(r: Promise<void>, item: unknown, from: number): Promise<void> {
    return r.then(() => this.runAll(item, from));
  }

  override processRecord(): MaybePromise<void> {
    if (this.MemberName !== undefined) return this.member(this.InputObject);
    const item = this.InputObject;
    if (this.process.length === 1) {
      const fn = this.processFn;
      if (fn !== null) return this.writeOutput(fn(item === undefined ? null : item));
      return this.run(this.process[0]!, item);
    }
    return this.runAll(item, 0);
  }

  private runAll(item: unknown, from: number): MaybePromise<void> {
    for (let i = from; i < this.process.length; i++) {
      const r = this.run(this.process[i]!, item);
      if (r instanceof Promise) return this.runRest(r, item, i + 1);
    }
  }

  override endProcessing(): MaybePromise<void> {
    if (this.end) return this.run(this.end, undefined);
  }

  /** The operation-statement form: a property value (unrolled) or a method's result. */
  private async member(item: unknown): Promise<void> {
    if (item === undefined || item === null) return;
    const name = this.MemberName!;
    const args = this.ArgumentList ?? [];
    if (hasWildcards(name)) {
      const re = wildcardToRegex(name);
      const names = [...new Set(memberNames(item).filter((n) => re.test(n)))];
      if (names.length > 1) {
        this.writeError(this.error(`Input name "${name}" is ambiguous. It can be resolved to multiple matched members. Possible matches include: ${names.join(' ')}.`,
          'AmbiguousPropertyOrMethodName', 'InvalidArgument', item, 'System.Management.Automation.PSArgumentException'));
        return;
      }
      if (names.length === 0) return;
      return this.member1(item, names[0]!, args);
    }
    return this.member1(item, name, args);
  }

  private async member1(item: unknown, name: string, args: unknown[]): Promise<void> {
    const isProp = args.length === 0 && propertyNames(item).some((n) => n.toLowerCase() === name.toLowerCase());
    if (isProp) { await this.writeObject(getProperty(item, name), true); return; }
    if (args.length === 0 && typeof item === 'object' && !(item instanceof PSObject)) {
      // Values the evaluator adapts (type objects, chars, error records...): their properties by member access.
      const v = getProperty(item, name);
      if (v !== null && v !== undefined) { await this.writeObject(v, true); return; }
    }
    let r: { found: boolean; value?: unknown };
    try {
      r = invokeMethod(item, name, args);
    } catch (e) {
      if (e instanceof RuntimeError) { this.writeError(e.record); return; }
      this.writeError(this.error(`Exception calling "${name}" with "${args.length}" argument(s): "${e instanceof Error ? e.message : String(e)}"`,
        'MethodInvocationException', 'NotSpecified', item, 'System.Management.Automation.MethodInvocationException'));
      return;
    }
    if (r.found) {
      const value = r.value instanceof Promise ? await r.value : r.value;
      if (value !== undefined) await this.writeObject(value, true);
      return;
    }
    if (args.length > 0) {
      this.writeError(this.error(`Input name "${name}" cannot be resolved to a method.`, 'MethodNotFound', 'InvalidArgument', item, 'System.Management.Automation.PSArgumentException'));
    }
  }
}

/** Property and method names of a value (for wildcard resolution and Get-Member). */
export function memberNames(v: unknown): string[] {
  const names = [...propertyNames(v)];
  if (v instanceof PSObject) names.push(...v.methodNames(), 'ToString', 'GetType', 'Equals', 'GetHashCode');
  const table = memberTableOf(v, typeNameOf(v));
  if (table) names.push(...table.map((r) => r[0]));
  return names;
}
