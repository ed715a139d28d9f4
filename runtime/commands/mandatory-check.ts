/**
 * Which missing mandatory parameters PowerShell reports (or prompts for), computed the way
 * CmdletParameterBinderController.GetMissingMandatoryParameters does, with parameter sets as the
 * 32-bit flags pwsh uses. The flags matter for the text: a command whose 32 sets are all missing a
 * mandatory parameter (Where-Object) has every bit set, which pwsh reads as "all sets" (one valid
 * set), so it lists each set's missing parameters in turn ("FilterScript Property Property CEQ ...").
 */
import type { ParameterMeta } from './parameter.js';

const ALL = 0xffffffff;

interface PromptingData {
  readonly flag: number;
  readonly isDefaultSet: boolean;
  readonly nonPipelineable: ParameterMeta[];
  readonly pipelineable: ParameterMeta[];
  readonly byValue: ParameterMeta[];
  readonly byPropertyName: ParameterMeta[];
}

export interface MandatoryInput {
  readonly parameters: readonly ParameterMeta[];
  /** Declared parameter sets in flag order (bit i = sets[i]); empty when the command declares none. */
  readonly sets: readonly string[];
  readonly defaultSet?: string;
  /** Sets still possible after command-line binding. */
  readonly candidates: readonly string[];
  readonly bound: ReadonlySet<string>;
  readonly expectsInput: boolean;
}

export type MandatoryOutcome = { readonly missing: ParameterMeta[] } | { readonly ambiguous: true };

function bitCount(flags: number): number {
  if (flags >>> 0 === ALL) return 1; // ValidParameterSetCount treats uint.MaxValue as one set
  let n = 0;
  for (let f = flags >>> 0; f; f >>>= 1) n += f & 1;
  return n;
}

export function missingMandatoryLikePwsh(input: MandatoryInput): MandatoryOutcome {
  const { parameters, sets, expectsInput } = input;
  const flagOf = (set: string) => { const i = sets.indexOf(set); return i < 0 ? 0 : (2 ** i) >>> 0; };
  const paramFlags = (p: ParameterMeta) => (p.sets?.length && !p.sets.includes('__AllParameterSets') ? p.sets.map(flagOf) : [0]);
  const current = sets.length === 0 || input.candidates.length === sets.length ? ALL : input.candidates.reduce((f, s) => (f | flagOf(s)) >>> 0, 0);
  const defaultFlag = input.defaultSet ? flagOf(input.defaultSet) : 0;
  const validCount = bitCount(current);

  const prompting = new Map<number, PromptingData>();
  const result: ParameterMeta[] = [];
  let commandMandatorySets = 0;
  let missingAny = false, missingInAllSet = false;

  for (const p of parameters) {
    if (!p.mandatory || input.bound.has(p.name)) continue;
    let thisMissing = false;
    for (const raw of paramFlags(p)) {
      if (raw !== 0 && (raw & current) === 0) continue; // GetMatchingParameterSetData
      const flag = raw === 0 ? ALL : raw;
      let data = prompting.get(flag);
      if (!data) {
        data = { flag, isDefaultSet: defaultFlag !== 0 && (defaultFlag & flag) !== 0, nonPipelineable: [], pipelineable: [], byValue: [], byPropertyName: [] };
        prompting.set(flag, data);
      }
      if (expectsInput && (p.valueFromPipeline || p.valueFromPipelineByPropertyName)) {
        data.pipelineable.push(p);
        if (p.valueFromPipeline) data.byValue.push(p);
        if (p.valueFromPipelineByPropertyName) data.byPropertyName.push(p);
      } else data.nonPipelineable.push(p);
      missingAny = true;
      thisMissing = true;
      if (flag !== ALL) commandMandatorySets = (commandMandatorySets | (current & flag)) >>> 0;
      else missingInAllSet = true;
    }
    if (!expectsInput && thisMissing) result.push(p);
  }
  if (!missingAny || !expectsInput) return { missing: result };

  const allSetFlags = sets.length ? sets.reduce((f, s) => (f | flagOf(s)) >>> 0, 0) : ALL;
  if (commandMandatorySets === 0) commandMandatorySets = current;
  if (missingInAllSet) commandMandatorySets = (current & allSetFlags) >>> 0;
  const collect = (mandatorySets: number) => {
    for (const d of prompting.values()) {
      if ((d.flag & mandatorySets) === 0 && d.flag !== ALL) continue;
      result.push(...d.nonPipelineable);
    }
  };

  let prioritized = false;
  if (validCount > 1 && defaultFlag !== 0 && (defaultFlag & commandMandatorySets) === 0 && (defaultFlag & current) !== 0) {
    const otherTakesInput = [...prompting.values()].some((d) => (d.flag & current) !== 0 && (d.flag & defaultFlag) === 0 && d.flag !== ALL && d.pipelineable.length > 0);
    if (!otherTakesInput) {
      commandMandatorySets = (current & ~commandMandatorySets) >>> 0;
      prioritized = commandMandatorySets !== defaultFlag;
    }
  }
  const count = bitCount(commandMandatorySets);
  if (count === 0) return { ambiguous: true };
  if (count === 1) { collect(commandMandatorySets); return { missing: result }; }
  if (prioritized) return { missing: result };

  // TryLatchToDefaultParameterSet
  if (defaultFlag !== 0 && (commandMandatorySets & defaultFlag) !== 0) {
    const data = [...prompting.values()];
    const otherTakesInput = data.some((d) => d.flag !== ALL && !d.isDefaultSet && d.pipelineable.length > 0 && d.nonPipelineable.length === 0);
    const otherByName = data.some((d) => d.flag !== ALL && !d.isDefaultSet && d.byPropertyName.length > 0);
    let latch = false;
    const def = prompting.get(defaultFlag);
    if (def) {
      if (def.byPropertyName.length > 0 && !otherByName) latch = true;
      else if (def.pipelineable.length > 0 && !otherTakesInput) latch = true;
    }
    if (!latch && !otherTakesInput) latch = true;
    if (!latch) latch = (prompting.get(ALL)?.nonPipelineable.length ?? 0) > 0;
    if (latch) { collect(defaultFlag); return { missing: result }; }
  }

  // TryLatchToUniquePipelineSet
  const inSets = [...prompting.values()].filter((d) => (d.flag & commandMandatorySets) !== 0 && d.flag !== ALL);
  const byValueSets = inSets.filter((d) => d.byValue.length > 0);
  const byNameSets = inSets.filter((d) => d.byPropertyName.length > 0);
  const oneByValue = byValueSets.length === 1 ? byValueSets[0]!.flag : 0;
  const oneByName = byNameSets.length === 1 ? byNameSets[0]!.flag : 0;
  let unique = 0;
  if (oneByValue && oneByName && oneByValue === oneByName) unique = oneByValue;
  if ((byValueSets.length > 0) !== (byNameSets.length > 0)) unique = byValueSets.length > 0 ? oneByValue : oneByName;
  if (unique) { collect(unique); return { missing: result }; }
  const missingNonPipe = [...prompting.values()].some((d) => ((d.flag & commandMandatorySets) !== 0 || d.flag === ALL) && d.nonPipelineable.length > 0);
  if (missingNonPipe) {
    if (oneByValue) { collect(oneByValue); return { missing: result }; }
    if (byValueSets.length <= 1 && byNameSets.length <= 1) return { ambiguous: true };
  }
  return { missing: result };
}
