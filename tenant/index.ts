/**
 * tenant/: the emulated Microsoft Entra tenant. This facade is what other modules import (docs/tenant.md).
 */
export { Tenant, type TenantOptions, type TenantFault } from './tenant.js';
export type { TenantRequest, TenantResponse } from './http.js';
export type { TenantDoc, UserRecord, ApplicationRecord, ServicePrincipalRecord, KeyCredentialRecord, AppRoleAssignmentRecord, AuditRecord, SeedOptions } from './model.js';
export { Directory } from './directory.js';
export { serviceAccountUpn } from './seed.js';
export { AadstsError, GraphError, TenantError, aadsts, graph as graphErrors, syncApi as syncApiErrors } from './errors.js';
export { InProcessNetworkClient, InProcessGraphMiddleware, type TenantHandler } from './in-process.js';
export { HttpsTenantClient } from './https-client.js';
export {
  inProcessConnection, servedConnection, confidentialClient, acquireAppToken, acquireUserToken, buildClientAssertion, graphClient,
  tenantRequest, exportChanges, SYNC_SCOPE, type TenantConnection, type AppCredential, type AssertionSigner, type AccessToken, type RawResponse,
} from './client.js';
export { APP_ID, APP_ROLE, ROLE, ROLE_NAMES, DEFAULT_TENANT_ID, DEFAULT_DOMAIN, DEFAULT_PASSWORD, DEFAULT_SERVER_NAME, PROOF_AUDIENCE } from './well-known.js';
export { SYNC_DOC, SERVICE_ACCOUNT_ACTIVATION_MS, type SyncDoc } from './sync-api.js';
export { serve, servedEndpoint, isLoopback, ENDPOINT_DOC, type ServeOptions, type ServedTenant, type ServedEndpoint } from './serve.js';
export { localCa } from './local-ca.js';
