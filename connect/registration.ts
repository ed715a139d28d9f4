import type { OpContext } from './context.js';
import type { Actor, ApplicationInfo, StoredCertificate } from './gateways.js';
import type { ApplicationCredential, CertificateRecord, ManagementMode } from './model.js';
import { PASSWORD_RESET_APP_ID, SYNC_ROLE, SYNC_SERVICE_APP_ID, WRITEBACK_ROLES } from './gateways.js';
import { selectCustomerCertificate, type CertificateSelector } from './byoc-rules.js';
import { certificateRecord } from './auth.js';
import { createManagedCertificate, ensureKeyOnApplication, removeOldKey, switchToApplication, discardManagedCertificate, settleStrandedKeys, isStranded } from './credential-switch.js';
import { errors } from './errors.js';
import { isGuid, normalizeGuid, normalizeHex } from './util.js';

export interface RegistrationOptions extends CertificateSelector {
  /** Bring Your Own Application: the application (client) id the admin registered */
  applicationAppId?: string;
}

export interface RegistrationResult {
  ConnectorIdentityType: 'Application' | 'ServiceAccount';
  ApplicationId: string;
  ApplicationDisplayName: string;
  ApplicationManagedBy: string;
  CertificateManagedBy: string;
  CertificateId: string;
  CertificateThumbprint: string;
  CertificateSHA256Hash: string;
  Linked: boolean;
}

export function applicationDisplayName(ctx: OpContext): string {
  return `ConnectSyncProvisioning_${ctx.doc.serverName}_${ctx.doc.syncMachineIdentifier.slice(0, 12)}`;
}

export function syncRoles(ctx: OpContext): { resourceAppId: string; value: string }[] {
  const roles = [{ resourceAppId: SYNC_SERVICE_APP_ID, value: SYNC_ROLE }];
  if (ctx.doc.passwordWriteback) for (const value of WRITEBACK_ROLES) roles.push({ resourceAppId: PASSWORD_RESET_APP_ID, value });
  return roles;
}

function modeOf(opts: RegistrationOptions, ctx: OpContext): ManagementMode {
  if (opts.applicationAppId !== undefined) return 'BYOA';
  const cur = ctx.doc.credential;
  const hasCert = opts.sha256 !== undefined || opts.thumbprint !== undefined;
  // BYOA servers rotate with Add-EntraApplicationRegistration -CertificateSHA256Hash (seed 001 / reference §5).
  if (hasCert && cur.type === 'Application' && cur.mode === 'BYOA') return 'BYOA';
  return hasCert ? 'BYOC' : 'Managed';
}

/** The application to put the certificate on: the server's own (reused across re-registrations) or a new one. */
async function ownApplication(ctx: OpContext, actor: Actor): Promise<ApplicationInfo> {
  const cur = ctx.doc.credential;
  const known = cur.type === 'Application' && cur.mode !== 'BYOA' ? cur.appId
    : ctx.doc.pendingRegistration && ctx.doc.pendingRegistration.mode !== 'BYOA' ? ctx.doc.pendingRegistration.appId
    : ctx.doc.ownAppId ?? undefined;
  if (known) {
    const app = await ctx.tenant.getApplication(actor, known).catch(() => undefined);
    if (app) {
      if (!app.assignedRoles.includes(SYNC_ROLE)) {
        await ctx.tenant.assignAppRoles(actor, app.appId, syncRoles(ctx));
        return { ...app, assignedRoles: syncRoles(ctx).map((r) => r.value) };
      }
      return app;
    }
  }
  const app = await ctx.tenant.createApplication(actor, applicationDisplayName(ctx));
  ctx.doc.ownAppId = app.appId;
  await ctx.tenant.assignAppRoles(actor, app.appId, syncRoles(ctx));
  return { ...app, assignedRoles: syncRoles(ctx).map((r) => r.value) };
}

/**
 * Add-EntraApplicationRegistration (link = false) registers the application and its certificate in Entra;
 * Add-ADSyncApplicationRegistration (link = true) also switches the connector to it — creating the registration
 * first when the first step was skipped, as the newer builds do.
 */
