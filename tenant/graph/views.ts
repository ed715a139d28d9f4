import { keyCredentialView } from '../key-credentials.js';
import type { ApplicationRecord, AppRoleAssignmentRecord, ServicePrincipalRecord, UserRecord } from '../model.js';

/** Graph's representation of each entity (property order as Graph returns them). */
export function applicationView(a: ApplicationRecord, withKeys = false): Record<string, unknown> {
  return {
    id: a.id, deletedDateTime: null, appId: a.appId, applicationTemplateId: null, disabledByMicrosoftStatus: null,
    createdDateTime: a.createdDateTime, displayName: a.displayName, description: a.description, groupMembershipClaims: null,
    identifierUris: a.identifierUris, isDeviceOnlyAuthSupported: null, isFallbackPublicClient: a.isFallbackPublicClient,
    notes: a.notes, publisherDomain: a.publisherDomain, serviceManagementReference: null, signInAudience: a.signInAudience,
    tags: a.tags, tokenEncryptionKeyId: null, defaultRedirectUri: null, certification: null, optionalClaims: null,
    addIns: [], api: { acceptMappedClaims: null, knownClientApplications: [], requestedAccessTokenVersion: a.api.requestedAccessTokenVersion, oauth2PermissionScopes: a.api.oauth2PermissionScopes, preAuthorizedApplications: [] },
    appRoles: a.appRoles, info: { logoUrl: null, ...a.info }, keyCredentials: a.keyCredentials.map((k) => keyCredentialView(k, withKeys)),
    parentalControlSettings: { countriesBlockedForMinors: [], legalAgeGroupRule: 'Allow' }, passwordCredentials: a.passwordCredentials,
    publicClient: a.publicClient, requiredResourceAccess: a.requiredResourceAccess,
    verifiedPublisher: { displayName: null, verifiedPublisherId: null, addedDateTime: null },
    web: { homePageUrl: a.web.homePageUrl, logoutUrl: a.web.logoutUrl, redirectUris: a.web.redirectUris, implicitGrantSettings: { enableAccessTokenIssuance: false, enableIdTokenIssuance: false }, redirectUriSettings: [] },
    spa: { redirectUris: [] },
  };
}
export const APPLICATION_PROPS = Object.keys(applicationView({
  id: '', appId: '', displayName: '', description: null, notes: null, createdDateTime: '', signInAudience: '', publisherDomain: '',
  identifierUris: [], tags: [], isFallbackPublicClient: null, appRoles: [], keyCredentials: [], passwordCredentials: [], requiredResourceAccess: [],
  api: { requestedAccessTokenVersion: null, oauth2PermissionScopes: [] }, web: { redirectUris: [], homePageUrl: null, logoutUrl: null },
  publicClient: { redirectUris: [] }, info: { marketingUrl: null, privacyStatementUrl: null, supportUrl: null, termsOfServiceUrl: null }, owners: [],
}));

export function servicePrincipalView(s: ServicePrincipalRecord, withKeys = false): Record<string, unknown> {
  return {
    id: s.id, deletedDateTime: null, accountEnabled: s.accountEnabled, alternativeNames: [], appDisplayName: s.appDisplayName,
    appDescription: null, appId: s.appId, applicationTemplateId: null, appOwnerOrganizationId: s.appOwnerOrganizationId,
    appRoleAssignmentRequired: s.appRoleAssignmentRequired, createdDateTime: s.createdDateTime, description: null,
    disabledByMicrosoftStatus: null, displayName: s.displayName, homepage: null, loginUrl: null, logoutUrl: null, notes: null,
    notificationEmailAddresses: [], preferredSingleSignOnMode: null, preferredTokenSigningKeyThumbprint: null, replyUrls: [],
    servicePrincipalNames: s.servicePrincipalNames, servicePrincipalType: s.servicePrincipalType, signInAudience: s.signInAudience,
    tags: s.tags, tokenEncryptionKeyId: null, info: { logoUrl: null, marketingUrl: null, privacyStatementUrl: null, supportUrl: null, termsOfServiceUrl: null },
    samlSingleSignOnSettings: null, addIns: [], appRoles: s.appRoles, keyCredentials: s.keyCredentials.map((k) => keyCredentialView(k, withKeys)),
    oauth2PermissionScopes: s.oauth2PermissionScopes, passwordCredentials: s.passwordCredentials, resourceSpecificApplicationPermissions: [],
    verifiedPublisher: { displayName: null, verifiedPublisherId: null, addedDateTime: null },
  };
}
export const SERVICE_PRINCIPAL_PROPS = Object.keys(servicePrincipalView({
  id: '', appId: '', displayName: '', appDisplayName: '', appOwnerOrganizationId: '', accountEnabled: true, appRoleAssignmentRequired: false,
  appRoles: [], oauth2PermissionScopes: [], servicePrincipalNames: [], servicePrincipalType: '', signInAudience: '', tags: [], keyCredentials: [],
  passwordCredentials: [], createdDateTime: '',
}));

/** Graph's default user properties; the rest come only with $select. */
const USER_DEFAULT = ['businessPhones', 'displayName', 'givenName', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName', 'id'];
export function userView(u: UserRecord, select?: string[]): Record<string, unknown> {
  const all: Record<string, unknown> = {
    businessPhones: [], displayName: u.displayName, givenName: u.givenName, jobTitle: u.jobTitle, mail: u.mail, mobilePhone: null,
    officeLocation: null, preferredLanguage: null, surname: u.surname, userPrincipalName: u.userPrincipalName, id: u.id,
    accountEnabled: u.accountEnabled, createdDateTime: u.createdDateTime, onPremisesSyncEnabled: u.onPremisesSyncEnabled, userType: 'Member',
    mailNickname: u.userPrincipalName.split('@')[0],
  };
  const out: Record<string, unknown> = {};
  for (const k of select ?? USER_DEFAULT) out[k] = all[k];
  return out;
}
export const USER_PROPS = ['businessPhones', 'displayName', 'givenName', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName', 'id', 'accountEnabled', 'createdDateTime', 'onPremisesSyncEnabled', 'userType', 'mailNickname'];

export function assignmentView(a: AppRoleAssignmentRecord): Record<string, unknown> {
  return {
    id: a.id, deletedDateTime: null, appRoleId: a.appRoleId, createdDateTime: a.createdDateTime, principalDisplayName: a.principalDisplayName,
    principalId: a.principalId, principalType: a.principalType, resourceDisplayName: a.resourceDisplayName, resourceId: a.resourceId,
  };
}
