import { expect } from 'chai';
import { GetCommandCommand } from '../../cmdlets/core/get-command.js';
import { GetHelpCommand } from '../../cmdlets/core/get-help.js';
import { GetAliasCommand } from '../../cmdlets/core/get-alias.js';
import { GetMemberCommand } from '../../cmdlets/core/get-member.js';
import { GetDateCommand } from '../../cmdlets/core/get-date.js';
import { WhereObjectCommand } from '../../cmdlets/core/where-object.js';
import { ForEachObjectCommand } from '../../cmdlets/core/foreach-object.js';
import { syntaxLines } from '../../cmdlets/core/syntax.js';
import type { CatalogEntry, CommandCatalog } from '../../cmdlets/core/catalog.js';
import { PSObject } from '../../runtime/values/psobject.js';
import { FakeContext, run } from './fake-runtime.js';

function catalogContext(): FakeContext {
  const ctx = new FakeContext();
  const entries: CatalogEntry[] = [
    { name: 'Get-Date', commandType: 'Cmdlet', module: 'Microsoft.PowerShell.Utility', definition: 'Get-Date' },
    { name: 'Where-Object', commandType: 'Cmdlet', module: 'Microsoft.PowerShell.Core', definition: 'Where-Object', meta: WhereObjectCommand.meta },
    { name: 'ForEach-Object', commandType: 'Cmdlet', module: 'Microsoft.PowerShell.Core', definition: 'ForEach-Object', meta: ForEachObjectCommand.meta },
    { name: '?', commandType: 'Alias', module: '', definition: 'Where-Object' },
    { name: 'where', commandType: 'Alias', module: '', definition: 'Where-Object' },
    { name: 'gci', commandType: 'Alias', module: '', definition: 'Get-ChildItem' },
    { name: 'Get-Thing', commandType: 'Function', module: '', definition: 'param($X) $X' },
  ];
  const catalog: CommandCatalog = { list: () => entries, meta: (n) => (n.toLowerCase() === 'get-date' ? GetDateCommand.meta : undefined) };
  ctx.services.set('commands', catalog);
  return ctx;
}

describe('syntax generation', () => {
  it('prints parameter sets as pwsh does (checked against System.Management.Automation 7.6)', () => {
    const where = syntaxLines('Where-Object', WhereObjectCommand.meta.parameters, WhereObjectCommand.meta);
    expect(where[0]).to.equal('Where-Object [-Property] <string> [[-Value] <Object>] [-InputObject <psobject>] [-EQ] [<CommonParameters>]');
    expect(where[1]).to.equal('Where-Object [-FilterScript] <scriptblock> [-InputObject <psobject>] [<CommonParameters>]');
    expect(where[2]).to.equal('Where-Object [-Property] <string> [[-Value] <Object>] -CEQ [-InputObject <psobject>] [<CommonParameters>]');
    expect(where[where.length - 1]).to.equal('Where-Object [-Property] <string> -Not [-InputObject <psobject>] [<CommonParameters>]');
    const fe = syntaxLines('ForEach-Object', ForEachObjectCommand.meta.parameters, ForEachObjectCommand.meta);
    expect(fe[0]).to.equal('ForEach-Object [-Process] <scriptblock[]> [-InputObject <psobject>] [-Begin <scriptblock>] [-End <scriptblock>] [-RemainingScripts <scriptblock[]>] [-WhatIf] [-Confirm] [<CommonParameters>]');
    expect(fe[1]).to.equal('ForEach-Object [-MemberName] <string> [-InputObject <psobject>] [-ArgumentList <Object[]>] [-WhatIf] [-Confirm] [<CommonParameters>]');
  });

  it('gives Get-Date the shape the brief quotes', () => {
    const s = syntaxLines('Get-Date', GetDateCommand.meta.parameters, GetDateCommand.meta)[0]!;
    expect(s.startsWith('Get-Date [[-Date] <datetime>] [-Year <int>]')).to.equal(true);
    expect(s).to.contain('[-Format <string>]');
    expect(s.endsWith('[-AsUTC] [<CommonParameters>]')).to.equal(true);
  });
});

describe('Get-Command / Get-Alias', () => {
  it('lists by type then name, filters by wildcard and verb', async () => {
    const ctx = catalogContext();
    const all = await run(GetCommandCommand, {}, { ctx });
    expect(all.output.map((o) => (o as PSObject).get('Name'))).to.deep.equal(['?', 'gci', 'where', 'Get-Thing', 'ForEach-Object', 'Get-Date', 'Where-Object']);
    const w = await run(GetCommandCommand, { Name: ['*-Object'] }, { ctx });
    expect(w.output.map((o) => (o as PSObject).get('Name'))).to.deep.equal(['ForEach-Object', 'Where-Object']);
    const v = await run(GetCommandCommand, { Verb: ['Get'] }, { ctx });
    expect(v.output.map((o) => (o as PSObject).get('Name'))).to.deep.equal(['Get-Thing', 'Get-Date']);
    const o = w.output[1] as PSObject;
    expect([o.get('CommandType'), o.get('Version'), o.get('Source')]).to.deep.equal(['Cmdlet', '7.6.0.500', 'Microsoft.PowerShell.Core']);
  });

  it('reports an unknown exact name with the command-not-found text', async () => {
    const r = await run(GetCommandCommand, { Name: ['Nope-Thing'] }, { ctx: catalogContext() });
    expect(r.errors[0]!.message).to.equal("The term 'Nope-Thing' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.");
    expect(r.errors[0]!.fullyQualifiedErrorId).to.equal('CommandNotFoundException,Microsoft.PowerShell.Commands.GetCommandCommand');
  });

  it('-Syntax loads metadata through the catalog', async () => {
    const r = await run(GetCommandCommand, { Name: ['Get-Date'], Syntax: true }, { ctx: catalogContext() });
    expect(r.output[0]).to.match(/^\nGet-Date \[\[-Date\] <datetime>\]/);
  });

  it('Get-Alias shows aliases as "name -> target" with the target module', async () => {
    const r = await run(GetAliasCommand, { Name: ['wh*', '?'] }, { ctx: catalogContext() });
    const a = r.output as PSObject[];
    expect(a.map((o) => o.get('DisplayName'))).to.deep.equal(['where -> Where-Object', '? -> Where-Object']);
    expect([a[0]!.get('Source'), a[0]!.get('Version')]).to.deep.equal(['', '']);
    const missing = await run(GetAliasCommand, { Name: ['zz'] }, { ctx: catalogContext() });
    expect(missing.errors[0]!.message).to.equal("This command cannot find a matching alias because an alias with the name 'zz' does not exist.");
  });
});

