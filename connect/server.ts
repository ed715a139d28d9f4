import { StateCorruptError, type StateStore } from '../state/index.js';
import type { AdminSession, KeyStoreGateway, TenantGateway } from './gateways.js';
import type { FaultName, PolicyType, ServerDoc } from './model.js';
import type { OpContext } from './context.js';
import { guardTenant } from './context.js';
import { EventLog, type EventLogEntry, type EventQuery, type NewEvent } from './event-log.js';
import { AdminSessions, type AdminCredential } from './admin-session.js';
import { seedServer, DEFAULT_DIRECTORY_SIZE, type ServerSeedOptions } from './seed.js';
import { seedOnPrem, churn, encodeOnPrem, decodeOnPrem, type OnPremDoc, type StoredOnPremDoc } from './onprem.js';
import { view, type RunHistoryDoc, type RunProfileResult, AAD_CONNECTOR_ID, aadConnectorName } from './run-history.js';
import { registerApplication, type RegistrationOptions, type RegistrationResult } from './registration.js';
import { rotateCredential } from './rotation.js';
import { removeApplicationKey, foreignCredentials, type ForeignCredential } from './application-keys.js';
import { addServiceAccount, removeServiceAccount, type ServiceAccountResult } from './service-account.js';
import { applySchedulerPatch, schedulerView, type SchedulerPatch, type SchedulerView } from './scheduler.js';
import { startSyncCycle } from './sync-cycle.js';
import { schedulerTick } from './scheduler-loop.js';
import { credentialView, configurationReport, type ConnectorCredentialView, type ConfigurationReport } from './report.js';
import { SteppingClock } from './stepping-clock.js';
import { errors } from './errors.js';
import { faultKey, noFaults } from './faults.js';
import { connectorActor } from './auth.js';
import { parseVersion } from './util.js';

export interface ConnectServerOptions {
  store: StateStore;
  /** share this clock with an in-process tenant so both see each scheduler cycle's time */
  clock: SteppingClock;
  /** advances the persisted virtual clock (VirtualClock.advance, or ManualClock.advance in tests) */
  advanceBaseClock: (ms: number) => void;
  tenant: TenantGateway;
  keys: KeyStoreGateway;
}

export interface ResetOptions extends ServerSeedOptions {
  directorySize?: number;
  /** change on-premises objects between cycles (default 2 per cycle) */
  churnPerCycle?: number;
  /** the emulated TPM present or absent (kept in pki/) */
  tpmPresent?: boolean;
}

export interface RunStatus { ConnectorIdentifier: string; ConnectorName: string; RunState: 'Busy' }

export interface AdvanceResult { from: Date; to: Date; cycles: number }

/**
 * The emulated Microsoft Entra Connect Sync server: one object per process, every operation a method the
 * ADSync cmdlets call. Each mutating method runs under the state lock, validates first, and either ends with
 * tenant and server agreeing or leaves the previous working credential in place.
 */
export class ConnectServer {
  readonly events: EventLog;
  readonly clock: SteppingClock;
  private readonly sessions = new AdminSessions();

  constructor(private readonly o: ConnectServerOptions) {
    this.clock = o.clock;
    this.events = new EventLog(o.store, () => this.read().serverName);
  }

  // ---- documents ----
  private seed = (): ServerDoc => {
    const legacy = this.o.tenant.seededSyncAccount();
    return seedServer(this.clock.now(), {
      tenantDomain: this.o.tenant.tenantDomain,
      serverName: legacy?.serverName,
      legacyAccount: legacy ? { userPrincipalName: legacy.userPrincipalName, password: legacy.password } : undefined,
    });
  };
  private seedOnPrem = (): OnPremDoc => seedOnPrem(DEFAULT_DIRECTORY_SIZE);
  private seedRuns = (): RunHistoryDoc => ({ schema: 1, runs: [] });

  /** The server document (seeded on first use). Throws StateCorruptError when it cannot be read. */
  read(): ServerDoc { return this.checked(this.o.store.load('server', this.seed)); }

