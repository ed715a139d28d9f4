import { authenticate, isGraphAudience, type Caller } from './graph/caller.js';
import { Directory } from './directory.js';
import { handleAppProvisioning } from './app-provisioning.js';
import { graph, syncApi } from './errors.js';
import { isoSeconds } from './encoding.js';
import { graphJson, noContent, type RequestContext, type TenantResponse } from './http.js';
import type { TenantDoc } from './model.js';
import { parseBody } from './graph/odata.js';
import { generatePassword, replacePassword } from './passwords.js';
import { newUser, serviceAccountUpn } from './seed.js';
import { APP_ID, ROLE } from './well-known.js';

export const SYNC_DOC = 'tenant-sync';
/** A re-created connector account's role takes this long to take effect (the documents: "up to 15 minutes"). */
export const SERVICE_ACCOUNT_ACTIVATION_MS = 15 * 60 * 1000;
export const ADSYNC_ROLE = 'ADSynchronization.ReadWrite.All';

export interface SyncedObject { sourceAnchor: string; objectType: string; attributes: Record<string, unknown>; lastExportDateTime: string; exportedBy: string }
export interface SyncDoc { objects: Record<string, SyncedObject>; lastExportDateTime: string | null; exportCount: number }
const seedSync = (): SyncDoc => ({ objects: {}, lastExportDateTime: null, exportCount: 0 });

const ERRORS = { empty: syncApi.tokenMissing, malformed: syncApi.tokenInvalid, invalid: syncApi.tokenInvalid, expired: syncApi.tokenExpired, audience: syncApi.wrongAudience };

function isAdSyncAudience(doc: TenantDoc) {
  const sp = Directory.sp(doc, APP_ID.adSync);
  const names = new Set((sp?.servicePrincipalNames ?? [APP_ID.adSync]).map((n) => n.toLowerCase().replace(/\/+$/, '')));
  return (aud: string) => names.has(aud.toLowerCase().replace(/\/+$/, ''));
}

/** The sync permission: the app role ADSynchronization.ReadWrite.All, or (legacy) a user holding Directory Synchronization Accounts. */
export function requireSyncPermission(caller: Caller, now: Date): void {
  if (caller.kind === 'app') {
    if (!caller.roles.includes(ADSYNC_ROLE)) throw syncApi.noPermission();
    return;
  }
  if (!caller.wids.includes(ROLE.directorySynchronizationAccounts)) throw syncApi.noPermission();
  if (caller.user && new Date(caller.user.rolesEffectiveDateTime) > now) throw syncApi.notYetEffective();
}

/**
 * POST serviceAccounts/{name}/resetPassword (Add-ADSyncAADServiceAccount without -Name, or -Name of an existing
 * account): a new generated password for an existing Sync_ account. The account keeps its object id, its role and
 * the time that role took effect — a reset is not a re-creation, so there is no 15-minute wait. The password it
 * replaces now fails with AADSTS50054 ("Old password is used for authentication").
 */
function resetServiceAccountPassword(directory: Directory, ctx: RequestContext, caller: Caller, key: string): TenantResponse {
  if (ctx.method !== 'POST') throw graph.methodNotAllowed(ctx.method);
  const name = key.toLowerCase();
  const password = generatePassword();
  const u = directory.update(caller.actor, (d, audit) => {
    const found = d.users.find((x) => x.isServiceAccount && (x.userPrincipalName.toLowerCase() === name || x.userPrincipalName.split('@')[0].toLowerCase() === name || x.id === name));
    if (!found) throw syncApi.accountNotFound(key);
    replacePassword(found, password);
    audit('Reset user password', 'UserManagement', [{ id: found.id, displayName: found.userPrincipalName, type: 'User' }]);
    return found;
  });
  return graphJson(ctx, 200, { id: u.id, userPrincipalName: u.userPrincipalName, displayName: u.displayName, createdDateTime: u.createdDateTime, effectiveDateTime: u.rolesEffectiveDateTime, password });
}

