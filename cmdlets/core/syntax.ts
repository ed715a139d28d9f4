/**
 * Command syntax lines as Get-Command -Syntax and Get-Help print them, generated from parameter
 * metadata: one line per parameter set (default set first), positional parameters by position, then
 * mandatory named ones, then optional ones in declaration order, then [-WhatIf] [-Confirm] and
 * [<CommonParameters>].
 */
import type { ParameterMeta } from '../../runtime/commands/parameter.js';
import type { TypeSpec } from '../../runtime/commands/types.js';

const SHORT: Record<string, string> = {
  'System.String': 'string', 'System.Int32': 'int', 'System.Int64': 'long', 'System.Double': 'double', 'System.Boolean': 'bool',
  'System.DateTime': 'datetime', 'System.TimeSpan': 'timespan', 'System.Object': 'Object', 'System.Management.Automation.PSObject': 'psobject',
  'System.Management.Automation.ScriptBlock': 'scriptblock', 'System.Collections.Hashtable': 'hashtable', 'System.Security.SecureString': 'securestring',
  'System.Management.Automation.PSCredential': 'pscredential', 'System.Byte': 'byte', 'System.Char': 'char', 'System.Guid': 'guid', 'System.Uri': 'uri',
  'System.Version': 'version', 'System.Decimal': 'decimal', 'System.UInt32': 'uint32',
  'System.Security.Cryptography.X509Certificates.X509Certificate2': 'X509Certificate2',
};

/** The short type name PowerShell shows in syntax: the accelerator, else the type's own name. */
export function shortTypeName(t: TypeSpec): string {
  if (t.element) return shortTypeName(t.element) + '[]';
  const base = t.name.startsWith('System.Nullable`1[[') ? t.name.slice('System.Nullable`1[['.length, -2) : t.name;
  return SHORT[base] ?? base.split('.').pop()!;
}

const COMMON_SWITCHES = new Set(['whatif', 'confirm']);

/** Parameter sets in display order: the default first, then in order of first declaration. */
export function parameterSets(params: readonly ParameterMeta[], defaultSet?: string): string[] {
  const sets: string[] = [];
  for (const p of params) for (const s of p.sets ?? []) if (!sets.includes(s)) sets.push(s);
  if (sets.length === 0) return ['__AllParameterSets'];
  if (defaultSet && sets.includes(defaultSet)) return [defaultSet, ...sets.filter((s) => s !== defaultSet)];
  return sets;
}

export function inSet(p: ParameterMeta, set: string): boolean {
  return !p.sets || p.sets.length === 0 || p.sets.includes(set) || set === '__AllParameterSets';
}

function token(p: ParameterMeta): string {
  const isSwitch = p.type.kind === 'switch' && !p.type.element;
  const typ = isSwitch ? '' : ` <${shortTypeName(p.type)}>`;
  if (p.position !== undefined) {
    const name = `[-${p.name}]${typ}`;
    return p.mandatory ? name : `[${name}]`;
  }
  return p.mandatory ? `-${p.name}${typ}` : `[-${p.name}${typ}]`;
}

/** One syntax line per parameter set, e.g. 'Get-Date [[-Date] <datetime>] [-Format <string>] [<CommonParameters>]'. */
export function syntaxLines(name: string, params: readonly ParameterMeta[], opts: { defaultParameterSet?: string; supportsShouldProcess?: boolean } = {}): string[] {
  const lines: string[] = [];
  for (const set of parameterSets(params, opts.defaultParameterSet)) {
    const ps = params.filter((p) => inSet(p, set) && !COMMON_SWITCHES.has(p.name.toLowerCase()));
    const positional = ps.filter((p) => p.position !== undefined).sort((a, b) => a.position! - b.position!);
    const mandatoryNamed = ps.filter((p) => p.position === undefined && p.mandatory);
    const optionalNamed = ps.filter((p) => p.position === undefined && !p.mandatory);
    const parts = [name, ...[...positional, ...mandatoryNamed, ...optionalNamed].map(token)];
    if (opts.supportsShouldProcess) parts.push('[-WhatIf]', '[-Confirm]');
    parts.push('[<CommonParameters>]');
    lines.push(parts.join(' '));
  }
  return lines;
}

/** Word-wrap a line to the console width the way the help view does (breaks at spaces, trailing space kept). */
export function wrap(text: string, indent: string, width: number, lead = ''): string[] {
  const words = text.split(' ');
  const out: string[] = [];
  let line = indent + lead;
  for (const w of words) {
    const piece = w + ' ';
    if (line.length > indent.length + lead.length && line.length + w.length > width - 4) { out.push(line); line = indent; }
    line += piece;
  }
  if (line.length > indent.length) out.push(line.replace(/ $/, ''));
  return out;
}
