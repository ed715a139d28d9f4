import type { ShellModule } from '../runtime/module-catalog.js';
import type { ItemProvider, ChildItemOptions, ProviderItem } from '../cmdlets/core/providers.js';
import type { ServiceRegistry } from '../runtime/services.js';
import { DRIVE_NAME, PROVIDER_QUALIFIER, resolveCertPath, joinCertPath, certParentPath } from '../cmdlets/pki/cert-paths.js';

type PkiIndex = typeof import('../cmdlets/pki/index.js');
let loaded: Promise<PkiIndex> | undefined;
/** The PKI cmdlets pull in pkijs, which costs as much as Node's own start-up: load them on first use. */
function pki(): Promise<PkiIndex> {
  return (loaded ??= import('../cmdlets/pki/index.js').then((m) => { m.registerPkiViews(); return m; }));
}

const NAMES: readonly [string, string][] = [
  ['New-SelfSignedCertificate', 'PKI'], ['Import-Certificate', 'PKI'], ['Import-PfxCertificate', 'PKI'],
  ['Export-Certificate', 'PKI'], ['Export-PfxCertificate', 'PKI'], ['Get-Tpm', 'TrustedPlatformModule'],
];

/**
 * The Cert: drive without loading pki until a certificate path is actually used: path arithmetic is
 * done by the real provider once loaded; before that only the drive's identity is needed.
 */
class LazyCertProvider implements ItemProvider {
  readonly name = 'Certificate';
  readonly fullName = PROVIDER_QUALIFIER;
  readonly drives = [DRIVE_NAME];
  private real: ItemProvider | undefined;
  constructor(private readonly services: ServiceRegistry) {}

  private async inner(): Promise<ItemProvider> {
    if (this.real) return this.real;
    const m = await pki();
    const sink = { register: (p: ItemProvider) => { this.real = p; } };
    m.registerPkiProvider(sink, this.services);
    return this.real!;
  }

  resolve(path: string, base: string): string { return resolveCertPath(path, base); }
  display(path: string): string { return path; }
  join(parent: string, child: string): string { return joinCertPath(parent, child); }
  parent(path: string): string { return certParentPath(path); }
  async exists(path: string) { return (await this.inner()).exists(path); }
  async isContainer(path: string) { return (await this.inner()).isContainer(path); }
  async getItem(path: string): Promise<ProviderItem> { return (await this.inner()).getItem(path); }
  async getChildItems(path: string, opts: ChildItemOptions) { return (await this.inner()).getChildItems(path, opts); }
  async childNames(path: string, opts: ChildItemOptions) { return (await this.inner()).childNames(path, opts); }
  async removeItem(path: string, opts: { recurse?: boolean; force?: boolean }) { const p = await this.inner(); return p.removeItem?.(path, opts); }
  async hasChildren(path: string) { const p = await this.inner(); return p.hasChildren ? p.hasChildren(path) : false; }
}

export const lazyPkiModule: ShellModule = {
  name: 'PKI',
  register(registry, services) {
    for (const [name, module] of NAMES) {
      registry.registerCmdlet({ name, module, load: async () => (await pki()).pkiCmdlets.find((c) => `${c.meta.verb}-${c.meta.noun}` === name)! });
    }
    // The providers service is created on first use; add the Cert: drive to it then.
    const make = services.factory('providers');
    if (make) {
      services.register('providers', (svc) => {
        const providers = make(svc) as { register(p: ItemProvider): void };
        providers.register(new LazyCertProvider(svc));
        return providers;
      });
    }
  },
};
