import type { ShellModule } from '../runtime/module-catalog.js';
import { lazyModule } from './module.js';
import { stateModule } from './state-services.js';
import { coreCommandIndex, coreAliases, ProviderRegistry } from '../cmdlets/core/index.js';
import { lazyPkiModule } from './pki-module.js';
import { graphCommandIndex, graphAliases, registerGraphService } from '../cmdlets/graph/index.js';
import { adsyncCommandIndex, registerConnectService, registerAdsyncViews } from '../cmdlets/adsync/index.js';
import { emulatorCommandIndex } from '../cmdlets/emulator/index.js';

/** Every module of a session, in the order they register (providers before the modules that add drives). */
export function allModules(home?: string): { modules: ShellModule[]; state: ReturnType<typeof stateModule> } {
  const state = stateModule(home);
  const modules: ShellModule[] = [
    state,
    lazyModule('Microsoft.PowerShell', coreCommandIndex, {
      aliases: coreAliases,
      setup: (services) => services.register('providers', () => new ProviderRegistry()),
    }),
    lazyPkiModule,
    lazyModule('Microsoft.Graph.Authentication', graphCommandIndex, { aliases: graphAliases, setup: (s) => registerGraphService(s, { home }) }),
    lazyModule('ADSync', adsyncCommandIndex, { setup: (s) => { registerConnectService(s); registerAdsyncViews(); } }),
    lazyModule('SyncShell.Emulator', emulatorCommandIndex),
  ];
  return { modules, state };
}
