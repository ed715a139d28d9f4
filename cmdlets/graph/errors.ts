import { ErrorRecord, type ErrorCategory } from '../../runtime/values/error-record.js';
import type { Cmdlet } from '../../runtime/commands/cmdlet.js';

/** .NET HttpStatusCode names and reason phrases, as "NotFound (Not Found)" shows them. */
const STATUS: Record<number, [string, string]> = {
  200: ['OK', 'OK'], 201: ['Created', 'Created'], 202: ['Accepted', 'Accepted'], 204: ['NoContent', 'No Content'],
  400: ['BadRequest', 'Bad Request'], 401: ['Unauthorized', 'Unauthorized'], 403: ['Forbidden', 'Forbidden'],
  404: ['NotFound', 'Not Found'], 405: ['MethodNotAllowed', 'Method Not Allowed'], 409: ['Conflict', 'Conflict'],
  413: ['RequestEntityTooLarge', 'Request Entity Too Large'], 415: ['UnsupportedMediaType', 'Unsupported Media Type'],
  429: ['TooManyRequests', 'Too Many Requests'], 500: ['InternalServerError', 'Internal Server Error'],
  503: ['ServiceUnavailable', 'Service Unavailable'],
};

export function statusName(status: number): [string, string] { return STATUS[status] ?? [String(status), String(status)]; }

/**
 * Invoke-MgGraphRequest's HTTP failure (InvokeGraphHttpResponseException). The real record's exception says
 * "Response status code does not indicate success: NotFound (Not Found)." and its ErrorDetails carry the request
 * line and the raw response, which is what the console prints; `message` is that ErrorDetails text here.
 */
export class GraphHttpErrorRecord extends ErrorRecord {
  constructor(message: string, target: string, readonly exceptionMessage: string, readonly statusCode: number,
    readonly graphError: { code: string; message: string } | undefined, readonly responseBody: string) {
    super(message, 'InvokeGraphHttpResponseException', 'InvalidOperation', target,
      'Microsoft.Graph.PowerShell.Authentication.Helpers.HttpResponseException');
  }
}

export function httpErrorRecord(cmdlet: Cmdlet, method: string, url: string, res: { status: number; headers: Record<string, string>; body: string }): ErrorRecord {
  const [name, phrase] = statusName(res.status);
  const headers = Object.entries(res.headers).filter(([k]) => k.toLowerCase() !== 'content-type')
    .map(([k, v]) => `${k}: ${v}`);
  const contentType = Object.entries(res.headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
  const details = [`${method} ${url}`, `HTTP/1.1 ${res.status} ${phrase}`, ...headers, ...(contentType ? [`Content-Type: ${contentType}`] : []), res.body].join('\n');
  let graphError: { code: string; message: string } | undefined;
  try {
    const e = (JSON.parse(res.body) as { error?: { code?: unknown; message?: unknown } }).error;
    if (e && typeof e.code === 'string') graphError = { code: e.code, message: String(e.message ?? '') };
  } catch { /* not JSON: the details still show it */ }
  const record = new GraphHttpErrorRecord(details, `Method: ${method}, RequestUri: '${url}'`,
    `Response status code does not indicate success: ${name} (${phrase}).`, res.status, graphError, res.body);
  return stamp(cmdlet, record);
}

/** A record whose FullyQualifiedErrorId is the bare command class name, as `new ErrorRecord(ex, string.Empty, …)` gives. */
export class BareErrorRecord extends ErrorRecord {
  override get fullyQualifiedErrorId(): string { return this.commandTypeName ?? this.errorId; }
}

/** Connect-MgGraph's failures: Azure.Identity's AuthenticationFailedException written with an empty error id. */
export function authFailedRecord(cmdlet: Cmdlet, message: string, exceptionType = 'Azure.Identity.AuthenticationFailedException', category: ErrorCategory = 'NotSpecified'): ErrorRecord {
  return stamp(cmdlet, new BareErrorRecord(message, '', category, null, exceptionType));
}

/** A parameter-validation error (ValidationMetadataException) as the Graph cmdlets raise them. */
export function validationRecord(cmdlet: Cmdlet, message: string, errorId: string, target: unknown = null): ErrorRecord {
  return cmdlet.error(message, errorId, 'InvalidArgument', target, 'System.Management.Automation.ValidationMetadataException');
}

export const NOT_CONNECTED = 'Authentication needed. Please call Connect-MgGraph.';

function stamp(cmdlet: Cmdlet, record: ErrorRecord): ErrorRecord {
  record.commandTypeName = cmdlet.meta.className;
  record.position = { ...record.position, commandName: cmdlet.commandName };
  return record;
}

/**
 * The Entra text of an msal failure ("AADSTS50126: Error validating credentials…"): msal wraps it as
 * "Error(s): 50126 - Timestamp: … - Description: AADSTS50126: …" followed by trace and correlation lines.
 */
export function aadstsText(e: unknown): string {
  const err = e as { errorMessage?: unknown; message?: unknown };
  const text = typeof err?.errorMessage === 'string' && err.errorMessage ? err.errorMessage : String(err?.message ?? e);
  const m = /AADSTS\d+:[^\r\n]*/.exec(text);
  const first = (m ? m[0] : text.split(/\r?\n/)[0]!).replace(/\s+(Trace ID|Correlation ID|Timestamp):.*$/, '');
  return first.replace(/\s+-\s*Correlation ID:.*$/, '').trim();
}
