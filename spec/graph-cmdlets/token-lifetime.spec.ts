import { expect } from 'chai';
import type { VirtualClock } from '../../state/index.js';
import { GraphHttpErrorRecord } from '../../cmdlets/graph/errors.js';
import { DEFAULT_PASSWORD, GraphRig, b64 } from './harness.js';

const HOUR = 3_600_000;

describe('graph cmdlets: token lifetimes on the virtual clock', function () {
  this.timeout(30_000);
  let r: GraphRig;
  beforeEach(() => { r = new GraphRig(); });
  afterEach(() => r.dispose());

  it('a delegated token expires with the clock: Graph answers 401 InvalidAuthenticationToken until the admin connects again', async () => {
    await r.run('Connect-MgGraph -Scopes "User.Read" -NoWelcome', 'admin@contoso.onmicrosoft.com', DEFAULT_PASSWORD);
    expect((await r.run('Invoke-MgGraphRequest -Uri /v1.0/me')).errors).to.have.length(0);
    (r.clock as VirtualClock).advance(2 * HOUR);
    const expired = await r.run('Invoke-MgGraphRequest -Uri /v1.0/me');
    const e = expired.errors[0] as GraphHttpErrorRecord;
    expect(e.statusCode).to.equal(401);
    expect(e.graphError?.code).to.equal('InvalidAuthenticationToken');
    await r.run('Connect-MgGraph -Scopes "User.Read" -NoWelcome', 'admin@contoso.onmicrosoft.com', DEFAULT_PASSWORD);
    expect((await r.run('Invoke-MgGraphRequest -Uri /v1.0/me')).errors).to.have.length(0);
  });

  it('an app-only token is renewed from the certificate: after two hours Graph judges the app (403), not a stale token (401)', async () => {
    const cert = await r.certificate('CN=Renew');
    await r.run('Connect-MgGraph -Scopes "Application.ReadWrite.All" -NoWelcome', 'admin@contoso.onmicrosoft.com', DEFAULT_PASSWORD);
    const made = await r.run(`$app = Invoke-MgGraphRequest -Method POST -Uri /v1.0/applications -Body @{ displayName = 'Renew'; keyCredentials = @(@{ key = '${b64(cert.der)}' }) }
Invoke-MgGraphRequest -Method POST -Uri /v1.0/servicePrincipals -Body @{ appId = $app.appId } | Out-Null; $app.appId`);
    await r.run(`Connect-MgGraph -ClientId ${String(made.objects[0])} -TenantId contoso.onmicrosoft.com -CertificateThumbprint ${cert.thumbprint} -NoWelcome`);
    (r.clock as VirtualClock).advance(2 * HOUR);
    const res = await r.run('Invoke-MgGraphRequest -Uri /v1.0/applications');
    expect((res.errors[0] as GraphHttpErrorRecord).statusCode).to.equal(403);
  });
});
