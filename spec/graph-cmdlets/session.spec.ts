import { expect } from 'chai';
import { PSHashtable } from '../../runtime/values/hashtable.js';
import { PSObject } from '../../runtime/values/psobject.js';
import { DEFAULT_PASSWORD, GraphRig, b64 } from './harness.js';
import { registerPkiProvider } from '../../cmdlets/pki/index.js';

describe('graph cmdlets: sign-in, context and requests', function () {
  this.timeout(30_000);
  let r: GraphRig;
  beforeEach(() => { r = new GraphRig(); });
  afterEach(() => r.dispose());

  it('delegated: the welcome text, then Get-MgContext shows the account, the granted scopes and the client', async () => {
    const res = await r.run('Connect-MgGraph -Scopes "Application.ReadWrite.All,AppRoleAssignment.ReadWrite.All"; $c = Get-MgContext; $c.Account; $c.AuthType; $c.ClientId; $c.Scopes; $c.AppName',
      'hybridadmin@contoso.onmicrosoft.com', DEFAULT_PASSWORD);
    expect(res.errors, res.errorText).to.have.length(0);
    expect(res.output).to.include('Welcome to Microsoft Graph!\n\nConnected via delegated access using 14d82eec-204b-4c2f-b7e8-296a70dab67e\n');
    expect(res.output).to.include('NOTE: You can use the -NoWelcome parameter to suppress this message.');
    expect(res.objects.slice(0, 3)).to.deep.equal(['hybridadmin@contoso.onmicrosoft.com', 'Delegated', '14d82eec-204b-4c2f-b7e8-296a70dab67e']);
    expect(res.objects).to.include.members(['Application.ReadWrite.All', 'AppRoleAssignment.ReadWrite.All', 'Microsoft Graph Command Line Tools']);
  });

  it('-Credential signs in without prompting; -NoWelcome prints nothing', async () => {
    const res = await r.run(`$cred = Get-Credential -UserName 'appadmin@contoso.onmicrosoft.com'
Connect-MgGraph -Credential $cred -NoWelcome
(Get-MgContext).Account`, DEFAULT_PASSWORD);
    expect(res.errors, res.errorText).to.have.length(0);
    expect(res.output).to.not.include('Welcome');
    expect(res.objects).to.deep.equal(['appadmin@contoso.onmicrosoft.com']);
  });

  it('responses: Hashtables by default (keys case-insensitive), PSObject, Json; hashtable and JSON bodies alike; absolute URIs', async () => {
    await r.run('Connect-MgGraph -Scopes "Application.ReadWrite.All" -NoWelcome', 'admin@contoso.onmicrosoft.com', DEFAULT_PASSWORD);
    const a = await r.run("$a = Invoke-MgGraphRequest -Method POST -Uri /v1.0/applications -Body @{ displayName = 'From a hashtable' }; $a; $a.APPID -eq $a.appId");
    expect(a.errors, a.errorText).to.have.length(0);
    expect(a.objects[0]).to.be.instanceOf(PSHashtable);
    expect(a.objects[1]).to.equal(true);
    const b = await r.run(`Invoke-MgGraphRequest -Method POST -Uri https://graph.microsoft.com/v1.0/applications -Body '{"displayName":"From JSON"}' -OutputType PSObject`);
    expect(b.errors, b.errorText).to.have.length(0);
    expect(b.objects[0]).to.be.instanceOf(PSObject);
    expect((b.objects[0] as PSObject).typeNames[0]).to.equal('System.Management.Automation.PSCustomObject');
    const c = await r.run("Invoke-MgGraphRequest -Uri \"/v1.0/applications?`$select=displayName\" -OutputType Json");
    expect(c.objects).to.have.length(1);
    const names = (JSON.parse(String(c.objects[0])) as { value: { displayName: string }[] }).value.map((x) => x.displayName);
    expect(names).to.include.members(['From a hashtable', 'From JSON']);
    const d = await r.run("(Invoke-MgGraphRequest -Uri '/beta/me').userPrincipalName");
    expect(d.objects).to.deep.equal(['admin@contoso.onmicrosoft.com']);
  });

  it('app-only with -CertificateThumbprint: the certificate is found in LocalMachine\\My after CurrentUser\\My, its key signs inside the provider', async () => {
    const cert = await r.certificate('CN=AppOnly');
    await r.run('Connect-MgGraph -Scopes "Application.ReadWrite.All" -NoWelcome', 'admin@contoso.onmicrosoft.com', DEFAULT_PASSWORD);
    const made = await r.run(`$app = Invoke-MgGraphRequest -Method POST -Uri /v1.0/applications -Body @{ displayName = 'App only'; keyCredentials = @(@{ type = 'AsymmetricX509Cert'; usage = 'Verify'; key = '${b64(cert.der)}' }) }
Invoke-MgGraphRequest -Method POST -Uri /v1.0/servicePrincipals -Body @{ appId = $app.appId } | Out-Null
$app.appId`);
    expect(made.errors, made.errorText).to.have.length(0);
    const appId = String(made.objects[0]);
    const res = await r.run(`Connect-MgGraph -ClientId ${appId} -TenantId contoso.onmicrosoft.com -CertificateThumbprint ${cert.thumbprint}
$c = Get-MgContext; $c.AuthType; $c.CertificateThumbprint; $c.ClientId; $c.Account`);
    expect(res.errors, res.errorText).to.have.length(0);
    expect(res.output).to.include(`Connected via apponly access using ${appId}`);
    expect(res.objects).to.deep.equal(['AppOnly', cert.thumbprint, appId, null]);
    // The app holds no Graph application permission: Graph refuses it.
    const denied = await r.run('Invoke-MgGraphRequest -Uri /v1.0/applications');
    expect(denied.errorText).to.include('Authorization_RequestDenied');
    const out = await r.run('(Disconnect-MgGraph).ClientId; Get-MgContext');
    expect(out.objects).to.deep.equal([appId]);
  });

  it('app-only with -Certificate from the Cert: drive', async () => {
    registerPkiProvider(r.session.engine.services.get('providers'), r.session.engine.services);
    const cert = await r.certificate('CN=FromDrive');
    await r.run('Connect-MgGraph -Scopes "Application.ReadWrite.All" -NoWelcome', 'admin@contoso.onmicrosoft.com', DEFAULT_PASSWORD);
    const made = await r.run(`$app = Invoke-MgGraphRequest -Method POST -Uri /v1.0/applications -Body @{ displayName = 'Drive'; keyCredentials = @(@{ key = '${b64(cert.der)}' }) }
Invoke-MgGraphRequest -Method POST -Uri /v1.0/servicePrincipals -Body @{ appId = $app.appId } | Out-Null; $app.appId`);
    const res = await r.run(`$c = Get-Item Cert:\\LocalMachine\\My\\${cert.thumbprint}; Connect-MgGraph -ClientId ${String(made.objects[0])} -TenantId c0a5e8d1-4b7f-4e2a-9d3c-6f1b2a7e9c40 -Certificate $c -NoWelcome; (Get-MgContext).CertificateSubjectName`);
    expect(res.errors, res.errorText).to.have.length(0);
    expect(res.objects).to.deep.equal(['CN=FromDrive']);
  });

  it('app-only failures: a thumbprint not in the stores, a malformed thumbprint, an application unknown to the tenant', async () => {
    const missing = await r.run(`Connect-MgGraph -ClientId 11111111-2222-4333-8444-555555555555 -TenantId contoso.onmicrosoft.com -CertificateThumbprint ${'AB'.repeat(20)}`);
    expect(missing.errors[0]!.message).to.equal(`${'AB'.repeat(20)} certificate was not found or has expired.`);
    const malformed = await r.run('Connect-MgGraph -ClientId 11111111-2222-4333-8444-555555555555 -TenantId contoso.onmicrosoft.com -CertificateThumbprint ABCD');
    expect(malformed.errors[0]!.category).to.equal('InvalidArgument');
    const cert = await r.certificate('CN=Unregistered');
    const unknown = await r.run(`Connect-MgGraph -ClientId 11111111-2222-4333-8444-555555555555 -TenantId contoso.onmicrosoft.com -CertificateThumbprint ${cert.thumbprint}`);
    expect(unknown.errors[0]!.message).to.match(/^ClientCertificateCredential authentication failed: AADSTS700016: /);
  });
});

