import { expect } from 'chai';
import { PSObject } from '../../runtime/values/psobject.js';
import { setTpmPresent } from '../../pki/index.js';
import { PkiSession } from './harness.js';

const ORDER = ['TpmPresent', 'TpmReady', 'TpmEnabled', 'TpmActivated', 'TpmOwned', 'RestartPending', 'ManufacturerId', 'ManufacturerIdTxt',
  'ManufacturerVersion', 'ManufacturerVersionFull20', 'ManagedAuthLevel', 'OwnerAuth', 'OwnerClearDisabled', 'AutoProvisioning', 'LockedOut',
  'LockoutHealTime', 'LockoutCount', 'LockoutMax', 'SelfTest'];

describe('pki cmdlets: Get-Tpm', () => {
  let s: PkiSession;
  beforeEach(() => { s = new PkiSession(); });
  afterEach(() => s.cleanup());

  it('returns a TpmObject with the 19 properties in Windows order (the documentation example TPM)', async () => {
    const { output: [tpm], errors } = await s.run('Get-Tpm');
    expect(errors).to.deep.equal([]);
    const o = tpm as PSObject;
    expect(o.typeNames[0]).to.equal('Microsoft.Tpm.Commands.TpmObject');
    expect(o.propertyNames()).to.deep.equal(ORDER);
    expect(o.get('TpmPresent')).to.equal(true);
    expect(o.get('ManufacturerId')).to.equal(1229870147);
    expect(o.get('ManufacturerIdTxt')).to.equal('INTC');
    expect(o.get('LockoutHealTime')).to.equal('10 minutes');
    expect(o.get('OwnerAuth')).to.equal('');
    expect(o.get('AutoProvisioning')).to.equal('Enabled');
  });

  it('reflects an absent TPM as Windows does on a computer without one', async () => {
    setTpmPresent(s.pki, false);
    const o = (await s.run('Get-Tpm')).output[0] as PSObject;
    expect(o.propertyNames()).to.deep.equal(ORDER);
    for (const k of ['TpmPresent', 'TpmReady', 'TpmEnabled', 'TpmActivated', 'TpmOwned', 'RestartPending', 'LockedOut']) expect(o.get(k)).to.equal(false);
    expect(o.get('ManufacturerId')).to.equal(0);
    expect(o.get('OwnerClearDisabled')).to.equal(true);
    expect(o.get('AutoProvisioning')).to.equal('NotDefined');
  });
});
