import { isErrorCategory, ErrorRecord, type ErrorCategory } from '../../runtime/values/error-record.js';
import type { Cmdlet } from '../../runtime/commands/cmdlet.js';

/** .NET exception types the Windows cmdlets surface for each pki/ error (what CategoryInfo's reason shows). */
const EXCEPTION_TYPES: Record<string, string> = {
  KeyNotExportableError: 'System.ComponentModel.Win32Exception',
  PfxPasswordError: 'System.ComponentModel.Win32Exception',
  CertificateFormatError: 'System.Security.Cryptography.CryptographicException',
  PfxFormatError: 'System.Security.Cryptography.CryptographicException',
  CertificateRejectedError: 'System.Security.Cryptography.CryptographicException',
  UnsupportedKeyError: 'System.Security.Cryptography.CryptographicException',
  TpmUnavailableError: 'System.Security.Cryptography.CryptographicException',
  KeyAccessDeniedError: 'System.Security.Cryptography.CryptographicException',
  KeyNotFoundError: 'System.Security.Cryptography.CryptographicException',
  KeyStoreCorruptError: 'System.Security.Cryptography.CryptographicException',
  CertificateNotFoundError: 'System.Management.Automation.ItemNotFoundException',
  InvalidArgumentError: 'System.ArgumentException',
  ByocValidationError: 'System.ArgumentException',
};

/**
 * A pki/ error (errorId + category + Windows-worded message) as the error record the cmdlet writes.
 * pki/ spells some ids as a full FullyQualifiedErrorId ('Win32Exception,…ExportPfxCertificate'); the
 * cmdlet's own class name is stripped off so the record's FQID is not doubled.
 */
export function pkiErrorRecord(cmdlet: Cmdlet, e: unknown, target: unknown = null): ErrorRecord {
  if (!(e instanceof Error)) return cmdlet.error(String(e), 'UnexpectedError', 'NotSpecified', target);
  const d = e as Error & { errorId?: unknown; category?: unknown };
  let errorId = typeof d.errorId === 'string' ? d.errorId : 'UnexpectedError';
  const className = cmdlet.meta.className;
  if (className && errorId.endsWith(`,${className}`)) errorId = errorId.slice(0, -className.length - 1);
  else if (errorId.includes(',')) errorId = errorId.split(',')[0]!;
  let category: ErrorCategory = isErrorCategory(d.category) ? d.category : 'NotSpecified';
  const own = (e as { exceptionType?: unknown }).exceptionType;
  const exceptionType = typeof own === 'string' ? own : EXCEPTION_TYPES[e.name] ?? 'System.Exception';
  // Windows reports the non-exportable key as a bare Win32Exception: CategoryInfo 'NotSpecified'.
  if (e.name === 'KeyNotExportableError') category = 'NotSpecified';
  return cmdlet.error(e.message, errorId, category, target, exceptionType);
}

/** Is this a domain error (carries an errorId) rather than a bug? */
export function isDomainError(e: unknown): e is Error & { errorId: string; category: string } {
  return e instanceof Error && typeof (e as { errorId?: unknown }).errorId === 'string';
}
