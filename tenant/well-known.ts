/** Identifiers the documents and Microsoft publish; the emulator uses them verbatim so copied scripts work. */

export const DEFAULT_TENANT_ID = 'c0a5e8d1-4b7f-4e2a-9d3c-6f1b2a7e9c40';
export const DEFAULT_DOMAIN = 'contoso.onmicrosoft.com';
export const DEFAULT_PASSWORD = 'Pa$$w0rd-Contoso1';
export const DEFAULT_SERVER_NAME = 'CONNECT01';

export const APP_ID = {
  adSync: '6bf85cfa-ac8a-4be5-b5de-425a0d0dc016',
  passwordReset: '93625bc8-bfe2-437a-97e0-3d0060024faa',
  graph: '00000003-0000-0000-c000-000000000000',
  aadGraph: '00000002-0000-0000-c000-000000000000',
  /** Public clients admins sign in through (ROPC): Microsoft Graph PowerShell, Azure AD PowerShell, Entra Connect. */
  graphPowerShell: '14d82eec-204b-4c2f-b7e8-296a70dab67e',
  azureAdPowerShell: '1b730954-1685-4b74-9bfa-1ba9d8b9ad1b',
  entraConnect: 'cb1056e2-e479-49de-ae31-7812af012ed8',
} as const;

/** Microsoft's own tenant, owner of the first-party applications. */
export const MICROSOFT_SERVICES_TENANT = 'f8cdef31-a31e-4b4a-93e4-5f571e91255a';

export const ROLE = {
  globalAdministrator: '62e90394-69f5-4237-9190-012177145e10',
  hybridIdentityAdministrator: '8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2',
  applicationAdministrator: '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3',
  cloudApplicationAdministrator: '158c047a-c907-4556-b7ef-446551a6b5f7',
  privilegedRoleAdministrator: 'e8611ab8-c189-46e8-94e1-60213ab1f814',
  directorySynchronizationAccounts: 'd29b2b05-8046-44ba-8758-1e26182fcf32',
} as const;

export const ROLE_NAMES: Record<string, string> = {
  [ROLE.globalAdministrator]: 'Global Administrator',
  [ROLE.hybridIdentityAdministrator]: 'Hybrid Identity Administrator',
  [ROLE.applicationAdministrator]: 'Application Administrator',
  [ROLE.cloudApplicationAdministrator]: 'Cloud Application Administrator',
  [ROLE.privilegedRoleAdministrator]: 'Privileged Role Administrator',
  [ROLE.directorySynchronizationAccounts]: 'Directory Synchronization Accounts',
};

export const APP_ROLE = {
  adSyncReadWriteAll: 'ab43b826-2c7a-4aff-9ecd-d0629d0ca6a9',
  pwOffboardClient: '69201c67-737b-4a20-8f16-e0c8c64e0b0e',
  pwRegisterClientVersion: 'e006e431-a65b-4f3e-8808-77d29d4c5f1a',
  pwRefreshClient: 'fc7e8088-95b5-453e-8bef-b17ecfec5ba3',
} as const;

/** Microsoft Graph application permissions (app roles) the subset authorises against. */
export const GRAPH_APP_ROLES: Record<string, string> = {
  'Application.Read.All': '9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30',
  'Application.ReadWrite.All': '1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9',
  'Application.ReadWrite.OwnedBy': '18a4783c-866b-4cc7-a460-3d5e5662c884',
  'AppRoleAssignment.ReadWrite.All': '06b708a9-e830-4db3-a914-8e69da51d44f',
  'Directory.Read.All': '7ab1d382-f21e-4acd-a863-ba3e13f7da61',
  'Directory.ReadWrite.All': '19dbc75e-c2e2-444c-a770-ec69d8559fc7',
  'User.Read.All': 'df021288-bdef-4463-88db-98f22de89214',
  'User.ReadWrite.All': '741f803b-c850-494e-b5df-cde7c675a1ca',
  'AuditLog.Read.All': 'b0afded3-3588-46d8-8b3d-9842eff778da',
};

/** Microsoft Graph delegated permissions (oauth2PermissionScopes). */
export const GRAPH_SCOPES: Record<string, string> = {
  'User.Read': 'e1fe6dd8-ba31-4d61-89e7-88639da4683d',
  'User.Read.All': 'a154be20-db9c-4678-8ab7-66f6cc099a59',
  'User.ReadBasic.All': 'b340eb25-3456-403f-be2f-af7a0d370277',
  'Application.Read.All': 'c79f8feb-a9db-4090-85f9-90d820caa0eb',
  'Application.ReadWrite.All': 'bdfbf15f-ee85-4955-8675-146e8e5296b5',
  'AppRoleAssignment.ReadWrite.All': '84bccea3-f856-4a8a-967b-dbe0a3d53a64',
  'Directory.Read.All': '06da0dbc-49e2-44d2-8312-53f166ab848a',
  'Directory.ReadWrite.All': 'c5366453-9fb0-48a5-a156-24f0c49a4b84',
  'Directory.AccessAsUser.All': '0e263e50-5827-48a4-b97c-d940288653c7',
  'AuditLog.Read.All': 'e4c9e354-4dc5-45b8-9e7c-e1393b0b1a20',
};

/** The delegated scope the AD Synchronization Service exposes to the legacy connector account. */
export const ADSYNC_SCOPE = { value: 'user_impersonation', id: '9ff3ba1a-0c3e-4dd4-b6d9-3e0a1f5e1d11' };

/** OIDC scopes msal adds to every user flow; they name no resource. */
export const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);

/** Audience of the addKey/removeKey proof-of-possession JWT (Azure AD Graph's app id). */
export const PROOF_AUDIENCE = APP_ID.aadGraph;

export const GRAPH_RESOURCE_NAMES = [
  APP_ID.graph, 'https://graph.microsoft.com', 'https://graph.microsoft.com/', 'https://canary.graph.microsoft.com',
  'https://graph.microsoft.us', 'https://dod-graph.microsoft.us', `${APP_ID.graph}/ags.windows.net`,
];
