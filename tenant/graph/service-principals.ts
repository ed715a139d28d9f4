import { Directory } from '../directory.js';
import { graph } from '../errors.js';
import { isGuid, isoSeconds, newAssignmentId, newGuid } from '../encoding.js';
import { graphJson, noContent, type RequestContext, type TenantResponse } from '../http.js';
import type { AppRoleAssignmentRecord, ServicePrincipalRecord, TenantDoc } from '../model.js';
import { can, type Caller } from './caller.js';
import { contextUrl, entitySet, filterPredicate, parseBody, project, selectList } from './odata.js';
import { stringArray } from './payload.js';
import { SERVICE_PRINCIPAL_PROPS, assignmentView, servicePrincipalView } from './views.js';
import type { GraphAddress } from './address.js';
import type { GraphService } from './service.js';

export function findServicePrincipal(doc: TenantDoc, addr: GraphAddress): ServicePrincipalRecord {
  const key = (addr.appId ?? addr.id ?? '').toLowerCase();
  const sp = addr.appId !== undefined ? Directory.sp(doc, key) : Directory.spById(doc, key);
  if (!sp) throw graph.notFound(addr.appId ?? key);
  return sp;
}

function handleAssignments(svc: GraphService, ctx: RequestContext, doc: TenantDoc, caller: Caller, sp: ServicePrincipalRecord, nav: 'appRoleAssignments' | 'appRoleAssignedTo', navKey?: string): TenantResponse {
  const mine = (a: AppRoleAssignmentRecord) => (nav === 'appRoleAssignments' ? a.principalId === sp.id : a.resourceId === sp.id);
  const ctxPath = `servicePrincipals('${sp.id}')/${nav}`;
  if (navKey !== undefined) {
    if (ctx.method === 'GET') {
      can.readApps(caller);
      const a = doc.appRoleAssignments.find((x) => x.id === navKey && mine(x));
      if (!a) throw graph.notFound(navKey);
      return graphJson(ctx, 200, { '@odata.context': contextUrl(ctx, `${ctxPath}/$entity`), ...assignmentView(a) });
    }
    if (ctx.method !== 'DELETE') throw graph.methodNotAllowed(ctx.method);
    const a = doc.appRoleAssignments.find((x) => x.id === navKey && mine(x));
    if (!a) throw graph.notFound(navKey);
    const resource = Directory.spById(doc, a.resourceId);
    if (resource) can.assign(caller, resource); else throw graph.notFound(a.resourceId);
    svc.directory.update(caller.actor, (d, audit) => {
      d.appRoleAssignments = d.appRoleAssignments.filter((x) => x.id !== a.id);
      audit('Remove app role assignment from service principal', 'ApplicationManagement',
        [{ id: a.principalId, displayName: a.principalDisplayName, type: 'ServicePrincipal' }, { id: a.resourceId, displayName: a.resourceDisplayName, type: 'ServicePrincipal' }],
        { appRoleId: a.appRoleId });
    });
    return noContent(ctx);
  }
  if (ctx.method === 'GET') {
    can.readApps(caller);
    return graphJson(ctx, 200, { '@odata.context': contextUrl(ctx, ctxPath), value: doc.appRoleAssignments.filter(mine).map(assignmentView) });
  }
  if (ctx.method !== 'POST') throw graph.methodNotAllowed(ctx.method);
  const body = parseBody(ctx);
  for (const p of ['principalId', 'resourceId', 'appRoleId']) {
    if (body[p] === undefined || body[p] === null) throw graph.missingProperty(p);
    if (typeof body[p] !== 'string' || !isGuid(body[p] as string)) throw graph.invalidValue(p, 'appRoleAssignment');
  }
  const principalId = (body.principalId as string).toLowerCase();
  const resourceId = (body.resourceId as string).toLowerCase();
  const appRoleId = (body.appRoleId as string).toLowerCase();
  if (nav === 'appRoleAssignments' && principalId !== sp.id) throw graph.principalMismatch();
  if (nav === 'appRoleAssignedTo' && resourceId !== sp.id) throw graph.resourceMismatch();
  const resource = Directory.spById(doc, resourceId);
  if (!resource) throw graph.notFound(resourceId);
  can.assign(caller, resource);
  const principal = Directory.spById(doc, principalId);
  const user = principal ? undefined : doc.users.find((u) => u.id === principalId);
  if (!principal && !user) throw graph.notFound(principalId);
  const defaultRole = appRoleId === '00000000-0000-0000-0000-000000000000' && resource.appRoles.length === 0;
  if (!defaultRole && !resource.appRoles.some((r) => r.id === appRoleId && r.isEnabled)) throw graph.roleNotOnResource(resource.appId);
  const created = svc.directory.update(caller.actor, (d, audit) => {
    if (d.appRoleAssignments.some((x) => x.principalId === principalId && x.resourceId === resourceId && x.appRoleId === appRoleId)) throw graph.duplicateAssignment();
    const a: AppRoleAssignmentRecord = {
      id: newAssignmentId(), appRoleId, createdDateTime: isoSeconds(ctx.now),
      principalDisplayName: principal?.displayName ?? user!.displayName, principalId, principalType: principal ? 'ServicePrincipal' : 'User',
      resourceDisplayName: resource.displayName, resourceId,
    };
    d.appRoleAssignments.push(a);
    const role = resource.appRoles.find((r) => r.id === appRoleId)?.value ?? 'default';
    audit('Add app role assignment to service principal', 'ApplicationManagement',
      [{ id: principalId, displayName: a.principalDisplayName, type: a.principalType }, { id: resourceId, displayName: resource.displayName, type: 'ServicePrincipal' }],
      { appRoleId, appRoleValue: role });
    return a;
  });
  return graphJson(ctx, 201, { '@odata.context': contextUrl(ctx, `${ctxPath}/$entity`), ...assignmentView(created) });
}

