/**
 * cmdlets/pki: the PKI and TrustedPlatformModule cmdlets, the Cert: drive's provider and the certificate views.
 * The composition root lists `pkiModule` (or registers `pkiCommandIndex` / `pkiCmdlets` and calls
 * `registerPkiViews()`), adds the Cert: drive with `registerPkiProvider(providers, services)`, and provides the
 * session services 'state' (StateStore) and 'clock' (Clock). See docs/pki-cmdlets.md.
 */
import type { CmdletClass } from '../../runtime/commands/cmdlet.js';
import { NewSelfSignedCertificateCommand } from './new-self-signed-certificate.js';
import { ImportCertificateCommand } from './import-certificate.js';
import { ImportPfxCertificateCommand } from './import-pfx-certificate.js';
import { ExportCertificateCommand } from './export-certificate.js';
import { ExportPfxCertificateCommand } from './export-pfx-certificate.js';
import { GetTpmCommand } from './get-tpm.js';
import type { ItemProvider } from '../core/providers.js';
import type { CommandRegistry } from '../../runtime/commands/registry.js';
import type { ShellModule } from '../../runtime/module-catalog.js';
import type { ServiceRegistry } from '../../runtime/services.js';
import { CertItemProvider, type ServiceSource } from './cert-item-provider.js';
import { registerPkiViews } from './views.js';

export const pkiCmdlets: CmdletClass[] = [
  NewSelfSignedCertificateCommand, ImportCertificateCommand, ImportPfxCertificateCommand,
  ExportCertificateCommand, ExportPfxCertificateCommand, GetTpmCommand,
];

export interface PkiCommandEntry { name: string; module: string; load: () => Promise<CmdletClass> }

/** Lazy entries for CommandRegistry.registerCmdlet: a module is imported only when its cmdlet first runs. */
export const pkiCommandIndex: PkiCommandEntry[] = [
  { name: 'New-SelfSignedCertificate', module: 'PKI', load: async () => (await import('./new-self-signed-certificate.js')).NewSelfSignedCertificateCommand },
  { name: 'Import-Certificate', module: 'PKI', load: async () => (await import('./import-certificate.js')).ImportCertificateCommand },
  { name: 'Import-PfxCertificate', module: 'PKI', load: async () => (await import('./import-pfx-certificate.js')).ImportPfxCertificateCommand },
  { name: 'Export-Certificate', module: 'PKI', load: async () => (await import('./export-certificate.js')).ExportCertificateCommand },
  { name: 'Export-PfxCertificate', module: 'PKI', load: async () => (await import('./export-pfx-certificate.js')).ExportPfxCertificateCommand },
  { name: 'Get-Tpm', module: 'TrustedPlatformModule', load: async () => (await import('./get-tpm.js')).GetTpmCommand },
];

export { registerPkiViews };
export { CertItemProvider, type ServiceSource } from './cert-item-provider.js';
export { CertificateProvider, certificateProvider, ProviderError, type CertificateFilter, type CertItem, type ProviderSession } from './cert-provider.js';
export { certificateObject, certificateOf, certificateText, certificateVerboseText, X509_CERTIFICATE2_TYPES } from './certificate-object.js';
export { parseCertPath, isCertPath, psPath, driveQualified, PROVIDER_QUALIFIER, type CertPath } from './cert-paths.js';
export { pkiContext, STATE_SERVICE, CLOCK_SERVICE } from './pki-context.js';
export { pkiErrorRecord } from './errors.js';

/**
 * Register the Cert: drive with a session's provider registry (cmdlets/core ProviderRegistry, the 'providers'
 * service), bound to that session's 'state' and 'clock' services (an ExecutionContext or the ServiceRegistry).
 */
export function registerPkiProvider(registry: { register(provider: ItemProvider): void }, services: ServiceSource): CertItemProvider {
  const provider = new CertItemProvider(services);
  registry.register(provider);
  return provider;
}

/**
 * The module as the composition root lists it: lazy cmdlets, the certificate views, and — when the session
 * already has a 'providers' service (list this module after the one that adds it) — the Cert: drive.
 */
export const pkiModule: ShellModule = {
  name: 'PKI',
  register(registry: CommandRegistry, services: ServiceRegistry): void {
    for (const e of pkiCommandIndex) registry.registerCmdlet(e);
    registerPkiViews();
    if (services.has('providers')) registerPkiProvider(services.get<{ register(p: ItemProvider): void }>('providers'), services);
  },
};
