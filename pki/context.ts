import type { Clock, StateStore } from '../state/index.js';
import { KeyVault } from './key-vault.js';
import { CertStores } from './stores.js';

/** Everything stateful pki/ needs: the state directory and the emulator clock. */
export interface PkiContext {
  store: StateStore;
  clock: Clock;
  vault: KeyVault;
  stores: CertStores;
}

export function openPki(store: StateStore, clock: Clock): PkiContext {
  const vault = new KeyVault(store, clock);
  return { store, clock, vault, stores: new CertStores(store, (ref) => vault.find(ref)) };
}
