import { ErrorRecord, type ParseError } from './values/error-record.js';

/** A ParseException as the records PowerShell reports (one per diagnostic; category ParserError). */
export function parseErrorRecords(e: ParseError, scriptName?: string): ErrorRecord[] {
  const lines = e.source.split(/\r?\n/);
  return e.diagnostics.map((d) => new ErrorRecord(
    d.message, d.errorId, 'ParserError', null, 'System.Management.Automation.ParseException',
    { scriptName, line: d.line, column: d.column, lineText: lines[d.line - 1] ?? '', length: Math.max(1, d.length) },
  ));
}
