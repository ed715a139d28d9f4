import type { Clock, StateStore } from '../state/index.js';
import { isoSeconds, newGuid } from './encoding.js';
import type { AuditActor, AuditRecord, SeedOptions, TenantDoc, UserRecord } from './model.js';
import { seedTenant } from './seed.js';

export const DOC = 'tenant';
const AUDIT_KEEP = 2000;

export type Audit = (activity: string, category: string, targets: AuditRecord['targetResources'], details?: Record<string, string>) => void;

/**
 * The directory: one persisted document, seeded on first use. Reads are served from a parsed copy that is
 * re-read only when the store's stamp says the document changed, because every token request reads it.
 * Changes go through update(), which runs under the state lock and writes an audit record per change.
 */
export class Directory {
  private cached?: { key: string; doc: TenantDoc };

  constructor(readonly store: StateStore, readonly clock: Clock, private readonly seedOptions: SeedOptions = {}) {}

  private seed = (): TenantDoc => seedTenant(this.seedOptions, this.clock.now());

  /** The current document. Treat it as read-only: mutate only inside update(). */
  read(): TenantDoc {
    let key = this.store.stamp(DOC);
    if (key === undefined) {
      const seeded = this.store.load(DOC, this.seed);
      key = this.store.stamp(DOC);
      if (key === undefined) return seeded;
    }
    if (this.cached?.key === key) return this.cached.doc;
    const doc = this.store.load(DOC, this.seed);
    this.cached = { key, doc };
    return doc;
  }

  update<R>(actor: AuditActor | null, fn: (doc: TenantDoc, audit: Audit) => R): R {
    this.cached = undefined;
    return this.store.update<TenantDoc, R>(DOC, this.seed, (doc) => {
      const audit: Audit = (activity, category, targets, details) => {
        const rec: AuditRecord = {
          id: `Directory_${newGuid()}`, activityDateTime: isoSeconds(this.clock.now()), activityDisplayName: activity, category,
          initiatedBy: actor ?? { app: { appId: 'syncshell', displayName: 'Emulator', servicePrincipalId: null } },
          targetResources: targets, result: 'success', loggedByService: 'Core Directory', ...(details ? { details } : {}),
        };
        doc.audit.push(rec);
        if (doc.audit.length > AUDIT_KEEP) doc.audit.splice(0, doc.audit.length - AUDIT_KEEP);
      };
      return fn(doc, audit);
    });
  }

  /** Replace the directory with a fresh seed (Reset-Emulator). */
  reset(options: SeedOptions = this.seedOptions, serviceAccountPassword?: string): TenantDoc {
    this.cached = undefined;
    const doc = seedTenant(options, this.clock.now(), serviceAccountPassword);
    this.store.lock.withLock(() => this.store.write(DOC, doc));
    return doc;
  }

  // Look-ups shared by the handlers.
  static matchesTenant(doc: TenantDoc, tenant: string): boolean {
    const t = tenant.toLowerCase();
    return t === doc.tenantId || doc.domains.includes(t);
  }

  static user(doc: TenantDoc, idOrUpn: string): UserRecord | undefined {
    const k = idOrUpn.toLowerCase();
    return doc.users.find((u) => u.id === k || u.userPrincipalName.toLowerCase() === k);
  }

  static app(doc: TenantDoc, appId: string) { const k = appId.toLowerCase(); return doc.applications.find((a) => a.appId === k); }
  static sp(doc: TenantDoc, appId: string) { const k = appId.toLowerCase(); return doc.servicePrincipals.find((s) => s.appId === k); }
  static spById(doc: TenantDoc, id: string) { const k = id.toLowerCase(); return doc.servicePrincipals.find((s) => s.id === k); }

  /** The service principal a resource identifier (appId, App ID URI, servicePrincipalName) names. */
  static resource(doc: TenantDoc, identifier: string) {
    const k = identifier.toLowerCase().replace(/\/+$/, '');
    return doc.servicePrincipals.find((s) => s.servicePrincipalNames.some((n) => n.toLowerCase().replace(/\/+$/, '') === k));
  }
}
