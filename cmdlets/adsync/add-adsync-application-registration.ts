import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import type { AdminCredential, ConnectServer, RegistrationOptions } from '../../connect/index.js';
import { TYPES } from './objects.js';
import { RegistrationCmdlet } from './registration-cmdlet.js';
import { CMDLET_NS, MODULE, certificateOptions, certificateParameters, signInParameters } from './registration-params.js';

/**
 * Add-ADSyncApplicationRegistration: link the application registration with the server — the connector switches to
 * the certificate credential, atomically (the tenant must accept a token signed with it first). Without a prior
 * Add-EntraApplicationRegistration it registers too, as newer builds do. -ApplicationAppId: Bring Your Own Application.
 */
export class AddADSyncApplicationRegistrationCommand extends RegistrationCmdlet {
  static override meta: CmdletMeta = {
    verb: 'Add', noun: 'ADSyncApplicationRegistration', module: MODULE, className: `${CMDLET_NS}.AddADSyncApplicationRegistrationCommand`,
    outputType: [TYPES.registration],
    parameters: [
      ...signInParameters(), ...certificateParameters(),
      param('ApplicationAppId', T.String, {
        aliases: ['AppId'],
        description: 'Bring Your Own Application: the application (client) ID of the application you registered, granted ADSynchronization.ReadWrite.All and already carrying the certificate given with -CertificateSHA256Hash.',
      }),
    ],
    synopsis: 'Links the Microsoft Entra application with Microsoft Entra Connect Sync and switches the connector to application-based authentication.',
    description: 'Ends with ConnectorIdentityType Application, or fails and leaves the previous working credential in place.',
    examples: [
      { title: 'Managed by Microsoft Entra Connect', code: 'Add-ADSyncApplicationRegistration –UserPrincipalName admin@contoso.onmicrosoft.com' },
      { title: 'Bring Your Own Certificate', code: 'Add-ADSyncApplicationRegistration –UserPrincipalName admin@contoso.onmicrosoft.com -CertificateSHA256Hash $certHash' },
      { title: 'Bring Your Own Application', code: 'Add-ADSyncApplicationRegistration -CertificateSHA256Hash $certHash -ApplicationAppId $appId' },
    ],
  };

  ApplicationAppId?: string;

  protected override options(): RegistrationOptions {
    const opts = certificateOptions(this);
    if (this.ApplicationAppId !== undefined) {
      if (opts.sha256 === undefined && opts.thumbprint === undefined) {
        this.throwTerminatingError(this.error(
          'Bring Your Own Application requires the certificate registered on the application: specify -CertificateSHA256Hash with -ApplicationAppId.',
          'CertificateSHA256HashRequired', 'InvalidArgument', this.ApplicationAppId, 'System.ArgumentException'));
      }
      opts.applicationAppId = this.ApplicationAppId;
    }
    return opts;
  }

  protected register(server: ConnectServer, admin: AdminCredential, opts: RegistrationOptions) {
    return server.addADSyncApplicationRegistration(admin, opts);
  }
}
