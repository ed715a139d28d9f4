import { ErrorRecord, RuntimeError, isErrorCategory } from '../values/error-record.js';

/**
 * Any thrown value → an ErrorRecord. Domain errors carry errorId and category (see the domain
 * modules' errors files); anything else is reported by its message, never with a JS stack.
 */
export function toErrorRecord(e: unknown, commandTypeName?: string): ErrorRecord {
  if (e instanceof RuntimeError) return e.record;
  if (e instanceof ErrorRecord) return e;
  if (e instanceof Error) {
    const d = e as Error & { errorId?: unknown; category?: unknown; targetObject?: unknown; exceptionType?: unknown };
    const id = typeof d.errorId === 'string' ? d.errorId : e.name && e.name !== 'Error' ? e.name : 'UnexpectedError';
    const category = isErrorCategory(d.category) ? d.category : 'NotSpecified';
    const type = typeof d.exceptionType === 'string' ? d.exceptionType : 'System.Exception';
    const r = new ErrorRecord(e.message, id, category, d.targetObject ?? null, type, {}, undefined, e);
    if (commandTypeName) r.commandTypeName = commandTypeName;
    return r;
  }
  return new ErrorRecord(String(e), 'UnexpectedError', 'NotSpecified', null, 'System.Exception');
}
