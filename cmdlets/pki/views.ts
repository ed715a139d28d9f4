import { listView, registerView, tableView, unregisterViews } from '../../runtime/format/views.js';
import { PSObject } from '../../runtime/values/psobject.js';
import { X509_CERTIFICATE2_TYPES } from './certificate-object.js';
import { STORE_LOCATION_TYPE, STORE_TYPE } from './store-objects.js';

const X509 = X509_CERTIFICATE2_TYPES[0]!;

/** `$_.EnhancedKeyUsageList.FriendlyName`: member enumeration gives one string, several, or nothing. */
function ekuFriendlyNames(o: unknown): unknown {
  const list = o instanceof PSObject ? o.get('EnhancedKeyUsageList') : undefined;
  if (!Array.isArray(list) || list.length === 0) return null;
  const names = list.map((e) => (e instanceof PSObject ? e.get('FriendlyName') : e));
  return names.length === 1 ? names[0] : names;
}

const nameOf = (prop: string) => (o: unknown) => {
  const dn = o instanceof PSObject ? o.get(prop) : undefined;
  return dn instanceof PSObject ? dn.get('Name') : null;
};

let registered = false;

/**
 * PowerShell's Certificate.format.ps1xml views (pwsh 7): ThumbprintTable (the default, grouped by PSParentPath),
 * ThumbprintList, and the list views of store locations and stores. Replaces any simpler X509Certificate2 view
 * registered before, so the EnhancedKeyUsageList column shows friendly names as pwsh does.
 */
export function registerPkiViews(): void {
  if (registered) return;
  registered = true;
  unregisterViews(X509);
  registerView(X509, tableView([
    { label: 'Thumbprint', property: 'Thumbprint', width: 41 },
    { label: 'Subject', property: 'Subject', width: 20 },
    { label: 'EnhancedKeyUsageList', value: ekuFriendlyNames },
  ], { name: 'ThumbprintTable', groupBy: { label: 'PSParentPath', property: 'PSParentPath' } }));
  registerView(X509, listView([
    { label: 'Subject', value: nameOf('SubjectName') },
    { label: 'Issuer', value: nameOf('IssuerName') },
    'Thumbprint', 'FriendlyName', 'NotBefore', 'NotAfter', 'Extensions',
  ], { name: 'ThumbprintList', groupBy: { label: 'PSParentPath', property: 'PSParentPath' } }));
  registerView(STORE_LOCATION_TYPE, listView(['Location', 'StoreNames'], { name: 'ThumbprintList' }));
  registerView(STORE_TYPE, listView(['Name'], { name: 'ThumbprintList' }));
}
