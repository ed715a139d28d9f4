import type { StateStore } from '../state/index.js';

/** The emulated TPM, persisted in the state directory (document 'pki-tpm'). */
export interface TpmSettings {
  present: boolean;
  manufacturerIdTxt: string;
  manufacturerVersion: string;
  lockoutCount: number;
}

export const TPM_DOC = 'pki-tpm';

/** A present, provisioned firmware TPM, using the values of the Get-Tpm documentation example. */
export function defaultTpm(): TpmSettings {
  return { present: true, manufacturerIdTxt: 'INTC', manufacturerVersion: '402.1.0.0', lockoutCount: 0 };
}

export function readTpm(store: StateStore): TpmSettings {
  return { ...defaultTpm(), ...(store.read<Partial<TpmSettings>>(TPM_DOC) ?? {}) };
}

export function setTpmPresent(store: StateStore, present: boolean): TpmSettings {
  return store.update<TpmSettings, TpmSettings>(TPM_DOC, defaultTpm, (d) => { d.present = present; return { ...d }; });
}

/** Get-Tpm's TpmObject: the 19 properties in the order Windows prints them. */
export interface TpmInfo {
  TpmPresent: boolean;
  TpmReady: boolean;
  TpmEnabled: boolean;
  TpmActivated: boolean;
  TpmOwned: boolean;
  RestartPending: boolean;
  ManufacturerId: number;
  ManufacturerIdTxt: string;
  ManufacturerVersion: string;
  ManufacturerVersionFull20: string;
  ManagedAuthLevel: 'Legacy' | 'Balanced' | 'Full';
  OwnerAuth: string;
  OwnerClearDisabled: boolean;
  AutoProvisioning: 'NotDefined' | 'Enabled' | 'Disabled' | 'DisabledForNextBoot';
  LockedOut: boolean;
  LockoutHealTime: string;
  LockoutCount: number | null;
  LockoutMax: number | null;
  SelfTest: number[] | null;
}

/** ManufacturerId is the vendor's 4 ASCII bytes read as a big-endian UInt32 ('INTC' = 1229870147). */
export function manufacturerId(txt: string): number {
  const b = Buffer.alloc(4);
  Buffer.from(txt.slice(0, 4), 'latin1').copy(b);
  return b.readUInt32BE(0);
}

export function tpmInfo(s: TpmSettings): TpmInfo {
  if (!s.present) {
    return {
      TpmPresent: false, TpmReady: false, TpmEnabled: false, TpmActivated: false, TpmOwned: false, RestartPending: false,
      ManufacturerId: 0, ManufacturerIdTxt: '', ManufacturerVersion: '', ManufacturerVersionFull20: '',
      ManagedAuthLevel: 'Full', OwnerAuth: '', OwnerClearDisabled: true, AutoProvisioning: 'NotDefined',
      LockedOut: false, LockoutHealTime: '', LockoutCount: null, LockoutMax: null, SelfTest: null,
    };
  }
  return {
    TpmPresent: true, TpmReady: true, TpmEnabled: true, TpmActivated: true, TpmOwned: true, RestartPending: false,
    ManufacturerId: manufacturerId(s.manufacturerIdTxt), ManufacturerIdTxt: s.manufacturerIdTxt,
    ManufacturerVersion: s.manufacturerVersion, ManufacturerVersionFull20: s.manufacturerVersion,
    ManagedAuthLevel: 'Full', OwnerAuth: '', OwnerClearDisabled: false, AutoProvisioning: 'Enabled',
    LockedOut: false, LockoutHealTime: '10 minutes', LockoutCount: s.lockoutCount, LockoutMax: 31, SelfTest: [],
  };
}
