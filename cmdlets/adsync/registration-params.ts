import type { RegistrationOptions } from '../../connect/index.js';
import { param, type ParameterMeta } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';

export const CMDLET_NS = 'Microsoft.IdentityManagement.PowerShell.Cmdlet';
export const MODULE = 'ADSync';
export const POLICY_TYPE = T.enum('Microsoft.IdentityManagement.PowerShell.ObjectModel.SynchronizationPolicyType', ['Unspecified', 'Delta', 'Initial']);

/** The sign-in parameters every application-identity cmdlet takes (older builds: -UserPrincipalName; ours also a PSCredential). */
export function signInParameters(positional = true): ParameterMeta[] {
  return [
    param('UserPrincipalName', T.String, {
      ...(positional ? { position: 0 } : {}), aliases: ['UPN'],
      description: 'The user principal name of a Hybrid Identity Administrator or Global Administrator. When absent, it is asked for; the password is asked for (masked) unless this session already signed that user in.',
    }),
    param('Credential', T.Credential, {
      aliases: ['AADCredential'],
      description: "Emulator addition for scripts: the administrator's user name and password as a PSCredential, instead of the interactive sign-in.",
    }),
  ];
}

/** -CertificateSHA256Hash (current builds) or -CertificateThumbprint (2.5.3.x builds), never both. */
export function certificateParameters(): ParameterMeta[] {
  return [
    param('CertificateSHA256Hash', T.String, {
      sets: ['CertificateSHA256Hash'], aliases: ['SHA256Hash'],
      description: 'Bring Your Own Certificate: the SHA256 hash (64 hex characters, GetRawCertData) of a certificate in Cert:\\LocalMachine\\My.',
    }),
    param('CertificateThumbprint', T.String, {
      sets: ['CertificateThumbprint'],
      description: 'The older builds\' form of -CertificateSHA256Hash: the SHA-1 thumbprint of a certificate in Cert:\\LocalMachine\\My.',
    }),
  ];
}

export function certificateOptions(c: { CertificateSHA256Hash?: string; CertificateThumbprint?: string }): RegistrationOptions {
  const o: RegistrationOptions = {};
  if (c.CertificateSHA256Hash !== undefined) o.sha256 = c.CertificateSHA256Hash;
  if (c.CertificateThumbprint !== undefined) o.thumbprint = c.CertificateThumbprint;
  return o;
}
