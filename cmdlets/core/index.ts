/**
 * cmdlets/core facade. Cheap to import: cmdlet classes load on first use through coreCommandIndex
 * (one dynamic import per file). The eager list `coreCmdlets` lives in ./all.ts for tests and tools.
 *
 * Other modules may import from here: coreCommandIndex, coreAliases, loadCoreCmdlets, and the
 * service contracts CommandCatalog (service 'commands'), TranscriptService ('transcript'),
 * ItemProvider / ProviderRegistry ('providers').
 */
import type { CmdletClass } from '../../runtime/commands/cmdlet.js';

export type { CommandCatalog, CatalogEntry } from './catalog.js';
export type { TranscriptService } from './transcript.js';
export type { ItemProvider, ProviderItem } from './providers.js';
export { ProviderRegistry } from './providers.js';

export interface CoreCommand { readonly name: string; readonly module: string; load(): Promise<CmdletClass> }

const U = 'Microsoft.PowerShell.Utility', M = 'Microsoft.PowerShell.Management', C = 'Microsoft.PowerShell.Core', S = 'Microsoft.PowerShell.Security';

const lazy = <K extends string>(name: string, module: string, load: () => Promise<Record<K, unknown>>, cls: K): CoreCommand =>
  ({ name, module, load: async () => (await load())[cls] as CmdletClass });

export const coreCommandIndex: readonly CoreCommand[] = [
  lazy('Select-Object', U, () => import('./select-object.js'), 'SelectObjectCommand'),
  lazy('Where-Object', C, () => import('./where-object.js'), 'WhereObjectCommand'),
  lazy('ForEach-Object', C, () => import('./foreach-object.js'), 'ForEachObjectCommand'),
  lazy('Sort-Object', U, () => import('./sort-object.js'), 'SortObjectCommand'),
  lazy('Group-Object', U, () => import('./group-object.js'), 'GroupObjectCommand'),
  lazy('Measure-Object', U, () => import('./measure-object.js'), 'MeasureObjectCommand'),
  lazy('New-Object', U, () => import('./new-object.js'), 'NewObjectCommand'),
  lazy('Compare-Object', U, () => import('./compare-object.js'), 'CompareObjectCommand'),
  lazy('Tee-Object', U, () => import('./tee-object.js'), 'TeeObjectCommand'),
  lazy('Get-Member', U, () => import('./get-member.js'), 'GetMemberCommand'),
  lazy('Get-Command', C, () => import('./get-command.js'), 'GetCommandCommand'),
  lazy('Get-Help', C, () => import('./get-help.js'), 'GetHelpCommand'),
  lazy('Get-Alias', U, () => import('./get-alias.js'), 'GetAliasCommand'),
  lazy('Write-Output', U, () => import('./write-output.js'), 'WriteOutputCommand'),
  lazy('Write-Host', U, () => import('./write-host.js'), 'WriteHostCommand'),
  lazy('Write-Warning', U, () => import('./write-warning.js'), 'WriteWarningCommand'),
  lazy('Write-Error', U, () => import('./write-error.js'), 'WriteErrorCommand'),
  lazy('Write-Verbose', U, () => import('./write-verbose.js'), 'WriteVerboseCommand'),
  lazy('Write-Debug', U, () => import('./write-debug.js'), 'WriteDebugCommand'),
  lazy('Write-Information', U, () => import('./write-information.js'), 'WriteInformationCommand'),
  lazy('Write-Progress', U, () => import('./write-progress.js'), 'WriteProgressCommand'),
  lazy('Read-Host', U, () => import('./read-host.js'), 'ReadHostCommand'),
  lazy('Get-Credential', S, () => import('./get-credential.js'), 'GetCredentialCommand'),
  lazy('ConvertTo-SecureString', S, () => import('./convertto-securestring.js'), 'ConvertToSecureStringCommand'),
  lazy('ConvertFrom-SecureString', S, () => import('./convertfrom-securestring.js'), 'ConvertFromSecureStringCommand'),
  lazy('Get-Date', U, () => import('./get-date.js'), 'GetDateCommand'),
  lazy('New-TimeSpan', U, () => import('./new-timespan.js'), 'NewTimeSpanCommand'),
  lazy('Start-Sleep', U, () => import('./start-sleep.js'), 'StartSleepCommand'),
  lazy('Get-Random', U, () => import('./get-random.js'), 'GetRandomCommand'),
  lazy('Get-Variable', U, () => import('./get-variable.js'), 'GetVariableCommand'),
  lazy('Set-Variable', U, () => import('./set-variable.js'), 'SetVariableCommand'),
  lazy('Set-StrictMode', C, () => import('./set-strictmode.js'), 'SetStrictModeCommand'),
  lazy('New-Variable', U, () => import('./new-variable.js'), 'NewVariableCommand'),
  lazy('Remove-Variable', U, () => import('./remove-variable.js'), 'RemoveVariableCommand'),
  lazy('Clear-Variable', U, () => import('./clear-variable.js'), 'ClearVariableCommand'),
  lazy('Test-Path', M, () => import('./test-path.js'), 'TestPathCommand'),
  lazy('Get-ChildItem', M, () => import('./get-childitem.js'), 'GetChildItemCommand'),
  lazy('Get-Item', M, () => import('./get-item.js'), 'GetItemCommand'),
  lazy('Remove-Item', M, () => import('./remove-item.js'), 'RemoveItemCommand'),
  lazy('New-Item', M, () => import('./new-item.js'), 'NewItemCommand'),
  lazy('Get-Location', M, () => import('./get-location.js'), 'GetLocationCommand'),
  lazy('Set-Location', M, () => import('./set-location.js'), 'SetLocationCommand'),
  lazy('Get-Content', M, () => import('./get-content.js'), 'GetContentCommand'),
  lazy('Set-Content', M, () => import('./set-content.js'), 'SetContentCommand'),
  lazy('Add-Content', M, () => import('./add-content.js'), 'AddContentCommand'),
  lazy('Out-File', U, () => import('./out-file.js'), 'OutFileCommand'),
  lazy('Out-Null', C, () => import('./out-null.js'), 'OutNullCommand'),
  lazy('Invoke-Expression', U, () => import('./invoke-expression.js'), 'InvokeExpressionCommand'),
  lazy('Start-Transcript', 'Microsoft.PowerShell.Host', () => import('./start-transcript.js'), 'StartTranscriptCommand'),
  lazy('Stop-Transcript', 'Microsoft.PowerShell.Host', () => import('./stop-transcript.js'), 'StopTranscriptCommand'),
  lazy('Clear-Host', C, () => import('./clear-host.js'), 'ClearHostCommand'),
  // The formatter engineer's cmdlets.
  lazy('Format-Table', U, () => import('./format-table.js'), 'FormatTableCommand'),
  lazy('Format-List', U, () => import('./format-list.js'), 'FormatListCommand'),
  lazy('Out-String', U, () => import('./out-string.js'), 'OutStringCommand'),
  lazy('Out-Host', C, () => import('./out-host.js'), 'OutHostCommand'),
  lazy('ConvertTo-Json', U, () => import('./convertto-json.js'), 'ConvertToJsonCommand'),
  lazy('ConvertFrom-Json', U, () => import('./convertfrom-json.js'), 'ConvertFromJsonCommand'),
  lazy('Join-String', U, () => import('./join-string.js'), 'JoinStringCommand'),
  lazy('Get-History', C, () => import('./get-history.js'), 'GetHistoryCommand'),
  lazy('Invoke-History', C, () => import('./invoke-history.js'), 'InvokeHistoryCommand'),
  lazy('Clear-History', C, () => import('./clear-history.js'), 'ClearHistoryCommand'),
];

