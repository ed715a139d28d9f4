import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createSession, runScript, type ScriptRun, type ScriptSession } from '../../app/run-script.js';
import { registerGraphService } from '../../cmdlets/graph/index.js';
import { ConnectMgGraphCommand } from '../../cmdlets/graph/connect-mggraph.js';
import { InvokeMgGraphRequestCommand } from '../../cmdlets/graph/invoke-mggraphrequest.js';
import { GetMgContextCommand } from '../../cmdlets/graph/get-mgcontext.js';
import { DisconnectMgGraphCommand } from '../../cmdlets/graph/disconnect-mggraph.js';
import { newSelfSignedCertificate, openPki, type StoredCertificate } from '../../pki/index.js';
import { Tenant, DEFAULT_PASSWORD, type TenantDoc } from '../../tenant/index.js';
import type { Clock, StateStore } from '../../state/index.js';

export const DOMAIN = 'contoso.onmicrosoft.com';
export { DEFAULT_PASSWORD };

/** One shell session on a fresh state directory, with the Graph cmdlets registered as the coordinator will. */
export class GraphRig {
  readonly home = fs.mkdtempSync(path.join(os.tmpdir(), 'graph-cmdlets-'));
  /** Prompt answers, consumed in order; push more before a run that prompts. */
  readonly answers: string[] = [];
  readonly session: ScriptSession;

  constructor(opts: { preferServed?: boolean } = {}) {
    this.session = createSession({ home: this.home, answers: this.answers });
    for (const c of [ConnectMgGraphCommand, InvokeMgGraphRequestCommand, GetMgContextCommand, DisconnectMgGraphCommand]) {
      this.session.engine.registry.registerClass(c);
    }
    registerGraphService(this.session.engine.services, { home: this.home, preferServed: opts.preferServed });
  }

  run(text: string, ...answers: string[]): Promise<ScriptRun> {
    this.answers.push(...answers);
    return runScript(text, { session: this.session });
  }

  get store(): StateStore { return this.session.engine.services.get<StateStore>('state'); }
  get clock(): Clock { return this.session.engine.services.get<Clock>('clock'); }

  /** The directory as the tenant persisted it (read through a second Tenant: the state, not the shell's objects). */
  tenantDoc(): TenantDoc { return new Tenant({ store: this.store, clock: this.clock }).doc(); }

  /** A certificate with a non-exportable key in Cert:\LocalMachine\My, as BYOC asks. */
  async certificate(subject = 'CN=ConnectSyncBYOA'): Promise<StoredCertificate> {
    return newSelfSignedCertificate(openPki(this.store, this.clock), { subject, certStoreLocation: 'LocalMachine\\My', keyExportPolicy: 'NonExportable' });
  }

  dispose(): void { fs.rmSync(this.home, { recursive: true, force: true }); }
}

export function b64(der: Uint8Array): string { return Buffer.from(der).toString('base64'); }
