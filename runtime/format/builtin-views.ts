/**
 * Views PowerShell itself ships (DotNetTypes.format.ps1xml, Certificate.format.ps1xml) for types the
 * shell's own values and cmdlets produce.
 */
import { PSDateTime } from '../values/datetime.js';
import { PSTimeSpan } from '../values/timespan.js';
import { registerView, tableView, listView } from './views.js';

let registered = false;

/** The DateTime view: long date and long time, or only one of them when Get-Date -DisplayHint asked. */
function dateTimeDisplay(d: PSDateTime): string {
  const hint = (d as { displayHint?: string }).displayHint;
  const full = d.toLongString();
  const cut = full.lastIndexOf(' ', full.lastIndexOf(' ') - 1);
  if (hint === 'Date') return full.slice(0, cut);
  if (hint === 'Time') return full.slice(cut + 1);
  return full;
}

export function registerBuiltinViews(): void {
  if (registered) return;
  registered = true;

  // DateTime's custom control prints its long form ($_.DateTime).
  registerView('System.DateTime', {
    kind: 'custom',
    name: 'DateTime',
    render: (o) => [o instanceof PSDateTime ? dateTimeDisplay(o) : String(o)],
  });

  const ts = (f: (t: PSTimeSpan) => number) => (o: unknown) => (o instanceof PSTimeSpan ? f(o) : null);
  registerView('System.TimeSpan', listView([
    { label: 'Days', value: ts((t) => t.days) },
    { label: 'Hours', value: ts((t) => t.hours) },
    { label: 'Minutes', value: ts((t) => t.minutes) },
    { label: 'Seconds', value: ts((t) => t.seconds) },
    { label: 'Milliseconds', value: ts((t) => t.milliseconds) },
    { label: 'Ticks', value: ts((t) => t.ticks) },
    { label: 'TotalDays', value: ts((t) => t.ticks / PSTimeSpan.TicksPerDay) },
    { label: 'TotalHours', value: ts((t) => t.ticks / PSTimeSpan.TicksPerHour) },
    { label: 'TotalMinutes', value: ts((t) => t.ticks / PSTimeSpan.TicksPerMinute) },
    { label: 'TotalSeconds', value: ts((t) => t.ticks / PSTimeSpan.TicksPerSecond) },
    { label: 'TotalMilliseconds', value: ts((t) => t.ticks / PSTimeSpan.TicksPerMs) },
  ]));

  // DotNetTypes.format.ps1xml's System.Version table.
  registerView('System.Version', tableView([
    { label: 'Major', property: 'Major', width: 6 },
    { label: 'Minor', property: 'Minor', width: 6 },
    { label: 'Build', property: 'Build', width: 6 },
    { label: 'Revision', property: 'Revision', width: 8 },
  ]));

  // Enumerating a hashtable for display yields DictionaryEntry objects.
  registerView('System.Collections.DictionaryEntry', tableView([
    { label: 'Name', property: 'Name', width: 30 },
    { label: 'Value', property: 'Value' },
  ]));

  registerView('System.Security.Cryptography.X509Certificates.X509Certificate2', tableView([
    { label: 'Thumbprint', property: 'Thumbprint', width: 41 },
    { label: 'Subject', property: 'Subject', width: 20 },
    { label: 'EnhancedKeyUsageList', property: 'EnhancedKeyUsageList' },
  ], { groupBy: { label: 'PSParentPath', property: 'PSParentPath' } }));
}
