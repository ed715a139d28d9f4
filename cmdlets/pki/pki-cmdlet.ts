import { parseCertificate, type CertificateInfo, type PkiContext, type StoredCertificate } from '../../pki/index.js';
import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import { PSObject } from '../../runtime/values/psobject.js';
import { SecureString } from '../../runtime/values/secure-string.js';
import { RuntimeError } from '../../runtime/values/error-record.js';
import { isCertPath, parseCertPath } from './cert-paths.js';
import { certificateObject, certificateOf, isStored } from './certificate-object.js';
import { isDomainError, pkiErrorRecord } from './errors.js';
import { pathNotFound } from './cert-provider.js';
import { pkiContext } from './pki-context.js';

/** Shared plumbing of the PKI module's cmdlets: the pki/ context, certificate arguments, domain errors. */
export abstract class PkiCmdlet extends Cmdlet {
  protected pki(): PkiContext { return pkiContext(this.context); }

  /** An X509Certificate2 PSObject for a stored (or loose) certificate, dated by the emulator clock. */
  protected present(cert: CertificateInfo | StoredCertificate): PSObject {
    const pki = this.pki();
    return certificateObject(cert, { now: () => pki.clock.now() });
  }

  /**
   * A -Cert argument (Microsoft.CertificateServices.Commands.Certificate): an X509Certificate2 object, or a
   * Cert: path / PSPath string (what binds by property name through the PsPath alias), or raw DER bytes.
   * A certificate from a store is re-read so its key facts are current.
   */
  protected resolveCertificate(value: unknown): CertificateInfo | StoredCertificate {
    const v = value;
    const known = certificateOf(v);
    if (known) {
      if (!isStored(known)) return known;
      return this.pki().stores.find(known.storePath, known.thumbprint) ?? known;
    }
    if (typeof v === 'string') return this.certificateAtPath(v);
    if (v instanceof Uint8Array) return parseCertificate(v);
    if (v instanceof PSObject) {
      const psPath = v.get('PSPath');
      if (typeof psPath === 'string' && isCertPath(psPath)) return this.certificateAtPath(psPath);
      const raw = v.get('RawData');
      if (raw instanceof Uint8Array) return parseCertificate(raw);
    }
    throw Object.assign(new Error(`Cannot convert the "${String(value)}" value of type "${value instanceof PSObject ? value.typeNames[0] : typeof value}" to type "Microsoft.CertificateServices.Commands.Certificate".`),
      { errorId: 'CannotConvertArgument', category: 'InvalidArgument' });
  }

  private certificateAtPath(text: string): StoredCertificate {
    const p = parseCertPath(text, this.context.location);
    if (!p?.thumbprint) throw pathNotFound(text);
    const cert = this.pki().stores.find(`${p.location}\\${p.store}`, p.thumbprint);
    if (!cert) throw pathNotFound(text);
    return cert;
  }

  /** The text of a -Password SecureString (or a plain string from a test harness); '' when absent. */
  protected passwordText(value: unknown): string {
    if (value instanceof SecureString) return value.reveal();
    if (value === undefined || value === null) return '';
    return String(value);
  }

  /** The store a cmdlet writes to: -CertStoreLocation, else the current Cert: store location, else CurrentUser\My. */
  protected storeLocation(given: string | undefined): string {
    if (given !== undefined && given !== '') return given;
    const here = parseCertPath('.', this.context.location);
    if (here?.location) return `${here.location}\\${here.store ?? 'My'}`;
    return 'CurrentUser\\My';
  }

  /** Report a failure for one input as a non-terminating error record; bugs stay bugs. */
  protected fail(e: unknown, target: unknown = null): void {
    if (e instanceof RuntimeError) { this.writeError(e.record); return; }
    if (!isDomainError(e)) throw e;
    const t = (e as { targetObject?: unknown }).targetObject ?? target;
    this.writeError(pkiErrorRecord(this, e, t));
  }
}
