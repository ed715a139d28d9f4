/**
 * The Graph requests of the published article's "Bring Your Own Application" section (seed 001), copied verbatim by a
 * script: typographic quotes, the slash before '(appId=…)' and the placeholders in braces are the article's.
 */
export interface DocumentedStep { line: number; method: 'GET' | 'PATCH' | 'POST'; uri: string; body: string | null }

export const BYOA_STEPS: DocumentedStep[] = [
  {
    "line": 47,
    "method": "GET",
    "uri": "/servicePrincipals/(appId=’{SynchronizationServiceAppId}’)?$select=id",
    "body": null
  },
  {
    "line": 51,
    "method": "GET",
    "uri": "/servicePrincipals/(appId=’{SynchronizationServiceAppId}’)?$select=appRoles",
    "body": null
  },
  {
    "line": 58,
    "method": "GET",
    "uri": "/servicePrincipals/(appId=’{PasswordResetServiceAppId}’)?$select=id",
    "body": null
  },
  {
    "line": 67,
    "method": "PATCH",
    "uri": "/applications(appId='{ConnectSyncAppId}')",
    "body": "{\n     \"requiredResourceAccess\": [\n          {\n               \"resourceAppId\": \"{PasswordResetServiceAppId}\",\n               \"resourceAccess\": [\n                    {\n                         \"id\": “{PasswordResetServiceServiceOffboardClientAppRoleId}\",\n                         \"type\": \"Role\"\n                    },\n                    {\n                         \"id\": “{PasswordResetServiceServiceRegisterClientAppRoleId}\",\n                         \"type\": \"Role\"\n                    },\n                    {\n                         \"id\": “{PasswordResetServiceServiceRefreshClientAppRoleId}\",\n                         \"type\": \"Role\"\n                    }\n               ]\n          },\n          {\n               \"resourceAppId\": \"{SynchronizationServiceAppId}\",\n               \"resourceAccess\": [\n                    {\n                         \"id\": \"{SynchronizationServiceAppRoleId}\",\n                         \"type\": \"Role\"\n                    }\n               ]\n          }\n     ]\n}"
  },
  {
    "line": 103,
    "method": "POST",
    "uri": "/servicePrincipals(appId='{ConnectSyncAppId}')/appRoleAssignments",
    "body": "{\n\"principalId\": “{ConnectSyncSPId}”,\n\"resourceId\": “{SynchronizationServiceSPId}”,\n\"appRoleId\": \"{SynchronizationServiceAppRoleId}\"\n}"
  },
  {
    "line": 114,
    "method": "POST",
    "uri": "/servicePrincipals(appId='{ConnectSyncAppId}')/appRoleAssignments",
    "body": "{\n\"principalId\": “{ConnectSyncSPId}”,\n\"resourceId\": “{PasswordResetServiceSPId}”,\n\"appRoleId\": \"{PasswordResetServiceServiceOffboardClientAppRoleId}\"\n}"
  },
  {
    "line": 123,
    "method": "POST",
    "uri": "/servicePrincipals(appId='{ConnectSyncAppId}')/appRoleAssignments",
    "body": "{\n\"principalId\": “{ConnectSyncSPId}”,\n\"resourceId\": “{PasswordResetServiceSPId}”,\n\"appRoleId\": \"{PasswordResetServiceServiceRegisterClientAppRoleId}\"\n}"
  },
  {
    "line": 132,
    "method": "POST",
    "uri": "/servicePrincipals(appId='{ConnectSyncAppId}')/appRoleAssignments",
    "body": "{\n\"principalId\": “{ConnectSyncSPId}”,\n\"resourceId\": “{PasswordResetServiceSPId}”,\n\"appRoleId\": “{PasswordResetServiceServiceRefreshClientAppRoleId}”\n}"
  }
];
