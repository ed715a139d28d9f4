import { AllParameterSets, type ParameterMeta } from './parameter.js';
import { commonParameters, shouldProcessParameters } from './common-parameters.js';
import { BindingErrors } from './binding-errors.js';
import { missingMandatoryLikePwsh } from './mandatory-check.js';
import type { CommandArgument } from './invocation.js';
import type { TypeSpec } from './types.js';
import { ErrorRecord, RuntimeError } from '../values/error-record.js';
import { PSObject } from '../values/psobject.js';
import { PSHashtable } from '../values/hashtable.js';
import { isNumeric, numKindOf } from '../values/numeric.js';

/** The type name a Boolean parameter reports when it refuses a value (strings, collections, objects). */
function nonBooleanTypeName(value: unknown): string | undefined {
  return typeof value === 'string' ? 'System.String' : Array.isArray(value) ? 'System.Object[]'
    : value instanceof PSObject ? value.typeNames[0] ?? 'System.Object' : value instanceof PSHashtable ? 'System.Collections.Hashtable' : undefined;
}

function booleanOnly(valueText: string, target = 'System.Boolean'): string {
  return `Cannot convert value "${valueText}" to type "${target}". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.`;
}

export interface BinderServices {
  /** Coerce a value to a parameter type with PowerShell's rules; throws (RuntimeError or Error) with PowerShell's message. */
  convert(value: unknown, type: TypeSpec): unknown;
  /** The text PowerShell shows for an argument in messages. */
  toText(value: unknown): string;
}

export interface BindableCommand {
  readonly parameters: readonly ParameterMeta[];
  readonly defaultParameterSet?: string;
  readonly supportsShouldProcess?: boolean;
  /**
   * A script function or script block: its typed parameters convert through an argument
   * transformation (ParameterArgumentTransformationError), not the cmdlet binder's coercion.
   */
  readonly script?: boolean;
  /**
   * A script without [CmdletBinding()] or [Parameter()]: no common parameters, and a named
   * argument that matches no parameter goes to $args (with the value after it) instead of failing.
   */
  readonly simpleFunction?: boolean;
}

/** Binding outcome before pipeline input: what is bound and which parameter sets remain possible. */
export interface BindState {
  readonly bound: Map<string, unknown>;
  candidates: string[];
  /** Positional values no parameter took (functions without param() receive them as $args). */
  readonly unbound: unknown[];
}

function fail(record: ErrorRecord): never { throw new RuntimeError(record); }

function messageOf(e: unknown): string {
  if (e instanceof RuntimeError) return e.record.message;
  if (e instanceof Error) return e.message;
  return String(e);
}

/**
 * Arguments → parameters, in PowerShell's order: named (exact name or alias, else unique prefix),
 * positional by position within the remaining parameter sets, then per pipeline object by value
 * and by property name. Errors carry PowerShell's ids and texts.
 */
export class ParameterBinder {
  readonly all: readonly ParameterMeta[];
  readonly sets: readonly string[];

  constructor(readonly command: BindableCommand, private readonly services: BinderServices) {
    this.all = [
      ...command.parameters,
      ...(command.simpleFunction ? [] : commonParameters),
      ...(command.supportsShouldProcess ? shouldProcessParameters : []),
    ];
    const names = new Set<string>();
    for (const p of command.parameters) for (const s of p.sets ?? []) names.add(s);
    this.sets = names.size ? [...names] : [AllParameterSets];
  }

  static inSet(p: ParameterMeta, set: string): boolean {
    return !p.sets || p.sets.length === 0 || p.sets.includes(set) || p.sets.includes(AllParameterSets);
  }

  /** Name resolution: exact (name or alias) wins, else a unique prefix. */
  resolveName(typed: string): ParameterMeta {
    const lower = typed.toLowerCase();
    const exact = this.all.find((p) => p.name.toLowerCase() === lower || p.aliases?.some((a) => a.toLowerCase() === lower));
    if (exact) return exact;
    const matches = this.all.filter((p) => p.name.toLowerCase().startsWith(lower) || p.aliases?.some((a) => a.toLowerCase().startsWith(lower)));
    if (matches.length === 1) return matches[0]!;
    if (matches.length > 1) {
      // Prefixes that only reach common parameters alongside one declared one resolve to the declared one? No:
      // PowerShell reports ambiguity among all matches, listing the canonical names.
      fail(BindingErrors.ambiguous(typed, [...new Set(matches.map((m) => m.name))]));
    }
    fail(BindingErrors.namedNotFound(typed));
  }

  /** Like resolveName, but undefined when nothing matches (ambiguity still fails). */
  private tryResolveName(typed: string): ParameterMeta | undefined {
    try {
      return this.resolveName(typed);
    } catch (e) {
      if (e instanceof RuntimeError && e.record.errorId === 'NamedParameterNotFound') return undefined;
      throw e;
    }
  }