  /** Valid JSON of the wrong shape is as unreadable as garbage: say so instead of failing somewhere deep. */
  private checked(doc: ServerDoc): ServerDoc {
    if (doc?.schema !== 1 || !doc.credential || !doc.scheduler || !doc.legacyAccount || !Array.isArray(doc.createdKeyIds)) {
      throw new StateCorruptError(this.o.store.file('server'), 'it is not a Connect Sync server document');
    }
    return doc;
  }

  private readOnPrem(): OnPremDoc {
    const stored = this.o.store.read<StoredOnPremDoc>('onprem');
    if (stored === undefined) return this.seedOnPrem();
    if (stored?.schema !== 1 || !Array.isArray(stored.rows)) throw new StateCorruptError(this.o.store.file('onprem'), 'it is not an on-premises directory document');
    return decodeOnPrem(stored);
  }

  private async mutate<R>(fn: (ctx: OpContext) => Promise<R>, at?: () => Date): Promise<R> {
    const store = this.o.store;
    return store.lock.withLockAsync(async () => {
      const stored = store.read<ServerDoc>('server');
      const doc = stored === undefined ? this.seed() : this.checked(stored);
      let onprem: OnPremDoc | undefined, runs: RunHistoryDoc | undefined;
      const events: NewEvent[] = [];
      const ctx: OpContext = {
        doc, now: at ? at() : this.clock.now(), tenant: guardTenant(this.o.tenant, doc), keys: this.o.keys, events,
        onprem: () => (onprem ??= this.readOnPrem()),
        runs: () => (runs ??= store.read<RunHistoryDoc>('runhistory') ?? this.seedRuns()),
      };
      const result = await fn(ctx);
      doc.revision++;
      store.write('server', doc);
      if (onprem) store.write('onprem', encodeOnPrem(onprem));
      if (runs) store.write('runhistory', runs);
      this.events.append(events);
      return result;
    });
  }

  // ---- admin sign-in ----
  /** The browser sign-in of the real cmdlets: checked by the tenant, cached for this process (the shell session). */
  async signIn(admin: AdminCredential): Promise<AdminSession> {
    return this.sessions.require(guardTenant(this.o.tenant, this.read()), admin, this.clock.now());
  }
  hasAdminSession(upn: string): boolean { return this.sessions.has(upn, this.clock.now()); }
  signOut(upn?: string): void { this.sessions.forget(upn); }

  private async admin(ctx: OpContext, admin: AdminCredential) {
    const session = await this.sessions.require(ctx.tenant, admin, ctx.now);
    return { kind: 'admin' as const, session };
  }

  // ---- reads ----
  getConnectorCredential(): ConnectorCredentialView { return credentialView(this.read()); }
  getCurrentConfiguration(): ConfigurationReport { return configurationReport(this.read()); }
  getScheduler(): SchedulerView { return schedulerView(this.read(), this.clock.now()); }
  getFaults(): Record<FaultName, boolean> { return { ...noFaults(), ...this.read().faults } as Record<FaultName, boolean>; }

  getConnectorRunStatus(): RunStatus[] {
    const doc = this.read();
    if (!doc.cycleInProgressUntil || new Date(doc.cycleInProgressUntil) <= this.clock.now()) return [];
    return [{ ConnectorIdentifier: AAD_CONNECTOR_ID, ConnectorName: aadConnectorName(doc.tenantDomain), RunState: 'Busy' }];
  }

  /** Get-ADSyncRunProfileResult: newest first; NumberRequested limits, ConnectorId / RunHistoryId / RunNumber filter. */
  getRunProfileResults(q: { connectorId?: string; runHistoryId?: string; runNumber?: number; numberRequested?: number } = {}): RunProfileResult[] {
    this.read();
    const doc = this.o.store.read<RunHistoryDoc>('runhistory') ?? this.seedRuns();
    const now = this.clock.now();
    const out: RunProfileResult[] = [];
    for (let i = doc.runs.length - 1; i >= 0; i--) {
      const r = doc.runs[i];
      if (q.connectorId && r.ConnectorId.toLowerCase() !== q.connectorId.toLowerCase()) continue;
      if (q.runHistoryId && r.RunHistoryId.toLowerCase() !== q.runHistoryId.toLowerCase()) continue;
      if (q.runNumber !== undefined && r.RunNumber !== q.runNumber) continue;
      if (new Date(r.StartDate) > now) continue;
      out.push(view(r, now));
      if (q.numberRequested !== undefined && out.length >= q.numberRequested) break;
    }
    return out;
  }

