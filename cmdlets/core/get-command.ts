import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { PSObject } from '../../runtime/values/psobject.js';
import { catalogOf, KIND_ORDER, metaOf, moduleVersion, resolveEntry, type CatalogEntry, type CommandCatalog } from './catalog.js';
import type { ParameterMeta } from '../../runtime/commands/parameter.js';
import { commonParameters } from '../../runtime/commands/common-parameters.js';
import { hasWildcards, wildcardToRegex, compareStrings } from './lang.js';
import { syntaxLines } from './syntax.js';
import { registerView, tableView } from '../../runtime/format/index.js';

// CommandInfo's table (widths as pwsh 7.6 prints them); an alias shows as 'gci -> Get-ChildItem'.
registerView('System.Management.Automation.CommandInfo', tableView([
  { label: 'CommandType', property: 'CommandType', width: 15 },
  { label: 'Name', property: 'DisplayName', width: 50 },
  { label: 'Version', property: 'Version', width: 10 },
  { label: 'Source', property: 'Source' },
]));

const COMMAND_TYPES = ['Alias', 'Function', 'Filter', 'Cmdlet', 'ExternalScript', 'Application', 'Script', 'Configuration', 'All'];

export const CommandInfoTypes: Record<string, string> = {
  Cmdlet: 'System.Management.Automation.CmdletInfo',
  Function: 'System.Management.Automation.FunctionInfo',
  Alias: 'System.Management.Automation.AliasInfo',
};

/** A CommandInfo object: CommandType, Name, Version, Source (the default table), plus Definition, ModuleName, DisplayName. */
export function commandInfo(e: CatalogEntry, all: readonly CatalogEntry[]): PSObject {
  const o = new PSObject([CommandInfoTypes[e.commandType]!, 'System.Management.Automation.CommandInfo', 'System.Object']);
  const target = e.commandType === 'Alias' ? resolveEntry(all, e.name) : undefined;
  // Built-in aliases belong to no module: pwsh shows no Version or Source for them.
  const module = e.module;
  const display = e.commandType === 'Alias' ? `${e.name} -> ${e.definition}` : e.name;
  o.addGetter('CommandType', () => e.commandType, 'System.Management.Automation.CommandTypes');
  o.addGetter('Name', () => e.name, 'string');
  o.addGetter('Version', () => moduleVersion(e), 'version');
  o.addGetter('Source', () => module, 'string');
  o.addGetter('DisplayName', () => display, 'string');
  o.addGetter('Definition', () => (e.commandType === 'Cmdlet' && e.meta ? syntaxLines(e.name, e.meta.parameters, e.meta).join('\n\n') + '\n' : e.definition), 'string');
  o.addGetter('ModuleName', () => module, 'string');
  if (e.commandType === 'Alias') {
    o.addGetter('ReferencedCommand', () => (target ? commandInfo(target, all) : null));
    o.addGetter('ResolvedCommandName', () => target?.name ?? null, 'string');
  }
  if (e.meta) {
    o.addGetter('Verb', () => e.meta!.verb, 'string');
    o.addGetter('Noun', () => e.meta!.noun, 'string');
    o.addGetter('ImplementingType', () => e.meta!.className ?? null);
    o.addGetter('ParameterSets', () => syntaxLines(e.name, e.meta!.parameters, e.meta!));
  }
  o.toStringImpl = () => e.name;
  return o;
}

