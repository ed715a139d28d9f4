import { Directory } from '../directory.js';
import { graph } from '../errors.js';
import { isoSeconds, newGuid } from '../encoding.js';
import { graphJson, noContent, type RequestContext, type TenantResponse } from '../http.js';
import { keyCredentialFromInput, type KeyCredentialInput } from '../key-credentials.js';
import type { ApplicationRecord, KeyCredentialRecord, TenantDoc } from '../model.js';
import { can, type Caller } from './caller.js';
import { contextUrl, entitySet, filterPredicate, parseBody, project, selectList } from './odata.js';
import { appRoles, optionalString, requiredResourceAccess, stringArray } from './payload.js';
import { APPLICATION_PROPS, applicationView } from './views.js';
import type { GraphAddress } from './address.js';
import type { GraphService } from './service.js';

export function findApplication(doc: TenantDoc, addr: GraphAddress): ApplicationRecord {
  const key = (addr.appId ?? addr.id ?? '').toLowerCase();
  const app = addr.appId !== undefined ? doc.applications.find((a) => a.appId === key) : doc.applications.find((a) => a.id === key);
  if (!app) throw graph.notFound(addr.appId ?? key);
  return app;
}

const READ_ONLY = new Set(['id', 'appId', 'createdDateTime', 'publisherDomain', 'deletedDateTime']);
const SETTABLE = new Set(['displayName', 'description', 'notes', 'identifierUris', 'tags', 'signInAudience', 'isFallbackPublicClient', 'appRoles', 'keyCredentials', 'requiredResourceAccess', 'api', 'web', 'publicClient', 'info', 'passwordCredentials']);

/** Apply a PATCH/POST body to an application (Graph's semantics: a given collection replaces the old one). */
function applyBody(app: ApplicationRecord, body: Record<string, unknown>): string[] {
  const changed: string[] = [];
  for (const [k, v] of Object.entries(body)) {
    if (k.startsWith('@') || READ_ONLY.has(k)) continue;
    if (!SETTABLE.has(k)) throw graph.unknownProperty(k, 'application');
    changed.push(k);
    switch (k) {
      case 'displayName': if (typeof v !== 'string' || v.trim() === '') throw graph.invalidValue('displayName', 'application'); app.displayName = v; break;
      case 'description': app.description = optionalString(v, k, 'application'); break;
      case 'notes': app.notes = optionalString(v, k, 'application'); break;
      case 'signInAudience': if (typeof v !== 'string') throw graph.invalidValue(k, 'application'); app.signInAudience = v; break;
      case 'identifierUris': app.identifierUris = stringArray(v, k, 'application'); break;
      case 'tags': app.tags = stringArray(v, k, 'application'); break;
      case 'isFallbackPublicClient': if (v !== null && typeof v !== 'boolean') throw graph.invalidValue(k, 'application'); app.isFallbackPublicClient = v; break;
      case 'appRoles': app.appRoles = appRoles(v); break;
      case 'requiredResourceAccess': app.requiredResourceAccess = requiredResourceAccess(v); break;
      case 'keyCredentials': app.keyCredentials = keyCredentials(app.keyCredentials, v); break;
      case 'passwordCredentials': if (!Array.isArray(v) || v.length > 0) throw graph.badRequest('passwordCredentials can only be added with addPassword; the emulator supports certificate credentials only.'); break;
      case 'web': {
        if (!v || typeof v !== 'object') throw graph.invalidValue(k, 'application');
        const w = v as Record<string, unknown>;
        if (w.redirectUris !== undefined) app.web.redirectUris = stringArray(w.redirectUris, 'redirectUris', 'webApplication');
        if (w.homePageUrl !== undefined) app.web.homePageUrl = optionalString(w.homePageUrl, 'homePageUrl', 'webApplication');
        if (w.logoutUrl !== undefined) app.web.logoutUrl = optionalString(w.logoutUrl, 'logoutUrl', 'webApplication');
        break;
      }
      case 'publicClient': {
        if (!v || typeof v !== 'object') throw graph.invalidValue(k, 'application');
        const p = v as Record<string, unknown>;
        if (p.redirectUris !== undefined) app.publicClient.redirectUris = stringArray(p.redirectUris, 'redirectUris', 'publicClientApplication');
        break;
      }
      case 'api': {
        if (!v || typeof v !== 'object') throw graph.invalidValue(k, 'application');
        const a = v as Record<string, unknown>;
        if (a.requestedAccessTokenVersion !== undefined) {
          if (a.requestedAccessTokenVersion !== null && a.requestedAccessTokenVersion !== 1 && a.requestedAccessTokenVersion !== 2) throw graph.invalidValue('requestedAccessTokenVersion', 'apiApplication');
          app.api.requestedAccessTokenVersion = a.requestedAccessTokenVersion as number | null;
        }
        break;
      }
      case 'info': {
        if (!v || typeof v !== 'object') throw graph.invalidValue(k, 'application');
        for (const f of ['marketingUrl', 'privacyStatementUrl', 'supportUrl', 'termsOfServiceUrl'] as const) {
          const x = (v as Record<string, unknown>)[f];
          if (x !== undefined) app.info[f] = optionalString(x, f, 'informationalUrl');
        }
        break;
      }
    }
  }
  return changed;
}

