import { STORE_NAMES, type StoreLocation } from '../../pki/index.js';
import { PSObject } from '../../runtime/values/psobject.js';
import { addProviderNotes } from './cert-paths.js';

export const STORE_LOCATION_TYPE = 'Microsoft.PowerShell.Commands.X509StoreLocation';
export const STORE_TYPE = 'System.Security.Cryptography.X509Certificates.X509Store';

/** Microsoft.PowerShell.Commands.X509StoreLocation: what `Get-ChildItem Cert:\` lists. */
export function storeLocationObject(location: StoreLocation): PSObject {
  const o = PSObject.typed(STORE_LOCATION_TYPE, {});
  addProviderNotes(o, { location }, true);
  o.addNote('Location', location);
  // StoreNames is a dictionary on Windows; its keys are what prints ('{My, Root}').
  o.addNote('StoreNames', [...STORE_NAMES]);
  o.toStringImpl = () => STORE_LOCATION_TYPE;
  return o;
}

/** System.Security.Cryptography.X509Certificates.X509Store: what `Get-ChildItem Cert:\LocalMachine` lists. */
export function storeObject(location: StoreLocation, name: string, certificates: () => unknown[]): PSObject {
  const o = PSObject.typed(STORE_TYPE, {});
  addProviderNotes(o, { location, store: name }, true);
  o.addNote('Name', name);
  o.addNote('Location', location);
  o.addGetter('Certificates', certificates);
  o.addNote('IsOpen', false);
  return o;
}
