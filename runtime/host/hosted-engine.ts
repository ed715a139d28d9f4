import { Engine } from '../engine.js';
import type { HostUI } from '../commands/context.js';
import type { ShellModule } from '../module-catalog.js';
import type { ErrorRecord } from '../values/error-record.js';
import { conciseView } from './error-view.js';
import { OutputWriter } from './output-writer.js';

export interface HostedEngineOptions {
  host: HostUI;
  modules: readonly ShellModule[];
  /** Epoch ms for "now": the emulator's virtual clock. */
  now?: () => number;
  /** Text of Out-Default (or JSON documents) for the objects reaching the host. */
  writeOutput: (text: string) => void;
  outputFormat?: 'Text' | 'Json';
  /** Every object reaching the host, before it is formatted. */
  onObject?: (value: unknown) => void;
  /** An error record reaching the host, with its concise view; output so far is flushed first. */
  onError: (record: ErrorRecord, text: string) => void;
}

export interface HostedEngine { engine: Engine; writer: OutputWriter }

/** The concise view of a record at the host's width, as the terminal shows it. */
export function errorText(r: ErrorRecord, width: number): string {
  return conciseView(r, { thrown: r.wasThrownFromThrowStatement, width });
}

/**
 * An engine wired to a host the way pwsh's console wires a runspace: objects through Out-Default
 * at the host's width, errors in the concise view after the output before them. The interactive
 * shell and in-process script runs (tests, the cmdlet reference) both start here.
 */
export function createHostedEngine(o: HostedEngineOptions): HostedEngine {
  const writer = new OutputWriter(o.outputFormat ?? 'Text', () => o.host.width, o.writeOutput);
  const engine = new Engine({
    host: o.host,
    modules: o.modules,
    now: o.now,
    output: (v) => { o.onObject?.(v); writer.push(v); },
    showError: (r) => { writer.flush(); o.onError(r, errorText(r, o.host.width)); },
  });
  return { engine, writer };
}
