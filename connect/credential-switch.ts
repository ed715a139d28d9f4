import type { OpContext } from './context.js';
import type { Actor, ApplicationInfo, StoredCertificate } from './gateways.js';
import type { ApplicationCredential, CertificateRecord } from './model.js';
import { adoptToken, certificateRecord, verifyApplicationCredential } from './auth.js';
import { ConnectError, TenantAuthError, TenantRequestError } from './errors.js';
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
    if (ctx.doc.faults.newKeyRejected) throw newKeyNotReplicated(cred.appId, cert);
    token = await verifyApplicationCredential(ctx, cred.appId, cert);
  } catch (e) {
    if (added) await undoAddedKey(ctx, actor, cred.appId, cred.certificate.keyId, cert);
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
  ctx.doc.strandedKeys = (ctx.doc.strandedKeys ?? []).filter((k) => k.keyId !== cred.certificate.keyId);
  if (!ctx.doc.createdKeyIds.includes(cred.certificate.keyId) && added) ctx.doc.createdKeyIds.push(cred.certificate.keyId);
  if (previous.type !== 'Application') ctx.events.push(ev.credentialSwitched(ctx.now, 'Application'));
  if (!cred.certificate.tpmBacked) {
    ctx.events.push(ev.notTpm(ctx.now, cred.appId, cred.certificate));
    ctx.doc.last1014At = ctx.now.toISOString();
  }
}

/** What the NewKeyRejected fault answers: Entra before a newly added key has replicated. */
function newKeyNotReplicated(appId: string, cert: StoredCertificate): TenantAuthError {
  return new TenantAuthError(700027, 'invalid_client',
    `AADSTS700027: The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '${cert.thumbprint}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${appId}'.]`);
}

const FAULT_DENIED = 'Insufficient privileges to complete the operation. (Authorization_RequestDenied)';

/** The server's own removal of a key it added: fails while the KeyRemovalFails fault is on. */
async function removeOwnKey(ctx: OpContext, actor: Actor, appId: string, keyId: string): Promise<'removed' | 'gone'> {
  if (ctx.doc.faults.keyRemovalFails) throw new Error(FAULT_DENIED);
  try {
    await ctx.tenant.removeKeyCredential(actor, appId, keyId);
    return 'removed';
  } catch (e) {
    if (e instanceof TenantRequestError && e.status === 404) return 'gone';
    throw e;
  }
}

export function isStranded(ctx: OpContext, sha256: string): boolean {
  return (ctx.doc.strandedKeys ?? []).some((k) => k.sha256 === sha256);
}

/** A certificate the server made itself: it may delete it, or retry a switch with it. */
function isManaged(c: { subject: string; store: string }): boolean {
  return c.subject === MANAGED_SUBJECT && c.store.toLowerCase().startsWith('currentuser');
}

/**
 * A switch failed after its key was added: take the key off again. When that fails too (tenant unreachable, no right
 * to remove it), remember it — and keep the certificate, private key included — so the next switch finishes or undoes it.
 */
async function undoAddedKey(ctx: OpContext, actor: Actor, appId: string, keyId: string, cert: StoredCertificate): Promise<void> {
  try {
    await removeOwnKey(ctx, actor, appId, keyId);
    ctx.doc.strandedKeys = (ctx.doc.strandedKeys ?? []).filter((k) => k.keyId !== keyId);
    if (isManaged(cert)) await ctx.keys.removeCertificate(cert).catch(() => undefined);
  } catch (e) {
    const rest = (ctx.doc.strandedKeys ?? []).filter((k) => k.keyId !== keyId);
    ctx.doc.strandedKeys = [...rest, { appId, keyId, thumbprint: cert.thumbprint, sha256: cert.sha256, managed: isManaged(cert), at: ctx.now.toISOString() }];
    // The documented cleanup path, as for an old key after a rotation: an error event naming the CertificateId.
    ctx.events.push(ev.leftoverKeyNotRemoved(ctx.now, appId, keyId, (e as Error).message));
  }
}

/**
 * Before a new switch on application `appId`: settle what failed switches left there. Candidates are the keys the
 * server recorded as stranded and, when the application could be read (`app`), keys the tenant's provisioning route
 * added for this server that the connector does not use. A managed certificate the server still holds is returned
 * for this switch to retry with (when it wants a managed one); every other leftover is removed. A removal that fails
 * stays recorded for the next attempt.
 */