/** Get-Command: lists the session's cmdlets, functions and aliases. */
export class GetCommandCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Get', noun: 'Command', module: 'Microsoft.PowerShell.Core', className: 'Microsoft.PowerShell.Commands.GetCommandCommand',
    defaultParameterSet: 'CmdletSet',
    parameters: [
      param('Name', T.array(T.String), { position: 0, sets: ['AllCommandSet'], valueFromPipeline: true, valueFromPipelineByPropertyName: true, description: 'Specifies an array of names. Wildcard characters are permitted.' }),
      param('Verb', T.array(T.String), { sets: ['CmdletSet'], valueFromPipelineByPropertyName: true, description: 'Specifies an array of command verbs.' }),
      param('Noun', T.array(T.String), { sets: ['CmdletSet'], valueFromPipelineByPropertyName: true, description: 'Specifies an array of command nouns.' }),
      param('Module', T.array(T.String), { aliases: ['PSSnapin'], valueFromPipelineByPropertyName: true, description: 'Specifies an array of modules.' }),
      param('CommandType', T.enum('System.Management.Automation.CommandTypes', COMMAND_TYPES), { sets: ['AllCommandSet'], aliases: ['Type'], valueFromPipelineByPropertyName: true, description: 'Specifies the types of commands that this cmdlet gets.' }),
      param('TotalCount', T.Int, { valueFromPipelineByPropertyName: true, description: 'Specifies the number of commands to get.' }),
      param('Syntax', T.Switch, { valueFromPipelineByPropertyName: true, description: 'Indicates that this cmdlet gets only the syntax of the command.' }),
      param('All', T.Switch, { valueFromPipelineByPropertyName: true, description: 'Indicates that this cmdlet gets all commands, including commands of the same type that have the same name.' }),
      param('ListImported', T.Switch, { valueFromPipelineByPropertyName: true, description: 'Indicates that this cmdlet gets only commands in the current session.' }),
      param('ParameterName', T.array(T.String), { description: 'Specifies an array of parameter names. This cmdlet gets commands in the session that have the specified parameters (names or aliases; wildcards are permitted).' }),
      param('ParameterType', T.array(T.String), { description: 'Specifies an array of parameter type names. This cmdlet gets commands in the session that have parameters of the specified type.' }),
    ],
    outputType: ['System.Management.Automation.AliasInfo', 'System.Management.Automation.CmdletInfo', 'System.Management.Automation.FunctionInfo'],
    synopsis: 'Gets all commands.',
    description: 'The Get-Command cmdlet gets all commands that are installed on the computer, including cmdlets, aliases and functions. Get-Command * gets all types of commands.',
    examples: [
      { title: 'Get cmdlets, functions, and aliases', code: 'Get-Command' },
      { title: 'Get commands by name', code: 'Get-Command -Name Get-ADSync*' },
      { title: 'Get the syntax of a cmdlet', code: 'Get-Command -Name Get-Date -Syntax' },
    ],
    aliases: ['gcm'],
  };

  Name?: string[];
  Verb?: string[];
  Noun?: string[];
  Module?: string[];
  CommandType?: string | string[];
  TotalCount = -1;
  Syntax = false;
  All = false;
  ListImported = false;
  ParameterName?: string[];
  ParameterType?: string[];

  private written = 0;

  private async hasWantedParameters(catalog: CommandCatalog, all: readonly CatalogEntry[], e: CatalogEntry): Promise<boolean> {
    const params = await parametersOf(catalog, all, e);
    let ok = true;
    for (const pattern of this.ParameterName ?? []) {
      const re = wildcardToRegex(pattern);
      if (params.some((p) => re.test(p.name) || (p.aliases ?? []).some((a) => re.test(a)))) this.matchedParameterNames.add(pattern);
      else ok = false;
    }
    for (const t of this.ParameterType ?? []) {
      const re = wildcardToRegex(t.replace(/^\[|\]$/g, ''));
      const typeNames = (p: ParameterMeta) => [p.type.name, p.type.name.replace(/^System\./, ''), p.type.kind];
      if (!params.some((p) => typeNames(p).some((n) => re.test(n)))) ok = false;
    }
    return ok;
  }

  override endProcessing(): void {
    for (const name of this.ParameterName ?? []) {
      if (hasWildcards(name) || this.matchedParameterNames.has(name)) continue;
      this.writeError(this.error(`No matching commands include a parameter named '${name}'.  Check the spelling of the parameter name, and then try again. (Parameter '${name}')`,
        'CommandParameterNotFound', 'ObjectNotFound', name, 'System.ArgumentException'));
    }
  }
  /** Which -ParameterName patterns some command matched; the others are reported at the end, as pwsh does. */
  private readonly matchedParameterNames = new Set<string>();
  private readonly seen = new Set<string>();

  override async processRecord(): Promise<void> {
    const catalog = catalogOf(this.context);
    const all = catalog.list();
    const types = this.CommandType === undefined ? undefined : (Array.isArray(this.CommandType) ? this.CommandType : [this.CommandType]).map((t) => t.toLowerCase());
    const byType = (e: CatalogEntry) => !types || types.includes('all') || types.includes(e.commandType.toLowerCase());
    const mods = this.Module?.map((m) => wildcardToRegex(m));
    const byModule = (e: CatalogEntry) => !mods || mods.some((r) => r.test(e.module));
    let results: CatalogEntry[] = [];
    if (this.Name && this.Name.length > 0) {
      for (const n of this.Name) {
        const re = wildcardToRegex(n);
        const hits = all.filter((e) => re.test(e.name) && byType(e) && byModule(e));
        if (hits.length === 0 && !hasWildcards(n)) {
          this.writeError(this.error(`The term '${n}' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.`,
            'CommandNotFoundException', 'ObjectNotFound', n, 'System.Management.Automation.CommandNotFoundException'));
          continue;
        }
        // A plain name finds the one command that would run (alias before function before cmdlet), unless -All.
        results.push(...(hasWildcards(n) || this.All ? sortEntries(hits) : sortEntries(hits).slice(0, 1)));
      }
    } else {
      const verbs = this.Verb?.map((v) => wildcardToRegex(v));
      const nouns = this.Noun?.map((v) => wildcardToRegex(v));
      const needsVerbNoun = verbs || nouns;
      results = sortEntries(all.filter((e) => {
        if (!byType(e) || !byModule(e)) return false;
        if (!needsVerbNoun) return true;
        if (e.commandType === 'Alias') return false;
        const dash = e.name.indexOf('-');
        if (dash < 0) return false;
        const verb = e.name.slice(0, dash), noun = e.name.slice(dash + 1);
        return (!verbs || verbs.some((r) => r.test(verb))) && (!nouns || nouns.some((r) => r.test(noun)));
      }));
    }
    if (this.ParameterName || this.ParameterType) {
      const kept: CatalogEntry[] = [];
      for (const e of results) if (await this.hasWantedParameters(catalog, all, e)) kept.push(e);
      results = kept;
    }
    for (const e of results) {
      if (this.TotalCount >= 0 && this.written >= this.TotalCount) return;
      const key = e.commandType + ':' + e.name.toLowerCase();
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      this.written++;
      if (this.Syntax) {
        if (e.commandType === 'Alias') {
          const target = resolveEntry(all, e.name);
          const meta = target ? await metaOf(catalog, target) : undefined;
          const params = meta?.parameters ?? target?.parameters;
          await this.writeObject(params
            ? `${e.name} (alias) -> ${e.definition}\n\n${syntaxLines(e.name, params, meta ?? {}).join('\n\n')}\n`
            : e.definition);
        } else {
          const meta = await metaOf(catalog, e);
          const params = meta?.parameters ?? e.parameters ?? [];
          await this.writeObject('\n' + syntaxLines(e.name, params, meta ?? {}).join('\n\n') + '\n');
        }
      } else await this.writeObject(commandInfo(e, all));
    }
  }
}

/** A command's parameters as -ParameterName sees them: its own plus, for cmdlets, the common parameters. */
async function parametersOf(catalog: CommandCatalog, all: readonly CatalogEntry[], e: CatalogEntry): Promise<readonly ParameterMeta[]> {
  const target = e.commandType === 'Alias' ? resolveEntry(all, e.name) : e;
  if (!target) return [];
  if (target.commandType === 'Cmdlet') {
    const meta = await metaOf(catalog, target);
    return meta ? [...meta.parameters, ...commonParameters] : [];
  }
  return target.parameters ?? [];
}

function sortEntries(list: CatalogEntry[]): CatalogEntry[] {
  return list.slice().sort((a, b) => KIND_ORDER[a.commandType] - KIND_ORDER[b.commandType] || compareStrings(a.name, b.name));
}
