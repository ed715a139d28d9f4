/**
 * Every error the tenant can return, in one place (Azurite's error-factory style): AADSTS errors of the
 * token endpoint, Graph errors, sync-API errors, and the domain errors other modules catch.
 * Texts follow what Entra and Graph were seen to return (see docs/tenant.md); clients must code against
 * codes, not texts, as Microsoft says.
 */

const CERT_DOC = 'Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials .';

/** A token-endpoint error: rendered as Entra's OAuth error JSON. */
export class AadstsError extends Error {
  readonly errorId: string;
  readonly category: string;
  constructor(readonly status: number, readonly error: string, readonly code: number, readonly text: string) {
    super(`AADSTS${code}: ${text}`);
    this.name = 'AadstsError';
    this.errorId = `AADSTS${code}`;
    this.category = status === 401 ? 'AuthenticationError' : 'InvalidArgument';
  }
}

function keyReason(reason: string, thumbprint: string, appId: string, found?: { start: string; end: string }): string {
  const foundPart = found ? `, Found key 'Start=${found.start}, End=${found.end}'` : '';
  return `[Reason - ${reason}, Thumbprint of key used by client: '${thumbprint}'${foundPart}, Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${appId}'. Review the documentation at https://docs.microsoft.com/en-us/graph/deployments to determine the corresponding service endpoint and https://docs.microsoft.com/en-us/graph/api/application-get?view=graph-rest-1.0&tabs=http to build a query request URL, such as 'https://graph.microsoft.com/beta/applications/{appObjectId}'.]`;
}

export const aadsts = {
  tenantNotFound: (tenant: string) => new AadstsError(400, 'invalid_request', 90002,
    `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`),
  postOnly: (method: string) => new AadstsError(400, 'invalid_request', 900561,
    `The endpoint only accepts POST requests. Received a ${method} request.`),
  missingParameter: (name: string) => new AadstsError(400, 'invalid_request', 900144,
    `The request body must contain the following parameter: '${name}'.`),
  unsupportedGrantType: (grant: string) => new AadstsError(400, 'unsupported_grant_type', 70003,
    `The app requested an unsupported grant type '${grant}'.`),
  scopeNotDefault: (scope: string) => new AadstsError(400, 'invalid_scope', 1002012,
    `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`),
  invalidScope: (scope: string) => new AadstsError(400, 'invalid_scope', 70011,
    `The provided value for the input parameter 'scope' is not valid. The scope ${scope} is not valid.`),
  multipleResources: (scope: string) => new AadstsError(400, 'invalid_scope', 700022,
    `The provided value for the input parameter scope is not valid because it contains more than one resource. Scope ${scope} is not valid.`),
  credentialRequired: () => new AadstsError(401, 'invalid_client', 7000218,
    `The request body must contain the following parameter: 'client_assertion' or 'client_secret'.`),
  applicationNotFound: (appId: string, tenant: string) => new AadstsError(400, 'unauthorized_client', 700016,
    `Application with identifier '${appId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`),
  applicationDisabled: (appId: string, name: string) => new AadstsError(400, 'unauthorized_client', 7000112,
    `Application '${appId}'(${name}) is disabled.`),
  servicePrincipalMissing: (appId: string, tenant: string) => new AadstsError(400, 'invalid_client', 7000229,
    `The client application ${appId} is missing service principal in the tenant ${tenant}. See instructions here: https://go.microsoft.com/fwlink/?linkid=2225119`),
  malformedJwt: () => new AadstsError(400, 'invalid_request', 50027,
    'JWT token is invalid or malformed.'),
  keyNotFound: (thumbprint: string, appId: string) => new AadstsError(401, 'invalid_client', 700027,
    `The certificate with identifier used to sign the client assertion is not registered on application. ${keyReason('The key was not found.', thumbprint, appId)}`),
  keyExpired: (thumbprint: string, appId: string, found: { start: string; end: string }) => new AadstsError(401, 'invalid_client', 700027,
    `Client assertion contains an invalid signature. ${keyReason('The key used is expired.', thumbprint, appId, found)}`),
  keyNotYetValid: (thumbprint: string, appId: string, found: { start: string; end: string }) => new AadstsError(401, 'invalid_client', 700027,
    `Client assertion contains an invalid signature. ${keyReason('The key used is not yet valid.', thumbprint, appId, found)}`),
  badSignature: (thumbprint: string, appId: string, found: { start: string; end: string }) => new AadstsError(401, 'invalid_client', 700027,
    `Client assertion contains an invalid signature. ${keyReason('Key was found, but use of the key to verify the signature failed.', thumbprint, appId, found)}`),
  wrongAudience: () => new AadstsError(401, 'invalid_client', 700023,
    `Client assertion audience claim does not match Realm issuer. ${CERT_DOC}`),
  subjectMismatch: () => new AadstsError(401, 'invalid_client', 50048,
    'Subject mismatches Issuer claim in the client assertion.'),
  issuerMismatch: () => new AadstsError(401, 'invalid_client', 700021,
    `Client assertion application identifier doesn't match 'client_id' parameter. ${CERT_DOC}`),
  assertionTimeRange: (now: string, from: string, to: string) => new AadstsError(401, 'invalid_client', 700024,
    `Client assertion is not within its valid time range. Current time: ${now}, assertion valid from ${from}, expiry time of assertion ${to}. ${CERT_DOC}`),
  resourceNotFound: (resource: string, tenant: string) => new AadstsError(400, 'invalid_resource', 500011,
    `The resource principal named ${resource} was not found in the tenant named ${tenant}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`),
  invalidCredentials: () => new AadstsError(400, 'invalid_grant', 50126,
    'Error validating credentials due to invalid username or password.'),
  /** The text events 6900/659 quote when the connector account's password was reset behind the server's back (reference §4). */
  oldPassword: () => new AadstsError(400, 'invalid_grant', 70002,
    'Error validating credentials. AADSTS50054: Old password is used for authentication.'),
  userNotFound: (tenant: string) => new AadstsError(400, 'invalid_grant', 50034,
    `The user account {EUII Hidden} does not exist in the ${tenant} directory. To sign into this application, the account must be added to the directory.`),
  userDisabled: () => new AadstsError(400, 'invalid_grant', 50057,
    'The user account is disabled.'),
  unknownInstance: () => new AadstsError(400, 'invalid_instance', 50049,
    'Unknown or invalid instance.'),
  unavailable: () => new AadstsError(400, 'temporarily_unavailable', 90033,
    'A transient error has occurred. Please try again.'),
};

