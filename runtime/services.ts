/**
 * Per-session services by name ('state', 'clock', 'connect'...), created on first use so a command
 * loads only the domain modules it needs.
 */
export type ServiceFactory = (services: ServiceRegistry) => unknown;

export class ServiceRegistry {
  private readonly factories = new Map<string, ServiceFactory>();
  private readonly instances = new Map<string, unknown>();

  register(name: string, factory: ServiceFactory): void {
    this.factories.set(name, factory);
    this.instances.delete(name);
  }

  /** Replace a live instance (tests, Reset-Emulator). */
  set(name: string, instance: unknown): void { this.instances.set(name, instance); }

  /** The factory registered for a service (to wrap it), if any. */
  factory(name: string): ServiceFactory | undefined { return this.factories.get(name); }

  has(name: string): boolean { return this.factories.has(name) || this.instances.has(name); }

  get<T>(name: string): T {
    if (this.instances.has(name)) return this.instances.get(name) as T;
    const f = this.factories.get(name);
    if (!f) throw new Error(`The service '${name}' is not available in this session.`);
    const v = f(this);
    this.instances.set(name, v);
    return v as T;
  }

  private readonly beforeCommand = new Set<() => Promise<void> | void>();

  /**
   * Work to do before each top-level command (the emulated server catching up on scheduler cycles that
   * fell due in real time). A service registers it when it is first created, so nothing loads for it earlier.
   */
  onBeforeCommand(hook: () => Promise<void> | void): void { this.beforeCommand.add(hook); }

  async runBeforeCommand(): Promise<void> { for (const h of [...this.beforeCommand]) await h(); }

  /** Forget created instances so the next use re-reads state (after Reset-Emulator). */
  reset(): void { this.instances.clear(); }
}