/** PATCH keyCredentials replaces the set; an entry without `key` keeps the existing credential with that keyId. */
function keyCredentials(existing: KeyCredentialRecord[], v: unknown): KeyCredentialRecord[] {
  if (!Array.isArray(v)) throw graph.invalidValue('keyCredentials', 'application');
  const out: KeyCredentialRecord[] = [];
  for (const item of v) {
    if (!item || typeof item !== 'object') throw graph.invalidValue('keyCredentials', 'application');
    const input = item as KeyCredentialInput;
    if ((input.key === undefined || input.key === null) && typeof input.keyId === 'string') {
      const kept = existing.find((k) => k.keyId === (input.keyId as string).toLowerCase());
      if (!kept) throw graph.invalidKey(`No existing credential has keyId '${input.keyId}' and no key was given.`);
      out.push(kept);
      continue;
    }
    out.push(keyCredentialFromInput(input));
  }
  const ids = new Set(out.map((k) => k.keyId));
  if (ids.size !== out.length) throw graph.invalidKey('Key credentials must have unique keyId values.');
  return out;
}

export function handleApplications(svc: GraphService, ctx: RequestContext, doc: TenantDoc, caller: Caller, addr: GraphAddress): TenantResponse {
  const { method } = ctx;
  if (addr.id === undefined && addr.appId === undefined) {
    if (addr.nav !== undefined) throw graph.segment(addr.nav);
    if (method === 'GET') {
      can.readApps(caller);
      const select = selectList(ctx, APPLICATION_PROPS, 'application');
      const filter = filterPredicate(ctx, APPLICATION_PROPS);
      const value = doc.applications.map((a) => applicationView(a)).filter((v) => !filter || filter(v)).map((v) => project(v, select));
      return graphJson(ctx, 200, { '@odata.context': contextUrl(ctx, entitySet('applications', select)), value });
    }
    if (method === 'POST') {
      can.createApps(caller);
      const body = parseBody(ctx);
      if (typeof body.displayName !== 'string' || body.displayName.trim() === '') throw graph.invalidValue('displayName', 'Application');
      const created = svc.directory.update(caller.actor, (d, audit) => {
        const app: ApplicationRecord = {
          id: newGuid(), appId: newGuid(), displayName: body.displayName as string, description: null, notes: null,
          createdDateTime: isoSeconds(ctx.now), signInAudience: 'AzureADMyOrg', publisherDomain: d.domains[0], identifierUris: [], tags: [],
          isFallbackPublicClient: null, appRoles: [], keyCredentials: [], passwordCredentials: [], requiredResourceAccess: [],
          api: { requestedAccessTokenVersion: null, oauth2PermissionScopes: [] }, web: { redirectUris: [], homePageUrl: null, logoutUrl: null },
          publicClient: { redirectUris: [] }, info: { marketingUrl: null, privacyStatementUrl: null, supportUrl: null, termsOfServiceUrl: null },
          owners: [caller.id],
        };
        applyBody(app, body);
        d.applications.push(app);
        audit('Add application', 'ApplicationManagement', [{ id: app.id, displayName: app.displayName, type: 'Application' }]);
        if (app.keyCredentials.length > 0) audit('Update application – Certificates and secrets management ', 'ApplicationManagement', [{ id: app.id, displayName: app.displayName, type: 'Application' }]);
        return app;
      });
      return graphJson(ctx, 201, { '@odata.context': contextUrl(ctx, 'applications/$entity'), ...applicationView(created) });
    }
    throw graph.methodNotAllowed(method);
  }

  const app = findApplication(doc, addr);
  if (addr.nav === 'addKey' || addr.nav === 'removeKey') {
    if (method !== 'POST') throw graph.methodNotAllowed(method);
    return svc.rollKey(ctx, doc, caller, app, addr.nav);
  }
  if (addr.nav !== undefined) throw graph.segment(addr.nav);
  if (method === 'GET') {
    can.readApps(caller);
    const select = selectList(ctx, APPLICATION_PROPS, 'application');
    const view = project(applicationView(app, select?.includes('keyCredentials') ?? false), select);
    return graphJson(ctx, 200, { '@odata.context': contextUrl(ctx, `${entitySet('applications', select)}/$entity`), ...view });
  }
  if (method === 'PATCH') {
    can.writeApp(caller, app.owners);
    const body = parseBody(ctx);
    svc.directory.update(caller.actor, (d, audit) => {
      const target = d.applications.find((a) => a.id === app.id);
      if (!target) throw graph.notFound(app.id);
      const changed = applyBody(target, body);
      const t = [{ id: target.id, displayName: target.displayName, type: 'Application' }];
      if (changed.includes('keyCredentials')) audit('Update application – Certificates and secrets management ', 'ApplicationManagement', t);
      if (changed.some((c) => c !== 'keyCredentials')) audit('Update application', 'ApplicationManagement', t, { modifiedProperties: changed.filter((c) => c !== 'keyCredentials').join(',') });
    });
    return noContent(ctx);
  }
  if (method === 'DELETE') {
    can.writeApp(caller, app.owners);
    svc.directory.update(caller.actor, (d, audit) => {
      d.applications = d.applications.filter((a) => a.id !== app.id);
      const sp = Directory.sp(d, app.appId);
      if (sp) {
        d.servicePrincipals = d.servicePrincipals.filter((s) => s.id !== sp.id);
        d.appRoleAssignments = d.appRoleAssignments.filter((a) => a.principalId !== sp.id && a.resourceId !== sp.id);
        audit('Remove service principal', 'ApplicationManagement', [{ id: sp.id, displayName: sp.displayName, type: 'ServicePrincipal' }]);
      }
      audit('Delete application', 'ApplicationManagement', [{ id: app.id, displayName: app.displayName, type: 'Application' }]);
    });
    return noContent(ctx);
  }
  throw graph.methodNotAllowed(method);
}