describe('graph cmdlets: pipeline and headers', function () {
  this.timeout(30_000);
  let r: GraphRig;
  beforeEach(() => { r = new GraphRig(); });
  afterEach(() => r.dispose());

  it('-Body from the pipeline; -ResponseHeadersVariable; -OutputType HttpResponseMessage', async () => {
    await r.run('Connect-MgGraph -Scopes "Application.ReadWrite.All" -NoWelcome', 'admin@contoso.onmicrosoft.com', DEFAULT_PASSWORD);
    const piped = await r.run("'{\"displayName\":\"Piped\"}' | Invoke-MgGraphRequest -Method POST -Uri /v1.0/applications -ResponseHeadersVariable h | ForEach-Object { $_.displayName }; $h['request-id'].Count");
    expect(piped.errors, piped.errorText).to.have.length(0);
    expect(piped.objects).to.deep.equal(['Piped', 1]);
    const msg = await r.run("$m = Invoke-MgGraphRequest -Uri /v1.0/me -OutputType HttpResponseMessage; $m.StatusCode; $m.IsSuccessStatusCode; ($m.Content | ConvertFrom-Json).userPrincipalName");
    expect(msg.objects).to.deep.equal(['OK', true, 'admin@contoso.onmicrosoft.com']);
  });
});