/** Load every core cmdlet class (tests, documentation generation). */
export async function loadCoreCmdlets(): Promise<CmdletClass[]> {
  return Promise.all(coreCommandIndex.map((c) => c.load()));
}

/** PowerShell 7's built-in aliases for these cmdlets (Windows set: ls, dir, cat... map to cmdlets). */
export const coreAliases: Readonly<Record<string, string>> = {
  '?': 'Where-Object', where: 'Where-Object',
  '%': 'ForEach-Object', foreach: 'ForEach-Object',
  select: 'Select-Object', sort: 'Sort-Object', group: 'Group-Object', measure: 'Measure-Object',
  compare: 'Compare-Object', diff: 'Compare-Object', tee: 'Tee-Object',
  ft: 'Format-Table', fl: 'Format-List', oh: 'Out-Host',
  gm: 'Get-Member', gcm: 'Get-Command', gal: 'Get-Alias',
  echo: 'Write-Output', write: 'Write-Output',
  ls: 'Get-ChildItem', dir: 'Get-ChildItem', gci: 'Get-ChildItem', gi: 'Get-Item',
  cd: 'Set-Location', chdir: 'Set-Location', sl: 'Set-Location', pwd: 'Get-Location', gl: 'Get-Location',
  cls: 'Clear-Host', clear: 'Clear-Host',
  h: 'Get-History', history: 'Get-History', ghy: 'Get-History', r: 'Invoke-History', ihy: 'Invoke-History', clhy: 'Clear-History',
  cat: 'Get-Content', gc: 'Get-Content', type: 'Get-Content', sc: 'Set-Content', ac: 'Add-Content',
  rm: 'Remove-Item', del: 'Remove-Item', erase: 'Remove-Item', rd: 'Remove-Item', rmdir: 'Remove-Item', ri: 'Remove-Item', ni: 'New-Item',
  sleep: 'Start-Sleep', iex: 'Invoke-Expression',
  gv: 'Get-Variable', sv: 'Set-Variable', set: 'Set-Variable', nv: 'New-Variable', rv: 'Remove-Variable', clv: 'Clear-Variable',
  help: 'Get-Help', man: 'Get-Help',
};
