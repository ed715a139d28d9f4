import type { CmdletClass } from '../runtime/commands/cmdlet.js';
import type { CommandRegistry } from '../runtime/commands/registry.js';
import type { ShellModule } from '../runtime/module-catalog.js';
import type { ServiceRegistry } from '../runtime/services.js';

export interface LazyCommand { readonly name: string; readonly module: string; load(): Promise<CmdletClass> }

/** A shell module from a command index (cmdlets loaded on first use), aliases and a setup hook. */
export function lazyModule(
  name: string,
  index: readonly LazyCommand[],
  opts: { aliases?: Record<string, string>; setup?: (services: ServiceRegistry, registry: CommandRegistry) => void } = {},
): ShellModule {
  return {
    name,
    register(registry: CommandRegistry, services: ServiceRegistry) {
      for (const c of index) registry.registerCmdlet({ name: c.name, module: c.module, load: () => c.load() });
      for (const [alias, target] of Object.entries(opts.aliases ?? {})) registry.registerAlias(alias, target);
      opts.setup?.(services, registry);
    },
  };
}
