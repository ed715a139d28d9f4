/**
 * cmdlets/pki: the PKI and TrustedPlatformModule cmdlets, the Cert: drive's provider and the certificate views.
 * The coordinator registers `pkiCommandIndex` (lazy) or `pkiCmdlets`, calls `registerPkiViews()` at startup,
 * registers `certificateProvider` for the Cert: drive, and provides the session services 'state' (StateStore)
 * and 'clock' (Clock).
 */
import type { CmdletClass } from '../../runtime/commands/cmdlet.js';
import { NewSelfSignedCertificateCommand } from './new-self-signed-certificate.js';
import { ImportCertificateCommand } from './import-certificate.js';
import { ImportPfxCertificateCommand } from './import-pfx-certificate.js';
import { ExportCertificateCommand } from './export-certificate.js';
import { ExportPfxCertificateCommand } from './export-pfx-certificate.js';
import { GetTpmCommand } from './get-tpm.js';
import { CertificateProvider, certificateProvider } from './cert-provider.js';

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

export { registerPkiViews } from './views.js';
export { CertificateProvider, certificateProvider, ProviderError, type CertificateFilter, type CertItem, type ProviderSession } from './cert-provider.js';
export { certificateObject, certificateOf, certificateText, certificateVerboseText, X509_CERTIFICATE2_TYPES } from './certificate-object.js';
export { parseCertPath, isCertPath, psPath, driveQualified, PROVIDER_QUALIFIER, type CertPath } from './cert-paths.js';
export { pkiContext, STATE_SERVICE, CLOCK_SERVICE } from './pki-context.js';
export { pkiErrorRecord } from './errors.js';

/**
 * Register the Certificate provider with a provider registry (cmdlets/core/providers.ts); anything with a
 * `register(provider)` method works.
 */
export function registerPkiProvider(registry: { register(provider: CertificateProvider): void }): void {
  registry.register(certificateProvider);
}