describe('Get-Help', () => {
  it('renders NAME, SYNOPSIS, SYNTAX, DESCRIPTION, ALIASES and REMARKS', async () => {
    const r = await run(GetHelpCommand, { Name: 'where' }, { ctx: catalogContext() });
    const text = r.output[0] as string;
    expect(text.startsWith('\nNAME\n    Where-Object\n    \nSYNOPSIS\n    Selects objects from a collection based on their property values.\n')).to.equal(true);
    expect(text).to.contain('\nSYNTAX\n    Where-Object [-Property] <string> [[-Value] <Object>] [-InputObject <psobject>] [-EQ] [<CommonParameters>]\n    \n');
    expect(text).to.contain('\nALIASES\n    ?\n    where\n');
    expect(text).to.contain('To see the examples, type: "Get-Help Where-Object -Examples"');
  });

  it('-Parameter prints the parameter block as pwsh does', async () => {
    const r = await run(GetHelpCommand, { Name: 'ForEach-Object', Parameter: ['MemberName'] }, { ctx: catalogContext() });
    const lines = (r.output[0] as string).split('\n');
    expect(lines.slice(0, 4)).to.deep.equal(['', '-MemberName <string>', '    Specifies the name of the member property to get or the member method to call.', '    ']);
    expect(lines).to.include('    Required?                    true');
    expect(lines).to.include('    Position?                    0');
    expect(lines).to.include('    Parameter set name           PropertyAndMethodSet');
  });

  it('-Examples and -Full include examples and parameters; unknown topics fail as pwsh', async () => {
    const ex = (await run(GetHelpCommand, { Name: 'Get-Date', Examples: true }, { ctx: catalogContext() })).output[0] as string;
    expect(ex).to.contain('Example 5: Add days to the current date');
    expect(ex).to.contain('    (Get-Date).AddDays(150)');
    const full = (await run(GetHelpCommand, { Name: 'Get-Date', Full: true }, { ctx: catalogContext() })).output[0] as string;
    expect(full).to.contain('\nPARAMETERS\n    -AsUTC\n');
    expect(full).to.contain('    <CommonParameters>');
    const missing = await run(GetHelpCommand, { Name: 'Nope' }, { ctx: catalogContext() });
    expect(missing.errors[0]!.fullyQualifiedErrorId).to.equal('HelpNotFound,Microsoft.PowerShell.Commands.GetHelpCommand');
    expect(missing.errors[0]!.message).to.match(/^Get-Help could not find Nope in a help file in this session\./);
  });
});

describe('Get-Member', () => {
  it('lists a custom object members sorted by MemberType then Name with note definitions', async () => {
    const r = await run(GetMemberCommand, {}, { input: [PSObject.custom({ Name: 'x', N: 1, L: [1, 2], Z: null })] });
    const rows = (r.output as PSObject[]).map((o) => [o.get('Name'), o.get('MemberType'), o.get('Definition')]);
    expect(rows).to.deep.equal([
      ['Equals', 'Method', 'bool Equals(System.Object obj)'],
      ['GetHashCode', 'Method', 'int GetHashCode()'],
      ['GetType', 'Method', 'type GetType()'],
      ['ToString', 'Method', 'string ToString()'],
      ['L', 'NoteProperty', 'Object[] L=System.Object[]'],
      ['N', 'NoteProperty', 'int N=1'],
      ['Name', 'NoteProperty', 'string Name=x'],
      ['Z', 'NoteProperty', 'object Z=null'],
    ]);
    expect((r.output[0] as PSObject).get('TypeName')).to.equal('System.Management.Automation.PSCustomObject');
  });

  it('uses the .NET member table for strings, once per type, and filters by -MemberType/-Name', async () => {
    const r = await run(GetMemberCommand, { MemberType: 'Property' }, { input: ['a', 'b'] });
    expect((r.output as PSObject[]).map((o) => o.get('Definition'))).to.deep.equal(['int Length {get;}']);
    const m = await run(GetMemberCommand, { Name: ['ToUpper*'] }, { input: [1, 'x'] });
    expect((m.output as PSObject[]).map((o) => `${o.get('TypeName')}:${o.get('Name')}`)).to.deep.equal(['System.String:ToUpper', 'System.String:ToUpperInvariant']);
  });

  it('fails without input as pwsh does', async () => {
    const r = await run(GetMemberCommand, {}, { input: [] });
    expect(r.terminating?.message).to.equal('You must specify an object for the Get-Member cmdlet.');
  });
});