export async function registerApplication(ctx: OpContext, actor: Actor, opts: RegistrationOptions, link: boolean): Promise<RegistrationResult> {
  const mode = modeOf(opts, ctx);
  let appIdInput: string | undefined;
  if (opts.applicationAppId !== undefined) {
    if (!isGuid(opts.applicationAppId)) throw errors.badGuid(opts.applicationAppId);
    appIdInput = normalizeGuid(opts.applicationAppId);
  }
  // Validate the certificate before anything is created anywhere.
  let cert: StoredCertificate | undefined = mode === 'Managed' ? undefined : selectCustomerCertificate(ctx.keys, opts, ctx.now);

  const pending = ctx.doc.pendingRegistration;
  if (link && pending && pending.mode === mode && (!cert || pending.certificate.sha256 === cert.sha256)
      && (!appIdInput || pending.appId === appIdInput)) {
    const stored = cert ?? ctx.keys.findBySha256(pending.certificate.sha256).find((c) => c.hasPrivateKey);
    if (stored) return link2(ctx, actor, pending.mode, pending.appId, pending.appObjectId, pending.displayName, stored, pending.certificate.keyId, false);
  }
  if (link && pending && cert && pending.certificate.sha256 !== cert.sha256 && pending.mode === mode && mode !== 'BYOA') throw errors.pendingMismatch();

  let app: ApplicationInfo;
  if (mode === 'BYOA') {
    const cur = ctx.doc.credential;
    const appId = appIdInput ?? (cur.type === 'Application' ? cur.appId : '');
    const found = await ctx.tenant.getApplication(actor, appId);
    if (!found) throw errors.applicationNotFound(appId);
    if (!found.assignedRoles.includes(SYNC_ROLE)) throw errors.applicationMissingRole(appId);
    const onApp = found.keyCredentials.find((k) => k.thumbprint.toUpperCase() === cert!.thumbprint);
    if (!onApp) throw errors.certificateNotOnApplication(appId, cert!.sha256);
    app = found;
  } else {
    app = await ownApplication(ctx, actor);
  }
  // Finish or undo what an earlier failed switch left on the server's own application (docs/connect.md, "Atomic switch").
  const retry = mode === 'BYOA' ? undefined : await settleStrandedKeys(ctx, actor, app.appId, app, mode === 'Managed');
  let createdHere = false;
  let record: CertificateRecord, added: boolean;
  if (!cert && retry) {
    cert = retry.cert;
    ({ record, added } = { record: certificateRecord(cert, retry.keyId), added: true });
  } else {
    if (!cert) { cert = await createManagedCertificate(ctx); createdHere = true; }
    try {
      ({ record, added } = await ensureKeyOnApplication(ctx, actor, app.appId, cert));
    } catch (e) {
      if (createdHere) await ctx.keys.removeCertificate(cert).catch(() => undefined);
      throw e;
    }
  }
  if (added && !ctx.doc.createdKeyIds.includes(record.keyId)) ctx.doc.createdKeyIds.push(record.keyId);

  if (!link) {
    ctx.doc.strandedKeys = (ctx.doc.strandedKeys ?? []).filter((k) => k.keyId !== record.keyId);
    ctx.doc.pendingRegistration = { mode, appId: app.appId, appObjectId: app.objectId, displayName: app.displayName, certificate: record, createdAt: ctx.now.toISOString() };
    return result(mode, app.appId, app.displayName, record.keyId, cert, false, ctx.doc.credential.type);
  }
  try {
    return await link2(ctx, actor, mode, app.appId, app.objectId, app.displayName, cert, record.keyId, added);
  } catch (e) {
    if (added) ctx.doc.createdKeyIds = ctx.doc.createdKeyIds.filter((k) => k !== record.keyId);
    // A certificate whose key could not be taken off the application again is kept for the next attempt.
    if (createdHere && !isStranded(ctx, cert.sha256)) await ctx.keys.removeCertificate(cert).catch(() => undefined);
    throw e;
  }
}

async function link2(
  ctx: OpContext, actor: Actor, mode: ManagementMode, appId: string, appObjectId: string, displayName: string,
  cert: StoredCertificate, keyId: string, added: boolean,
): Promise<RegistrationResult> {
  const previous = ctx.doc.credential;
  const cred: ApplicationCredential = {
    type: 'Application', mode, appId, appObjectId, displayName,
    automaticRotation: mode === 'Managed', certificate: certificateRecord(cert, keyId),
  };
  await switchToApplication(ctx, actor, cred, cert, added);
  ctx.doc.pendingRegistration = null;
  // Re-registering on the same application replaces the server's previous certificate there.
  if (previous.type === 'Application' && previous.appId === appId && previous.certificate.keyId !== keyId && previous.mode !== 'BYOA') {
    await removeOldKey(ctx, actor, appId, previous.certificate);
    await discardManagedCertificate(ctx, previous.certificate);
  }
  return result(mode, appId, displayName, keyId, cert, true, 'Application');
}

function result(mode: ManagementMode, appId: string, name: string, keyId: string, cert: StoredCertificate, linked: boolean, type: 'Application' | 'ServiceAccount'): RegistrationResult {
  return {
    ConnectorIdentityType: type, ApplicationId: appId, ApplicationDisplayName: name,
    ApplicationManagedBy: mode === 'BYOA' ? 'Customer' : 'EntraConnect',
    CertificateManagedBy: mode === 'Managed' ? 'EntraConnect' : 'Customer',
    CertificateId: keyId, CertificateThumbprint: cert.thumbprint, CertificateSHA256Hash: normalizeHex(cert.sha256), Linked: linked,
  };
}