export function handleServicePrincipals(svc: GraphService, ctx: RequestContext, doc: TenantDoc, caller: Caller, addr: GraphAddress): TenantResponse {
  const { method } = ctx;
  if (addr.id === undefined && addr.appId === undefined) {
    if (addr.nav !== undefined) throw graph.segment(addr.nav);
    if (method === 'GET') {
      can.readApps(caller);
      const select = selectList(ctx, SERVICE_PRINCIPAL_PROPS, 'servicePrincipal');
      const filter = filterPredicate(ctx, SERVICE_PRINCIPAL_PROPS);
      const value = doc.servicePrincipals.map((s) => servicePrincipalView(s)).filter((v) => !filter || filter(v)).map((v) => project(v, select));
      return graphJson(ctx, 200, { '@odata.context': contextUrl(ctx, entitySet('servicePrincipals', select)), value });
    }
    if (method === 'POST') {
      can.createApps(caller);
      const body = parseBody(ctx);
      if (typeof body.appId !== 'string' || !isGuid(body.appId)) throw graph.invalidValue('appId', 'ServicePrincipal');
      const appId = body.appId.toLowerCase();
      const created = svc.directory.update(caller.actor, (d, audit) => {
        const app = Directory.app(d, appId);
        if (!app) throw graph.noBackingApp(appId);
        if (Directory.sp(d, appId)) throw graph.duplicateServicePrincipal();
        const sp: ServicePrincipalRecord = {
          id: newGuid(), appId, displayName: app.displayName, appDisplayName: app.displayName, appOwnerOrganizationId: d.tenantId,
          accountEnabled: body.accountEnabled === false ? false : true, appRoleAssignmentRequired: body.appRoleAssignmentRequired === true,
          appRoles: app.appRoles, oauth2PermissionScopes: app.api.oauth2PermissionScopes, servicePrincipalNames: [appId, ...app.identifierUris],
          servicePrincipalType: 'Application', signInAudience: app.signInAudience, tags: body.tags === undefined ? [] : stringArray(body.tags, 'tags', 'servicePrincipal'),
          keyCredentials: [], passwordCredentials: [], createdDateTime: isoSeconds(ctx.now),
        };
        d.servicePrincipals.push(sp);
        audit('Add service principal', 'ApplicationManagement', [{ id: sp.id, displayName: sp.displayName, type: 'ServicePrincipal' }]);
        return sp;
      });
      return graphJson(ctx, 201, { '@odata.context': contextUrl(ctx, 'servicePrincipals/$entity'), ...servicePrincipalView(created) });
    }
    throw graph.methodNotAllowed(method);
  }

  const sp = findServicePrincipal(doc, addr);
  if (addr.nav === 'appRoleAssignments' || addr.nav === 'appRoleAssignedTo') return handleAssignments(svc, ctx, doc, caller, sp, addr.nav, addr.navKey);
  if (addr.nav !== undefined) throw graph.segment(addr.nav);
  if (method === 'GET') {
    can.readApps(caller);
    const select = selectList(ctx, SERVICE_PRINCIPAL_PROPS, 'servicePrincipal');
    const view = project(servicePrincipalView(sp, select?.includes('keyCredentials') ?? false), select);
    return graphJson(ctx, 200, { '@odata.context': contextUrl(ctx, `${entitySet('servicePrincipals', select)}/$entity`), ...view });
  }
  const app = Directory.app(doc, sp.appId);
  if (method === 'PATCH') {
    can.writeApp(caller, app?.owners ?? []);
    if (!app && caller.wids.length === 0 && caller.kind === 'user') throw graph.denied();
    const body = parseBody(ctx);
    svc.directory.update(caller.actor, (d, audit) => {
      const target = Directory.spById(d, sp.id);
      if (!target) throw graph.notFound(sp.id);
      for (const [k, v] of Object.entries(body)) {
        if (k.startsWith('@')) continue;
        if (k === 'accountEnabled' || k === 'appRoleAssignmentRequired') {
          if (typeof v !== 'boolean') throw graph.invalidValue(k, 'servicePrincipal');
          target[k] = v;
        } else if (k === 'tags') target.tags = stringArray(v, k, 'servicePrincipal');
        else if (k === 'displayName') { if (typeof v !== 'string') throw graph.invalidValue(k, 'servicePrincipal'); target.displayName = v; }
        else throw graph.unknownProperty(k, 'servicePrincipal');
      }
      audit('Update service principal', 'ApplicationManagement', [{ id: target.id, displayName: target.displayName, type: 'ServicePrincipal' }],
        { modifiedProperties: Object.keys(body).join(',') });
    });
    return noContent(ctx);
  }
  if (method === 'DELETE') {
    can.writeApp(caller, app?.owners ?? []);
    if (!app) throw graph.denied();
    svc.directory.update(caller.actor, (d, audit) => {
      d.servicePrincipals = d.servicePrincipals.filter((s) => s.id !== sp.id);
      d.appRoleAssignments = d.appRoleAssignments.filter((a) => a.principalId !== sp.id && a.resourceId !== sp.id);
      audit('Remove service principal', 'ApplicationManagement', [{ id: sp.id, displayName: sp.displayName, type: 'ServicePrincipal' }]);
    });
    return noContent(ctx);
  }
  throw graph.methodNotAllowed(method);
}
