/**
 * System.Management.Automation.ErrorRecord: every failure the shell reports is one of these,
 * never a JavaScript stack trace.
 */
export const ErrorCategories = [
  'NotSpecified', 'OpenError', 'CloseError', 'DeviceError', 'DeadlockDetected', 'InvalidArgument', 'InvalidData',
  'InvalidOperation', 'InvalidResult', 'InvalidType', 'MetadataError', 'NotImplemented', 'NotInstalled', 'ObjectNotFound',
  'OperationStopped', 'OperationTimeout', 'SyntaxError', 'ParserError', 'PermissionDenied', 'ResourceBusy', 'ResourceExists',
  'ResourceUnavailable', 'ReadError', 'WriteError', 'FromStdErr', 'SecurityError', 'ProtocolError', 'ConnectionError',
  'AuthenticationError', 'LimitsExceeded', 'QuotaExceeded', 'NotEnabled',
] as const;
export type ErrorCategory = (typeof ErrorCategories)[number];

export function isErrorCategory(s: unknown): s is ErrorCategory {
  return typeof s === 'string' && (ErrorCategories as readonly string[]).includes(s);
}

/** Where in a script an error happened (InvocationInfo / the parse extent). */
export interface ErrorPosition {
  /** The command name shown before the colon in the concise view, e.g. 'Get-ChildItem'. */
  commandName?: string;
  scriptName?: string;
  line?: number;
  column?: number;
  /** The full text of the offending line, for the positional message. */
  lineText?: string;
  /** Length of the offending extent on that line. */
  length?: number;
}

export class ErrorRecord {
  constructor(
    /** Exception message (ErrorRecord.Exception.Message). */
    readonly message: string,
    /** The error id; FullyQualifiedErrorId appends ',<CommandType fully-qualified name>' when raised by a cmdlet. */
    readonly errorId: string,
    readonly category: ErrorCategory,
    readonly targetObject: unknown = null,
    /** .NET exception type name, e.g. 'System.Management.Automation.CommandNotFoundException'. */
    readonly exceptionType: string = 'System.Management.Automation.RuntimeException',
    public position: ErrorPosition = {},
    /** The suffix of FullyQualifiedErrorId, e.g. 'Microsoft.PowerShell.Commands.GetItemCommand'. */
    public commandTypeName?: string,
    /** Original JS error, kept for diagnostics (never printed). */
    readonly inner?: unknown,
  ) {}

  /** Set when a script's `throw` statement raised it (the concise view then says 'Exception:'). */
  wasThrownFromThrowStatement = false;
  /**
   * Set when `throw` raised a .NET exception that is not a RuntimeException: PowerShell carries it inside a
   * RuntimeException, so `catch [System.Management.Automation.RuntimeException]` also catches it.
   */
  wrappedInRuntimeException = false;

  get fullyQualifiedErrorId(): string {
    return this.commandTypeName ? `${this.errorId},${this.commandTypeName}` : this.errorId;
  }

  /** CategoryInfo.ToString(): 'ObjectNotFound: (x:String) [Get-Item], ItemNotFoundException'. */
  categoryInfo(): string {
    const t = this.targetObject;
    const targetName = t === null || t === undefined ? '' : String(t);
    const targetType = t === null || t === undefined ? '' : typeof t === 'string' ? 'String' : typeof t === 'number' ? 'Int32' : 'Object';
    const activity = this.position.commandName ?? '';
    const reason = this.exceptionType.split('.').pop() ?? '';
    return `${this.category}: (${targetName}:${targetType}) [${activity}], ${reason}`;
  }

  toString(): string { return this.message; }

  withPosition(p: ErrorPosition): this { this.position = { ...this.position, ...p }; return this; }
}

/**
 * A terminating error in flight: thrown through the evaluator and pipeline until a try/catch or
 * the host handles it.
 */
export class RuntimeError extends Error {
  constructor(readonly record: ErrorRecord) {
    super(record.message);
    this.name = 'RuntimeError';
  }
}

/** A parse error: a diagnostic with a code and a position, as the TypeScript compiler's are. */
export interface ParseDiagnostic {
  /** PowerShell's ParseError.ErrorId, e.g. 'MissingEndCurlyBrace', 'UnexpectedToken'. */
  errorId: string;
  message: string;
  line: number;
  column: number;
  /** Offset into the script text and the length of the offending extent. */
  offset: number;
  length: number;
}

export class ParseError extends Error {
  constructor(readonly diagnostics: ParseDiagnostic[], readonly source: string) {
    super(diagnostics[0]?.message ?? 'Parse error');
    this.name = 'ParseError';
  }
}
