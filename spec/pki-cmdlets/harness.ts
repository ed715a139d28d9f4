import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ManualClock, StateStore } from '../../state/index.js';
import { CommandRegistry } from '../../runtime/commands/registry.js';
import { PipelineRunner } from '../../runtime/commands/pipeline-runner.js';
import type { RunnerServices } from '../../runtime/commands/runner-services.js';
import type { ExecutionContext, HostUI, StreamSink } from '../../runtime/commands/context.js';
import type { CommandArgument } from '../../runtime/commands/invocation.js';
import type { TypeSpec } from '../../runtime/commands/types.js';
import { ErrorRecord, RuntimeError } from '../../runtime/values/error-record.js';
import { PSDateTime } from '../../runtime/values/datetime.js';
import { PSObject } from '../../runtime/values/psobject.js';
import { SecureString } from '../../runtime/values/secure-string.js';
import { pkiCmdlets, registerPkiProvider } from '../../cmdlets/pki/index.js';
import { ProviderRegistry } from '../../cmdlets/core/providers.js';
import { GetItemCommand } from '../../cmdlets/core/get-item.js';
import { GetChildItemCommand } from '../../cmdlets/core/get-childitem.js';
import { TestPathCommand } from '../../cmdlets/core/test-path.js';
import { SetLocationCommand } from '../../cmdlets/core/set-location.js';
import { RemoveItemCommand } from '../../cmdlets/core/remove-item.js';
import { openPki, type PkiContext } from '../../pki/index.js';

/** Just enough of the engine's type conversion for the pki cmdlets' parameter types. */
function convert(value: unknown, type: TypeSpec): unknown {
  if (type.element) return (Array.isArray(value) ? value : [value]).map((v) => convert(v, type.element!));
  switch (type.kind) {
    case 'string': return String(value);
    case 'int': {
      const n = Number(value);
      if (!Number.isInteger(n)) throw new Error(`Cannot convert value "${String(value)}" to type "System.Int32".`);
      return n;
    }
    case 'datetime': return value instanceof PSDateTime ? value : PSDateTime.fromDate(new Date(String(value)));
    case 'securestring':
      if (value instanceof SecureString) return value;
      throw new Error(`Cannot convert the "${String(value)}" value of type "System.String" to type "System.Security.SecureString".`);
    case 'enum': {
      const hit = type.enumValues!.find((v) => v.toLowerCase() === String(value).toLowerCase());
      if (!hit) throw new Error(`Cannot convert value "${String(value)}" to type "${type.name}".`);
      return hit;
    }
    default: return value;
  }
}

export interface RunResult { output: unknown[]; errors: ErrorRecord[]; host: string[]; terminating?: ErrorRecord }

/** A session of the real command layer (registry, binder, pipeline runner) with the pki cmdlets and a temp state home. */
export class PkiSession {
  readonly home: string;
  readonly files: string;
  readonly store: StateStore;
  readonly clock = new ManualClock(new Date('2026-03-01T12:00:00Z'));
  readonly pki: PkiContext;
  readonly hostLines: string[] = [];
  location = '/';
  private readonly registry = new CommandRegistry();
  private readonly runner: PipelineRunner;
  private errors: ErrorRecord[] = [];

  /** memoryDisk: put the state home on /dev/shm when there is one (thousands of fsync'd writes in the fuzz test). */
  constructor(opts: { memoryDisk?: boolean } = {}) {
    const base = opts.memoryDisk && fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
    this.home = fs.mkdtempSync(path.join(base, 'syncshell-pkicmd-'));
    this.files = fs.mkdtempSync(path.join(base, 'syncshell-pkicmd-files-'));
    this.store = new StateStore(this.home);
    this.pki = openPki(this.store, this.clock);
    for (const c of pkiCmdlets) this.registry.registerClass(c);
    // The generic item cmdlets of cmdlets/core, reaching Cert: through the session's provider registry.
    for (const c of [GetItemCommand, GetChildItemCommand, TestPathCommand, SetLocationCommand, RemoveItemCommand]) this.registry.registerClass(c);
    const self = this;
    const host: HostUI = {
      write: (t) => self.hostLines.push(t), writeLine: (t = '') => self.hostLines.push(t), writeErrorLine: (t) => self.hostLines.push(t),
      writeWarningLine: (t) => self.hostLines.push(`WARNING: ${t}`), writeVerboseLine: () => {}, writeDebugLine: () => {}, writeProgress: () => {},
      readLine: async () => { throw new Error('no input'); }, readSecret: async () => { throw new Error('no input'); },
      interactive: false, width: 120,
    };
    const services: Record<string, unknown> = { state: this.store, clock: this.clock };
    const providers = new ProviderRegistry();
    registerPkiProvider(providers, { service: <T>(n: string) => services[n] as T });
    services['providers'] = providers;
    const context: ExecutionContext = {
      host,
      variables: { get: () => undefined, has: () => false, set: () => {}, remove: () => false, list: () => [] },
      evaluate: async () => [], compile: () => { throw new Error('no compiler'); },
      get location() { return self.location; }, set location(v: string) { self.location = v; },
      stopping: false,
      service: <T>(name: string) => services[name] as T,
    };
    const sink: StreamSink = {
      error: (r) => self.errors.push(r), warning: (m) => self.hostLines.push(`WARNING: ${m}`), verbose: () => {}, debug: () => {}, information: () => {}, progress: () => {},
    };
    const rs: RunnerServices = {
      registry: this.registry,
      binder: { convert, toText: (v) => String(v) },
      host, context,
      getFunction: () => undefined, getVariable: () => undefined, setVariable: () => {}, recordError: () => {},
      currentStreams: () => sink, withStreams: (_s, fn) => fn(), stopping: false, onStop: () => () => {},
    };
    this.runner = new PipelineRunner(rs);
  }