/** A Graph (or sync API) error: rendered as {"error":{"code","message","innerError"}}. */
export class GraphError extends Error {
  readonly errorId: string;
  readonly category: string;
  constructor(readonly status: number, readonly code: string, message: string, readonly headers: Record<string, string> = {}) {
    super(message);
    this.name = 'GraphError';
    this.errorId = code;
    this.category = status === 401 ? 'AuthenticationError' : status === 403 ? 'PermissionDenied' : status === 404 ? 'ObjectNotFound' : 'InvalidArgument';
  }
}

const WWW_AUTH = 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"';

export const graph = {
  notFound: (id: string) => new GraphError(404, 'Request_ResourceNotFound',
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`),
  denied: () => new GraphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'),
  tokenEmpty: () => new GraphError(401, 'InvalidAuthenticationToken', 'Access token is empty.', { 'www-authenticate': WWW_AUTH }),
  tokenMalformed: () => new GraphError(401, 'InvalidAuthenticationToken', 'IDX14100: JWT is not well formed, there are no dots (.).', { 'www-authenticate': WWW_AUTH }),
  tokenInvalid: () => new GraphError(401, 'InvalidAuthenticationToken', 'Access token validation failure.', { 'www-authenticate': WWW_AUTH }),
  tokenAudience: () => new GraphError(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.', { 'www-authenticate': WWW_AUTH }),
  tokenExpired: () => new GraphError(401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.', { 'www-authenticate': WWW_AUTH }),
  proofInvalid: () => new GraphError(401, 'Authentication_MissingOrMalformed', 'Access Token missing or malformed.'),
  badJson: () => new GraphError(400, 'BadRequest', 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.'),
  badRequest: (message: string) => new GraphError(400, 'Request_BadRequest', message),
  invalidId: (id: string) => new GraphError(400, 'Request_BadRequest', `Invalid object identifier '${id}'.`),
  segment: (segment: string) => new GraphError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`),
  methodNotAllowed: (method: string) => new GraphError(405, 'Request_BadRequest', `The HTTP method '${method}' is not allowed for this resource.`),
  unknownProperty: (prop: string, type: string) => new GraphError(400, 'Request_BadRequest', `Could not find a property named '${prop}' on type 'microsoft.graph.${type}'.`),
  meNeedsUser: () => new GraphError(400, 'BadRequest', '/me request is only valid with delegated authentication flow.'),
  duplicateAssignment: () => new GraphError(400, 'Request_BadRequest', 'Permission being assigned already exists on the object'),
  roleNotOnResource: (resourceAppId: string) => new GraphError(400, 'Request_BadRequest', `Permission being assigned was not found on application '${resourceAppId}'.`),
  principalMismatch: () => new GraphError(400, 'Request_BadRequest', "The principalId in the request body must be the service principal addressed in the URL."),
  resourceMismatch: () => new GraphError(400, 'Request_BadRequest', "The resourceId in the request body must be the service principal addressed in the URL."),
  missingProperty: (prop: string) => new GraphError(400, 'Request_BadRequest', `A value is required for property '${prop}' of resource 'appRoleAssignment'.`),
  noBackingApp: (appId: string) => new GraphError(400, 'Request_BadRequest', `The appId '${appId}' of the service principal does not reference a valid application object.`),
  duplicateServicePrincipal: () => new GraphError(409, 'Request_MultipleObjectsWithSameKeyValue', 'Another object with the same value for property servicePrincipalNames already exists.'),
  duplicateUser: () => new GraphError(400, 'Request_BadRequest', 'Another object with the same value for property userPrincipalName already exists.'),
  invalidKey: (detail: string) => new GraphError(400, 'Request_BadRequest', `Invalid value specified for property 'keyCredentials' of resource 'application'. ${detail}`),
  invalidUsage: () => new GraphError(400, 'Request_BadRequest', 'The value for the property "usage" in one of your credentials is invalid. Acceptable values are Sign, Verify.'),
  invalidType: () => new GraphError(400, 'Request_BadRequest', 'The value for the property "type" in one of your credentials is invalid. Acceptable values are AsymmetricX509Cert, Symmetric.'),
  keyIdentifierTooLong: () => new GraphError(400, 'Request_BadRequest', 'When present, application key identifier cannot be empty and can be at most 32 bytes.'),
  keyNotFound: (keyId: string) => new GraphError(404, 'Request_ResourceNotFound', `No credential with keyId '${keyId}' was found on the object.`),
  invalidValue: (prop: string, type: string) => new GraphError(400, 'Request_BadRequest', `Invalid value specified for property '${prop}' of resource '${type}'.`),
  payloadTooLarge: () => new GraphError(413, 'Request_EntityTooLarge', 'The request payload is too large.'),
  unavailable: () => new GraphError(503, 'serviceNotAvailable', 'The service is temporarily unavailable. Please try again later.'),
  unsupportedQuery: (q: string) => new GraphError(400, 'Request_UnsupportedQuery', `Unsupported query: ${q}`),
};

