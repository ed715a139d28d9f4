import type { OpContext } from './context.js';
import type { Actor, StoredCertificate } from './gateways.js';
import type { ApplicationCredential, ManagementMode } from './model.js';
import { certificateRecord, storedFor } from './auth.js';
import { selectCustomerCertificate, type CertificateSelector } from './byoc-rules.js';
import { createManagedCertificate, discardManagedCertificate, ensureKeyOnApplication, isStranded, removeOldKey, settleStrandedKeys, switchToApplication } from './credential-switch.js';
import { ConnectError, errors } from './errors.js';
import { ev } from './event-texts.js';
import type { RegistrationResult } from './registration.js';

/**
 * Invoke-ADSyncApplicationCredentialRotation and the scheduler's automatic rotation: a new certificate
 * (new key in the TPM or software provider when managed; the customer's when BYOC) is added to the
 * application, proven, switched to, and only then is the old one removed.
 */
export async function rotateCredential(ctx: OpContext, actor: Actor, sel: CertificateSelector, how: 'Manual' | 'Automatic'): Promise<RegistrationResult> {
  const cur = ctx.doc.credential;
  if (cur.type !== 'Application') throw errors.notOnApplication();
  const hasCert = sel.sha256 !== undefined || sel.thumbprint !== undefined;
  if (cur.mode === 'BYOC' && !hasCert) throw errors.certificateHashRequired();
  if (cur.mode === 'BYOA' && !hasCert) throw errors.rotationNotApplicable();

  let byoc: StoredCertificate | undefined;
  let created = false;
  let mode: ManagementMode = cur.mode;
  if (hasCert) {
    const cert = byoc = selectCustomerCertificate(ctx.keys, sel, ctx.now);
    if (cert.sha256 === cur.certificate.sha256) {
      throw new ConnectError(`The certificate with SHA256 hash '${cert.sha256}' is already the connector's current certificate. Create a new certificate to rotate to.`,
        'SameCertificate', 'InvalidArgument', cert.sha256);
    }
    // A managed server given a certificate becomes Bring Your Own Certificate from then on.
    if (mode === 'Managed') mode = 'BYOC';
  }
  // Finish or undo what an earlier failed switch left on the application; a managed rotation may retry with it.
  const readable = actor.kind === 'admin' ? await ctx.tenant.getApplication(actor, cur.appId) : undefined;
  const retry = mode === 'BYOA' ? undefined : await settleStrandedKeys(ctx, actor, cur.appId, readable, !hasCert);
  let cert: StoredCertificate;
  if (byoc) cert = byoc;
  else if (retry) cert = retry.cert;
  else { cert = await createManagedCertificate(ctx); created = true; }
  let record, added;
  try {
    if (retry && !byoc) { record = certificateRecord(cert, retry.keyId); added = true; }
    else ({ record, added } = await ensureKeyOnApplication(ctx, actor, cur.appId, cert));
    if (mode === 'BYOA' && added) {
      // The customer owns a BYOA application's credentials: the server only uses certificates already there.
      await ctx.tenant.removeKeyCredential(actor, cur.appId, record.keyId).catch(() => undefined);
      throw errors.certificateNotOnApplication(cur.appId, cert.sha256);
    }
    const next: ApplicationCredential = { ...cur, mode, automaticRotation: mode === 'Managed', certificate: certificateRecord(cert, record.keyId) };
    await switchToApplication(ctx, actor, next, cert, added);
  } catch (e) {
    if (created && !isStranded(ctx, cert.sha256)) await ctx.keys.removeCertificate(cert).catch(() => undefined);
    throw e;
  }
  if (added && !ctx.doc.createdKeyIds.includes(record.keyId)) ctx.doc.createdKeyIds.push(record.keyId);
  ctx.events.push(ev.rotated(ctx.now, cur.appId, cur.certificate, record, how));
  if (mode !== 'BYOA') {
    await removeOldKey(ctx, actor, cur.appId, cur.certificate);
    await discardManagedCertificate(ctx, cur.certificate);
  }
  return {
    ConnectorIdentityType: 'Application', ApplicationId: cur.appId, ApplicationDisplayName: cur.displayName,
    ApplicationManagedBy: mode === 'BYOA' ? 'Customer' : 'EntraConnect', CertificateManagedBy: mode === 'Managed' ? 'EntraConnect' : 'Customer',
    CertificateId: record.keyId, CertificateThumbprint: cert.thumbprint, CertificateSHA256Hash: cert.sha256, Linked: true,
  };
}

/** Checked here so a missing certificate is reported before anything is created. */
export function currentCertificate(ctx: OpContext): StoredCertificate {
  const cur = ctx.doc.credential;
  if (cur.type !== 'Application') throw errors.notOnApplication();
  return storedFor(ctx.keys, cur.certificate);
}
