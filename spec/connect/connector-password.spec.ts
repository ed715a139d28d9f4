import { expect } from 'chai';
import { realRig, HIA, type RealRig } from './real-rig.js';
import { inProcessConnection, acquireUserToken, tenantRequest, DEFAULT_PASSWORD, DEFAULT_DOMAIN, SYNC_SCOPE, APP_ID } from '../../tenant/index.js';
import type { ConnectError } from '../../connect/index.js';

const MIN = 60_000;
const GA = { userPrincipalName: `admin@${DEFAULT_DOMAIN}`, password: DEFAULT_PASSWORD };
const OLD_PASSWORD = 'AADSTS70002: Error validating credentials. AADSTS50054: Old password is used for authentication.';

async function cycle(r: RealRig) {
  await r.server.startSyncCycle('Delta');
  r.manual.advance(10 * MIN);
  return r.server.getRunProfileResults({ numberRequested: 3 }).find((x) => x.RunProfileName === 'Export');
}
async function rejects(p: Promise<unknown>): Promise<Error & { errorId?: string }> {
  try { await p; } catch (e) { return e as ConnectError; }
  throw new Error('expected the operation to fail');
}
/** A token for the sync API with a password, as the legacy connector asks for one (msal-node username/password). */
async function syncToken(r: RealRig, upn: string, password: string) {
  return acquireUserToken(inProcessConnection(r.tenant), upn, password, [SYNC_SCOPE], APP_ID.entraConnect);
}
/** What an admin does outside Connect: a Graph password reset of the connector account (PATCH passwordProfile). */
async function graphPasswordReset(r: RealRig, upn: string, password: string) {
  const conn = inProcessConnection(r.tenant);
  const token = (await acquireUserToken(conn, GA.userPrincipalName, GA.password, ['https://graph.microsoft.com/Directory.AccessAsUser.All'])).accessToken;
  const res = await tenantRequest(conn, token, 'PATCH', `/v1.0/users/${encodeURIComponent(upn)}`, { passwordProfile: { password } });
  expect(res.status, JSON.stringify(res.body)).to.equal(204);
}

