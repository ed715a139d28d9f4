import { expect } from 'chai';
import { coreAliases, coreCommandIndex, loadCoreCmdlets } from '../../cmdlets/core/index.js';
import { commandName } from '../../runtime/commands/cmdlet-meta.js';

describe('cmdlets/core index', () => {
  it('every lazy entry loads the class its name and module promise', async () => {
    for (const entry of coreCommandIndex) {
      const cls = await entry.load();
      expect(commandName(cls.meta), entry.name).to.equal(entry.name);
      expect(cls.meta.module, entry.name).to.equal(entry.module);
      // Join-String's class lives in Microsoft.PowerShell.Commands.Utility, as in pwsh.
      expect(cls.meta.className, entry.name).to.match(/^Microsoft\.PowerShell\.Commands\.(Utility\.)?\w+Command$/);
    }
    expect((await loadCoreCmdlets()).length).to.equal(coreCommandIndex.length);
  });

  it('every alias names an indexed cmdlet, and the declared aliases are registered', async () => {
    const names = new Set(coreCommandIndex.map((c) => c.name.toLowerCase()));
    for (const [alias, target] of Object.entries(coreAliases)) expect(names.has(target.toLowerCase()), `${alias} -> ${target}`).to.equal(true);
    for (const cls of await loadCoreCmdlets()) {
      for (const a of cls.meta.aliases ?? []) expect(coreAliases[a], `${a} of ${commandName(cls.meta)}`).to.equal(commandName(cls.meta));
    }
  });

  it('parameter metadata is well formed: unique names, one position per set', async () => {
    for (const cls of await loadCoreCmdlets()) {
      const ps = cls.meta.parameters;
      expect(new Set(ps.map((p) => p.name.toLowerCase())).size, commandName(cls.meta)).to.equal(ps.length);
      const sets = new Set(ps.flatMap((p) => p.sets ?? []));
      if (sets.size === 0) sets.add('__AllParameterSets');
      for (const s of sets) {
        const positions = ps.filter((p) => p.position !== undefined && (!p.sets || p.sets.length === 0 || p.sets.includes(s))).map((p) => p.position);
        expect(new Set(positions).size, `${commandName(cls.meta)} set ${s}`).to.equal(positions.length);
      }
      expect(cls.meta.synopsis, commandName(cls.meta)).to.be.a('string');
    }
  });
});
