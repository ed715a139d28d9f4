import { PSObject } from '../../runtime/values/psobject.js';
import type { SessionVariables } from '../../runtime/commands/context.js';
import { registerView, tableView } from '../../runtime/format/index.js';
import { compareStrings, wildcardToRegex } from './lang.js';

export const PSVariableType = 'System.Management.Automation.PSVariable';

registerView(PSVariableType, tableView([{ label: 'Name', property: 'Name' }, { label: 'Value', property: 'Value' }]));

/** A PSVariable object as Get-Variable writes it (the value read live from the session). */
export function psVariable(vars: SessionVariables, name: string, description = ''): PSObject {
  const o = new PSObject([PSVariableType, 'System.Object']);
  o.addGetter('Name', () => name, 'string');
  o.addProperty({ name: 'Value', kind: 'Property', typeName: 'System.Object', get: () => vars.get(name), set: (v) => vars.set(name, v) });
  o.addGetter('Description', () => description, 'string');
  o.toStringImpl = () => name;
  return o;
}

/** Session variables matching name patterns, minus the excluded, sorted by name. */
export function matchVariables(vars: SessionVariables, patterns: readonly string[], include?: readonly string[], exclude?: readonly string[]): { name: string; value: unknown }[] {
  const res = patterns.map((p) => wildcardToRegex(p));
  const inc = include?.map((p) => wildcardToRegex(p));
  const exc = exclude?.map((p) => wildcardToRegex(p));
  return vars.list()
    .filter((v) => res.some((r) => r.test(v.name)) && (!inc || inc.some((r) => r.test(v.name))) && !(exc && exc.some((r) => r.test(v.name))))
    .sort((a, b) => compareStrings(a.name, b.name));
}

export function scopeOf(scope: string | undefined): 'Local' | 'Script' | 'Global' | undefined {
  if (scope === undefined) return undefined;
  const s = scope.toLowerCase();
  if (s === 'global') return 'Global';
  if (s === 'script') return 'Script';
  return 'Local';
}