describe('connect: the legacy connector account\'s password (Add-ADSyncAADServiceAccount resets it)', function () {
  this.timeout(120_000);
  let r: RealRig;
  beforeEach(() => { r = realRig(); });
  afterEach(() => r.cleanup());

  it('without -Name: the admin resets the current account\'s password through the sync API; same object, same role, no 15-minute wait; the old password is refused as old', async () => {
    const before = r.server.read().credential;
    if (before.type !== 'ServiceAccount') throw new Error('seeded on the legacy account');
    const userBefore = r.tenant.doc().users.find((u) => u.userPrincipalName === before.userPrincipalName)!;
    const res = await r.server.addServiceAccount(HIA);
    expect(res.Created).to.equal(false);
    const after = r.server.read().credential;
    if (after.type !== 'ServiceAccount') throw new Error('still on the legacy account');
    expect(after.userPrincipalName).to.equal(before.userPrincipalName);
    expect(after.password).to.not.equal(before.password);
    const userAfter = r.tenant.doc().users.find((u) => u.userPrincipalName === before.userPrincipalName)!;
    expect(userAfter.id).to.equal(userBefore.id);
    expect(userAfter.roles).to.deep.equal(userBefore.roles);
    expect(userAfter.rolesEffectiveDateTime).to.equal(userBefore.rolesEffectiveDateTime);
    const audit = r.tenant.doc().audit.filter((a) => a.activityDisplayName === 'Reset user password');
    expect(audit.map((a) => [a.initiatedBy.user?.userPrincipalName, a.targetResources[0].id])).to.deep.equal([[HIA.userPrincipalName, userBefore.id]]);
    // the server signs in with the new password at once; the old one is now an old password
    expect((await cycle(r))?.Result).to.equal('success');
    const e = await rejects(syncToken(r, before.userPrincipalName, before.password));
    expect(e.message).to.contain(OLD_PASSWORD);
    const wrong = await rejects(syncToken(r, before.userPrincipalName, 'Not-the-password-1'));
    expect(wrong.message).to.contain('AADSTS50126');
  });

  it('a Graph password change outside Connect: sync fails with AADSTS50054 (906, 659, run history) until Add-ADSyncAADServiceAccount resets it', async () => {
    const cred = r.server.read().credential;
    if (cred.type !== 'ServiceAccount') throw new Error('seeded on the legacy account');
    expect((await cycle(r))?.Result).to.equal('success');
    await graphPasswordReset(r, cred.userPrincipalName, 'Changed-by-GA-2026!');
    // the cached token stays valid for its lifetime; the next token request fails
    r.manual.advance(2 * 3600_000);
    await r.server.touchOnPremObjects(2);
    const failed = await cycle(r);
    expect(failed?.Result).to.equal('stopped-extension-dll-exception');
    expect(failed?.RunStepResults[0].ConnectorDiscoveryErrors).to.contain(OLD_PASSWORD);
    const e659 = r.server.getEvents({ instanceId: [659] });
    expect(e659).to.have.length(1);
    expect(e659[0].Message).to.equal(`Error while retrieving password policy sync configuration. Microsoft.IdentityModel.Clients.ActiveDirectory.AdalServiceException: ${OLD_PASSWORD}`);
    expect(e659[0].EntryType).to.equal('Error');
    expect(r.server.getEvents({ instanceId: [906] })[0].Message).to.contain(OLD_PASSWORD);
    // the documented fix
    await r.server.addServiceAccount(HIA);
    const fixed = await cycle(r);
    expect(fixed?.Result).to.equal('success');
    expect(fixed?.RunStepResults[0].ExportUpdate).to.be.at.least(2);
  });

  it('-Name of an existing account resets it and points the connector at it; -Name of a new account creates it (15-minute wait)', async () => {
    const legacy = r.server.read().legacyAccount;
    const name = legacy.name;
    // already the current one: a reset
    let res = await r.server.addServiceAccount(HIA, name);
    expect(res.Created).to.equal(false);
    expect((await cycle(r))?.Result).to.equal('success');
    // a new server name: created, and it waits its 15 minutes
    res = await r.server.addServiceAccount(HIA, 'Sync_CONNECT02');
    expect(res.Created).to.equal(true);
    expect(res.UserPrincipalName).to.match(/^Sync_CONNECT02_[0-9a-f]{12}@/);
    await r.server.touchOnPremObjects(1);
    const denied = await cycle(r);
    expect(denied?.Result).to.equal('stopped-extension-dll-exception');
    r.manual.advance(15 * MIN);
    expect((await cycle(r))?.Result).to.equal('success');
    // back to the first account by name: it exists, so its password is reset and it works at once
    res = await r.server.addServiceAccount(HIA, name);
    expect(res.Created).to.equal(false);
    await r.server.touchOnPremObjects(1);
    expect((await cycle(r))?.Result).to.equal('success');
  });

  it('the sync API\'s resetPassword route: administrators only, audited, 404 for an unknown account', async () => {
    const conn = inProcessConnection(r.tenant);
    const base = `/syncapi/v1.0/${r.tenant.doc().tenantId}/serviceAccounts`;
    const name = r.server.read().legacyAccount.name;
    const user = (await acquireUserToken(conn, `user@${DEFAULT_DOMAIN}`, DEFAULT_PASSWORD, ['https://graph.microsoft.com/Directory.AccessAsUser.All'])).accessToken;
    const denied = await tenantRequest(conn, user, 'POST', `${base}/${name}/resetPassword`);
    expect(denied.status).to.equal(403);
    const hia = (await acquireUserToken(conn, HIA.userPrincipalName, HIA.password, ['https://graph.microsoft.com/Directory.AccessAsUser.All'])).accessToken;
    const missing = await tenantRequest(conn, hia, 'POST', `${base}/Sync_NOPE_000000000000/resetPassword`);
    expect(missing.status).to.equal(404);
    const get = await tenantRequest(conn, hia, 'GET', `${base}/${name}/resetPassword`);
    expect(get.status).to.equal(405);
    const ok = await tenantRequest(conn, hia, 'POST', `${base}/${name}/resetPassword`);
    expect(ok.status).to.equal(200);
    const body = ok.body as { userPrincipalName: string; password: string };
    expect(body.userPrincipalName.toLowerCase()).to.equal(r.server.read().legacyAccount.userPrincipalName.toLowerCase());
    expect((await syncToken(r, body.userPrincipalName, body.password)).accessToken).to.be.a('string');
    // the server still holds the password before this reset: its next token request is "old password"
    r.manual.advance(2 * 3600_000);
    await r.server.touchOnPremObjects(1);
    expect((await cycle(r))?.RunStepResults[0].ConnectorDiscoveryErrors).to.contain('AADSTS50054');
  });
});
