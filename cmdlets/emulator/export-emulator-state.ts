import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import type { StateStore } from '../../state/index.js';
import { AdsyncCmdlet } from '../adsync/adsync-cmdlet.js';
import { resolvePath } from '../adsync/file-path.js';
import { EMULATOR_MODULE, EMULATOR_NS } from './get-emulator-clock.js';

export const REDACTED = '[redacted]';
const SECRET_KEY = /password|secret|private|pkcs8|masterkey/i;

/** Secrets never leave: values under secret-looking names, and any PEM private key wherever it appears. */
export function redact(v: unknown, key = ''): unknown {
  if (key && SECRET_KEY.test(key) && v !== null && v !== undefined && typeof v !== 'boolean') return REDACTED;
  if (typeof v === 'string') return /PRIVATE KEY/.test(v) ? REDACTED : v;
  if (Array.isArray(v)) return v.map((x) => redact(x));
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = redact(x, k);
    return out;
  }
  return v;
}

/** The whole emulated state as one JSON document (the key files under keys/ are never read). */
export function exportState(store: StateStore, now: Date): Record<string, unknown> {
  const documents: Record<string, unknown> = {};
  for (const f of fs.readdirSync(store.home).sort()) {
    if (!f.endsWith('.json')) continue;
    const name = f.slice(0, -5);
    documents[name] = redact(store.read(name));
  }
  let eventLog: unknown[] = [];
  const log = path.join(store.home, 'eventlog-application.jsonl');
  if (fs.existsSync(log)) {
    eventLog = fs.readFileSync(log, 'utf8').split('\n').filter(Boolean).flatMap((l) => { try { return [redact(JSON.parse(l))]; } catch { return []; } });
  }
  return { exportedAt: now.toISOString(), stateHome: store.home, documents, eventLog };
}

/** Export-EmulatorState: the state as JSON, for inspection or a bug report; private keys and passwords redacted. */
export class ExportEmulatorStateCommand extends AdsyncCmdlet {
  static override meta: CmdletMeta = {
    verb: 'Export', noun: 'EmulatorState', module: EMULATOR_MODULE, className: `${EMULATOR_NS}.ExportEmulatorStateCommand`,
    parameters: [param('Path', T.String, { position: 0, description: 'The JSON file to write. Without it the JSON text is written to the pipeline.' })],
    synopsis: "Exports the emulator's state as JSON (never private keys or passwords).",
    examples: [{ code: 'Export-EmulatorState -Path .\\state.json' }],
  };

  Path?: string;

  override async processRecord(): Promise<void> {
    const store = this.context.service<StateStore>('state');
    let json: string;
    try { json = JSON.stringify(exportState(store, this.server().clock.now()), null, 2); } catch (e) { this.fail(e); return; }
    if (!this.Path) { await this.writeObject(json); return; }
    const file = resolvePath(this.context.location, this.Path);
    try { fs.writeFileSync(file, json + '\n', { encoding: 'utf8', mode: 0o600 }); } catch (e) {
      this.throwTerminatingError(this.error(`Could not write '${file}': ${(e as Error).message}`, 'ExportFailed', 'WriteError', file, 'System.IO.IOException'));
    }
  }
}
