import { STORE_LOCATIONS, STORE_NAMES, removeCertificate, type PkiContext, type StoredCertificate } from '../../pki/index.js';
import type { ExecutionContext } from '../../runtime/commands/context.js';
import type { PSObject } from '../../runtime/values/psobject.js';
import { ProviderError, pathNotFound as corePathNotFound } from '../core/provider-errors.js';
import {
  DRIVE_NAME, PROVIDER_QUALIFIER, driveInfo, driveQualified, parseCertPath, type CertPath,
} from './cert-paths.js';
import { certificateObject } from './certificate-object.js';
import { storeLocationObject, storeObject } from './store-objects.js';
import { pkiContext } from './pki-context.js';

/** The session facts the provider needs: its services (state, clock) and the current location. */
export type ProviderSession = Pick<ExecutionContext, 'service' | 'location'>;

export { ProviderError };

export function pathNotFound(text: string): ProviderError {
  const e = corePathNotFound(text);
  (e as unknown as { targetObject: unknown }).targetObject = text;
  return e;
}

function notSupported(): ProviderError {
  return new ProviderError("Provider operation stopped because the provider doesn't support this operation.", 'NotSupported', 'NotImplemented',
    'System.Management.Automation.PSNotSupportedException');
}

/** Get-ChildItem's Certificate-provider dynamic parameters (pwsh 7.1+). */
export interface CertificateFilter {
  dnsName?: string;
  eku?: string[];
  expiringInDays?: number;
  sslServerAuthentication?: boolean;
  codeSigningCert?: boolean;
  documentEncryptionCert?: boolean;
}

/** What the provider resolves a path to. */
export type CertItem =
  | { kind: 'root'; path: CertPath }
  | { kind: 'location'; path: CertPath }
  | { kind: 'store'; path: CertPath }
  | { kind: 'certificate'; path: CertPath; cert: StoredCertificate };