  /** Run one cmdlet: args as name → value (true for a switch), optional pipeline input. */
  async run(name: string, args: Record<string, unknown> = {}, input?: unknown[]): Promise<RunResult> {
    const list: CommandArgument[] = Object.entries(args).map(([k, v]) => (v === true
      ? { kind: 'parameter', name: k, text: `-${k}`, hasValue: false }
      : { kind: 'parameter', name: k, text: `-${k}:`, hasValue: true, value: v }));
    return this.pipeline([{ name, args: list }], input);
  }

  async pipeline(elements: { name: string; args: CommandArgument[] }[], input?: unknown[]): Promise<RunResult> {
    const output: unknown[] = [];
    this.errors = [];
    const start = this.hostLines.length;
    let terminating: ErrorRecord | undefined;
    try {
      await this.runner.runPipeline({
        elements: elements.map((e) => ({ name: e.name, args: e.args, position: {} })),
        ...(input ? { input } : {}),
        sink: (v) => { output.push(v); },
      });
    } catch (e) {
      if (e instanceof RuntimeError) terminating = e.record;
      else throw e;
    }
    return { output, errors: this.errors, host: this.hostLines.slice(start), ...(terminating ? { terminating } : {}) };
  }

  file(name: string): string { return path.join(this.files, name); }

  count(where: string): number { return this.pki.stores.list(where).length; }

  cleanup(): void {
    fs.rmSync(this.home, { recursive: true, force: true });
    fs.rmSync(this.files, { recursive: true, force: true });
  }
}

export const secure = (text: string) => new SecureString(text);

export function openssl(args: string[], input?: Uint8Array): string {
  try {
    return execFileSync('openssl', args, { input, stdio: ['pipe', 'pipe', 'pipe'] }).toString('utf8');
  } catch (e) {
    const err = e as { stderr?: Buffer; stdout?: Buffer };
    throw new Error(`openssl ${args.join(' ')} failed: ${err.stderr?.toString() ?? ''}${err.stdout?.toString() ?? ''}`);
  }
}

/** 'sha1 Fingerprint=AB:CD…' → 'ABCD…' */
export function fingerprint(derFile: string, alg: 'sha1' | 'sha256'): string {
  return openssl(['x509', '-inform', 'der', '-in', derFile, '-noout', '-fingerprint', `-${alg}`]).trim().split('=')[1]!.replace(/:/g, '');
}

export function call(o: unknown, method: string, ...args: unknown[]): unknown {
  if (!(o instanceof PSObject)) throw new Error(`not a PSObject: ${String(o)}`);
  const m = o.method(method);
  if (!m) throw new Error(`no method ${method}`);
  return m.impl(args);
}

export function prop(o: unknown, ...names: string[]): unknown {
  let v = o;
  for (const n of names) {
    if (!(v instanceof PSObject)) throw new Error(`not a PSObject at ${n}`);
    v = v.get(n);
  }
  return v;
}

export const BYOC_ARGS = {
  Subject: 'CN=ConnectSyncBYOC', CertStoreLocation: 'Cert:\\LocalMachine\\My', KeyLength: 2048, KeyAlgorithm: 'RSA',
  HashAlgorithm: 'SHA256', KeyExportPolicy: 'NonExportable', Provider: 'Microsoft Platform Crypto Provider',
};
