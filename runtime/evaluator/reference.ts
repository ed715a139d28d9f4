import { PSObject } from '../values/psobject.js';

/** [ref]: System.Management.Automation.PSReference, whose Value reads and writes what it refers to. */
export const PS_REFERENCE = 'System.Management.Automation.PSReference';

export function psReference(get: () => unknown, set: (v: unknown) => void): PSObject {
  const o = PSObject.typed(PS_REFERENCE);
  o.addProperty({ name: 'Value', kind: 'Property', get, set });
  return o;
}

/** `[ref]value` of something that is not a variable: a reference to its own copy of the value. */
export function valueReference(value: unknown): PSObject {
  if (isReference(value)) return value;
  let current = value;
  return psReference(() => current, (v) => { current = v; });
}

export function isReference(v: unknown): v is PSObject {
  return v instanceof PSObject && v.typeNames[0] === PS_REFERENCE;
}

/** An out argument of a .NET method (TryParse's result): stored through the reference when one was passed. */
export function setReference(v: unknown, value: unknown): void {
  if (isReference(v)) v.property('Value')!.set!(value);
}
