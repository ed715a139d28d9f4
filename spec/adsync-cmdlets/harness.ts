import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createSession, runScript, type ScriptRun, type ScriptSession } from '../../app/run-script.js';
import { adsyncCommandIndex, registerAdsyncViews, registerConnectService } from '../../cmdlets/adsync/index.js';
import { emulatorCommandIndex } from '../../cmdlets/emulator/index.js';
import { graphCommandIndex, registerGraphService } from '../../cmdlets/graph/index.js';
import { pkiCommandIndex, registerPkiProvider, registerPkiViews } from '../../cmdlets/pki/index.js';
import type { ConnectServer } from '../../connect/index.js';
import type { ProviderRegistry } from '../../cmdlets/core/index.js';
import { DEFAULT_DOMAIN, DEFAULT_PASSWORD } from '../../tenant/index.js';

export const DOMAIN = DEFAULT_DOMAIN;
export const PASSWORD = DEFAULT_PASSWORD;
export const HIA = `hybridadmin@${DEFAULT_DOMAIN}`;
export const GA = `admin@${DEFAULT_DOMAIN}`;
export const APPADMIN = `appadmin@${DEFAULT_DOMAIN}`;

export interface Shell {
  home: string;
  session: ScriptSession;
  /** Run script text in the session; `answers` are appended to the prompt answers (masked or not), in order. */
  run(text: string, ...answers: string[]): Promise<ScriptRun>;
  server(): ConnectServer;
  cleanup(): void;
}

/** A session of the real shell with the ADSync, emulator and PKI modules, on a fresh temporary state home. */
export function shell(home = fs.mkdtempSync(path.join(os.tmpdir(), 'adsync-cmdlets-')), opts: { interactive?: boolean } = {}): Shell {
  const answers: string[] = [];
  const session = createSession({ home, answers: opts.interactive === false ? undefined : answers });
  const reg = session.engine.registry;
  // The coordinator wires these through app/modules.ts; until then (and without duplicating what is wired) add them here.
  const pkiWired = reg.hasCmdlet('New-SelfSignedCertificate');
  for (const c of [...adsyncCommandIndex, ...emulatorCommandIndex, ...graphCommandIndex, ...(pkiWired ? [] : pkiCommandIndex)]) {
    if (!reg.hasCmdlet(c.name)) reg.registerCmdlet({ name: c.name, module: c.module, load: () => c.load() });
  }
  if (!session.engine.services.has('connect')) registerConnectService(session.engine.services);
  if (!session.engine.services.has('graph')) registerGraphService(session.engine.services, { home });
  registerAdsyncViews();
  registerPkiViews();
  if (!pkiWired) registerPkiProvider(session.engine.services.get<ProviderRegistry>('providers'), session.engine.services);
  return {
    home, session,
    run: (text, ...more) => { answers.push(...more); return runScript(text, { session }); },
    server: () => session.engine.services.get<ConnectServer>('connect'),
    cleanup: () => fs.rmSync(home, { recursive: true, force: true }),
  };
}

/** The documents' BYOC certificate: TPM-backed, non-exportable RSA 2048 / SHA256 in LocalMachine\My, then its hash. */
export const BYOC_CERT = [
  "$cert = New-SelfSignedCertificate -Subject 'CN=ConnectSyncBYOC' -CertStoreLocation 'Cert:\\LocalMachine\\My' -KeyAlgorithm RSA -KeyLength 2048 -HashAlgorithm SHA256 -KeyExportPolicy NonExportable -Provider 'Microsoft Platform Crypto Provider'",
  '$certRawDataString = $cert.GetRawCertData()',
  '$sha256 = [System.Security.Cryptography.SHA256]::Create()',
  '$hashBytes = $sha256.ComputeHash($certRawDataString)',
  '$certHash = [System.Convert]::ToHexString($hashBytes)',
  '$cert | Grant-EmulatorKeyAccess',
].join('\n');
