import type { ServerDoc } from './model.js';

/** CertificateCredential as the reference lists its fields (decompiled GetADSyncEntraCertificateCredential). */
export interface CertificateCredentialView {
  CertificateSHA256Hash: string;
  ApplicationManagedBy: 'EntraConnect' | 'Customer';
  CertificateManagedBy: 'EntraConnect' | 'Customer';
  Id: string;
  CertificateThumbprint: string;
  ExpiryTime: Date;
  StartTime: Date;
  Issuer: string;
  Subject: string;
  SerialNumber: string;
}

/** Get-ADSyncEntraConnectorCredential. */
export interface ConnectorCredentialView {
  ConnectorIdentityType: 'ServiceAccount' | 'Application';
  /** the Entra connector's stored user name: the Sync_ account, or {appId}@tenant in application mode */
  UserName: string;
  ApplicationId: string | null;
  ServiceAccountName: string | null;
  CertificateCredential: CertificateCredentialView | null;
}

export function credentialView(doc: ServerDoc): ConnectorCredentialView {
  const c = doc.credential;
  if (c.type === 'ServiceAccount') {
    return { ConnectorIdentityType: 'ServiceAccount', UserName: c.userPrincipalName, ApplicationId: null, ServiceAccountName: c.name, CertificateCredential: null };
  }
  const x = c.certificate;
  return {
    ConnectorIdentityType: 'Application',
    UserName: `{${c.appId}}@${doc.tenantDomain}`,
    ApplicationId: c.appId,
    ServiceAccountName: null,
    CertificateCredential: {
      CertificateSHA256Hash: x.sha256,
      ApplicationManagedBy: c.mode === 'BYOA' ? 'Customer' : 'EntraConnect',
      CertificateManagedBy: c.mode === 'Managed' ? 'EntraConnect' : 'Customer',
      Id: x.keyId, CertificateThumbprint: x.thumbprint,
      ExpiryTime: new Date(x.notAfter), StartTime: new Date(x.notBefore),
      Issuer: x.issuer, Subject: x.subject, SerialNumber: x.serialNumber,
    },
  };
}

/**
 * The wizard's "View or export current configuration" page, with the rows seed 001 tabulates.
 * Property names are the row labels without spaces; exportable as JSON as is.
 */
export interface ConfigurationReport {
  ServerName: string;
  Version: string;
  TenantName: string;
  StagingModeEnabled: boolean;
  PasswordWritebackEnabled: boolean;
  AuthenticationType: 'ServiceAccount' | 'Application';
  AccountName: string | null;
  ApplicationId: string | null;
  ApplicationName: string | null;
  ApplicationManagedBy: string | null;
  CertificateManagedBy: string | null;
  AutomaticRotationEnabled: boolean | null;
  CertificateThumbprint: string | null;
  CertificateSHA256Hash: string | null;
  SubjectName: string | null;
  IssuedBy: string | null;
  SerialNumber: string | null;
  NotValidBefore: Date | null;
  NotValidAfter: Date | null;
  KeyStorageProvider: string | null;
}

export function configurationReport(doc: ServerDoc): ConfigurationReport {
  const base = {
    ServerName: doc.serverName, Version: doc.version, TenantName: doc.tenantDomain,
    StagingModeEnabled: doc.scheduler.stagingModeEnabled, PasswordWritebackEnabled: doc.passwordWriteback,
  };
  const c = doc.credential;
  if (c.type === 'ServiceAccount') {
    return {
      ...base, AuthenticationType: 'ServiceAccount', AccountName: c.userPrincipalName, ApplicationId: null, ApplicationName: null,
      ApplicationManagedBy: null, CertificateManagedBy: null, AutomaticRotationEnabled: null, CertificateThumbprint: null,
      CertificateSHA256Hash: null, SubjectName: null, IssuedBy: null, SerialNumber: null, NotValidBefore: null, NotValidAfter: null, KeyStorageProvider: null,
    };
  }
  const x = c.certificate;
  return {
    ...base, AuthenticationType: 'Application', AccountName: null, ApplicationId: c.appId, ApplicationName: c.displayName,
    ApplicationManagedBy: c.mode === 'BYOA' ? 'Customer' : 'Microsoft Entra Connect Sync',
    CertificateManagedBy: c.mode === 'Managed' ? 'Microsoft Entra Connect Sync' : 'Customer (BYOC)',
    AutomaticRotationEnabled: c.automaticRotation && doc.scheduler.maintenanceEnabled && !doc.scheduler.schedulerSuspended,
    CertificateThumbprint: x.thumbprint, CertificateSHA256Hash: x.sha256, SubjectName: x.subject, IssuedBy: x.issuer,
    SerialNumber: x.serialNumber, NotValidBefore: new Date(x.notBefore), NotValidAfter: new Date(x.notAfter), KeyStorageProvider: x.provider,
  };
}
