import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { AdsyncCmdlet } from './adsync-cmdlet.js';
import { registrationObject, TYPES } from './objects.js';
import { CMDLET_NS, MODULE, certificateOptions, certificateParameters, signInParameters } from './registration-params.js';

/**
 * Add-EntraApplicationRegistration: step 3 of the documented onboarding — create the single-tenant application
 * (ConnectSyncProvisioning_<SERVER>_<id>) with its permissions and register the certificate on it, without
 * switching the connector yet. On a Bring Your Own Application server, -CertificateSHA256Hash switches to another
 * certificate already registered on the customer's application (the documents' rotation advice for BYOA).
 */
export class AddEntraApplicationRegistrationCommand extends AdsyncCmdlet {
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

  UserPrincipalName?: string;
  Credential?: unknown;
  CertificateSHA256Hash?: string;
  CertificateThumbprint?: string;

  override async processRecord(): Promise<void> {
    const admin = await this.adminCredential(this.UserPrincipalName, this.Credential);
    let r;
    try { r = await this.server().addEntraApplicationRegistration(admin, certificateOptions(this)); } catch (e) { this.fail(e); return; }
    await this.writeObject(registrationObject(r));
  }
}
