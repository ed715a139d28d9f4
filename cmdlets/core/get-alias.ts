import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { catalogOf } from './catalog.js';
import { commandInfo } from './get-command.js';
import { compareStrings, hasWildcards, wildcardToRegex } from './lang.js';

/** Get-Alias: AliasInfo objects, displayed as 'gci -> Get-ChildItem'. */
export class GetAliasCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Get', noun: 'Alias', module: 'Microsoft.PowerShell.Utility', className: 'Microsoft.PowerShell.Commands.GetAliasCommand',
    defaultParameterSet: 'Default',
    parameters: [
      param('Name', T.array(T.String), { position: 0, sets: ['Default'], valueFromPipelineByPropertyName: true, valueFromPipeline: true, description: 'Specifies the aliases that this cmdlet gets. Wildcard characters are permitted.' }),
      param('Exclude', T.array(T.String), { description: 'Specifies an array of one or more string items to exclude.' }),
      param('Scope', T.String, { valueFromPipelineByPropertyName: true, description: 'Specifies the scope for which this cmdlet gets aliases.' }),
      param('Definition', T.array(T.String), { sets: ['Definition'], description: 'Gets the aliases for the specified item (the command an alias stands for).' }),
    ],
    outputType: ['System.Management.Automation.AliasInfo'],
    synopsis: 'Gets the aliases for the current session.',
    description: 'The Get-Alias cmdlet gets the aliases in the current session. This includes built-in aliases, aliases that you have set or imported, and aliases that you have added to your PowerShell profile.',
    examples: [
      { title: 'Get all aliases in the current session', code: 'Get-Alias' },
      { title: 'Get aliases by name', code: 'Get-Alias -Name g*, s*' },
      { title: 'Get aliases for a cmdlet', code: 'Get-Alias -Definition Get-ChildItem' },
    ],
    aliases: ['gal'],
  };

  Name?: string[];
  Exclude?: string[];
  Scope?: string;
  Definition?: string[];

  override async processRecord(): Promise<void> {
    const all = catalogOf(this.context).list();
    const aliases = all.filter((e) => e.commandType === 'Alias').sort((a, b) => compareStrings(a.name, b.name));
    const excl = (this.Exclude ?? []).map((x) => wildcardToRegex(x));
    const keep = (n: string) => !excl.some((r) => r.test(n));
    if (this.Definition) {
      for (const d of this.Definition) {
        const re = wildcardToRegex(d);
        const hits = aliases.filter((a) => re.test(a.definition) && keep(a.name));
        if (hits.length === 0 && !hasWildcards(d)) {
          this.writeError(this.error(`This command cannot find a matching alias because an alias with the definition '${d}' does not exist.`, 'ItemNotFoundException', 'ObjectNotFound', d, 'System.Management.Automation.ItemNotFoundException'));
        }
        for (const h of hits) await this.writeObject(commandInfo(h, all));
      }
      return;
    }
    for (const n of this.Name ?? ['*']) {
      const re = wildcardToRegex(n);
      const hits = aliases.filter((a) => re.test(a.name) && keep(a.name));
      if (hits.length === 0 && !hasWildcards(n)) {
        this.writeError(this.error(`This command cannot find a matching alias because an alias with the name '${n}' does not exist.`, 'ItemNotFoundException', 'ObjectNotFound', n, 'System.Management.Automation.ItemNotFoundException'));
      }
      for (const h of hits) await this.writeObject(commandInfo(h, all));
    }
  }
}
