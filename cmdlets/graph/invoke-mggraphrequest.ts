import * as fs from 'node:fs';
import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { PSHashtable } from '../../runtime/values/hashtable.js';
import { PSObject } from '../../runtime/values/psobject.js';
import type { TenantResponse } from '../../tenant/index.js';
import { resolveFilePath } from '../pki/file-io.js';
import { NOT_CONNECTED, aadstsText, httpErrorRecord, statusName, validationRecord } from './errors.js';
import { GRAPH_SERVICE, type GraphSession } from './graph-session.js';
import { bodyText, jsonToHashtable, jsonToPSObject } from './json-values.js';
import { resolveGraphUri, withQuery } from './request-uri.js';

const METHOD = T.enum('Microsoft.Graph.PowerShell.Authentication.Models.GraphRequestMethod', ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
const OUTPUT_TYPE = T.enum('Microsoft.Graph.PowerShell.Authentication.Models.OutputType', ['HashTable', 'PSObject', 'HttpResponseMessage', 'Json']);
const USER_AGENT = 'Mozilla/5.0 (Windows NT 10.0; Microsoft Windows 10.0.20348; en-US) PowerShell/7.4.6 Invoke-MgGraphRequest';

/**
 * Invoke-MgGraphRequest: a raw Graph call with the session's token. JSON answers come back as Hashtables (the
 * default -OutputType), PSCustomObjects, the JSON text or the response message; a failure status is a terminating
 * InvokeGraphHttpResponseException whose details hold the request line and Graph's error JSON.
 */
export class InvokeMgGraphRequestCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Invoke', noun: 'MgGraphRequest', module: 'Microsoft.Graph.Authentication',
    className: 'Microsoft.Graph.PowerShell.Authentication.Cmdlets.InvokeMgGraphRequest',
    aliases: ['Invoke-GraphRequest'],
    synopsis: 'Invokes REST requests to Microsoft Graph.',
    description: 'Sends an HTTP request to the emulated Microsoft Graph with the token of the current Connect-MgGraph session. Relative URIs without a version segment are sent to v1.0.',
    examples: [
      { title: 'Get a service principal by appId', code: "Invoke-MgGraphRequest -Method GET -Uri \"/v1.0/servicePrincipals(appId='6bf85cfa-ac8a-4be5-b5de-425a0d0dc016')?`$select=id\"" },
      { title: 'Assign an app role', code: 'Invoke-MgGraphRequest -Method POST -Uri "/v1.0/servicePrincipals(appId=\'$appId\')/appRoleAssignments" -Body $body' },
    ],
    outputType: ['System.Collections.Hashtable', 'System.Management.Automation.PSObject', 'System.String'],
    parameters: [
      param('Method', METHOD, { position: 0, description: 'Http Method', defaultValue: 'GET' }),
      param('Uri', T.Uri, { position: 1, mandatory: true, description: 'Uri to call can be segments such as /beta/me or fully qualified https://graph.microsoft.com/beta/me' }),
      param('Body', T.Object, { position: 2, valueFromPipeline: true, description: 'Request Body. Required when Method is Post or Patch' }),
      param('Headers', T.Hashtable, { position: 3, description: 'Optional Custom Headers' }),
      param('OutputFilePath', T.String, { position: 4, description: 'Output file where the response body will be saved' }),
      param('InferOutputFileName', T.Switch, { description: 'Infer output filename' }),
      param('InputFilePath', T.String, { description: 'Input file to send in the request' }),
      param('PassThru', T.Switch, { description: 'Indicates that the cmdlet returns the results, in addition to writing them to a file. Only valid when the OutFile parameter is also used.' }),
      param('SkipHeaderValidation', T.Switch, { description: 'Add headers to Request Header collection without validation' }),
      param('ContentType', T.String, { description: 'Custom Content Type' }),
      param('SessionVariable', T.String, { aliases: ['SV'], description: 'Specifies a web request session. Enter the variable name, including the dollar sign ($).' }),
      param('ResponseHeadersVariable', T.String, { aliases: ['RHV'], description: 'Response Headers Variable' }),
      param('StatusCodeVariable', T.String, { description: 'Response Status Code Variable' }),
      param('SkipHttpErrorCheck', T.Switch, { description: 'Skip Checking Http Errors' }),
      param('UserAgent', T.String, { description: 'Custom User Specified User Agent' }),
      param('OutputType', OUTPUT_TYPE, { description: 'Output Type to return to the caller.', defaultValue: 'HashTable' }),
    ],
  };

  Method = 'GET';
  Uri!: string;
  Body?: unknown;
  Headers?: PSHashtable;
  OutputFilePath?: string;
  InferOutputFileName = false;
  InputFilePath?: string;
  PassThru = false;
  SkipHeaderValidation = false;
  ContentType?: string;
  SessionVariable?: string;
  ResponseHeadersVariable?: string;
  StatusCodeVariable?: string;
  SkipHttpErrorCheck = false;
  UserAgent?: string;
  OutputType = 'HashTable';

  /** The real cmdlet's ValidateParameters, in its order; run per record because -Body may come from the pipeline. */
  private validate(method: string): void {
    if ((method === 'PATCH' || method === 'POST') && (this.Body === undefined || this.Body === null) && !this.InputFilePath) {
      this.throwTerminatingError(validationRecord(this, `Body is required when Method is ${method}`, 'InvokeGraphRequestBodyMissingWhenMethodIsSpecified', this.commandName));
    }
    if (this.PassThru && this.OutputFilePath === undefined) {
      this.throwTerminatingError(validationRecord(this, 'PassThru specified without OutputFilePath.  If PassThru is specified OutputFilePath must be specified as well.', 'InvokeGraphRequestOutFileMissingException', this.commandName));
    }
    if (!this.session.context) {
      this.throwTerminatingError(validationRecord(this, NOT_CONNECTED, 'InvokeGraphRequestAuthenticationTokenConflictException', this.commandName));
    }
    if (this.Body !== undefined && this.Body !== null && this.InputFilePath) {
      this.throwTerminatingError(validationRecord(this, 'The cmdlet cannot run because the following conflicting parameters are specified: Body and InputFilePath Specify either Body or InputFilePath, then retry.', 'InvokeGraphRequestBodyConflictException', this.commandName));
    }
  }

  private get session(): GraphSession { return this.context.service<GraphSession>(GRAPH_SERVICE); }

  override async processRecord(): Promise<void> {
    const method = this.Method.toUpperCase();
    this.validate(method);
    const ctx = this.session.context!;
    if (!this.Uri || !String(this.Uri).trim()) {
      this.throwTerminatingError(validationRecord(this, 'Empty string not allowed for Uri', 'InvokeGraphRequestInvalidHost', 'Uri'));
    }
    const resolved = resolveGraphUri(String(this.Uri), ctx.connection.graphHost);
    if (!resolved.ok) {
      this.throwTerminatingError(validationRecord(this, `Invalid Host ${resolved.host}`, 'InvokeGraphRequestInvalidHost', 'Uri'));
    }
    let url = resolved.url;
    let body: string | undefined;
    if (method === 'GET' && this.Body instanceof PSHashtable) {
      url = withQuery(url, this.Body.entries().map(([k, v]) => [String(k), v]));
    } else if (this.InputFilePath) {
      body = fs.readFileSync(resolveFilePath(this.context, this.InputFilePath), 'utf8');
    } else {
      body = bodyText(this.Body);
    }
    const display = ctx.connection.served ? url : resolved.display + url.slice(resolved.url.length);
    let bearer: string;
    try { bearer = await this.session.bearer(); } catch (e) {
      this.throwTerminatingError(this.error(`ClientCertificateCredential authentication failed: ${aadstsText(e)}`, 'InvokeGraphHttpResponseException', 'AuthenticationError', null, 'Azure.Identity.AuthenticationFailedException'));
    }
    const headers: Record<string, string> = { authorization: `Bearer ${bearer}`, 'user-agent': this.UserAgent ?? USER_AGENT, sdkversion: 'graph-powershell/2.25.0' };
    for (const [k, v] of this.Headers?.entries() ?? []) if (v !== null && v !== undefined) headers[String(k).toLowerCase()] = String(v);
    if (this.ContentType) headers['content-type'] = this.ContentType;
    else if (body !== undefined || method === 'POST') headers['content-type'] ??= 'application/json';
    this.writeVerbose(`${method} ${display} with ${Buffer.byteLength(body ?? '')}-byte payload`);

    let res: TenantResponse;
    try {
      res = await ctx.connection.handler.handle({ method, url, headers, body: body ?? '' });
    } catch (e) {
      this.throwTerminatingError(this.error(`An error occurred while sending the request. (${(e as Error).message})`, 'InvokeGraphHttpResponseException',
        'InvalidOperation', `Method: ${method}, RequestUri: '${display}'`, 'System.Net.Http.HttpRequestException'));
    }
    const contentType = Object.entries(res.headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
    this.writeVerbose(`received ${Buffer.byteLength(res.body)}-byte response of content type ${contentType}`);
    if (this.StatusCodeVariable) this.context.variables.set(this.StatusCodeVariable, res.status);
    if (this.ResponseHeadersVariable) this.context.variables.set(this.ResponseHeadersVariable, headerTable(res));
    if (!this.SkipHttpErrorCheck && (res.status < 200 || res.status > 299)) {
      this.throwTerminatingError(httpErrorRecord(this, method, display, res));
    }
    if (this.OutputFilePath) fs.writeFileSync(resolveFilePath(this.context, this.OutputFilePath), res.body);
    if (this.OutputFilePath && !this.PassThru) return;
    await this.emit(res);
  }

  private async emit(res: TenantResponse): Promise<void> {
    const type = this.OutputType.toLowerCase();
    if (type === 'httpresponsemessage') { await this.writeObject(responseMessage(res)); return; }
    if (res.body === '') return;
    if (type === 'json') { await this.writeObject(res.body); return; }
    let value: unknown;
    try { value = type === 'psobject' ? jsonToPSObject(res.body) : jsonToHashtable(res.body); } catch { value = res.body; }
    await this.writeObject(value);
  }
}

function headerTable(res: TenantResponse): PSHashtable {
  const h = new PSHashtable(false);
  for (const [k, v] of Object.entries(res.headers)) h.set(k, [v]);
  return h;
}

/** A stand-in for System.Net.Http.HttpResponseMessage: status, reason, headers and the content as text. */
function responseMessage(res: TenantResponse): PSObject {
  const [name, phrase] = statusName(res.status);
  const o = new PSObject(['System.Net.Http.HttpResponseMessage', 'System.Object']);
  o.addNote('Version', '1.1');
  o.addNote('StatusCode', name);
  o.addNote('ReasonPhrase', phrase);
  o.addNote('Headers', headerTable(res));
  o.addNote('Content', res.body);
  o.addNote('IsSuccessStatusCode', res.status >= 200 && res.status <= 299);
  return o;
}
