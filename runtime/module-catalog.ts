import type { CommandRegistry } from './commands/registry.js';
import type { ServiceRegistry } from './services.js';

/**
 * What a module contributes to a session: cmdlets (lazily loaded), aliases, services, views.
 * The runtime knows modules only through this interface; the composition root (app/) lists them.
 */
export interface ShellModule {
  readonly name: string;
  register(registry: CommandRegistry, services: ServiceRegistry): void;
}
