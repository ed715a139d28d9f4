import yargsParser from 'yargs-parser';

/** pwsh's own switches, in the canonical spelling; a unique case-insensitive prefix of any of them works. */
const SWITCHES = ['Command', 'File', 'NonInteractive', 'NoProfile', 'NoLogo', 'NoExit', 'OutputFormat', 'InputFormat',
  'Version', 'Help', 'ExecutionPolicy', 'WorkingDirectory', 'Interactive', 'Login', 'WindowStyle', 'ConfigurationName',
  'EncodedCommand', 'MTA', 'STA', 'SettingsFile', 'CommandWithArgs'] as const;
const SHORT: Record<string, string> = { c: 'Command', f: 'File', '?': 'Help', h: 'Help', v: 'Version', nop: 'NoProfile', noni: 'NonInteractive', nol: 'NoLogo', o: 'OutputFormat', of: 'OutputFormat', ep: 'ExecutionPolicy', wd: 'WorkingDirectory', i: 'Interactive', ec: 'EncodedCommand', e: 'EncodedCommand', cwa: 'CommandWithArgs' };

export interface CliOptions {
  command?: string;
  /** `-Command -`: read the script from standard input. */
  commandFromStdin?: boolean;
  file?: string;
  fileArgs: string[];
  nonInteractive: boolean;
  noProfile: boolean;
  noLogo: boolean;
  noExit: boolean;
  outputFormat: 'Text' | 'Json';
  version: boolean;
  help: boolean;
  /** `syncshell serve ...`: the tenant over HTTPS. */
  serve?: { port?: number; host?: string; allowRemote: boolean };
  error?: string;
}

export function canonicalSwitch(arg: string): string | undefined {
  const name = arg.replace(/^(--|-|\/)/, '').split(':')[0]!.toLowerCase();
  if (!name) return undefined;
  if (SHORT[name]) return SHORT[name];
  const exact = SWITCHES.find((s) => s.toLowerCase() === name);
  if (exact) return exact;
  const matches = SWITCHES.filter((s) => s.toLowerCase().startsWith(name));
  return matches.length === 1 ? matches[0] : undefined;
}

/**
 * The command line as pwsh reads it: switches up to -Command (whose value is the rest of the line,
 * joined) or -File (whose following words are the script's arguments).
 */
export function parseCli(argv: string[]): CliOptions {
  const o: CliOptions = { fileArgs: [], nonInteractive: false, noProfile: false, noLogo: false, noExit: false, outputFormat: 'Text', version: false, help: false };
  if (argv[0] === 'serve') {
    const a = yargsParser(argv.slice(1), { number: ['port'], string: ['host'], boolean: ['allow-remote'] });
    o.serve = { port: a.port as number | undefined, host: a.host as string | undefined, allowRemote: a['allow-remote'] === true };
    return o;
  }
  const switches: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!/^(-|–|—|\/)/.test(arg) || arg === '-') {
      // The first bare word is a script file, as pwsh 7 treats it.
      o.file = arg; o.fileArgs = argv.slice(i + 1); break;
    }
    const normalized = arg.replace(/^[–—]/, '-');
    const name = canonicalSwitch(normalized);
    if (!name) { o.error = `The argument '${arg}' is not recognized as the name of a script file. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.`; return o; }
    if (name === 'Command' || name === 'CommandWithArgs') {
      const rest = argv.slice(i + 1);
      if (rest.length === 1 && rest[0] === '-') o.commandFromStdin = true;
      else if (rest.length === 0) o.commandFromStdin = true;
      else o.command = rest.join(' ');
      break;
    }
    if (name === 'File') {
      const path = argv[i + 1];
      if (path === undefined) { o.error = "Missing the argument to -File, which should be a script file name."; return o; }
      o.file = path; o.fileArgs = argv.slice(i + 2); break;
    }
    const colon = normalized.indexOf(':');
    switches.push(`--${name}`);
    if (colon > 0) switches.push(normalized.slice(colon + 1));
    else if (['OutputFormat', 'InputFormat', 'ExecutionPolicy', 'WorkingDirectory', 'WindowStyle', 'ConfigurationName', 'EncodedCommand', 'SettingsFile'].includes(name)) {
      if (argv[i + 1] === undefined) { o.error = `Missing the argument to -${name}.`; return o; }
      switches.push(argv[++i]!);
    }
  }
  const a = yargsParser(switches, {
    boolean: ['NonInteractive', 'NoProfile', 'NoLogo', 'NoExit', 'Version', 'Help', 'Interactive', 'Login', 'MTA', 'STA'],
    string: ['OutputFormat', 'InputFormat', 'ExecutionPolicy', 'WorkingDirectory', 'WindowStyle', 'ConfigurationName', 'EncodedCommand', 'SettingsFile'],
    configuration: { 'camel-case-expansion': false },
  });
  o.nonInteractive = a.NonInteractive === true;
  o.noProfile = a.NoProfile === true;
  o.noLogo = a.NoLogo === true;
  o.noExit = a.NoExit === true;
  o.version = a.Version === true;
  o.help = a.Help === true;
  if (typeof a.EncodedCommand === 'string') o.command = Buffer.from(a.EncodedCommand, 'base64').toString('utf16le');
  if (typeof a.OutputFormat === 'string') {
    const f = a.OutputFormat.toLowerCase();
    if (f === 'text') o.outputFormat = 'Text';
    else if (f === 'json') o.outputFormat = 'Json';
    else { o.error = `The argument '${a.OutputFormat}' to -OutputFormat is not valid. Valid values are Text and Json.`; }
  }
  if (typeof a.WorkingDirectory === 'string') { try { process.chdir(a.WorkingDirectory); } catch { o.error = `The working directory '${a.WorkingDirectory}' does not exist.`; } }
  return o;
}

export const usage = `Usage: syncshell [-Command] { - | <script-block> [-args <arg-array>] | <string> [<CommandParameters>] }
                 [-File <filePath> <args>] [-NonInteractive] [-NoProfile] [-NoLogo] [-NoExit]
                 [-OutputFormat {Text | Json}] [-Version] [-Help]
       syncshell serve [--port <n>] [--host <address>] [--allow-remote]

  syncshell is a PowerShell-compatible shell that emulates a Microsoft Entra Connect Sync server and its
  Microsoft Entra tenant offline. With no arguments it opens an interactive prompt.

  -Command | -c   Run the commands and exit; '-' reads them from standard input.
  -File | -f      Run a script file with arguments.
  -NonInteractive Never prompt: a missing mandatory parameter or a Read-Host is an error.
  -NoProfile      Accepted (there is no profile).
  -NoLogo         Hide the banner at startup.
  -OutputFormat   Text (default) or Json: every output object as JSON, one document per line.
  -Version        Print the version and exit.
  serve           Serve the emulated tenant over HTTPS on loopback (see docs/tenant.md).

  State lives in $SYNCSHELL_HOME (default ~/.syncshell).
`;
