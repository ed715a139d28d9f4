import * as os from 'node:os';
import * as path from 'node:path';

/** The state directory: $SYNCSHELL_HOME, or ~/.syncshell (the embedded default). */
export function stateHome(): string {
  const fromEnv = process.env.SYNCSHELL_HOME;
  return fromEnv && fromEnv.length > 0 ? path.resolve(fromEnv) : path.join(os.homedir(), '.syncshell');
}
