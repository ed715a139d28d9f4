import type { ErrorRecord } from '../values/error-record.js';

/** Extra facts the concise view needs beyond the record itself. */
export interface ErrorViewFacts {
  /** The exception came from a `throw` statement (its reason prints as 'Exception'). */
  thrown?: boolean;
  /** The record's command is a real command (cmdlet/function), not a script block. */
  fromCommand?: boolean;
  width?: number;
}

function truncated(s: string, length: number): string {
  if (s.length <= length) return s;
  const parts = s.substring(0, length).split(/\s/);
  return parts.length > 1 ? parts.slice(0, -1).join(' ') : parts[0]!;
}

/**
 * pwsh 7's ConciseView, ported from its ErrorRecord view script (PowerShellCore_format_ps1xml.cs):
 * `Reason: message`, with the `Line |` block when the error comes from a script file, a line after
 * the first of multi-line input, or the parser.
 */
export function conciseView(r: ErrorRecord, facts: ErrorViewFacts = {}): string {
  const p = r.position;
  const isParse = r.category === 'ParserError';
  const lineNo = p.line ?? 1;
  const showLine = (isParse || !!p.scriptName || lineNo > 1) && p.lineText !== undefined;
  let posmsg = '';
  let prefix = '';
  let message = '';
  if (showLine) {
    posmsg = p.scriptName ? `${p.scriptName}:${lineNo}\n` : '\n';
    const numLen = String(lineNo).length;
    const headerWs = numLen > 4 ? ' '.repeat(numLen - 4) : '';
    const lineWs = numLen < 4 ? ' '.repeat(4 - numLen) : '';
    posmsg += `${headerWs}Line |\n`;
    const text = (p.lineText ?? '').replace(/\s+$/, '');
    posmsg += `${lineWs}${lineNo} |  ${text}\n`;
    const col = Math.max(1, p.column ?? 1);
    const len = Math.max(1, p.length ?? 1);
    prefix = `${headerWs}     | `;
    posmsg += `${prefix}${' '.repeat(col)}${'~'.repeat(len)}\n`;
    message = prefix;
  }
  message += r.message;
  if (showLine && (p.scriptName || isParse)) {
    const width = facts.width ?? 120;
    message = message.replace(/\r?\n/g, ' ').replace(/\t/g, ' ');
    if (width > 0 && message.length > width) {
      const out: string[] = [];
      let sub = truncated(message, width);
      out.push(sub);
      let rest = message.substring(sub.length).trim();
      while (rest.length + prefix.length > width) {
        sub = truncated(prefix + rest, width);
        if (sub.length - prefix.length <= 0) break;
        out.push(sub);
        rest = rest.substring(sub.length - prefix.length).trim();
      }
      out.push(prefix + rest.trim());
      message = out.join('\n');
    }
    message += '\n';
  }
  posmsg += message;
  let reason: string;
  if (facts.thrown) reason = 'Exception';
  else if (p.commandName) reason = p.commandName;
  else if (r.category !== 'NotSpecified') reason = r.category;
  else reason = r.exceptionType.split('.').pop() ?? 'Error';
  return `${reason}: ${posmsg}`;
}
