import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { PSCredential, SecureString } from '../../runtime/values/secure-string.js';
import { APP_ID, acquireAppToken, acquireUserToken, type AccessToken } from '../../tenant/index.js';
import { certificateOf, isStored } from '../pki/certificate-object.js';
import { pkiContext } from '../pki/pki-context.js';
import type { StoredCertificate } from '../../pki/index.js';
import { certificateSigner, findSigningCertificate } from './certificate-credential.js';
import { aadstsText, authFailedRecord, validationRecord } from './errors.js';
import { GRAPH_SERVICE, type GraphSession } from './graph-session.js';
import { grantedScopes, tokenClaims } from './token-claims.js';

const USER = 'UserParameterSet';
const APP = 'AppCertificateParameterSet';
const TOKEN = 'AccessTokenParameterSet';
const CONTEXT_SCOPE = T.enum('Microsoft.Graph.PowerShell.Authentication.ContextScope', ['Process', 'CurrentUser']);

/**
 * Connect-MgGraph: delegated sign-in of an emulated account (the real one opens a browser; here the account and its
 * password are asked for at the prompt, or taken from -Credential), app-only with a certificate from the Cert: drive
 * (-ClientId -TenantId -CertificateThumbprint or -Certificate), or a bearer token (-AccessToken).
 */