export async function settleStrandedKeys(ctx: OpContext, actor: Actor, appId: string, app: ApplicationInfo | undefined, wantManaged: boolean): Promise<{ cert: StoredCertificate; keyId: string } | undefined> {
  const cur = ctx.doc.credential;
  const keep = new Set<string>([
    ...(cur.type === 'Application' ? [cur.certificate.keyId] : []),
    ...(ctx.doc.pendingRegistration ? [ctx.doc.pendingRegistration.certificate.keyId] : []),
  ].map((k) => k.toLowerCase()));
  const candidates = (ctx.doc.strandedKeys ?? []).filter((k) => k.appId === appId && !keep.has(k.keyId.toLowerCase()));
  for (const k of app?.keyCredentials ?? []) {
    if (!k.provisionedByConnector || keep.has(k.keyId.toLowerCase()) || candidates.some((c) => c.keyId === k.keyId)) continue;
    const held = k.thumbprint ? ctx.keys.findByThumbprint(k.thumbprint)[0] : undefined;
    candidates.push({ appId, keyId: k.keyId, thumbprint: k.thumbprint, sha256: held?.sha256 ?? '', managed: held ? isManaged(held) : false, at: ctx.now.toISOString() });
  }
  let reuse: { cert: StoredCertificate; keyId: string } | undefined;
  for (const c of candidates) {
    const held = (c.sha256 ? ctx.keys.findBySha256(c.sha256) : ctx.keys.findByThumbprint(c.thumbprint)).find((x) => x.hasPrivateKey && isManaged(x));
    const onApp = !app || app.keyCredentials.some((k) => k.keyId === c.keyId);
    if (!onApp) {
      // Someone removed it already (Remove-EntraApplicationKey, the portal): nothing left to undo.
      ctx.doc.strandedKeys = (ctx.doc.strandedKeys ?? []).filter((k) => k.keyId !== c.keyId);
      if (held) await ctx.keys.removeCertificate(held).catch(() => undefined);
      continue;
    }
    if (wantManaged && !reuse && held && held.notAfter > ctx.now) {
      reuse = { cert: held, keyId: c.keyId };
      if (!isStranded(ctx, held.sha256)) ctx.doc.strandedKeys = [...(ctx.doc.strandedKeys ?? []), { ...c, sha256: held.sha256, managed: true }];
      continue;
    }
    try {
      await removeOwnKey(ctx, actor, appId, c.keyId);
      ctx.doc.strandedKeys = (ctx.doc.strandedKeys ?? []).filter((k) => k.keyId !== c.keyId);
      ctx.doc.createdKeyIds = ctx.doc.createdKeyIds.filter((k) => k !== c.keyId);
      if (held) await ctx.keys.removeCertificate(held).catch(() => undefined);
    } catch {
      if (!(ctx.doc.strandedKeys ?? []).some((k) => k.keyId === c.keyId)) ctx.doc.strandedKeys = [...(ctx.doc.strandedKeys ?? []), c];
    }
  }
  return reuse;
}

/**
 * Take the previous certificate off the application after a switch. A failure is not fatal — the new credential
 * works — but it is logged with the CertificateId so the admin can run Remove-EntraApplicationKey (seed 001).
 */
export async function removeOldKey(ctx: OpContext, actor: Actor, appId: string, old: CertificateRecord): Promise<boolean> {
  try {
    await removeOwnKey(ctx, actor, appId, old.keyId);
    ctx.doc.createdKeyIds = ctx.doc.createdKeyIds.filter((k) => k !== old.keyId);
    return true;
  } catch (e) {
    ctx.events.push(ev.oldKeyRemovalFailed(ctx.now, appId, old.keyId, (e as Error).message));
    return false;
  }
}

/** The server deletes the certificates it created itself from CurrentUser\My once they are no longer used. */
export async function discardManagedCertificate(ctx: OpContext, old: CertificateRecord): Promise<void> {
  if (!isManaged(old)) return;
  for (const c of ctx.keys.findBySha256(old.sha256)) {
    if (c.store.toLowerCase() === old.store.toLowerCase()) await ctx.keys.removeCertificate(c).catch(() => undefined);
  }
}
