/** The FileSystem items' default table, registered by the cmdlets that emit items (kept out of the provider so it stays cheap to load). */
import { PSObject } from '../../runtime/values/psobject.js';
import { PSDateTime } from '../../runtime/values/datetime.js';
import { registerView, tableView } from '../../runtime/format/index.js';
import { formatDateTime } from './date-format.js';
import { DirectoryInfoType, FileInfoType } from './filesystem-provider.js';

// FileSystem.format.ps1xml's 'children' view (Windows layout), grouped by parent directory.
const childrenView = tableView([
  { label: 'Mode', property: 'Mode', width: 7 },
  { label: 'LastWriteTime', width: 26, alignment: 'right', value: (o) => {
    const d = o instanceof PSObject ? o.get('LastWriteTime') : null;
    return d instanceof PSDateTime ? `${formatDateTime(d, 'd').padStart(10)}  ${formatDateTime(d, 't').padStart(8)}` : '';
  } },
  { label: 'Length', property: 'Length', width: 14, alignment: 'right' },
  { label: 'Name', property: 'Name' },
], { groupBy: { label: 'Directory', value: (o) => (o instanceof PSObject ? o.get('DirectoryForDisplay') : '') } });
registerView(FileInfoType, childrenView);
registerView(DirectoryInfoType, childrenView);

