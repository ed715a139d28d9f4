/**
 * Values of .NET enum types. PowerShell shows an enum by its name but computes, compares and sorts it by
 * its number, and the formatter right-aligns it (its type code is numeric); a plain string could not do
 * all three, so an enum value is its own type here.
 */
import type { TypeInfo } from '../evaluator/types.js';
import { runtimeError } from '../evaluator/errors.js';

export class PSEnum {
  constructor(readonly type: TypeInfo, readonly value: number) {}
  get typeName(): string { return this.type.fullName; }
  /** Enum.ToString(): the member name, a flags combination as 'A, B', an undefined value as its number. */
  toString(): string { return enumText(this.type, this.value); }
}

export function enumNames(t: TypeInfo): readonly string[] { return t.enumValues ?? []; }

export function enumNumbers(t: TypeInfo): readonly number[] {
  return t.enumNumbers ?? (t.enumValues ?? []).map((_, i) => i);
}

function nameOf(t: TypeInfo, value: number): string | undefined {
  const nums = enumNumbers(t);
  const i = nums.indexOf(value);
  return i < 0 ? undefined : enumNames(t)[i];
}

/** .NET's Enum.ToString for the value: flags decompose into the defined members, largest first, printed in ascending order. */
export function enumText(t: TypeInfo, value: number): string {
  const exact = nameOf(t, value);
  if (exact !== undefined) return exact;
  if (!t.flags || value === 0) return String(value);
  const names = enumNames(t);
  const members = enumNumbers(t).map((n, i) => [n, names[i]!] as const).filter(([n]) => n !== 0).sort((a, b) => b[0] - a[0]);
  let rest = value;
  const picked: string[] = [];
  for (const [n, name] of members) {
    if ((rest & n) === n) { picked.unshift(name); rest &= ~n; }
    if (rest === 0) break;
  }
  return rest === 0 ? picked.join(', ') : String(value);
}

/** Is the number a value the type defines (for flags: made only of defined bits)? */
export function isDefinedValue(t: TypeInfo, value: number): boolean {
  if (nameOf(t, value) !== undefined) return true;
  if (!t.flags) return false;
  let all = 0;
  for (const n of enumNumbers(t)) all |= n;
  return (value & ~all) === 0;
}

function possibleValues(t: TypeInfo): string { return enumNames(t).join(','); }

/** PowerShell's error for a number (or numeric text) the enum does not define. */
export function undefinedEnumValue(text: string, t: TypeInfo, errorId: 'UndefinedIntegerToEnum' | 'EnumParseUndefined'): never {
  throw runtimeError(`Cannot convert value "${text}" to type "${t.fullName}" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are "${possibleValues(t)}".`,
    errorId, 'InvalidArgument', text, undefined, 'System.Management.Automation.PSInvalidCastException');
}

export function nullToEnum(t: TypeInfo): never {
  throw runtimeError(`Cannot convert null to type "${t.fullName}" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are "${possibleValues(t)}".`,
    'nullToEnumInvalidCast', 'InvalidArgument', null, undefined, 'System.Management.Automation.PSInvalidCastException');
}

function parseFailed(text: string, t: TypeInfo, inner: string): never {
  throw runtimeError(`Cannot convert value "${text}" to type "${t.fullName}". Error: "${inner}"`, 'SubstringDisambiguationEnumParseThrewAnException',
    'InvalidArgument', text, undefined, 'System.Management.Automation.PSInvalidCastException');
}

/** One identifier: the exact name, else the only name it begins (PowerShell's substring disambiguation). */
function identifierValue(t: TypeInfo, id: string, whole: string): number {
  const names = enumNames(t);
  const nums = enumNumbers(t);
  const lower = id.toLowerCase();
  const exact = names.findIndex((n) => n.toLowerCase() === lower);
  if (exact >= 0) return nums[exact]!;
  const hits = names.map((n, i) => [n, i] as const).filter(([n]) => n.toLowerCase().startsWith(lower));
  if (hits.length === 1) return nums[hits[0]![1]]!;
  if (hits.length > 1) {
    parseFailed(whole, t, `The identifier name ${id} cannot be processed because it is either too similar or identical to the following enumerator names: ${hits.map(([n]) => n).join(', ')}. Use a more specific identifier name.`);
  }
  parseFailed(whole, t, `Unable to match the identifier name ${id} to a valid enumerator name. Specify one of the following enumerator names and try again:\n${names.join(', ')}`);
}

/** Comma-separated numbers or identifiers OR-ed together; undefined when an identifier names no member. */
function combined(text: string, identifier: (part: string) => number | undefined): number | undefined {
  let value = 0;
  for (const raw of text.split(',')) {
    const part = raw.trim();
    const n = /^[+-]?\d+$/.test(part) ? Number(part) : identifier(part);
    if (n === undefined) return undefined;
    value |= n;
  }
  return value;
}

/** A string cast to the enum: names (unique prefixes too) or numbers OR-ed, then checked against the defined values. */
export function parseEnum(t: TypeInfo, text: string): PSEnum {
  const value = combined(text, (part) => identifierValue(t, part, text))!;
  if (!isDefinedValue(t, value)) undefinedEnumValue(text, t, 'EnumParseUndefined');
  return new PSEnum(t, value);
}

/** .NET's Enum.Parse: exact names (no prefixes, unlike a PowerShell cast) or numbers; undefined when one is not found. */
export function dotnetParseEnum(t: TypeInfo, text: string, ignoreCase: boolean): PSEnum | undefined {
  const names = enumNames(t);
  const nums = enumNumbers(t);
  const value = combined(text, (part) => {
    const i = names.findIndex((x) => (ignoreCase ? x.toLowerCase() === part.toLowerCase() : x === part));
    return i < 0 ? undefined : nums[i];
  });
  return value === undefined ? undefined : new PSEnum(t, value);
}

/** An integral number cast to the enum (must be defined, as PowerShell checks). */
export function enumFromNumber(t: TypeInfo, n: number, shown: string): PSEnum {
  if (!isDefinedValue(t, n)) undefinedEnumValue(shown, t, 'UndefinedIntegerToEnum');
  return new PSEnum(t, n);
}

/** Enum.ToString(format): G/F the name, D the number, X eight hex digits. */
export function formatEnum(e: PSEnum, format: string | undefined): string {
  switch ((format ?? '').toUpperCase()) {
    case '': case 'G': case 'F': return e.toString();
    case 'D': return String(e.value);
    case 'X': return (e.value >>> 0).toString(16).toUpperCase().padStart(8, '0');
  }
  throw runtimeError('Format string can be only "G", "g", "X", "x", "F", "f", "D" or "d".', 'FormatException', 'NotSpecified', null, undefined, 'System.FormatException');
}

/** The member of a (registered) enum type with the given name. */
export function enumMember(t: TypeInfo, name: string): PSEnum {
  const i = enumNames(t).findIndex((n) => n.toLowerCase() === name.toLowerCase());
  return new PSEnum(t, i < 0 ? 0 : enumNumbers(t)[i]!);
}

/** Every member, in .NET's order for Enum.GetValues (by unsigned value). */
export function enumMembers(t: TypeInfo): PSEnum[] {
  return enumNumbers(t).map((n) => new PSEnum(t, n)).sort((a, b) => (a.value >>> 0) - (b.value >>> 0));
}
