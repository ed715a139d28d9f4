import { expect } from 'chai';
import { GraphHttpErrorRecord, NOT_CONNECTED } from '../../cmdlets/graph/errors.js';
import { DEFAULT_PASSWORD, GraphRig } from './harness.js';

const INVOKE = 'Microsoft.Graph.PowerShell.Authentication.Cmdlets.InvokeMgGraphRequest';
const CONNECT = 'Microsoft.Graph.PowerShell.Authentication.Cmdlets.ConnectMgGraph';
const UNKNOWN = '0badc0de-0000-4000-8000-000000000001';

describe('graph cmdlets: errors as the Microsoft.Graph.Authentication module gives them', function () {
  this.timeout(30_000);
  let r: GraphRig;
  beforeEach(() => { r = new GraphRig(); });
  afterEach(() => r.dispose());

  const signIn = (upn = 'admin@contoso.onmicrosoft.com', scopes = '"Application.ReadWrite.All","AppRoleAssignment.ReadWrite.All"') =>
    r.run(`Connect-MgGraph -Scopes ${scopes} -NoWelcome`, upn, DEFAULT_PASSWORD);

  it('not signed in: "Authentication needed. Please call Connect-MgGraph."', async () => {
    const res = await r.run("try { Invoke-MgGraphRequest -Method GET -Uri /v1.0/applications } finally { 'after' }");
    expect(res.errors).to.have.length(1);
    expect(res.errors[0]!.message).to.equal(NOT_CONNECTED);
    expect(res.errors[0]!.fullyQualifiedErrorId).to.equal(`InvokeGraphRequestAuthenticationTokenConflictException,${INVOKE}`);
    expect(res.errors[0]!.category).to.equal('InvalidArgument');
    expect(res.objects).to.deep.equal(['after']);
    expect(res.errorText).to.include('Invoke-MgGraphRequest: Authentication needed. Please call Connect-MgGraph.');
  });

  it('unknown resource: 404 Request_ResourceNotFound in the error details, with the documented URI form', async () => {
    await signIn();
    const res = await r.run(`Invoke-MgGraphRequest -Method GET -Uri "/servicePrincipals/(appId=’${UNKNOWN}’)?\`$select=id"`);
    expect(res.errors).to.have.length(1);
    const e = res.errors[0] as GraphHttpErrorRecord;
    expect(e).to.be.instanceOf(GraphHttpErrorRecord);
    expect(e.fullyQualifiedErrorId).to.equal(`InvokeGraphHttpResponseException,${INVOKE}`);
    expect(e.category).to.equal('InvalidOperation');
    expect(e.statusCode).to.equal(404);
    expect(e.graphError?.code).to.equal('Request_ResourceNotFound');
    expect(e.exceptionMessage).to.equal('Response status code does not indicate success: NotFound (Not Found).');
    expect(e.message.split('\n')[0]).to.equal(`GET https://graph.microsoft.com/v1.0/servicePrincipals/(appId=’${UNKNOWN}’)?$select=id`);
    expect(res.errorText).to.include('HTTP/1.1 404 Not Found');
    expect(res.errorText).to.include('"code":"Request_ResourceNotFound"');
  });

  it('try/catch sees the failure; -SkipHttpErrorCheck returns the error body and -StatusCodeVariable the status', async () => {
    await signIn();
    const caught = await r.run(`try { Invoke-MgGraphRequest -Uri /v1.0/applications/${UNKNOWN} } catch { 'caught' }`);
    expect(caught.errors).to.have.length(0);
    expect(caught.objects).to.deep.equal(['caught']);
    const skipped = await r.run(`$e = Invoke-MgGraphRequest -Uri /v1.0/applications/${UNKNOWN} -SkipHttpErrorCheck -StatusCodeVariable sc; $sc; $e.error.code`);
    expect(skipped.errors).to.have.length(0);
    expect(skipped.objects).to.deep.equal([404, 'Request_ResourceNotFound']);
  });

  it('403 Authorization_RequestDenied for a user without an administrator role; the application is unchanged', async () => {
    await signIn();
    const created = await r.run("(Invoke-MgGraphRequest -Method POST -Uri /v1.0/applications -Body @{ displayName = 'Owned by admin' }).appId");
    const appId = String(created.objects[0]);
    await r.run('Disconnect-MgGraph | Out-Null');
    const user = await signIn('user@contoso.onmicrosoft.com', '"Application.ReadWrite.All"');
    expect(user.errors, user.errorText).to.have.length(0);
    const body = '{"requiredResourceAccess":[{"resourceAppId":"6bf85cfa-ac8a-4be5-b5de-425a0d0dc016","resourceAccess":[{"id":"ab43b826-2c7a-4aff-9ecd-d0629d0ca6a9","type":"Role"}]}]}';
    const res = await r.run(`Invoke-MgGraphRequest -Method PATCH -Uri "/v1.0/applications(appId='${appId}')" -Body '${body}'`);
    const e = res.errors[0] as GraphHttpErrorRecord;
    expect(e.statusCode).to.equal(403);
    expect(e.graphError).to.deep.equal({ code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' });
    expect(res.errorText).to.include('HTTP/1.1 403 Forbidden');
    expect(r.tenantDoc().applications.find((a) => a.appId === appId)!.requiredResourceAccess).to.deep.equal([]);
  });

  it('wrong password: Connect-MgGraph writes AADSTS50126 and leaves no context', async () => {
    const res = await r.run('Connect-MgGraph -Scopes "User.Read"; Get-MgContext', 'admin@contoso.onmicrosoft.com', 'not-the-password');
    expect(res.errors).to.have.length(1);
    expect(res.errors[0]!.fullyQualifiedErrorId).to.equal(CONNECT);
    expect(res.errors[0]!.message).to.match(/^InteractiveBrowserCredential authentication failed: AADSTS50126: /);
    expect(res.objects).to.have.length(0);
    expect(res.output).to.not.include('Welcome');
  });

  it('unknown tenant: AADSTS90002', async () => {
    const res = await r.run('Connect-MgGraph -TenantId fabrikam.onmicrosoft.com -Scopes "User.Read"', 'admin@contoso.onmicrosoft.com', DEFAULT_PASSWORD);
    expect(res.errors[0]!.message).to.include('AADSTS90002');
  });

  it('request validation: a POST without -Body, a host that is not Graph', async () => {
    await signIn();
    const noBody = await r.run('Invoke-MgGraphRequest -Method POST -Uri /v1.0/applications');
    expect(noBody.errors[0]!.fullyQualifiedErrorId).to.equal(`InvokeGraphRequestBodyMissingWhenMethodIsSpecified,${INVOKE}`);
    expect(noBody.errors[0]!.message).to.equal('Body is required when Method is POST');
    const host = await r.run('Invoke-MgGraphRequest -Uri https://example.com/v1.0/me');
    expect(host.errors[0]!.fullyQualifiedErrorId).to.equal(`InvokeGraphRequestInvalidHost,${INVOKE}`);
    expect(host.errors[0]!.message).to.equal('Invalid Host example.com');
  });

  it('a prompt the script cannot answer fails as in -NonInteractive', async () => {
    const res = await r.run('Connect-MgGraph');
    expect(res.errors[0]!.message).to.include('NonInteractive');
  });

  it('Disconnect-MgGraph when not connected: "No application to sign out from."', async () => {
    const res = await r.run('Disconnect-MgGraph');
    expect(res.errors[0]!.message).to.equal('No application to sign out from.');
  });
});
