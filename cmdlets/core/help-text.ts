/**
 * Renders a command's help as Get-Help prints it, from CmdletMeta (synopsis, description, examples,
 * parameter metadata). The emulator's help is "installed": the layout follows pwsh's full-help view,
 * syntax and parameter blocks follow what pwsh generates from metadata.
 */
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import type { ParameterMeta } from '../../runtime/commands/parameter.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { compareStrings } from './lang.js';
import { shortTypeName, syntaxLines, wrap } from './syntax.js';

export interface HelpSource {
  readonly name: string;
  readonly meta?: CmdletMeta;
  readonly parameters: readonly ParameterMeta[];
  readonly aliases: readonly string[];
}

export type HelpView = 'default' | 'detailed' | 'full' | 'examples';

const IND = '    ';

function paragraph(text: string | undefined, indent: string, width: number): string[] {
  if (!text) return [];
  const out: string[] = [];
  for (const para of text.split('\n')) out.push(...(para === '' ? [indent] : wrap(para, indent, width)));
  return out;
}

function pipelineText(p: ParameterMeta): string {
  const kinds: string[] = [];
  if (p.valueFromPipeline) kinds.push('ByValue');
  if (p.valueFromPipelineByPropertyName) kinds.push('ByPropertyName');
  if (p.valueFromRemainingArguments) kinds.push('FromRemainingArguments');
  return kinds.length ? `true (${kinds.join(', ')})` : 'false';
}

/** The block Get-Help -Parameter and -Full print for one parameter. */
export function parameterBlock(p: ParameterMeta, width: number, indent = ''): string[] {
  const isSwitch = p.type.kind === 'switch' && !p.type.element;
  const lines = [`${indent}-${p.name}${isSwitch ? '' : ` <${shortTypeName(p.type)}>`}`];
  lines.push(...paragraph(p.description, indent + IND, width));
  lines.push(indent + IND);
  const row = (k: string, v: string) => wrap(v, indent + IND, width, k.padEnd(29)).join('\n');
  lines.push(row('Required?', p.mandatory ? 'true' : 'false'));
  lines.push(row('Position?', p.position !== undefined ? String(p.position) : 'Named'));
  if (p.defaultValue !== undefined) lines.push(row('Default value', p.defaultValue));
  lines.push(row('Accept pipeline input?', pipelineText(p)));
  lines.push(row('Parameter set name', p.sets && p.sets.length ? p.sets.join(', ') : '(All)'));
  lines.push(row('Aliases', p.aliases && p.aliases.length ? p.aliases.join(', ') : 'None'));
  lines.push(row('Dynamic?', 'false'));
  lines.push(row('Accept wildcard characters?', 'false'));
  lines.push(indent + IND);
  return lines;
}

const COMMON_PARAMETERS_TEXT = [
  `${IND}<CommonParameters>`,
  `${IND}${IND}This cmdlet supports the common parameters: Verbose, Debug,`,
  `${IND}${IND}ErrorAction, ErrorVariable, WarningAction, WarningVariable,`,
  `${IND}${IND}OutBuffer, PipelineVariable, and OutVariable. For more information, see`,
  `${IND}${IND}about_CommonParameters (https://go.microsoft.com/fwlink/?LinkID=113216). `,
  IND,
];

function allParameters(src: HelpSource): ParameterMeta[] {
  const ps = [...src.parameters];
  if (src.meta?.supportsShouldProcess) {
    ps.push(param('WhatIf', T.Switch, { aliases: ['wi'], description: 'Shows what would happen if the cmdlet runs. The cmdlet is not run.' }));
    ps.push(param('Confirm', T.Switch, { aliases: ['cf'], description: 'Prompts you for confirmation before running the cmdlet.' }));
  }
  return ps.sort((a, b) => compareStrings(a.name, b.name));
}

function examples(src: HelpSource, width: number): string[] {
  const out: string[] = [];
  (src.meta?.examples ?? []).forEach((ex, i) => {
    const title = ex.title ? `Example ${i + 1}: ${ex.title}` : `EXAMPLE ${i + 1}`;
    out.push(`${IND}${'-'.repeat(26)} ${title} ${'-'.repeat(26)}`, IND);
    for (const l of ex.code.split('\n')) out.push(IND + l);
    out.push(IND);
    if (ex.remarks) { out.push(...paragraph(ex.remarks, IND, width)); out.push(IND); }
    out.push(IND);
  });
  return out;
}

/** The full text Get-Help writes for a command in the given view. */
export function renderHelp(src: HelpSource, view: HelpView, width = 120): string {
  const m = src.meta;
  const L: string[] = [''];
  L.push('NAME', IND + src.name, IND);
  if (view === 'examples') {
    L.push('SYNOPSIS', ...paragraph(m?.synopsis ?? '', IND, width), IND, IND);
    L.push(...examples(src, width));
    return L.join('\n') + '\n';
  }
  if (m?.synopsis) L.push('SYNOPSIS', ...paragraph(m.synopsis, IND, width), IND, IND);
  L.push('SYNTAX');
  const lines = syntaxLines(src.name, src.parameters, { defaultParameterSet: m?.defaultParameterSet, supportsShouldProcess: m?.supportsShouldProcess });
  lines.forEach((s) => { L.push(...wrap(s, IND, width), IND); });
  L.push(IND);
  if (m?.description) L.push('DESCRIPTION', ...paragraph(m.description, IND, width), IND);
  if (view === 'detailed' || view === 'full') {
    L.push('', 'PARAMETERS');
    for (const p of allParameters(src)) {
      if (view === 'full') L.push(...parameterBlock(p, width, IND));
      else L.push(`${IND}-${p.name}${p.type.kind === 'switch' ? '' : ` <${shortTypeName(p.type)}>`}`, ...paragraph(p.description, IND + IND, width), IND + IND);
    }
    L.push(...COMMON_PARAMETERS_TEXT, IND);
    if (view === 'full') {
      const inputs = src.parameters.filter((p) => p.valueFromPipeline).map((p) => p.type.name);
      L.push('INPUTS', ...(inputs.length ? inputs.map((t) => IND + t) : [IND + 'None']), IND, IND);
      L.push('OUTPUTS', ...(m?.outputType?.length ? m.outputType.map((t) => IND + t) : [IND + 'System.Object']), IND, IND);
    }
    L.push(...examples(src, width));
  }
  if (src.aliases.length) L.push('ALIASES', ...src.aliases.map((a) => IND + a), IND);
  L.push('', 'REMARKS');
  L.push(`${IND}To see the examples, type: "Get-Help ${src.name} -Examples"`);
  L.push(`${IND}For more information, type: "Get-Help ${src.name} -Detailed"`);
  L.push(`${IND}For technical information, type: "Get-Help ${src.name} -Full"`);
  L.push('', '');
  return L.join('\n');
}

/** Get-Help -Parameter: the blocks of the named parameters (wildcards allowed by the caller). */
export function renderParameters(params: readonly ParameterMeta[], width = 120): string {
  const L: string[] = [];
  for (const p of params) L.push('', ...parameterBlock(p, width), '');
  return L.join('\n') + '\n';
}
