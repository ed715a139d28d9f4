import { expect } from 'chai';
import { adsyncCommandIndex } from '../../cmdlets/adsync/index.js';
import { emulatorCommandIndex } from '../../cmdlets/emulator/index.js';
import { shell } from './harness.js';

describe('ADSync and emulator cmdlet metadata (what Get-Help shows)', function () {
  this.timeout(30_000);
  const all = [...adsyncCommandIndex, ...emulatorCommandIndex];

  it('every index entry loads a class whose name, module, synopsis and examples are declared', async () => {
    for (const e of all) {
      const cls = await e.load();
      const m = cls.meta;
      expect(`${m.verb}-${m.noun}`, e.name).to.equal(e.name);
      expect(m.module, e.name).to.equal(e.module);
      expect(m.synopsis, e.name).to.be.a('string').and.not.empty;
      expect(m.examples?.length ?? 0, e.name).to.be.greaterThan(0);
      expect(m.className, e.name).to.be.a('string');
    }
    expect(all.filter((e) => e.module === 'ADSync')).to.have.length(15);
    expect(all.filter((e) => e.module === 'SyncShell.Emulator')).to.have.length(7);
  });

  it('Get-Help and Get-Command see them', async () => {
    const sh = shell();
    try {
      let r = await sh.run('Get-Help Add-ADSyncApplicationRegistration');
      expect(r.errors, r.errorText).to.have.length(0);
      expect(r.output).to.contain('Add-ADSyncApplicationRegistration');
      expect(r.output).to.contain('CertificateSHA256Hash');
      r = await sh.run('Get-Command -Module ADSync | Measure-Object | Select-Object -ExpandProperty Count');
      expect(r.objects).to.deep.equal([15]);
      r = await sh.run('(Get-Command Set-ADSyncScheduler).Parameters.Keys -contains "NextSyncCyclePolicyType"');
      expect(r.errors, r.errorText).to.have.length(0);
    } finally { sh.cleanup(); }
  });
});
