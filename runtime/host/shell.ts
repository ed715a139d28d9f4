import * as path from 'node:path';
import * as fs from 'node:fs';
import { parseCli, usage, type CliOptions } from './cli-options.js';
import { ConsoleHost } from './console-host.js';
import { StdinLines } from './stdin-lines.js';
import { TerminalInput, InterruptedLine } from './terminal-input.js';
import type { OutputWriter } from './output-writer.js';
import { createHostedEngine, type HostedEngine } from './hosted-engine.js';
import type { Engine } from '../engine.js';
import type { ShellModule } from '../module-catalog.js';
import { isIncomplete } from '../evaluator/index.js';
import { completeLine } from './completion.js';
import { Transcript } from './transcript.js';
import { SessionHistory } from './session-history.js';

export const VERSION = 'syncshell 0.1.0 (PowerShell 7.6.0 language subset)';

export interface ShellEnvironment {
  modules: readonly ShellModule[];
  /** The state directory (history file lives there). */
  home: string;
  /** `syncshell serve` */
  serve?: (opts: NonNullable<CliOptions['serve']>) => Promise<number>;
  /** Virtual clock for Get-Date / [datetime]::Now. */
  now?: () => number;
}

function makeEngine(env: ShellEnvironment, host: ConsoleHost, outputFormat: 'Text' | 'Json'): HostedEngine {
  const hosted = createHostedEngine({
    host,
    modules: env.modules,
    now: env.now,
    outputFormat,
    writeOutput: (t) => host.writeOutput(t),
    onError: (_r, text) => host.writeErrorLine(text),
  });
  const engine = hosted.engine;
  engine.services.set('transcript', new Transcript((sink) => { host.transcript = sink; }, process.cwd()));
  engine.services.set('history', new SessionHistory());
  engine.context.location = process.cwd();
  return hosted;
}

/** syncshell's main: returns the process exit code. */
export async function runShell(argv: string[], env: ShellEnvironment): Promise<number> {
  const cli = parseCli(argv);
  if (cli.error) { process.stderr.write(cli.error + '\n'); return 64; }
  if (cli.help) { process.stdout.write(usage); return 0; }
  if (cli.version) { process.stdout.write(VERSION + '\n'); return 0; }
  if (cli.serve) {
    if (!env.serve) { process.stderr.write('serve: the tenant server is not available in this build.\n'); return 1; }
    return env.serve(cli.serve);
  }

  const stdinIsTty = !!process.stdin.isTTY;
  const scripted = cli.command !== undefined || cli.file !== undefined || cli.commandFromStdin || !stdinIsTty;
  // `-Command -` reads the script from stdin even when it is a terminal (line by line, as typed).
  const stdinLines = stdinIsTty && !cli.commandFromStdin ? undefined : new StdinLines();
  const interactiveRepl = !scripted || cli.noExit;
  let terminal: TerminalInput | undefined;
  let engine: Engine | undefined;
  // In a terminal, -Command and -File scripts prompt there too (Read-Host, credentials), as pwsh's do.
  if (stdinIsTty && !cli.commandFromStdin && (interactiveRepl || !cli.nonInteractive)) {
    terminal = new TerminalInput((line) => completeLine(engine!, line), path.join(env.home, 'history.txt'), (text) => !isIncomplete(text));
  }
  const host = new ConsoleHost({ nonInteractive: cli.nonInteractive, terminal, stdinLines, hostTextToStderr: cli.outputFormat === 'Json' });
  const hosted = makeEngine(env, host, cli.outputFormat);
  engine = hosted.engine;
  const out = hosted.writer;
  const sigint = () => engine!.stop();
  process.on('SIGINT', sigint);
  // The terminal is in raw mode: Ctrl+C arrives as a key, not as SIGINT.
  terminal?.setInterruptHandler(sigint);

  try {
    if (cli.file !== undefined) {
      let text: string;
      const file = path.resolve(cli.file);
      try { text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''); } catch {
        process.stderr.write(`The argument '${cli.file}' is not recognized as the name of a script file. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.\n`);
        return 64;
      }
      const r = await engine.run(text, { fileName: file, args: cli.fileArgs });
      out.flush();
      if (!cli.noExit) return r.exitCode ?? (r.terminated ? 1 : 0);
    } else if (cli.command !== undefined) {
      const r = await engine.run(cli.command);
      out.flush();
      if (!cli.noExit) return r.exitCode ?? (r.succeeded ? 0 : 1);
    } else if (cli.commandFromStdin || (!stdinIsTty && !cli.noExit)) {
      return await runStdinScript(engine, out, stdinLines!);
    }
    if (!terminal) return 0;
    return await repl(engine, out, terminal, host, cli);
  } finally {
    process.off('SIGINT', sigint);
    terminal?.close();
  }
}

/** `-Command -` / piped stdin: each complete statement runs as it is read, as pwsh does. */
async function runStdinScript(engine: Engine, out: OutputWriter, lines: StdinLines): Promise<number> {
  let buffer = '';
  let last = { succeeded: true } as { succeeded: boolean; exitCode?: number };
  for (let line = await lines.next(); line !== null; line = await lines.next()) {
    buffer = buffer ? buffer + '\n' + line : line;
    if (isIncomplete(buffer)) continue;
    if (buffer.trim() === '') { buffer = ''; continue; }
    const r = await engine.run(buffer);
    buffer = '';
    out.flush();
    last = r;
    if (r.exitCode !== undefined) return r.exitCode;
  }
  if (buffer.trim()) { last = await engine.run(buffer); out.flush(); if (last.exitCode !== undefined) return last.exitCode; }
  return last.succeeded ? 0 : 1;
}

function promptText(engine: Engine): string {
  return `PS ${engine.context.location}> `;
}

async function repl(engine: Engine, out: OutputWriter, terminal: TerminalInput, host: ConsoleHost, cli: CliOptions): Promise<number> {
  if (!cli.noLogo) host.writeLine('syncshell — Microsoft Entra Connect Sync emulator (PowerShell 7.6 compatible). Type Get-Help for help.\n');
  let exitCode = 0;
  for (;;) {
    let text: string;
    try {
      const prompt = promptText(engine);
      text = await terminal.readCommandLine(prompt, host.column);
      host.column = 0;
      // A transcript shows the prompt and the command before its output, as pwsh's does.
      host.transcript?.(prompt + text.replace(/\n/g, '\n>> ') + '\n');
    } catch (e) {
      host.column = 0;
      if (e instanceof InterruptedLine) continue; // the editor left the line on screen with ^C
      break; // input closed (Ctrl+D)
    }
    if (!text.trim()) continue;
    if (/^\s*exit\s*$/i.test(text)) break;
    const started = Date.now();
    const r = await engine.run(text);
    out.flush();
    // The wall time the line took, as pwsh's HistoryInfo records it (not the emulator's virtual clock).
    engine.services.get<SessionHistory>('history').add(text, r.stopped ? 'Stopped' : r.succeeded ? 'Completed' : 'Failed', started, Date.now());
    if (r.stopped) host.writeLine('');
    if (r.exitCode !== undefined) { exitCode = r.exitCode; break; }
  }
  return exitCode;
}