  coerce(p: ParameterMeta, value: unknown): unknown {
    if (p.type.kind === 'switch') {
      if (value === undefined) return true;
      // A script's switch takes Booleans only (-n:$false); a number is refused, as PowerShell's SwitchParameter conversion does.
      if (this.command.script && isNumeric(value)) {
        fail(BindingErrors.transformation(p.name, `Cannot convert the "${String(value)}" value of type "System.${numKindOf(value)}" to type "System.Management.Automation.SwitchParameter".`));
      }
      const refused = this.command.script ? nonBooleanTypeName(value) : undefined;
      if (refused) fail(BindingErrors.transformation(p.name, booleanOnly(refused, 'System.Management.Automation.SwitchParameter')));
      return this.toBool(value);
    }
    if (value === null || value === undefined) {
      if (p.credentialAttribute || p.allowNull) return null;
      if (p.type.nullable || p.type.kind === 'object' || p.type.kind === 'psobject') return null;
      if (p.type.kind === 'string' && !p.type.element) {
        if (p.mandatory && !p.allowEmptyString) fail(BindingErrors.emptyNotAllowed(p.name));
        return '';
      }
      if (p.mandatory || p.validateNotNullOrEmpty) fail(BindingErrors.nullNotAllowed(p.name));
      if (this.command.script && p.type.kind === 'bool' && !p.type.element) fail(BindingErrors.transformation(p.name, booleanOnly('')));
      // A script's value-type parameter converts $null as a cast does ([int]$null is 0).
      if (this.command.script && !p.type.element && ['int', 'long', 'double', 'decimal', 'byte', 'char'].includes(p.type.kind)) return this.services.convert(null, p.type);
      return null;
    }
    let converted: unknown;
    // A script's [bool] parameter takes only Booleans and numbers (strings and collections are refused, not tested for truth).
    if (this.command.script && p.type.kind === 'bool' && !p.type.element && typeof value !== 'boolean' && !isNumeric(value)) {
      const typeName = nonBooleanTypeName(value);
      if (typeName) fail(BindingErrors.transformation(p.name, booleanOnly(typeName)));
    }
    if (p.credentialAttribute && typeof value === 'string') return value; // prompted for later
    if (value === '' && p.mandatory && p.type.kind === 'string' && !p.type.element && !p.allowEmptyString) fail(BindingErrors.emptyNotAllowed(p.name));
    try {
      converted = this.services.convert(value, p.type);
    } catch (e) {
      fail(this.command.script ? BindingErrors.transformation(p.name, messageOf(e)) : BindingErrors.cannotConvert(p.name, messageOf(e)));
    }
    this.validate(p, converted);
    return converted;
  }

  private toBool(value: unknown): boolean {
    if (typeof value === 'boolean') return value;
    if (typeof value === 'number') return value !== 0;
    if (value === null || value === undefined) return false;
    if (typeof value === 'string') return value.length > 0;
    return true;
  }

  private validate(p: ParameterMeta, value: unknown): void {
    const values = Array.isArray(value) ? value : [value];
    if (p.validateSet) {
      for (const v of values) {
        const text = this.services.toText(v);
        if (!p.validateSet.some((s) => s.toLowerCase() === text.toLowerCase())) fail(BindingErrors.validateSet(p.name, text, p.validateSet));
      }
    }
    if (p.validateRange) {
      const [min, max] = p.validateRange;
      for (const v of values) if (typeof v === 'number' && (v < min || v > max)) fail(BindingErrors.validateRange(p.name, String(v), min, max));
    }
    if (p.validateNotNullOrEmpty) {
      if (value === '' || (Array.isArray(value) && value.length === 0)) fail(BindingErrors.emptyNotAllowed(p.name));
    }
  }

  private setsOf(p: ParameterMeta): string[] {
    return this.sets.filter((s) => ParameterBinder.inSet(p, s));
  }

