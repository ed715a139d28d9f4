import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import type { AdminCredential, ConnectServer, RegistrationOptions } from '../../connect/index.js';
import { TYPES } from './objects.js';
import { RegistrationCmdlet } from './registration-cmdlet.js';
import { CMDLET_NS, MODULE, certificateParameters, signInParameters } from './registration-params.js';

/** Invoke-ADSyncApplicationCredentialRotation: rotate now (managed: new key and certificate; BYOC: the given hash). */
export class InvokeADSyncApplicationCredentialRotationCommand extends RegistrationCmdlet {
  static override meta: CmdletMeta = {
    verb: 'Invoke', noun: 'ADSyncApplicationCredentialRotation', module: MODULE, className: `${CMDLET_NS}.InvokeADSyncApplicationCredentialRotationCommand`,
    outputType: [TYPES.registration],
    parameters: [...signInParameters(), ...certificateParameters()],
    synopsis: "Rotates the certificate credential of the Connect Sync application.",
    description: 'Managed by Microsoft Entra Connect: creates a new key and certificate, registers it, switches to it and removes the old credential (a failed removal is logged with its CertificateId; clean up with Remove-EntraApplicationKey). Bring Your Own Certificate: -CertificateSHA256Hash of the new certificate is required. Allowed at any time, also after expiry.',
    examples: [
      { title: 'Managed certificate (maintenance disabled or scheduler suspended)', code: 'Invoke-ADSyncApplicationCredentialRotation –UserPrincipalName admin@contoso.onmicrosoft.com' },
      { title: 'Bring Your Own Certificate', code: 'Invoke-ADSyncApplicationCredentialRotation –UserPrincipalName admin@contoso.onmicrosoft.com -CertificateSHA256Hash $certHash' },
    ],
  };


  protected register(server: ConnectServer, admin: AdminCredential, opts: RegistrationOptions) {
    return server.invokeCredentialRotation(admin, opts);
  }
}
