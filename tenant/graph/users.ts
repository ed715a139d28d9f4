import { Directory } from '../directory.js';
import { graph } from '../errors.js';
import { graphJson, noContent, type RequestContext, type TenantResponse } from '../http.js';
import type { TenantDoc } from '../model.js';
import { isComplex, replacePassword } from '../passwords.js';
import { can, type Caller } from './caller.js';
import { contextUrl, entitySet, filterPredicate, parseBody, selectList } from './odata.js';
import { USER_PROPS, userView } from './views.js';
import type { GraphAddress } from './address.js';
import type { GraphService } from './service.js';

export function handleUsers(svc: GraphService, ctx: RequestContext, doc: TenantDoc, caller: Caller, addr: GraphAddress): TenantResponse {
  if (addr.set === 'me') {
    if (addr.nav !== undefined) throw graph.segment(addr.nav);
    if (caller.kind !== 'user' || !caller.user) throw graph.meNeedsUser();
    if (ctx.method !== 'GET') throw graph.methodNotAllowed(ctx.method);
    const select = selectList(ctx, USER_PROPS, 'user');
    return graphJson(ctx, 200, { '@odata.context': contextUrl(ctx, `${entitySet('users', select)}/$entity`), ...userView(caller.user, select) });
  }
  if (addr.nav !== undefined) throw graph.segment(addr.nav);
  if (addr.id === undefined) {
    if (ctx.method !== 'GET') throw graph.methodNotAllowed(ctx.method);
    can.readUsers(caller);
    const select = selectList(ctx, USER_PROPS, 'user');
    const filter = filterPredicate(ctx, USER_PROPS);
    const value = doc.users.filter((u) => !filter || filter(userView(u, USER_PROPS))).map((u) => userView(u, select));
    return graphJson(ctx, 200, { '@odata.context': contextUrl(ctx, entitySet('users', select)), value });
  }
  const user = Directory.user(doc, addr.id);
  if (!user) throw graph.notFound(addr.id);
  if (ctx.method === 'GET') {
    if (user.id !== caller.id) can.readUsers(caller);
    const select = selectList(ctx, USER_PROPS, 'user');
    return graphJson(ctx, 200, { '@odata.context': contextUrl(ctx, `${entitySet('users', select)}/$entity`), ...userView(user, select) });
  }
  if (ctx.method === 'PATCH') {
    can.writeUsers(caller);
    const body = parseBody(ctx);
    svc.directory.update(caller.actor, (d, audit) => {
      const target = Directory.user(d, user.id)!;
      for (const [k, v] of Object.entries(body)) {
        if (k === 'accountEnabled') { if (typeof v !== 'boolean') throw graph.invalidValue(k, 'user'); target.accountEnabled = v; }
        else if (k === 'displayName' || k === 'jobTitle') { if (typeof v !== 'string') throw graph.invalidValue(k, 'user'); target[k] = v; }
        else if (k === 'passwordProfile') {
          const pw = (v as { password?: unknown } | null)?.password;
          if (typeof pw !== 'string') throw graph.invalidValue('passwordProfile', 'user');
          if (!isComplex(pw)) throw graph.badRequest('The specified password does not comply with password complexity requirements. Please provide a different password.');
          replacePassword(target, pw);
          audit('Reset user password', 'UserManagement', [{ id: target.id, displayName: target.userPrincipalName, type: 'User' }]);
        } else if (!k.startsWith('@')) throw graph.unknownProperty(k, 'user');
      }
      audit('Update user', 'UserManagement', [{ id: target.id, displayName: target.userPrincipalName, type: 'User' }], { modifiedProperties: Object.keys(body).join(',') });
    });
    return noContent(ctx);
  }
  if (ctx.method === 'DELETE') {
    can.writeUsers(caller);
    svc.directory.update(caller.actor, (d, audit) => {
      d.users = d.users.filter((u) => u.id !== user.id);
      d.appRoleAssignments = d.appRoleAssignments.filter((a) => a.principalId !== user.id);
      audit('Delete user', 'UserManagement', [{ id: user.id, displayName: user.userPrincipalName, type: 'User' }]);
    });
    return noContent(ctx);
  }
  throw graph.methodNotAllowed(ctx.method);
}

export function handleAudit(ctx: RequestContext, doc: TenantDoc, caller: Caller, addr: GraphAddress): TenantResponse {
  if (addr.nav !== 'directoryAudits') throw graph.segment(addr.nav ?? 'auditLogs');
  if (ctx.method !== 'GET') throw graph.methodNotAllowed(ctx.method);
  can.readAudit(caller);
  return graphJson(ctx, 200, { '@odata.context': contextUrl(ctx, 'auditLogs/directoryAudits'), value: [...doc.audit].reverse() });
}
