/**
 * cmdlets/adsync: the ADSync module's cmdlets from the documents, plus Get-EventLog / Get-WinEvent over the emulated
 * server's event log. Cheap to import: each cmdlet file loads on first use. The composition root registers
 * `adsyncCommandIndex`, calls `registerConnectService(services)` (needs the 'state' and 'clock' services) and
 * `registerAdsyncViews()`. See docs/adsync-cmdlets.md.
 */
import type { CmdletClass } from '../../runtime/commands/cmdlet.js';
import { ensureConnectLoaded } from './server-service.js';

export { registerConnectService, CONNECT_SERVICE, CONNECT_OPENED_SERVICE } from './server-service.js';
export { registerAdsyncViews } from './views.js';

export interface AdsyncCommand { readonly name: string; readonly module: string; load(): Promise<CmdletClass> }

const lazy = <K extends string>(name: string, module: string, load: () => Promise<Record<K, unknown>>, cls: K): AdsyncCommand =>
  ({ name, module, load: async () => { await ensureConnectLoaded(); return (await load())[cls] as CmdletClass; } });

const A = 'ADSync';

export const adsyncCommandIndex: readonly AdsyncCommand[] = [
  lazy('Get-ADSyncEntraConnectorCredential', A, () => import('./get-adsync-entra-connector-credential.js'), 'GetADSyncEntraConnectorCredentialCommand'),
  lazy('Add-EntraApplicationRegistration', A, () => import('./add-entra-application-registration.js'), 'AddEntraApplicationRegistrationCommand'),
  lazy('Add-ADSyncApplicationRegistration', A, () => import('./add-adsync-application-registration.js'), 'AddADSyncApplicationRegistrationCommand'),
  lazy('Invoke-ADSyncApplicationCredentialRotation', A, () => import('./invoke-adsync-application-credential-rotation.js'), 'InvokeADSyncApplicationCredentialRotationCommand'),
  lazy('Remove-EntraApplicationKey', A, () => import('./remove-entra-application-key.js'), 'RemoveEntraApplicationKeyCommand'),
  lazy('Add-ADSyncAADServiceAccount', A, () => import('./add-adsync-aad-service-account.js'), 'AddADSyncAADServiceAccountCommand'),
  lazy('Remove-ADSyncAADServiceAccount', A, () => import('./remove-adsync-aad-service-account.js'), 'RemoveADSyncAADServiceAccountCommand'),
  lazy('Get-ADSyncScheduler', A, () => import('./get-adsync-scheduler.js'), 'GetADSyncSchedulerCommand'),
  lazy('Get-ADSyncSchedulerSettings', A, () => import('./get-adsync-scheduler-settings.js'), 'GetADSyncSchedulerSettingsCommand'),
  lazy('Set-ADSyncScheduler', A, () => import('./set-adsync-scheduler.js'), 'SetADSyncSchedulerCommand'),
  lazy('Start-ADSyncSyncCycle', A, () => import('./start-adsync-sync-cycle.js'), 'StartADSyncSyncCycleCommand'),
  lazy('Get-ADSyncConnectorRunStatus', A, () => import('./get-adsync-connector-run-status.js'), 'GetADSyncConnectorRunStatusCommand'),
  lazy('Get-ADSyncRunProfileResult', A, () => import('./get-adsync-run-profile-result.js'), 'GetADSyncRunProfileResultCommand'),
  lazy('Get-ADSyncCurrentConfiguration', A, () => import('./get-adsync-current-configuration.js'), 'GetADSyncCurrentConfigurationCommand'),
  lazy('Get-ADSyncForeignApplicationCredential', A, () => import('./get-adsync-foreign-application-credential.js'), 'GetADSyncForeignApplicationCredentialCommand'),
  lazy('Get-EventLog', 'Microsoft.PowerShell.Management', () => import('./get-event-log.js'), 'GetEventLogCommand'),
  lazy('Get-WinEvent', 'Microsoft.PowerShell.Diagnostics', () => import('./get-win-event.js'), 'GetWinEventCommand'),
];
