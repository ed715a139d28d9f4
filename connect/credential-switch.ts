import type { OpContext } from './context.js';
import type { Actor, StoredCertificate } from './gateways.js';
import type { ApplicationCredential, CertificateRecord } from './model.js';
import { adoptToken, certificateRecord, verifyApplicationCredential } from './auth.js';
import { ConnectError, TenantAuthError } from './errors.js';
import { ev } from './event-texts.js';
import { DAY } from './util.js';

export const MANAGED_SUBJECT = 'CN=Entra Connect Sync Provisioning';
/** Lifetime of a certificate the server creates itself (the documents are silent; New-SelfSignedCertificate's default). */
export const MANAGED_LIFETIME_MS = 365 * DAY;

export async function createManagedCertificate(ctx: OpContext): Promise<StoredCertificate> {
  return ctx.keys.createManagedCertificate({
    subject: MANAGED_SUBJECT,
    notBefore: new Date(ctx.now.getTime() - 10 * 60_000),
    notAfter: new Date(ctx.now.getTime() + MANAGED_LIFETIME_MS),
    useTpm: ctx.keys.tpmPresent(),
  });
}

/**
 * Register `cert` on the application unless it is there already; returns its record and whether we added it
 * (so a failed switch can take it off again).
 */
export async function ensureKeyOnApplication(ctx: OpContext, actor: Actor, appId: string, cert: StoredCertificate): Promise<{ record: CertificateRecord; added: boolean }> {
  // An application cannot read its own registration without Application.Read.All: only an admin looks first.
  const app = actor.kind === 'admin' ? await ctx.tenant.getApplication(actor, appId) : undefined;
  const existing = app?.keyCredentials.find((k) => k.thumbprint.toUpperCase() === cert.thumbprint);
  if (existing) return { record: certificateRecord(cert, existing.keyId), added: false };
  const key = await ctx.tenant.addKeyCredential(actor, appId, { der: cert.der, displayName: cert.subject });
  return { record: certificateRecord(cert, key.keyId), added: true };
}

/**
 * The atomic part of every switch to a certificate: prove the tenant accepts the new credential, then make it the
 * connector's. If the proof fails, the key we added is taken off again and the previous credential stays.
 */
export async function switchToApplication(
  ctx: OpContext, actor: Actor, cred: ApplicationCredential, cert: StoredCertificate, added: boolean,
): Promise<void> {
  let token;
  try {
    token = await verifyApplicationCredential(ctx, cred.appId, cert);
  } catch (e) {
    if (added) await ctx.tenant.removeKeyCredential(actor, cred.appId, cred.certificate.keyId).catch(() => undefined);
    if (e instanceof TenantAuthError) {
      throw new ConnectError(
        `The new certificate credential could not be used to authenticate application ${cred.appId}; the connector credential was not changed. ${e.description}`,
        'CredentialVerificationFailed', 'AuthenticationError', cred.appId);
    }
    throw e;
  }
  const previous = ctx.doc.credential;
  ctx.doc.credential = cred;
  adoptToken(ctx, cred, token);
  if (!ctx.doc.createdKeyIds.includes(cred.certificate.keyId) && added) ctx.doc.createdKeyIds.push(cred.certificate.keyId);
  if (previous.type !== 'Application') ctx.events.push(ev.credentialSwitched(ctx.now, 'Application'));
  if (!cred.certificate.tpmBacked) {
    ctx.events.push(ev.notTpm(ctx.now, cred.appId, cred.certificate));
    ctx.doc.last1014At = ctx.now.toISOString();
  }
}

/**
 * Take the previous certificate off the application after a switch. A failure is not fatal — the new credential
 * works — but it is logged with the CertificateId so the admin can run Remove-EntraApplicationKey (seed 001).
 */
export async function removeOldKey(ctx: OpContext, actor: Actor, appId: string, old: CertificateRecord): Promise<boolean> {
  try {
    if (ctx.doc.faults.keyRemovalFails) {
      throw new Error('Insufficient privileges to complete the operation. (Authorization_RequestDenied)');
    }
    await ctx.tenant.removeKeyCredential(actor, appId, old.keyId);
    ctx.doc.createdKeyIds = ctx.doc.createdKeyIds.filter((k) => k !== old.keyId);
    return true;
  } catch (e) {
    ctx.events.push(ev.oldKeyRemovalFailed(ctx.now, appId, old.keyId, (e as Error).message));
    return false;
  }
}

/** The server deletes the certificates it created itself from CurrentUser\My once they are no longer used. */
export async function discardManagedCertificate(ctx: OpContext, old: CertificateRecord): Promise<void> {
  if (old.subject !== MANAGED_SUBJECT || !old.store.toLowerCase().startsWith('currentuser')) return;
  for (const c of ctx.keys.findBySha256(old.sha256)) {
    if (c.store.toLowerCase() === old.store.toLowerCase()) await ctx.keys.removeCertificate(c).catch(() => undefined);
  }
}
