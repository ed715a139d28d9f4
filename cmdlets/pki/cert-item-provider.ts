import type { ExecutionContext } from '../../runtime/commands/context.js';
import type { ChildItemOptions, ItemProvider, ProviderItem } from '../core/providers.js';
import { ProviderError } from '../core/provider-errors.js';
import { isDomainError } from './errors.js';
import { DRIVE_NAME, PROVIDER_QUALIFIER, parseCertPath, resolveCertPath, joinCertPath, certParentPath } from './cert-paths.js';
import { CertificateProvider, certificateProvider, type CertificateFilter, type ProviderSession } from './cert-provider.js';

/** Something that hands out session services: an ExecutionContext or the runtime's ServiceRegistry. */
export type ServiceSource = Pick<ExecutionContext, 'service'> | { get<T>(name: string): T };

function serviceOf(src: ServiceSource): ExecutionContext['service'] {
  return 'service' in src ? (n) => src.service(n) : (n) => src.get(n);
}

/**
 * The Certificate provider behind the generic item cmdlets (cmdlets/core/providers.ts' ItemProvider), bound to
 * one session's services. Absolute paths are drive-qualified: 'Cert:\LocalMachine\My\<THUMBPRINT>'.
 */
export class CertItemProvider implements ItemProvider {
  readonly name = 'Certificate';
  readonly fullName = PROVIDER_QUALIFIER;
  readonly drives = [DRIVE_NAME];
  private readonly session: ProviderSession;

  constructor(services: ServiceSource, private readonly inner: CertificateProvider = certificateProvider) {
    this.session = { service: serviceOf(services), location: 'Cert:\\' };
  }

  resolve(path: string, base: string): string { return resolveCertPath(path, base); }

  display(path: string): string { return path; }

  exists(path: string): boolean { return this.inner.itemExists(this.session, path); }

  isContainer(path: string): boolean { return this.inner.isContainer(this.session, path); }

  getItem(path: string): ProviderItem { return this.guard(() => this.inner.getItems(this.session, path)[0]); }

  getChildItems(path: string, opts: ChildItemOptions & { certificateFilter?: CertificateFilter }): ProviderItem[] {
    return this.guard(() => this.inner.getChildItems(this.session, path, {
      ...(opts.recurse ? { recurse: true } : {}),
      ...(opts.certificateFilter ? { filter: opts.certificateFilter } : {}),
    }));
  }

  childNames(path: string): string[] {
    return this.guard(() => this.inner.getChildItems(this.session, path).map((o) => String((o as { get(n: string): unknown }).get('PSChildName'))));
  }

  /** Remove-Item; `deleteKey` is the Certificate provider's -DeleteKey dynamic parameter. */
  removeItem(path: string, opts: { recurse?: boolean; force?: boolean; deleteKey?: boolean }): void {
    this.guard(() => this.inner.removeItem(this.session, path, { deleteKey: !!opts.deleteKey }));
  }

  hasChildren(path: string): boolean {
    try { return this.inner.isContainer(this.session, path) && this.inner.getChildItems(this.session, path).length > 0; } catch { return false; }
  }

  join(parent: string, child: string): string { return joinCertPath(parent, child); }

  parent(path: string): string { return certParentPath(path); }

  /** pki/ failures become provider errors, which the item cmdlets report as non-terminating records. */
  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof ProviderError || !isDomainError(e)) throw e;
      const category = (['ObjectNotFound', 'InvalidOperation', 'PermissionDenied', 'InvalidArgument', 'WriteError', 'ReadError', 'NotImplemented', 'ResourceExists'] as const)
        .find((c) => c === e.category) ?? 'InvalidOperation';
      throw new ProviderError(e.message, e.errorId, category, 'System.Security.Cryptography.CryptographicException');
    }
  }
}
