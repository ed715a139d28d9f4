import { FAULT_NAMES } from './faults.js';

/** Every error the Connect Sync server raises, in one place (errorId + PowerShell category + the real wording). */
export class ConnectError extends Error {
  constructor(message: string, readonly errorId: string, readonly category: string, readonly targetObject?: unknown) {
    super(message);
    this.name = 'ConnectError';
  }
}

/** A token request the tenant refused; carries the AADSTS code so run history and events can quote it. */
export class TenantAuthError extends Error {
  constructor(
    readonly aadsts: number,
    readonly oauthError: string,
    readonly description: string,
    readonly errorId = 'AADSTS' + aadsts,
    readonly category = 'AuthenticationError',
  ) {
    super(description);
    this.name = 'TenantAuthError';
  }
}

/** The tenant could not be reached at all (emulator fault or the served tenant is down). */
export class TenantUnreachableError extends Error {
  readonly errorId = 'TenantUnreachable';
  readonly category = 'ResourceUnavailable';
  constructor(message = 'No such host is known. (login.microsoftonline.com:443)') {
    super(message);
    this.name = 'TenantUnreachableError';
  }
}

/** A Graph or sync-endpoint call refused by the tenant (403/404/400...). */
export class TenantRequestError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
    this.name = 'TenantRequestError';
  }
  get errorId(): string { return this.code; }
  get category(): string {
    return this.status === 403 ? 'PermissionDenied' : this.status === 404 ? 'ObjectNotFound' : this.status === 401 ? 'AuthenticationError' : 'InvalidOperation';
  }
}

export const errors = {
  busy: (connector: string) =>
    new ConnectError(`System.InvalidOperationException: Connector: ${connector} is busy.`, `System.InvalidOperationException: Connector: ${connector} is busy.`, 'WriteError', 'StartADSyncSyncCycle'),
  adminPasswordRequired: (upn: string) =>
    new ConnectError(`Sign-in required for '${upn}': supply the password of the Microsoft Entra administrator.`, 'AdminCredentialRequired', 'AuthenticationError', upn),
  adminRoleMissing: (upn: string) =>
    new ConnectError(
      `The user '${upn}' does not have the Hybrid Identity Administrator or Global Administrator role. Sign in with an account that has at least the Hybrid Identity Administrator role.`,
      'InsufficientAdministratorRole', 'PermissionDenied', upn),
  certificateNotFound: (what: string, value: string) =>
    new ConnectError(`A certificate with ${what} '${value}' was not found in the LocalMachine\\My certificate store.`, 'CertificateNotFound', 'ObjectNotFound', value),
  certificateRule: (rule: string, detail: string, value: string) =>
    new ConnectError(`The certificate '${value}' does not meet the requirements for application-based authentication: ${detail}`, `CertificateValidationFailed,${rule}`, 'InvalidData', value),
  certificateHashRequired: () =>
    new ConnectError('The certificate is managed by the customer (Bring Your Own Certificate): specify the SHA256 hash of the new certificate with -CertificateSHA256Hash.', 'CertificateSHA256HashRequired', 'InvalidArgument'),
  badHash: (value: string) =>
    new ConnectError(`'${value}' is not a valid certificate SHA256 hash: expected 64 hexadecimal characters.`, 'InvalidCertificateSHA256Hash', 'InvalidArgument', value),
  badThumbprint: (value: string) =>
    new ConnectError(`'${value}' is not a valid certificate thumbprint: expected 40 hexadecimal characters.`, 'InvalidCertificateThumbprint', 'InvalidArgument', value),
  notOnApplication: () =>
    new ConnectError('The Microsoft Entra connector is not using application-based authentication (ConnectorIdentityType is ServiceAccount). Run Add-ADSyncApplicationRegistration first.', 'ApplicationAuthenticationNotConfigured', 'InvalidOperation'),
  applicationNotFound: (appId: string) =>
    new ConnectError(`Application with identifier '${appId}' was not found in the directory.`, 'ApplicationNotFound', 'ObjectNotFound', appId),
  applicationMissingRole: (appId: string) =>
    new ConnectError(`The application '${appId}' is not granted the ADSynchronization.ReadWrite.All application permission of the Microsoft Entra AD Synchronization Service. Grant it before linking the application.`, 'ApplicationPermissionMissing', 'PermissionDenied', appId),
  certificateNotOnApplication: (appId: string, sha: string) =>
    new ConnectError(`The certificate with SHA256 hash '${sha}' is not registered on application '${appId}'. Register the certificate on the application before linking it.`, 'CertificateNotRegistered', 'InvalidOperation', sha),
  keyInUse: (keyId: string) =>
    new ConnectError(`The certificate credential '${keyId}' is the one the Microsoft Entra connector currently uses and cannot be removed. Rotate the certificate first.`, 'CertificateInUse', 'InvalidOperation', keyId),
  keyNotFound: (keyId: string, appId: string) =>
    new ConnectError(`No certificate credential with CertificateId '${keyId}' exists on application '${appId}'.`, 'CertificateIdNotFound', 'ObjectNotFound', keyId),
  badGuid: (value: string) =>
    new ConnectError(`Cannot convert value "${value}" to type "System.Guid". Error: "Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)."`, 'InvalidGuid', 'InvalidArgument', value),
  accountInUse: (name: string) =>
    new ConnectError(`The service account '${name}' is the account the Microsoft Entra connector currently uses (ConnectorIdentityType is ServiceAccount). Switch to application-based authentication before removing it.`, 'ServiceAccountInUse', 'InvalidOperation', name),
  accountNotFound: (upn: string) =>
    new ConnectError(`The service account '${upn}' was not found in the directory.`, 'ServiceAccountNotFound', 'ObjectNotFound', upn),
  badName: (name: string) =>
    new ConnectError(`The service account name '${name}' is not valid: give the part of the user principal name before '@'.`, 'InvalidServiceAccountName', 'InvalidArgument', name),
  badInterval: (what: string) =>
    new ConnectError(`The value of ${what} must be a positive time span.`, 'InvalidTimeSpan', 'InvalidArgument', what),
  unknownFault: (name: string) =>
    new ConnectError(`Unknown emulator fault '${name}'. Valid faults: ${FAULT_NAMES.join(', ')}.`, 'UnknownFault', 'InvalidArgument', name),
  badVersion: (v: string) =>
    new ConnectError(`'${v}' is not a valid Microsoft Entra Connect version (expected a.b.c.d).`, 'InvalidVersion', 'InvalidArgument', v),
  badDirectorySize: (n: number) =>
    new ConnectError(`The directory size must be an integer between 0 and 1000000 (got ${n}).`, 'InvalidDirectorySize', 'InvalidArgument', n),
  clockBackwards: () =>
    new ConnectError('The emulator clock can only be moved forward.', 'ClockCannotMoveBackward', 'InvalidArgument'),
  rotationNotApplicable: () =>
    new ConnectError('The application is brought by the customer (Bring Your Own Application): register the new certificate on it and run Add-EntraApplicationRegistration -CertificateSHA256Hash <hash>.', 'RotationNotSupportedForBYOA', 'InvalidOperation'),
  pendingMismatch: () =>
    new ConnectError('The certificate given does not match the application registration created by Add-EntraApplicationRegistration. Run Add-EntraApplicationRegistration again with the same certificate.', 'RegistrationMismatch', 'InvalidArgument'),
};