export class ConnectMgGraphCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Connect', noun: 'MgGraph', module: 'Microsoft.Graph.Authentication',
    className: 'Microsoft.Graph.PowerShell.Authentication.Cmdlets.ConnectMgGraph',
    defaultParameterSet: USER,
    aliases: ['Connect-Graph'],
    synopsis: 'Microsoft Graph PowerShell supports two types of authentication: delegated and app-only access.',
    description: 'Signs in to the emulated tenant. Delegated: the account and password are prompted for (the real cmdlet opens a browser). App-only: a certificate in Cert:\\CurrentUser\\My or Cert:\\LocalMachine\\My signs the client assertion through its key provider.',
    examples: [
      { title: 'Delegated access', code: 'Connect-MgGraph -Scopes "Application.ReadWrite.All","AppRoleAssignment.ReadWrite.All"' },
      { title: 'App-only access with a certificate', code: 'Connect-MgGraph -ClientId $appId -TenantId contoso.onmicrosoft.com -CertificateThumbprint $thumbprint' },
    ],
    parameters: [
      param('Scopes', T.array(T.String), { sets: [USER], position: 0, description: 'An array of delegated permissions to consent to.' }),
      param('ClientId', T.String, { sets: [USER, APP], aliases: ['AppId', 'ApplicationId'], description: 'The client id of your application.' }),
      param('CertificateSubjectName', T.String, { sets: [APP], aliases: ['CertificateSubject', 'CertificateName'], description: "The subject distinguished name of a certificate. The Certificate will be retrieved from the current user's certificate store." }),
      param('CertificateThumbprint', T.String, { sets: [APP], description: "The thumbprint of your certificate. The Certificate will be retrieved from the current user's certificate store." }),
      param('SendCertificateChain', T.Bool, { sets: [APP], description: 'Include x5c header in client claims when acquiring a token.' }),
      param('Certificate', T.Certificate, { sets: [APP], description: 'An X.509 certificate supplied during invocation.' }),
      param('AccessToken', T.SecureString, { sets: [TOKEN], mandatory: true, description: 'Specifies a bearer token for Microsoft Graph service.' }),
      param('TenantId', T.String, { sets: [USER, APP], aliases: ['Audience', 'Tenant'], description: 'The id of the tenant to connect to.' }),
      param('ContextScope', CONTEXT_SCOPE, { sets: [USER, APP], description: 'Determines the scope of authentication context.' }),
      param('Environment', T.String, { aliases: ['EnvironmentName', 'NationalCloud'], validateNotNullOrEmpty: true, description: 'The name of the national cloud environment to connect to. By default global cloud is used.' }),
      param('UseDeviceCode', T.Switch, { sets: [USER], aliases: ['UseDeviceAuthentication', 'DeviceCode', 'DeviceAuth', 'Device'], description: 'Use device code authentication instead of a browser control.' }),
      param('ClientTimeout', T.Double, { description: 'Sets the HTTP client timeout in seconds.' }),
      param('NoWelcome', T.Switch, { description: 'Hides the welcome message.' }),
      param('Credential', T.Credential, { sets: [USER], description: 'Emulator extension: the account and password to sign in with, instead of the prompt.' }),
    ],
  };

  Scopes?: string[];
  ClientId?: string;
  CertificateSubjectName?: string;
  CertificateThumbprint?: string;
  SendCertificateChain?: boolean;
  Certificate?: unknown;
  AccessToken?: SecureString;
  TenantId?: string;
  ContextScope?: 'Process' | 'CurrentUser';
  Environment?: string;
  UseDeviceCode = false;
  ClientTimeout?: number;
  NoWelcome = false;
  Credential?: PSCredential;

  private get session(): GraphSession { return this.context.service<GraphSession>(GRAPH_SERVICE); }

  override async processRecord(): Promise<void> {
    if (this.Environment !== undefined && this.Environment.toLowerCase() !== 'global') {
      this.throwTerminatingError(this.error(`Unable to find environment with name '${this.Environment}'. Call Get-MgEnvironment to list available environments.`,
        'InvalidEnvironment', 'InvalidOperation', this.Environment, 'System.Management.Automation.PSInvalidOperationException'));
    }
    if (this.parameterSetName === APP) await this.connectApp();
    else if (this.parameterSetName === TOKEN) await this.connectToken();
    else await this.connectUser();
  }

  private async connectUser(): Promise<void> {
    const scopes = (this.Scopes ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
    const requested = scopes.length ? scopes : ['User.Read'];
    const clientId = this.ClientId ?? APP_ID.graphPowerShell;
    let upn: string;
    let password: string;
    if (this.Credential) {
      upn = this.Credential.userName;
      password = this.Credential.password.reveal();
    } else {
      upn = (await this.context.host.readLine('Sign in to your account. Email, phone, or Skype: ')).trim();
      password = await this.context.host.readSecret(`Password for user ${upn}: `);
    }
    const conn = await this.session.connection(this.TenantId);
    let token: AccessToken;
    try {
      token = await acquireUserToken(conn, upn, password, requested, clientId);
    } catch (e) {
      this.writeError(authFailedRecord(this, `InteractiveBrowserCredential authentication failed: ${aadstsText(e)}`));
      return;
    }
    const claims = tokenClaims(token.accessToken);
    this.session.connect({
      clientId, tenantId: String(claims.tid ?? conn.tenantId), scopes: grantedScopes(claims), authType: 'Delegated',
      account: String(claims.upn ?? claims.unique_name ?? upn), appName: await this.appName(clientId),
      certificateThumbprint: null, certificateSubjectName: null, contextScope: this.ContextScope ?? 'CurrentUser',
      token: token.accessToken, expiresOn: token.expiresOn, connection: conn,
    });
    this.welcome('delegated', clientId);
  }

  private async connectApp(): Promise<void> {
    if (!this.ClientId) return this.throwTerminatingError(this.parameterError('ClientId'));
    if (!this.CertificateThumbprint && !this.CertificateSubjectName && this.Certificate === undefined) {
      return this.throwTerminatingError(this.parameterError('CertificateThumbprint or CertificateName or Certificate'));
    }
    if (this.CertificateThumbprint && this.CertificateThumbprint.length !== 40) {
      return this.throwTerminatingError(validationRecord(this, 'The provided CertificateThumbprint is invalid. A thumbprint is 40 hexadecimal characters.', 'InvalidCertificateThumbprint', this.CertificateThumbprint));
    }
    if (!this.TenantId) return this.throwTerminatingError(this.parameterError('TenantId'));
    const pki = pkiContext(this.context);
    let cert: StoredCertificate | undefined;
    let label: string;
    if (this.Certificate !== undefined) {
      const c = certificateOf(this.Certificate);
      cert = c && isStored(c) ? pki.stores.find(c.storePath, c.thumbprint) : undefined;
      label = c?.thumbprint ?? 'Certificate';
    } else if (this.CertificateThumbprint) {
      cert = findSigningCertificate(pki, this.CertificateThumbprint);
      label = this.CertificateThumbprint;
    } else {
      cert = this.bySubject(this.CertificateSubjectName!);
      label = this.CertificateSubjectName!;
    }
    if (!cert || !cert.keyRef) {
      this.writeError(authFailedRecord(this, `${label} certificate was not found or has expired.`, 'System.Exception'));
      return;
    }
    const conn = await this.session.connection(this.TenantId);
    const credential = { clientId: this.ClientId, signer: certificateSigner(pki, cert), clock: this.session.clock };
    let token: AccessToken;
    try {
      token = await acquireAppToken(conn, credential);
    } catch (e) {
      this.writeError(authFailedRecord(this, `ClientCertificateCredential authentication failed: ${aadstsText(e)}`));
      return;
    }
    const claims = tokenClaims(token.accessToken);
    this.session.connect({
      clientId: this.ClientId, tenantId: String(claims.tid ?? conn.tenantId), scopes: grantedScopes(claims), authType: 'AppOnly',
      account: null, appName: await this.appName(this.ClientId), certificateThumbprint: cert.thumbprint, certificateSubjectName: cert.subject,
      contextScope: this.ContextScope ?? 'Process', token: token.accessToken, expiresOn: token.expiresOn, connection: conn,
      renew: async () => { const t = await acquireAppToken(conn, credential); return { token: t.accessToken, expiresOn: t.expiresOn }; },
    });
    this.welcome('apponly', this.ClientId);
  }

  private async connectToken(): Promise<void> {
    const token = this.AccessToken!.reveal();
    const claims = tokenClaims(token);
    const conn = await this.session.connection(typeof claims.tid === 'string' ? claims.tid : undefined);
    const clientId = String(claims.appid ?? claims.azp ?? '');
    this.session.connect({
      clientId, tenantId: String(claims.tid ?? conn.tenantId), scopes: grantedScopes(claims), authType: 'Delegated',
      account: typeof claims.upn === 'string' ? claims.upn : null, appName: await this.appName(clientId), certificateThumbprint: null,
      certificateSubjectName: null, contextScope: 'Process', token, expiresOn: typeof claims.exp === 'number' ? new Date(claims.exp * 1000) : null, connection: conn,
    });
    this.welcome('userprovidedaccesstoken', clientId);
  }

  private bySubject(subject: string): StoredCertificate | undefined {
    const pki = pkiContext(this.context);
    const now = pki.clock.now().getTime();
    for (const location of ['CurrentUser\\My', 'LocalMachine\\My']) {
      const found = pki.stores.list(location)
        .filter((c) => c.subject.toLowerCase() === subject.toLowerCase() && c.notBefore.getTime() <= now && now <= c.notAfter.getTime())
        .sort((a, b) => b.notBefore.getTime() - a.notBefore.getTime())[0];
      if (found) return found;
    }
    return undefined;
  }

  private async appName(clientId: string): Promise<string | null> {
    try {
      const doc = (await this.session.tenant()).doc();
      return doc.servicePrincipals.find((s) => s.appId === clientId)?.displayName
        ?? doc.applications.find((a) => a.appId === clientId)?.displayName ?? null;
    } catch { return null; }
  }

  private parameterError(name: string) {
    return validationRecord(this, `Cannot bind parameter because parameter '${name}' is missing a value. Specify ${name}, then retry.`, 'ParameterMissing', name);
  }

  /** The v2 module's welcome text; written to the host, so `$x = Connect-MgGraph` captures nothing. */
  private welcome(kind: string, clientId: string): void {
    if (this.NoWelcome) return;
    const ui = this.context.host;
    ui.writeLine('Welcome to Microsoft Graph!');
    ui.writeLine();
    ui.writeLine(`Connected via ${kind} access using ${clientId}`);
    ui.writeLine('Readme: https://aka.ms/graph/sdk/powershell');
    ui.writeLine('SDK Docs: https://aka.ms/graph/sdk/powershell/docs');
    ui.writeLine('API Docs: https://aka.ms/graph/docs');
    ui.writeLine();
    ui.writeLine('NOTE: You can use the -NoWelcome parameter to suppress this message.');
    ui.writeLine();
  }
}