function requireAdmin(caller: Caller): void {
  if (caller.kind !== 'user' || !caller.wids.some((w) => w === ROLE.globalAdministrator || w === ROLE.hybridIdentityAdministrator)) throw syncApi.adminRequired();
}

const OPS = new Set(['add', 'update', 'delete']);

/**
 * The emulated directory-synchronization API (docs/tenant.md, "Sync API"):
 *   POST   /syncapi/v1.0/{tenant}/export              export a batch of changes (sync permission)
 *   GET    /syncapi/v1.0/{tenant}/status              counts and last export (sync permission)
 *   GET    /syncapi/v1.0/{tenant}/serviceAccounts     list Sync_ accounts (admin)
 *   POST   /syncapi/v1.0/{tenant}/serviceAccounts     create a connector account (admin; Add-ADSyncAADServiceAccount)
 *   DELETE /syncapi/v1.0/{tenant}/serviceAccounts/{name}  remove it (admin; Remove-ADSyncAADServiceAccount)
 *   POST   /syncapi/v1.0/{tenant}/serviceAccounts/{name}/resetPassword  new password, same account (admin; Add-ADSyncAADServiceAccount)
 *   GET/POST /syncapi/v1.0/{tenant}/applicationProvisioning[/{appId}]  automatic onboarding (the legacy connector only)
 */