  /** Named then positional binding. */
  bindArguments(args: readonly CommandArgument[]): BindState {
    const bound = new Map<string, unknown>();
    const positional: { value: unknown; order: number }[] = [];
    // Arguments of a simple function that no parameter takes, in order; they become $args.
    const passThrough: unknown[] = [];
    let candidates = [...this.sets];
    const declared = new Set(this.command.parameters.map((p) => p.name));
    // A command with a ValueFromRemainingArguments parameter keeps an unknown -Name as an argument
    // (pwsh's BindNamedParameters leaves it unbound); HandleRemainingArguments decides its fate below.
    const takesRemaining = !this.command.simpleFunction && this.command.parameters.some((p) => p.valueFromRemainingArguments);
    const unknownNamed: { name: string; values: unknown[]; order: number }[] = [];

    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a.kind === 'positional') { positional.push({ value: a.value, order: i }); continue; }
      const p = this.command.simpleFunction || takesRemaining ? this.tryResolveName(a.name) : this.resolveName(a.name);
      if (!p && takesRemaining) {
        // GetNextPositionalArgument: the value after an unknown name goes with it.
        const values: unknown[] = [a.text];
        if (a.hasValue) values.push(a.value);
        else if (args[i + 1]?.kind === 'positional') values.push(args[++i]!.value);
        unknownNamed.push({ name: a.name, values, order: i });
        continue;
      }
      if (!p) {
        // PowerShell's GetNextPositionalArgument: an unknown name-only argument takes the value after it along.
        passThrough.push(a.text);
        if (a.hasValue) passThrough.push(a.value);
        else if (args[i + 1]?.kind === 'positional') passThrough.push(args[++i]!.value);
        continue;
      }
      if (bound.has(p.name)) fail(BindingErrors.alreadyBound(p.name));
      let value: unknown;
      if (a.hasValue) value = a.value;
      else if (p.type.kind === 'switch') value = true;
      else {
        const next = args[i + 1];
        if (!next || next.kind === 'parameter') fail(BindingErrors.missingArgument(p.name, p.type.name));
        value = next.value;
        i++;
      }
      bound.set(p.name, this.coerce(p, value));
      if (declared.has(p.name)) {
        const within = this.setsOf(p);
        const narrowed = candidates.filter((s) => within.includes(s));
        if (narrowed.length === 0) fail(BindingErrors.ambiguousSet());
        candidates = narrowed;
      }
    }

    const unbound: unknown[] = [];
    if (positional.length) {
      const remaining = [...positional];
      while (remaining.length) {
        const choices = this.positionalChoices(bound, candidates);
        if (!choices.length) break;
        const { value } = remaining.shift()!;
        const chosen = this.bindPositional(choices, value);
        bound.set(chosen.param.name, chosen.value);
        const within = this.setsOf(chosen.param);
        candidates = candidates.filter((s) => within.includes(s));
      }
      if (unknownNamed.length === 0) {
        const rest = this.command.parameters.find((p) => p.valueFromRemainingArguments && !bound.has(p.name)
          && candidates.some((set) => ParameterBinder.inSet(p, set)));
        if (remaining.length && rest) {
          bound.set(rest.name, this.coerce(rest, remaining.map((r) => r.value)));
          remaining.length = 0;
        }
      }
      if (unknownNamed.length === 0) for (const r of remaining) unbound.push(r.value);
      else {
        this.bindRemaining(bound, candidates, unknownNamed, remaining);
        remaining.length = 0;
      }
    } else if (unknownNamed.length) this.bindRemaining(bound, candidates, unknownNamed, []);
    if (passThrough.length) unbound.unshift(...passThrough);
    return { bound, candidates, unbound };
  }

  /**
   * HandleRemainingArguments: the arguments nothing took (an unknown -Name as its text) go to the one
   * ValueFromRemainingArguments parameter of the remaining sets; two such parameters (ForEach-Object's
   * RemainingScripts and ArgumentList) make the set ambiguous; none leaves the name unmatched.
   */
  private bindRemaining(bound: Map<string, unknown>, candidates: string[], unknownNamed: { name: string; values: unknown[]; order: number }[],
    positional: { value: unknown; order: number }[]): void {
    const takers = this.command.parameters.filter((p) => p.valueFromRemainingArguments && candidates.some((set) => ParameterBinder.inSet(p, set)));
    if (takers.length > 1) fail(BindingErrors.ambiguousSet('MetadataError'));
    const taker = takers[0];
    if (!taker) fail(BindingErrors.namedNotFound(unknownNamed[0]!.name));
    const items = [...unknownNamed.map((u) => ({ order: u.order, values: u.values })), ...positional.map((p) => ({ order: p.order, values: [p.value] }))]
      .sort((a, b) => a.order - b.order).flatMap((x) => x.values);
    // Taken positionally already (Write-Output 1 -Foo): the remaining arguments follow its value.
    if (bound.has(taker.name)) { const prev = bound.get(taker.name); items.unshift(...(Array.isArray(prev) ? prev : [prev])); }
    bound.set(taker.name, this.coerce(taker, items));
    const within = this.setsOf(taker);
    const narrowed = candidates.filter((s) => within.includes(s));
    if (narrowed.length) candidates.splice(0, candidates.length, ...narrowed);
  }

  /** The unbound parameters at the lowest remaining position, one per parameter set that has one. */
  private positionalChoices(bound: Map<string, unknown>, candidates: string[]): ParameterMeta[] {
    let min = Infinity;
    const at: ParameterMeta[] = [];
    for (const p of this.command.parameters) {
      if (p.position === undefined || bound.has(p.name)) continue;
      if (!candidates.some((s) => ParameterBinder.inSet(p, s))) continue;
      if (p.position < min) { min = p.position; at.length = 0; }
      if (p.position === min) at.push(p);
    }
    return at;
  }

  /**
   * Where parameter sets disagree on who takes a position (ForEach-Object's -Process vs -MemberName),
   * a parameter whose type the value already has wins; otherwise the first that converts it.
   */
  private bindPositional(choices: ParameterMeta[], value: unknown): { param: ParameterMeta; value: unknown } {
    if (choices.length > 1) {
      const exact = choices.find((p) => sameKind(value, p.type));
      if (exact) return { param: exact, value: this.coerce(exact, value) };
      let first: unknown;
      for (const p of choices) {
        try { return { param: p, value: this.coerce(p, value) }; } catch (e) { first ??= e; }
      }
      throw first;
    }
    return { param: choices[0]!, value: this.coerce(choices[0]!, value) };
  }

  /**
   * Mandatory parameters still unbound in the best candidate set, excluding those pipeline input may fill;
   * when some are missing, the list (and its order) is the one pwsh's binder reports.
   */
  missingMandatory(state: BindState, expectPipelineInput: boolean): ParameterMeta[] {
    const set = this.chooseSet(state, expectPipelineInput);
    const ours = this.command.parameters.filter((p) => p.mandatory && ParameterBinder.inSet(p, set) && !state.bound.has(p.name)
      && !(expectPipelineInput && (p.valueFromPipeline || p.valueFromPipelineByPropertyName)));
    if (!ours.length) return ours;
    const declared = this.sets.length === 1 && this.sets[0] === AllParameterSets ? [] : this.sets;
    const pwsh = missingMandatoryLikePwsh({
      parameters: this.command.parameters, sets: declared, defaultSet: this.command.defaultParameterSet,
      // Without pipeline input pwsh settles the set first (ValidateParameterSets with setDefault).
      candidates: expectPipelineInput ? state.candidates : [set], bound: new Set(state.bound.keys()), expectsInput: expectPipelineInput,
    });
    if ('ambiguous' in pwsh) fail(BindingErrors.ambiguousSet());
    return pwsh.missing.length ? pwsh.missing : ours;
  }

  /** Pick the parameter set: the only candidate, else the default, else the first whose mandatory parameters are met. */
  chooseSet(state: BindState, expectPipelineInput: boolean): string {
    if (state.candidates.length === 1) return state.candidates[0]!;
    const satisfied = state.candidates.filter((s) => this.command.parameters.every((p) =>
      !p.mandatory || !ParameterBinder.inSet(p, s) || state.bound.has(p.name)
      || (expectPipelineInput && (p.valueFromPipeline || p.valueFromPipelineByPropertyName))));
    const def = this.command.defaultParameterSet;
    if (def && satisfied.includes(def)) return def;
    if (satisfied.length === 1) return satisfied[0]!;
    if (def && state.candidates.includes(def)) return def;
    if (satisfied.length > 1) return satisfied[0]!;
    return state.candidates[0]!;
  }

  /**
   * Bind one pipeline object: by value (ValueFromPipeline) first, then by property name.
   * Returns the parameters bound for this object; throws InputObjectNotBound when nothing takes it.
   */
  bindPipelineObject(state: BindState, set: string, input: unknown): Map<string, unknown> {
    const result = new Map<string, unknown>();
    const open = this.command.parameters.filter((p) => ParameterBinder.inSet(p, set) && !state.bound.has(p.name));
    for (const p of open) {
      if (!p.valueFromPipeline) continue;
      try { result.set(p.name, this.coerce(p, input)); return result; } catch { /* try the next way */ }
    }
    for (const p of open) {
      if (!p.valueFromPipelineByPropertyName) continue;
      const v = propertyOf(input, [p.name, ...(p.aliases ?? [])]);
      if (v === undefined) continue;
      result.set(p.name, this.coerce(p, v));
    }
    if (result.size === 0) fail(BindingErrors.inputNotBound(input));
    return result;
  }
}

/** Does the value already have the parameter's type (no conversion needed)? */
function sameKind(value: unknown, type: TypeSpec): boolean {
  const v = Array.isArray(value) && type.element ? value[0] : value;
  switch (type.kind) {
    case 'scriptblock': return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'ScriptBlock';
    case 'string': return typeof v === 'string';
    case 'int': case 'long': case 'double': case 'byte': return typeof v === 'number';
    case 'bool': case 'switch': return typeof v === 'boolean';
    case 'hashtable': return v instanceof PSHashtable;
    default: return false;
  }
}

function propertyOf(input: unknown, names: string[]): unknown {
  if (input instanceof PSObject) {
    for (const n of names) if (input.hasProperty(n)) return input.get(n);
    return undefined;
  }
  if (input instanceof PSHashtable) return undefined; // hashtable keys are not properties for binding
  return undefined;
}
