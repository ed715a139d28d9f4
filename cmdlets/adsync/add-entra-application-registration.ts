import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import type { AdminCredential, ConnectServer, RegistrationOptions } from '../../connect/index.js';
import { TYPES } from './objects.js';
import { RegistrationCmdlet } from './registration-cmdlet.js';
import { CMDLET_NS, MODULE, certificateParameters, signInParameters } from './registration-params.js';

/**
 * Add-EntraApplicationRegistration: step 3 of the documented onboarding — create the single-tenant application
 * (ConnectSyncProvisioning_<SERVER>_<id>) with its permissions and register the certificate on it, without
 * switching the connector yet. On a Bring Your Own Application server, -CertificateSHA256Hash switches to another
 * certificate already registered on the customer's application (the documents' rotation advice for BYOA).
 */
export class AddEntraApplicationRegistrationCommand extends RegistrationCmdlet {
  static override meta: CmdletMeta = {
    verb: 'Add', noun: 'EntraApplicationRegistration', module: MODULE, className: `${CMDLET_NS}.AddEntraApplicationRegistrationCommand`,
    outputType: [TYPES.registration],
    parameters: [...signInParameters(), ...certificateParameters()],
    synopsis: 'Registers the Connect Sync application and its certificate credential in Microsoft Entra ID.',
    description: 'Without a certificate parameter the server creates a non-exportable RSA 2048 key (in the TPM when present) and a self-signed certificate CN=Entra Connect Sync Provisioning in Cert:\\CurrentUser\\My (Managed by Microsoft Entra Connect). With -CertificateSHA256Hash (or -CertificateThumbprint) it registers your certificate from Cert:\\LocalMachine\\My (Bring Your Own Certificate) after checking the documented requirements. Link the registration with Add-ADSyncApplicationRegistration.',
    examples: [
      { title: 'Managed by Microsoft Entra Connect', code: 'Add-EntraApplicationRegistration –UserPrincipalName admin@contoso.onmicrosoft.com' },
      { title: 'Bring Your Own Certificate', code: 'Add-EntraApplicationRegistration –UserPrincipalName admin@contoso.onmicrosoft.com -CertificateSHA256Hash $certHash' },
    ],
  };


  protected register(server: ConnectServer, admin: AdminCredential, opts: RegistrationOptions) {
    return server.addEntraApplicationRegistration(admin, opts);
  }
}
