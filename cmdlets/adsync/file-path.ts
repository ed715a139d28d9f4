import * as os from 'node:os';
import * as path from 'node:path';

/** A -Path argument: absolute as given, '~' as home, relative against a file-system location, else the process's. */
export function resolvePath(location: string, text: string): string {
  if (text === '~' || text.startsWith('~/') || text.startsWith('~\\')) return path.join(os.homedir(), text.slice(2));
  const t = text.replace(/^(?:microsoft\.powershell\.core\\)?filesystem::/i, '');
  if (path.isAbsolute(t)) return path.normalize(t);
  const loc = location.replace(/^(?:microsoft\.powershell\.core\\)?filesystem::/i, '');
  return path.resolve(loc && path.isAbsolute(loc) ? loc : process.cwd(), t);
}