const wildcard = (pattern: string) => new RegExp('^' + pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$', 'i');

/**
 * The Certificate provider (drive Cert:): store locations, stores and certificates by thumbprint, case-insensitive,
 * '\' or '/'. CertItemProvider adapts it to the item cmdlets' ItemProvider interface (cmdlets/core/providers.ts).
 */
export class CertificateProvider {
  readonly name = 'Certificate';
  readonly moduleName = 'Microsoft.PowerShell.Security';
  readonly qualifiedName = PROVIDER_QUALIFIER;
  readonly drives = [DRIVE_NAME] as const;
  readonly driveRoot = '\\';
  readonly description = 'X509 Certificate Provider';

  /** Resolve a path to an item; a missing store or certificate is a PathNotFound error. Wildcards in the last segment are for getItems. */
  resolve(session: ProviderSession, path: string): CertItem {
    const p = parseCertPath(path, session.location);
    if (!p) throw pathNotFound(path);
    if (p.thumbprint) {
      const cert = this.pki(session).stores.find(`${p.location}\\${p.store}`, p.thumbprint);
      if (!cert) throw pathNotFound(path);
      return { kind: 'certificate', path: p, cert };
    }
    if (p.store) return { kind: 'store', path: p };
    if (p.location) return { kind: 'location', path: p };
    return { kind: 'root', path: p };
  }

  itemExists(session: ProviderSession, path: string): boolean {
    try { return this.resolveMany(session, path).length > 0; } catch { return false; }
  }

  isContainer(session: ProviderSession, path: string): boolean {
    try { return this.resolve(session, path).kind !== 'certificate'; } catch { return false; }
  }

  /** Get-Item: the item(s) at the path (a '*' or '?' in the thumbprint segment may match several). */
  getItems(session: ProviderSession, path: string): PSObject[] {
    return this.resolveMany(session, path).map((i) => this.present(session, i));
  }

  /** Get-ChildItem: the children of a container (or the item itself for a certificate), optionally recursive and filtered. */
  getChildItems(session: ProviderSession, path: string, opts: { recurse?: boolean; filter?: CertificateFilter } = {}): PSObject[] {
    const out: PSObject[] = [];
    for (const item of this.resolveMany(session, path)) {
      if (item.kind === 'certificate') { if (this.matches(session, item.cert, opts.filter)) out.push(this.present(session, item)); continue; }
      this.walk(session, item, !!opts.recurse, opts.filter, out);
    }
    return out;
  }

  /** Remove-Item on a certificate (-DeleteKey also deletes its private key). Stores and locations cannot be removed. */
  removeItem(session: ProviderSession, path: string, opts: { deleteKey?: boolean } = {}): void {
    for (const item of this.resolveMany(session, path)) {
      if (item.kind !== 'certificate') throw notSupported();
      removeCertificate(this.pki(session), `${item.path.location}\\${item.path.store}`, item.cert.thumbprint, { deleteKey: !!opts.deleteKey });
    }
  }

  /** The certificates Remove-Item would delete, as ShouldProcess targets ('Item: Cert:\…'), before it does. */
  removalTargets(session: ProviderSession, path: string): string[] {
    return this.resolveMany(session, path).map((i) => driveQualified(i.path));
  }

  /** Set-Location: the new location text; a certificate is not a container. */
  setLocation(session: ProviderSession, path: string): string {
    const item = this.resolve(session, path);
    if (item.kind === 'certificate') {
      throw pathNotFound(path);
    }
    return driveQualified(item.path);
  }

  private pki(session: ProviderSession): PkiContext { return pkiContext(session); }

  private resolveMany(session: ProviderSession, path: string): CertItem[] {
    const m = /^(.*[\\/])([^\\/]*[*?][^\\/]*)$/.exec(path);
    if (!m) return [this.resolve(session, path)];
    const parent = this.resolve(session, m[1]!);
    const re = wildcard(m[2]!);
    return this.children(session, parent).filter((c) => re.test(c.path.thumbprint ?? c.path.store ?? c.path.location ?? ''));
  }

  private children(session: ProviderSession, item: CertItem): CertItem[] {
    switch (item.kind) {
      case 'root': return STORE_LOCATIONS.map((location) => ({ kind: 'location', path: { location } }));
      case 'location': return STORE_NAMES.map((store) => ({ kind: 'store', path: { location: item.path.location!, store } }));
      case 'store': return this.pki(session).stores.list(`${item.path.location}\\${item.path.store}`)
        .map((cert) => ({ kind: 'certificate', path: { ...item.path, thumbprint: cert.thumbprint }, cert }));
      case 'certificate': return [];
    }
  }

  private walk(session: ProviderSession, item: CertItem, recurse: boolean, filter: CertificateFilter | undefined, out: PSObject[]): void {
    const kids = this.children(session, item);
    for (const k of kids) {
      if (k.kind !== 'certificate' || this.matches(session, k.cert, filter)) out.push(this.present(session, k));
    }
    if (recurse) for (const k of kids) if (k.kind !== 'certificate') this.walk(session, k, true, filter, out);
  }

  private matches(session: ProviderSession, cert: StoredCertificate, f: CertificateFilter | undefined): boolean {
    if (!f) return true;
    const ekus = cert.enhancedKeyUsageList;
    if (f.dnsName && !cert.dnsNameList.some((d) => wildcard(f.dnsName!).test(d))) return false;
    if (f.eku?.length && !f.eku.every((e) => ekus.some((k) => wildcard(e).test(k.friendlyName) || k.oid === e))) return false;
    if (f.sslServerAuthentication && !ekus.some((k) => k.oid === '1.3.6.1.5.5.7.3.1')) return false;
    if (f.codeSigningCert && !(ekus.some((k) => k.oid === '1.3.6.1.5.5.7.3.3') && cert.hasPrivateKey)) return false;
    if (f.documentEncryptionCert && !ekus.some((k) => k.oid === '1.3.6.1.4.1.311.80.1')) return false;
    if (f.expiringInDays !== undefined) {
      const now = this.pki(session).clock.now().getTime();
      const limit = now + f.expiringInDays * 86_400_000;
      if (!(cert.notAfter.getTime() >= now && cert.notAfter.getTime() <= limit)) return false;
    }
    return true;
  }

  private present(session: ProviderSession, item: CertItem): PSObject {
    switch (item.kind) {
      case 'root': return driveInfo();
      case 'location': return storeLocationObject(item.path.location!);
      case 'store': {
        const where = `${item.path.location}\\${item.path.store}`;
        return storeObject(item.path.location!, item.path.store!, () => this.pki(session).stores.list(where).map((c) => this.certObject(session, c)));
      }
      case 'certificate': return this.certObject(session, item.cert);
    }
  }

  certObject(session: ProviderSession, cert: StoredCertificate): PSObject {
    const pki = this.pki(session);
    return certificateObject(cert, { now: () => pki.clock.now() });
  }
}

export const certificateProvider = new CertificateProvider();
