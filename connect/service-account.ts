import type { OpContext } from './context.js';
import type { Actor } from './gateways.js';
import { errors } from './errors.js';
import { ev } from './event-texts.js';

export interface ServiceAccountResult { Name: string; UserPrincipalName: string; Created: boolean }

function checkName(name: string): string {
  const n = name.trim();
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(n)) throw errors.badName(name);
  return n;
}

/**
 * Add-ADSyncAADServiceAccount: create (or reset the password of) the legacy connector account and point the
 * connector at it. Used to roll back from application-based authentication; the application registration is
 * kept so the admin can switch back. A re-created account takes up to 15 minutes to work (seed 001).
 */
export async function addServiceAccount(ctx: OpContext, actor: Actor, name?: string): Promise<ServiceAccountResult> {
  const cur = ctx.doc.credential;
  const target = name !== undefined ? checkName(name) : cur.type === 'ServiceAccount' ? cur.name : ctx.doc.legacyAccount.name;
  const r = await ctx.tenant.upsertSyncAccount(actor, target);
  const wasApp = cur.type === 'Application';
  ctx.doc.credential = { type: 'ServiceAccount', name: target, userPrincipalName: r.userPrincipalName, password: r.password };
  ctx.doc.legacyAccount = {
    name: target, userPrincipalName: r.userPrincipalName, password: r.password,
    createdAt: r.created ? ctx.now.toISOString() : ctx.doc.legacyAccount.createdAt, removed: false,
  };
  ctx.doc.token = null;
  ctx.doc.autoOnboardingDueAt = null;
  if (wasApp) ctx.events.push(ev.credentialSwitched(ctx.now, 'ServiceAccount'));
  return { Name: target, UserPrincipalName: r.userPrincipalName, Created: r.created };
}

/** Remove-ADSyncAADServiceAccount: refused for the account the connector still signs in with. */
export async function removeServiceAccount(ctx: OpContext, actor: Actor, name: string): Promise<void> {
  const n = checkName(name.includes('@') ? name.split('@')[0] : name);
  const cur = ctx.doc.credential;
  if (cur.type === 'ServiceAccount' && cur.name.toLowerCase() === n.toLowerCase()) throw errors.accountInUse(cur.name);
  const upn = `${n}@${ctx.doc.tenantDomain}`;
  const removed = await ctx.tenant.deleteUser(actor, upn);
  if (!removed) throw errors.accountNotFound(upn);
  if (ctx.doc.legacyAccount.name.toLowerCase() === n.toLowerCase()) ctx.doc.legacyAccount.removed = true;
}
