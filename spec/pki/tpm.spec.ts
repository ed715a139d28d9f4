import { expect } from 'chai';
import { StateStore } from '../../state/index.js';
import { getTpmInfo, setTpmPresent, openPki, manufacturerId } from '../../pki/index.js';
import { tempPki } from './helpers.js';

const ORDER = ['TpmPresent', 'TpmReady', 'TpmEnabled', 'TpmActivated', 'TpmOwned', 'RestartPending', 'ManufacturerId',
  'ManufacturerIdTxt', 'ManufacturerVersion', 'ManufacturerVersionFull20', 'ManagedAuthLevel', 'OwnerAuth', 'OwnerClearDisabled',
  'AutoProvisioning', 'LockedOut', 'LockoutHealTime', 'LockoutCount', 'LockoutMax', 'SelfTest'];

describe('pki: emulated TPM (Get-Tpm)', () => {
  let t: ReturnType<typeof tempPki>;
  beforeEach(() => { t = tempPki(); });
  afterEach(() => t.cleanup());

  it('reports a present, ready TPM by default with the 19 properties in Windows order', () => {
    const info = getTpmInfo(t.ctx);
    expect(Object.keys(info)).to.deep.equal(ORDER);
    expect(info).to.deep.include({ TpmPresent: true, TpmReady: true, ManufacturerId: 1229870147, ManufacturerIdTxt: 'INTC', AutoProvisioning: 'Enabled', OwnerAuth: '' });
  });

  it('reports the no-TPM values and keeps the setting in the state directory', () => {
    setTpmPresent(t.ctx, false);
    const again = getTpmInfo(openPki(new StateStore(t.home), t.clock));
    expect(Object.keys(again)).to.deep.equal(ORDER);
    expect(again).to.deep.include({ TpmPresent: false, TpmReady: false, ManufacturerId: 0, ManufacturerIdTxt: '', OwnerClearDisabled: true, AutoProvisioning: 'NotDefined', LockoutCount: null });
    setTpmPresent(t.ctx, true);
    expect(getTpmInfo(t.ctx).TpmPresent).to.equal(true);
  });

  it('computes ManufacturerId from the vendor letters', () => {
    expect(manufacturerId('INTC')).to.equal(1229870147);
    expect(manufacturerId('STM ')).to.equal(1398033696);
  });
});
