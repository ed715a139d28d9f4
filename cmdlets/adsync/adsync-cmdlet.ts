import type { AdminCredential, ConnectServer, OpenedConnect } from '../../connect/index.js';
import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import { ErrorRecord, RuntimeError, isErrorCategory, type ErrorCategory } from '../../runtime/values/error-record.js';
import { PSCredential } from '../../runtime/values/secure-string.js';
import { CONNECT_OPENED_SERVICE, CONNECT_SERVICE } from './server-service.js';

/** The .NET exception the real module surfaces for each category (CategoryInfo's reason). */
const EXCEPTIONS: Partial<Record<ErrorCategory, string>> = {
  InvalidArgument: 'System.ArgumentException',
  InvalidOperation: 'System.InvalidOperationException',
  WriteError: 'System.InvalidOperationException',
  ObjectNotFound: 'System.Management.Automation.ItemNotFoundException',
  PermissionDenied: 'System.UnauthorizedAccessException',
  AuthenticationError: 'Microsoft.Identity.Client.MsalServiceException',
  SecurityError: 'System.Security.SecurityException',
  InvalidData: 'System.Security.Cryptography.CryptographicException',
  ResourceUnavailable: 'System.Net.Http.HttpRequestException',
  ReadError: 'System.IO.InvalidDataException',
};

export const ADMIN_UPN_PROMPT = 'UserPrincipalName: ';

/** Shared plumbing of the ADSync and emulator cmdlets: the session's server, admin sign-in, domain errors. */
export abstract class AdsyncCmdlet extends Cmdlet {
  protected server(): ConnectServer { return this.context.service<ConnectServer>(CONNECT_SERVICE); }
  protected opened(): OpenedConnect { return this.context.service<OpenedConnect>(CONNECT_OPENED_SERVICE); }

  /**
   * The admin the real cmdlets sign in through a browser: a PSCredential when given; otherwise the UPN (asked for
   * when absent, as newer builds do) and, unless this session already signed that user in, a masked password.
   */
  protected async adminCredential(upn: string | undefined, credential: unknown): Promise<AdminCredential> {
    if (credential instanceof PSCredential) return { userPrincipalName: credential.userName, password: credential.password.reveal() };
    let user = (upn ?? '').trim();
    if (!user) user = (await this.context.host.readLine(ADMIN_UPN_PROMPT)).trim();
    if (!user) {
      this.throwTerminatingError(this.error('A user principal name of a Microsoft Entra administrator is required.', 'UserPrincipalNameRequired', 'InvalidArgument'));
    }
    if (this.server().hasAdminSession(user)) return { userPrincipalName: user };
    const password = await this.context.host.readSecret(`Password for user ${user}: `);
    return { userPrincipalName: user, password };
  }

  /** A domain error (errorId + category + real wording) as this cmdlet's error record. */
  protected record(e: unknown, target: unknown = null): ErrorRecord {
    if (e instanceof RuntimeError) return e.record;
    if (!(e instanceof Error)) return this.error(String(e), 'UnexpectedError', 'NotSpecified', target);
    const d = e as Error & { errorId?: unknown; category?: unknown; targetObject?: unknown; file?: unknown };
    if (e.name === 'StateCorruptError') return this.error(e.message, 'StateCorrupt', 'ReadError', d.file ?? target, 'System.IO.InvalidDataException');
    if (typeof d.errorId !== 'string') throw e; // a bug stays a bug
    const category: ErrorCategory = isErrorCategory(d.category) ? d.category : 'NotSpecified';
    const exceptionType = d.errorId.startsWith('System.InvalidOperationException') ? 'System.InvalidOperationException' : EXCEPTIONS[category] ?? 'System.Exception';
    return this.error(e.message, d.errorId, category, d.targetObject ?? target, exceptionType);
  }

  /** Non-terminating: write the record and go on with the next input. */
  protected fail(e: unknown, target: unknown = null): void { this.writeError(this.record(e, target)); }

  /** Terminating: the command stops (what a thrown .NET exception in the real module does). */
  protected abort(e: unknown, target: unknown = null): never { this.throwTerminatingError(this.record(e, target)); }
}
