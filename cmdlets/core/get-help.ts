import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { catalogOf, metaOf, resolveEntry, type CatalogEntry } from './catalog.js';
import { hasWildcards, wildcardToRegex, compareStrings } from './lang.js';
import { renderHelp, renderParameters, type HelpSource, type HelpView } from './help-text.js';

const GENERAL_HELP = `
TOPIC
    syncshell Help System

SHORT DESCRIPTION
    Displays help about syncshell cmdlets and concepts.

LONG DESCRIPTION
    Get-Help <command name> shows the help of a cmdlet, function or alias.
    Get-Help <command name> -Examples shows its examples, -Full everything,
    -Parameter <name> one parameter. Get-Command lists the available commands;
    wildcards select several (Get-Help Get-ADSync*).
`;

/** Get-Help: renders help text from the commands' metadata. */
export class GetHelpCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Get', noun: 'Help', module: 'Microsoft.PowerShell.Core', className: 'Microsoft.PowerShell.Commands.GetHelpCommand',
    defaultParameterSet: 'AllUsersView',
    parameters: [
      param('Name', T.String, { position: 0, valueFromPipelineByPropertyName: true, description: 'Gets help about the specified command or concept.' }),
      param('Path', T.String, { description: 'Gets help that explains how the cmdlet works in the specified provider path.' }),
      param('Category', T.array(T.String), { description: 'Displays help only for items in the specified category and their aliases.' }),
      param('Detailed', T.Switch, { mandatory: true, sets: ['DetailedView'], description: 'Adds parameter descriptions and examples to the basic help display.' }),
      param('Full', T.Switch, { sets: ['AllUsersView'], description: 'Displays the entire help article for a cmdlet.' }),
      param('Examples', T.Switch, { mandatory: true, sets: ['Examples'], description: 'Displays only the name, synopsis, and examples.' }),
      param('Parameter', T.array(T.String), { mandatory: true, sets: ['Parameters'], description: 'Displays only the detailed descriptions of the specified parameters.' }),
      param('Component', T.array(T.String), { description: 'Displays commands with the specified component value.' }),
      param('Functionality', T.array(T.String), { description: 'Displays help for items with the specified functionality.' }),
      param('Role', T.array(T.String), { description: 'Displays help customized for the specified user role.' }),
      param('Online', T.Switch, { mandatory: true, sets: ['Online'], description: 'Displays the online version of a help article in the default browser.' }),
    ],
    outputType: ['System.String'],
    synopsis: 'Displays information about PowerShell commands and concepts.',
    description: 'The Get-Help cmdlet displays information about PowerShell concepts and commands, including cmdlets, functions and aliases. The emulator renders the help from each command\'s metadata: synopsis, syntax, description, parameters and examples.',
    examples: [
      { title: 'Display basic help information about a cmdlet', code: 'Get-Help Format-Table' },
      { title: 'Display examples', code: 'Get-Help Get-Date -Examples' },
      { title: 'Display parameter help', code: 'Get-Help Select-Object -Parameter Property' },
    ],
  };

  Name?: string;
  Path?: string;
  Category?: string[];
  Detailed = false;
  Full = false;
  Examples = false;
  Parameter?: string[];
  Online = false;

  override async processRecord(): Promise<void> {
    if (!this.Name) { await this.writeObject(GENERAL_HELP); return; }
    const catalog = catalogOf(this.context);
    const all = catalog.list();
    const targets: CatalogEntry[] = [];
    if (hasWildcards(this.Name)) {
      const re = wildcardToRegex(this.Name);
      const hits = all.filter((e) => e.commandType !== 'Alias' && re.test(e.name)).sort((a, b) => compareStrings(a.name, b.name));
      if (hits.length > 1) {
        // Several matches: pwsh lists them (Name, Category, Module, Synopsis) instead of one article.
        for (const h of hits) {
          await this.writeObject(`${h.name.padEnd(40)} ${(h.commandType === 'Cmdlet' ? 'Cmdlet' : 'Function').padEnd(9)} ${h.module.padEnd(30)} ${(await metaOf(catalog, h))?.synopsis ?? ''}`.trimEnd());
        }
        return;
      }
      targets.push(...hits);
    } else {
      const e = resolveEntry(all, this.Name);
      if (e) targets.push(e);
    }
    if (targets.length === 0) {
      this.writeError(this.error(`Get-Help could not find ${this.Name} in a help file in this session. To download updated help topics type: "Update-Help". To get help online, search for the help topic in the TechNet library at https:/go.microsoft.com/fwlink/?LinkID=107116.`,
        'HelpNotFound', 'ResourceUnavailable', null, 'System.Management.Automation.HelpNotFoundException'));
      return;
    }
    const width = this.context.host.width || 120;
    for (const e of targets) {
      const meta = await metaOf(catalog, e);
      const src: HelpSource = {
        name: e.name,
        meta,
        parameters: meta?.parameters ?? e.parameters ?? [],
        aliases: all.filter((a) => a.commandType === 'Alias' && a.definition.toLowerCase() === e.name.toLowerCase()).map((a) => a.name),
      };
      if (this.Parameter) {
        const res = this.Parameter.map((p) => wildcardToRegex(p));
        const ps = src.parameters.filter((p) => res.some((r) => r.test(p.name)));
        if (ps.length === 0) {
          this.writeError(this.error(`No parameter matches criteria ${this.Parameter.join(', ')}.`, 'NoParmsFound', 'InvalidArgument', this.Parameter.join(', '), 'System.ArgumentException'));
          continue;
        }
        await this.writeObject(renderParameters(ps, width));
        continue;
      }
      const view: HelpView = this.Examples ? 'examples' : this.Full ? 'full' : this.Detailed ? 'detailed' : 'default';
      await this.writeObject(renderHelp(src, view, width));
    }
  }
}