  /** The Application log, newest first. Entries stamped in the virtual future (a cycle still running) are hidden. */
  getEvents(q: EventQuery = {}): EventLogEntry[] {
    const now = this.clock.now();
    return this.events.query({ ...q, before: q.before && q.before < now ? q.before : new Date(now.getTime() + 1) });
  }

  /**
   * A credential switch that fails after it changed something in the tenant still records what it left there (its
   * application, a key it could not take off again), so the next attempt finishes or undoes it; the connector
   * credential itself is unchanged. Failures that left nothing behind write nothing, as every other operation.
   */
  private async switching<R>(fn: (ctx: OpContext) => Promise<R>): Promise<R> {
    let failure: { error: unknown } | undefined;
    const trace = (d: ServerDoc) => JSON.stringify([d.ownAppId ?? null, d.strandedKeys ?? []]);
    const r = await this.mutate(async (ctx) => {
      const before = trace(ctx.doc);
      try { return await fn(ctx); } catch (e) {
        if (trace(ctx.doc) === before) throw e;
        failure = { error: e };
        return undefined as R;
      }
    });
    if (failure) throw failure.error;
    return r;
  }

  // ---- application-based authentication ----
  addEntraApplicationRegistration(admin: AdminCredential, opts: RegistrationOptions = {}): Promise<RegistrationResult> {
    return this.switching(async (ctx) => registerApplication(ctx, await this.admin(ctx, admin), opts, false));
  }
  addADSyncApplicationRegistration(admin: AdminCredential, opts: RegistrationOptions = {}): Promise<RegistrationResult> {
    return this.switching(async (ctx) => registerApplication(ctx, await this.admin(ctx, admin), opts, true));
  }
  invokeCredentialRotation(admin: AdminCredential, opts: { sha256?: string; thumbprint?: string } = {}): Promise<RegistrationResult> {
    return this.switching(async (ctx) => rotateCredential(ctx, await this.admin(ctx, admin), opts, 'Manual'));
  }
  removeEntraApplicationKey(admin: AdminCredential, certificateId: string): Promise<void> {
    return this.mutate(async (ctx) => removeApplicationKey(ctx, await this.admin(ctx, admin), certificateId));
  }
  /** Credentials on the sync application the server did not create (the Application Administrator caveat). */
  listForeignCredentials(admin?: AdminCredential): Promise<ForeignCredential[]> {
    return this.mutate(async (ctx) => {
      const actor = admin ? await this.admin(ctx, admin) : await connectorActor(ctx);
      return foreignCredentials(ctx, actor);
    });
  }

  // ---- legacy service account ----
  addServiceAccount(admin: AdminCredential, name?: string): Promise<ServiceAccountResult> {
    return this.mutate(async (ctx) => addServiceAccount(ctx, await this.admin(ctx, admin), name));
  }
  removeServiceAccount(admin: AdminCredential, name: string): Promise<void> {
    return this.mutate(async (ctx) => removeServiceAccount(ctx, await this.admin(ctx, admin), name));
  }

  // ---- scheduler and cycles ----
  setScheduler(patch: SchedulerPatch): Promise<void> {
    return this.mutate(async (ctx) => applySchedulerPatch(ctx.doc, ctx.now, patch, ctx.events));
  }
  startSyncCycle(policy?: PolicyType): Promise<{ Result: 'Success' }> {
    return this.mutate((ctx) => startSyncCycle(ctx, policy));
  }

