import { PSObject } from '../../runtime/values/psobject.js';
import { registerView, tableView } from '../../runtime/format/index.js';
import type { ItemProvider } from './providers.js';

export const PathInfoType = 'System.Management.Automation.PathInfo';

registerView(PathInfoType, tableView([{ label: 'Path', property: 'Path' }]));

/** A PathInfo (Get-Location, Set-Location -PassThru): its table shows Path. */
export function pathInfo(provider: ItemProvider, path: string): PSObject {
  const shown = provider.display(path);
  const drive = /^([A-Za-z][\w]*):/.exec(shown)?.[1] ?? '/';
  const o = new PSObject([PathInfoType, 'System.Object']);
  o.addGetter('Drive', () => drive, 'System.Management.Automation.PSDriveInfo');
  o.addGetter('Provider', () => provider.fullName, 'System.Management.Automation.ProviderInfo');
  o.addGetter('ProviderPath', () => path, 'string');
  o.addGetter('Path', () => shown, 'string');
  o.toStringImpl = () => shown;
  return o;
}