export function handleSyncApi(directory: Directory, ctx: RequestContext, doc: TenantDoc, parts: string[]): TenantResponse {
  const [op, key, extra] = parts;
  if (doc.faults.syncApi) throw graph.unavailable();
  if (op === 'export' || op === 'status') {
    if (key !== undefined) throw graph.segment(key);
    const caller = authenticate(doc, ctx, isAdSyncAudience(doc), ERRORS);
    requireSyncPermission(caller, ctx.now);
    const store = directory.store;
    if (op === 'status') {
      if (ctx.method !== 'GET') throw graph.methodNotAllowed(ctx.method);
      const s = store.read<SyncDoc>(SYNC_DOC) ?? seedSync();
      return graphJson(ctx, 200, { tenantId: doc.tenantId, objectCount: Object.keys(s.objects).length, lastExportDateTime: s.lastExportDateTime, exportCount: s.exportCount });
    }
    if (ctx.method !== 'POST') throw graph.methodNotAllowed(ctx.method);
    const body = parseBody(ctx);
    if (!Array.isArray(body.objects)) throw syncApi.badExport("The export body must contain an 'objects' array.");
    if (body.objects.length > 5000) throw syncApi.badExport('An export batch can hold at most 5000 objects.');
    const who = caller.user?.userPrincipalName ?? caller.appId;
    // Live: inside a clock advance the export record stays parsed instead of a parse + rewrite per cycle (fn never throws).
    const results = store.updateLive<SyncDoc, unknown[]>(SYNC_DOC, seedSync, (s) => {
      const out = (body.objects as unknown[]).map((o) => {
        const obj = o as Record<string, unknown> | null;
        const anchor = obj && typeof obj.sourceAnchor === 'string' ? obj.sourceAnchor : undefined;
        const operation = obj && typeof obj.operation === 'string' ? obj.operation.toLowerCase() : 'update';
        if (!anchor || !OPS.has(operation)) return { sourceAnchor: anchor ?? null, status: 'error', error: 'Each object needs a sourceAnchor and an operation of add, update or delete.' };
        if (operation === 'delete') {
          const existed = anchor in s.objects;
          delete s.objects[anchor];
          return { sourceAnchor: anchor, status: existed ? 'success' : 'notFound' };
        }
        const attributes = obj && obj.attributes && typeof obj.attributes === 'object' && !Array.isArray(obj.attributes) ? obj.attributes as Record<string, unknown> : {};
        const prev = s.objects[anchor];
        s.objects[anchor] = {
          sourceAnchor: anchor, objectType: typeof obj?.objectType === 'string' ? obj.objectType : prev?.objectType ?? 'user',
          attributes: operation === 'update' && prev ? { ...prev.attributes, ...attributes } : attributes,
          lastExportDateTime: isoSeconds(ctx.now), exportedBy: who,
        };
        return { sourceAnchor: anchor, status: 'success' };
      });
      s.lastExportDateTime = isoSeconds(ctx.now);
      s.exportCount += 1;
      return out;
    });
    return graphJson(ctx, 200, { tenantId: doc.tenantId, exportedDateTime: isoSeconds(ctx.now), results });
  }
  if (op === 'applicationProvisioning') {
    if (extra !== undefined) throw graph.segment(extra);
    const caller = authenticate(doc, ctx, isAdSyncAudience(doc), ERRORS);
    return handleAppProvisioning(directory, ctx, doc, caller, key);
  }
  if (op === 'serviceAccounts') {
    if (extra !== undefined && !(key !== undefined && extra.toLowerCase() === 'resetpassword')) throw graph.segment(extra);
    const caller = authenticate(doc, ctx, (aud) => isAdSyncAudience(doc)(aud) || isGraphAudience(aud), ERRORS);
    requireAdmin(caller);
    if (extra !== undefined) return resetServiceAccountPassword(directory, ctx, caller, key!);
    const view = (u: { id: string; userPrincipalName: string; displayName: string; createdDateTime: string; rolesEffectiveDateTime: string }) =>
      ({ id: u.id, userPrincipalName: u.userPrincipalName, displayName: u.displayName, createdDateTime: u.createdDateTime, effectiveDateTime: u.rolesEffectiveDateTime });
    if (key === undefined && ctx.method === 'GET') {
      return graphJson(ctx, 200, { value: doc.users.filter((u) => u.isServiceAccount).map(view) });
    }
    if (key === undefined && ctx.method === 'POST') {
      const body = ctx.bodyText.trim() === '' ? {} : parseBody(ctx);
      const server = typeof body.serverName === 'string' && /^[A-Za-z0-9-]{1,15}$/.test(body.serverName) ? body.serverName : undefined;
      if (!server) throw syncApi.badExport("'serverName' (1-15 letters, digits or hyphens) is required.");
      const password = generatePassword();
      const created = directory.update(caller.actor, (d, audit) => {
        const upn = serviceAccountUpn(server, d.tenantId, d.domains[0]);
        if (Directory.user(d, upn)) throw graph.duplicateUser();
        const u = newUser(upn, 'On-Premises Directory Synchronization Service Account', password, [ROLE.directorySynchronizationAccounts], ctx.now, { isServiceAccount: true });
        u.rolesEffectiveDateTime = isoSeconds(new Date(ctx.now.getTime() + SERVICE_ACCOUNT_ACTIVATION_MS));
        d.users.push(u);
        audit('Add user', 'UserManagement', [{ id: u.id, displayName: upn, type: 'User' }]);
        audit('Add member to role', 'RoleManagement', [{ id: u.id, displayName: upn, type: 'User' }], { role: 'Directory Synchronization Accounts' });
        return u;
      });
      return graphJson(ctx, 201, { ...view(created), password });
    }
    if (key !== undefined && ctx.method === 'DELETE') {
      const name = key.toLowerCase();
      directory.update(caller.actor, (d, audit) => {
        const u = d.users.find((x) => x.isServiceAccount && (x.userPrincipalName.toLowerCase() === name || x.userPrincipalName.split('@')[0].toLowerCase() === name || x.id === name));
        if (!u) throw syncApi.accountNotFound(key);
        d.users = d.users.filter((x) => x.id !== u.id);
        audit('Delete user', 'UserManagement', [{ id: u.id, displayName: u.userPrincipalName, type: 'User' }]);
      });
      return noContent(ctx);
    }
    throw graph.methodNotAllowed(ctx.method);
  }
  throw graph.segment(op ?? 'syncapi');
}