  /**
   * Move the virtual clock forward, running every scheduler cycle that falls due, in order, each at its own
   * time; everything is written once at the end (one lock, one write per document).
   */
  advanceClock(ms: number): Promise<AdvanceResult> {
    if (!(ms >= 0) || !Number.isFinite(ms)) return Promise.reject(errors.clockBackwards());
    const from = this.clock.now();
    const target = from.getTime() + ms;
    // One batch: the tenant's per-request writes (tokens, exports) reach the disk once, at the end.
    return this.o.store.batch(() => this.mutate(async (ctx) => {
      let cycles = 0;
      try {
        for (;;) {
          const due = new Date(ctx.doc.scheduler.nextSyncCycleStartTime);
          if (due.getTime() > target) break;
          const t = due.getTime() < from.getTime() ? from : due;
          this.clock.pin(t);
          ctx.now = t;
          await schedulerTick(ctx);
          cycles++;
        }
      } finally {
        this.clock.unpin();
      }
      this.o.advanceBaseClock(ms);
      ctx.now = this.clock.now();
      return { from, to: ctx.now, cycles };
    }, () => from));
  }

  /**
   * Run the cycles that fell due while the virtual clock moved on at real speed (nothing runs in the background):
   * the shell can call this before each command so a server left idle for an hour has run its two cycles.
   */
  catchUp(): Promise<AdvanceResult> { return this.advanceClock(0); }

  /** Set-EmulatorClock -Date: only forward, through advanceClock so due cycles run. */
  setClock(date: Date): Promise<AdvanceResult> {
    const ms = date.getTime() - this.clock.now().getTime();
    if (ms < 0) return Promise.reject(errors.clockBackwards());
    return this.advanceClock(ms);
  }

  // ---- emulator controls ----
  setFault(name: string, on: boolean): Promise<void> {
    const key = faultKey(name);
    if (!key) return Promise.reject(errors.unknownFault(name));
    return this.mutate(async (ctx) => { ctx.doc.faults[key] = on; });
  }
  clearFaults(): Promise<void> {
    return this.mutate(async (ctx) => { ctx.doc.faults = noFaults(); });
  }
  setStagingMode(on: boolean): Promise<void> {
    return this.mutate(async (ctx) => { ctx.doc.scheduler.stagingModeEnabled = on; });
  }
  /** Change `count` on-premises objects now (what an admin does in Active Directory Users and Computers). */
  touchOnPremObjects(count: number): Promise<number> {
    return this.mutate(async (ctx) => churn(ctx.onprem(), count));
  }
  onPremSummary(): { forest: string; objects: number; users: number; groups: number; pendingExport: number; churnPerCycle: number } {
    const d = this.readOnPrem();
    let users = 0, groups = 0, pending = 0;
    for (const o of d.objects) { if (o.t === 'user') users++; else groups++; if (o.usn > o.x) pending++; }
    return { forest: d.forest, objects: d.objects.length, users, groups, pendingExport: pending, churnPerCycle: d.churnPerCycle };
  }

  /** Reset-Emulator's server part: a fresh server, directory, run history and event log. */
  async reset(o: ResetOptions = {}): Promise<void> {
    const size = o.directorySize ?? DEFAULT_DIRECTORY_SIZE;
    if (!Number.isInteger(size) || size < 0 || size > 1_000_000) throw errors.badDirectorySize(size);
    if (o.version !== undefined) parseVersion(o.version);
    const store = this.o.store;
    await store.lock.withLockAsync(async () => {
      const legacy = this.o.tenant.seededSyncAccount();
      const doc = seedServer(this.clock.now(), {
        tenantDomain: o.tenantDomain ?? this.o.tenant.tenantDomain,
        serverName: o.serverName ?? legacy?.serverName,
        legacyAccount: o.legacyAccount ?? (legacy ? { userPrincipalName: legacy.userPrincipalName, password: legacy.password } : undefined),
        version: o.version, passwordWriteback: o.passwordWriteback,
      });
      const onprem = seedOnPrem(size);
      if (o.churnPerCycle !== undefined) onprem.churnPerCycle = o.churnPerCycle;
      store.write('server', doc);
      store.write('onprem', encodeOnPrem(onprem));
      store.write('runhistory', this.seedRuns());
      if (o.tpmPresent !== undefined) this.o.keys.setTpmPresent?.(o.tpmPresent);
      this.events.clear();
      this.sessions.forget();
    });
  }
}
