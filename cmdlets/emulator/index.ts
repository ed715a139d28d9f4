/**
 * cmdlets/emulator: the emulator's own controls (module SyncShell.Emulator): clock, faults, reset, state export.
 * They use the same 'connect' services as cmdlets/adsync (registerConnectService). See docs/emulator.md.
 */
import type { CmdletClass } from '../../runtime/commands/cmdlet.js';
import { ensureConnectLoaded } from '../adsync/server-service.js';

export interface EmulatorCommand { readonly name: string; readonly module: string; load(): Promise<CmdletClass> }

const lazy = <K extends string>(name: string, load: () => Promise<Record<K, unknown>>, cls: K): EmulatorCommand =>
  ({ name, module: 'SyncShell.Emulator', load: async () => { await ensureConnectLoaded(); return (await load())[cls] as CmdletClass; } });

export const emulatorCommandIndex: readonly EmulatorCommand[] = [
  lazy('Get-EmulatorClock', () => import('./get-emulator-clock.js'), 'GetEmulatorClockCommand'),
  lazy('Set-EmulatorClock', () => import('./set-emulator-clock.js'), 'SetEmulatorClockCommand'),
  lazy('Reset-Emulator', () => import('./reset-emulator.js'), 'ResetEmulatorCommand'),
  lazy('Set-EmulatorFault', () => import('./set-emulator-fault.js'), 'SetEmulatorFaultCommand'),
  lazy('Clear-EmulatorFault', () => import('./clear-emulator-fault.js'), 'ClearEmulatorFaultCommand'),
  lazy('Export-EmulatorState', () => import('./export-emulator-state.js'), 'ExportEmulatorStateCommand'),
  lazy('Grant-EmulatorKeyAccess', () => import('./grant-emulator-key-access.js'), 'GrantEmulatorKeyAccessCommand'),
];

export { registerConnectService } from '../adsync/server-service.js';
