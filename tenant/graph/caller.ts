import { checkAccessToken } from '../access-tokens.js';
import { Directory } from '../directory.js';
import { graph, type GraphError } from '../errors.js';
import type { RequestContext } from '../http.js';
import type { ApplicationRecord, AuditActor, ServicePrincipalRecord, TenantDoc, UserRecord } from '../model.js';
import { APP_ID, GRAPH_RESOURCE_NAMES, ROLE } from '../well-known.js';

/** Who is calling Graph, from the bearer token. */
export interface Caller {
  kind: 'app' | 'user';
  /** The signed-in user's or the client service principal's object id. */
  id: string;
  appId: string;
  roles: string[];
  scopes: string[];
  wids: string[];
  user?: UserRecord;
  sp?: ServicePrincipalRecord;
  actor: AuditActor;
}

const GRAPH_AUDIENCES = new Set(GRAPH_RESOURCE_NAMES.map((n) => n.toLowerCase().replace(/\/+$/, '')));
export const isGraphAudience = (aud: string): boolean => GRAPH_AUDIENCES.has(aud.toLowerCase().replace(/\/+$/, ''));

export function bearer(ctx: RequestContext): string | undefined {
  const h = ctx.headers.authorization;
  if (!h) return undefined;
  const m = /^Bearer\s+(.*)$/i.exec(h.trim());
  return m ? m[1].trim() : '';
}

/** Authenticate a request to a resource: 401 errors as the resource reports them. */
export function authenticate(doc: TenantDoc, ctx: RequestContext, audiences: (aud: string) => boolean,
  errors: { empty: () => GraphError; malformed: () => GraphError; invalid: () => GraphError; expired: () => GraphError; audience: () => GraphError }): Caller {
  const token = bearer(ctx);
  if (token === undefined || token === '') throw errors.empty();
  const check = checkAccessToken(doc, token, audiences, ctx.now);
  if (!check.ok) throw check.reason === 'malformed' ? errors.malformed() : check.reason === 'expired' ? errors.expired() : check.reason === 'audience' ? errors.audience() : errors.invalid();
  const c = check.claims;
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  if (c.idtyp === 'user') {
    const user = typeof c.oid === 'string' ? Directory.user(doc, c.oid) : undefined;
    if (!user || !user.accountEnabled) throw errors.invalid();
    return {
      kind: 'user', id: user.id, appId: String(c.appid), roles: [], scopes: typeof c.scp === 'string' ? c.scp.split(' ') : [],
      wids: user.roles, user, actor: { user: { id: user.id, userPrincipalName: user.userPrincipalName } },
    };
  }
  const sp = typeof c.oid === 'string' ? Directory.spById(doc, c.oid) : undefined;
  if (!sp || !sp.accountEnabled) throw errors.invalid();
  return {
    kind: 'app', id: sp.id, appId: sp.appId, roles: list(c.roles), scopes: [], wids: [], sp,
    actor: { app: { appId: sp.appId, displayName: sp.displayName, servicePrincipalId: sp.id } },
  };
}

export function graphCaller(doc: TenantDoc, ctx: RequestContext): Caller {
  return authenticate(doc, ctx, isGraphAudience, {
    empty: graph.tokenEmpty, malformed: graph.tokenMalformed, invalid: graph.tokenInvalid, expired: graph.tokenExpired, audience: graph.tokenAudience,
  });
}

// Permission sets (Graph's documented least-privileged permissions for each call).
const APP_READ_SCOPES = ['Application.Read.All', 'Application.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All', 'Directory.AccessAsUser.All'];
const APP_READ_ROLES = ['Application.Read.All', 'Application.ReadWrite.All', 'Application.ReadWrite.OwnedBy', 'Directory.Read.All', 'Directory.ReadWrite.All'];
const APP_WRITE_SCOPES = ['Application.ReadWrite.All', 'Directory.AccessAsUser.All'];
const USER_READ_SCOPES = ['User.ReadBasic.All', 'User.Read.All', 'Directory.Read.All', 'Directory.ReadWrite.All', 'Directory.AccessAsUser.All'];
const USER_READ_ROLES = ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];
const ASSIGN_SCOPES = ['AppRoleAssignment.ReadWrite.All', 'Directory.AccessAsUser.All'];
/** Directory roles that manage applications (the documents name Application and Global Administrators). */
export const APP_ADMIN_ROLES: string[] = [ROLE.globalAdministrator, ROLE.applicationAdministrator, ROLE.cloudApplicationAdministrator, ROLE.hybridIdentityAdministrator];
/** Only these may grant Microsoft Graph / Azure AD Graph application permissions (the documents' note). */
const GRAPH_CONSENT_ROLES: string[] = [ROLE.globalAdministrator, ROLE.privilegedRoleAdministrator];

const any = (have: string[], want: string[]) => have.some((h) => want.some((w) => w.toLowerCase() === h.toLowerCase()));
const deny = (ok: boolean) => { if (!ok) throw graph.denied(); };

export const can = {
  readApps: (c: Caller) => deny(c.kind === 'user' ? any(c.scopes, APP_READ_SCOPES) : any(c.roles, APP_READ_ROLES)),
  createApps: (c: Caller) => deny(c.kind === 'user' ? any(c.scopes, APP_WRITE_SCOPES) : any(c.roles, ['Application.ReadWrite.All', 'Application.ReadWrite.OwnedBy'])),
  writeApp: (c: Caller, owners: string[]) => deny(c.kind === 'user'
    ? any(c.scopes, APP_WRITE_SCOPES) && (any(c.wids, APP_ADMIN_ROLES) || owners.includes(c.id))
    : any(c.roles, ['Application.ReadWrite.All']) || (any(c.roles, ['Application.ReadWrite.OwnedBy']) && owners.includes(c.id))),
  assign: (c: Caller, resource: ServicePrincipalRecord) => {
    const graphResource = resource.appId === APP_ID.graph || resource.appId === APP_ID.aadGraph;
    deny(c.kind === 'user'
      ? any(c.scopes, ASSIGN_SCOPES) && any(c.wids, graphResource ? GRAPH_CONSENT_ROLES : APP_ADMIN_ROLES)
      : any(c.roles, ['AppRoleAssignment.ReadWrite.All']) && any(c.roles, ['Application.Read.All', 'Application.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All']));
  },
  readUsers: (c: Caller) => deny(c.kind === 'user' ? any(c.scopes, USER_READ_SCOPES) : any(c.roles, USER_READ_ROLES)),
  writeUsers: (c: Caller) => deny(c.kind === 'user'
    ? any(c.scopes, ['User.ReadWrite.All', 'Directory.AccessAsUser.All']) && any(c.wids, [ROLE.globalAdministrator])
    : any(c.roles, ['User.ReadWrite.All', 'Directory.ReadWrite.All'])),
  readAudit: (c: Caller) => deny(c.kind === 'user' ? any(c.scopes, ['AuditLog.Read.All', 'Directory.AccessAsUser.All']) && any(c.wids, [ROLE.globalAdministrator]) : any(c.roles, ['AuditLog.Read.All'])),
  /** addKey/removeKey: an application may roll its own keys without any permission (Graph docs). */
  rollKey: (c: Caller, app: ApplicationRecord) => {
    if (c.kind === 'app' && c.appId === app.appId) return;
    can.writeApp(c, app.owners);
  },
};
