import type { OpContext } from './context.js';
import type { Actor, KeyCredentialInfo } from './gateways.js';
import { errors } from './errors.js';
import { isGuid, normalizeGuid } from './util.js';

/** Remove-EntraApplicationKey: the documented cleanup when automatic removal of an old key failed. */
export async function removeApplicationKey(ctx: OpContext, actor: Actor, certificateId: string): Promise<void> {
  if (!isGuid(certificateId)) throw errors.badGuid(certificateId);
  const keyId = normalizeGuid(certificateId);
  const cur = ctx.doc.credential;
  // Still on the legacy account, the server's application is the pending registration's, or the one a failed switch left a key on.
  const appId = cur.type === 'Application' ? cur.appId : ctx.doc.pendingRegistration?.appId ?? ctx.doc.strandedKeys?.find((k) => k.keyId.toLowerCase() === keyId)?.appId;
  if (!appId) throw errors.notOnApplication();
  if (cur.type === 'Application' && cur.certificate.keyId.toLowerCase() === keyId) throw errors.keyInUse(keyId);
  const app = await ctx.tenant.getApplication(actor, appId);
  if (!app) throw errors.applicationNotFound(appId);
  if (!app.keyCredentials.some((k) => k.keyId.toLowerCase() === keyId)) throw errors.keyNotFound(keyId, appId);
  await ctx.tenant.removeKeyCredential(actor, appId, keyId);
  ctx.doc.createdKeyIds = ctx.doc.createdKeyIds.filter((k) => k.toLowerCase() !== keyId);
  // A leftover of a failed switch: the certificate the server kept for a retry goes with it.
  const left = ctx.doc.strandedKeys?.find((k) => k.keyId.toLowerCase() === keyId);
  if (left?.managed) for (const c of ctx.keys.findBySha256(left.sha256)) await ctx.keys.removeCertificate(c).catch(() => undefined);
  ctx.doc.strandedKeys = (ctx.doc.strandedKeys ?? []).filter((k) => k.keyId.toLowerCase() !== keyId);
  if (ctx.doc.pendingRegistration?.certificate.keyId.toLowerCase() === keyId) ctx.doc.pendingRegistration = null;
}

export interface ForeignCredential extends KeyCredentialInfo { ApplicationId: string; InUse: boolean }

/**
 * Credentials on the sync application that this server did not put there — what an Application Administrator
 * could have added to impersonate the sync application (the caveat in seed 001).
 */
export async function foreignCredentials(ctx: OpContext, actor: Actor): Promise<ForeignCredential[]> {
  const cur = ctx.doc.credential;
  const appId = cur.type === 'Application' ? cur.appId : ctx.doc.pendingRegistration?.appId;
  if (!appId) return [];
  const app = await ctx.tenant.getApplication(actor, appId);
  if (!app) throw errors.applicationNotFound(appId);
  const mine = new Set([...ctx.doc.createdKeyIds, ...(ctx.doc.strandedKeys ?? []).map((k) => k.keyId)].map((k) => k.toLowerCase()));
  const inUse = cur.type === 'Application' ? cur.certificate.keyId.toLowerCase() : '';
  return app.keyCredentials
    .filter((k) => !mine.has(k.keyId.toLowerCase()) && !(cur.type === 'Application' && cur.mode === 'BYOA' && k.keyId.toLowerCase() === inUse))
    .map((k) => ({ ...k, ApplicationId: appId, InUse: k.keyId.toLowerCase() === inUse }));
}