/** Errors of the sync API (POST /syncapi/...): Graph-shaped JSON, Entra's "Access Denied" wording. */
export const syncApi = {
  tokenMissing: () => new GraphError(401, 'InvalidAuthenticationToken', 'Access token is empty.'),
  tokenInvalid: () => new GraphError(401, 'InvalidAuthenticationToken', 'Access token validation failure.'),
  tokenExpired: () => new GraphError(401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.'),
  wrongAudience: () => new GraphError(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience: the token is not for the Microsoft Entra AD Synchronization Service (6bf85cfa-ac8a-4be5-b5de-425a0d0dc016).'),
  noPermission: () => new GraphError(403, 'AccessDenied', 'Access Denied. The caller has neither the ADSynchronization.ReadWrite.All application permission nor the Directory Synchronization Accounts role.'),
  notYetEffective: () => new GraphError(403, 'AccessDenied', 'Access Denied. The Directory Synchronization Accounts role of this account is not effective yet; a re-created account can take up to 15 minutes to take effect.'),
  adminRequired: () => new GraphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation. A Hybrid Identity Administrator or Global Administrator is required.'),
  badExport: (message: string) => new GraphError(400, 'Request_BadRequest', message),
  connectorRequired: () => new GraphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation. Only the directory synchronization account (Directory Synchronization Accounts role) can provision the Connect Sync application.'),
  notOwnApplication: (name: string, server: string) => new GraphError(403, 'Authorization_RequestDenied', `Insufficient privileges to complete the operation. The application '${name}' is not the Connect Sync application of server '${server}'.`),
  accountNotFound: (name: string) => new GraphError(404, 'Request_ResourceNotFound', `Resource '${name}' does not exist or one of its queried reference-property objects are not present.`),
  notProvisionedKey: (keyId: string, app: string) => new GraphError(403, 'Authorization_RequestDenied', `Insufficient privileges to complete the operation. The key credential '${keyId}' of application '${app}' was not provisioned by the directory synchronization account; remove it with removeKey and a proof of possession, or as an administrator.`),
};

/** A domain error for callers using the tenant's functions directly (no HTTP). */
export class TenantError extends Error {
  constructor(readonly errorId: string, readonly category: string, message: string) {
    super(message);
    this.name = 'TenantError';
  }
}

export const tenantErrors = {
  notListening: (host: string) => new TenantError('NonLoopbackBindRefused', 'SecurityError',
    `Refusing to serve the emulated tenant on '${host}': it is not a loopback address. Pass allowRemote (syncshell serve --allow-remote) to bind it anyway.`),
  serviceAccountNotFound: (name: string) => new TenantError('ServiceAccountNotFound', 'ObjectNotFound',
    `The service account '${name}' was not found in the directory.`),
  userNotFound: (upn: string) => new TenantError('UserNotFound', 'ObjectNotFound', `The user '${upn}' was not found in the directory.`),
  weakPassword: () => new TenantError('PasswordTooWeak', 'InvalidArgument',
    'The password does not comply with the password complexity requirements: at least 8 characters from three of upper case, lower case, digits and symbols.'),
};
