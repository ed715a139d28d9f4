import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { AdsyncCmdlet } from './adsync-cmdlet.js';
import { credentialObject, TYPES } from './objects.js';
import { CMDLET_NS, MODULE } from './registration-params.js';

/** Get-ADSyncEntraConnectorCredential: which credential the Microsoft Entra connector uses now. */
export class GetADSyncEntraConnectorCredentialCommand extends AdsyncCmdlet {
  static override meta: CmdletMeta = {
    verb: 'Get', noun: 'ADSyncEntraConnectorCredential', module: MODULE, className: `${CMDLET_NS}.GetADSyncEntraConnectorCredentialCommand`,
    outputType: [TYPES.credential], parameters: [],
    synopsis: 'Gets the credential the Microsoft Entra connector authenticates with.',
    description: 'Returns ConnectorIdentityType (ServiceAccount for the legacy Sync_ account and its password, Application for application-based authentication) and, for Application, the application (client) ID and the CertificateCredential: CertificateSHA256Hash, ApplicationManagedBy, CertificateManagedBy, Id (the CertificateId), CertificateThumbprint, ExpiryTime, StartTime, Issuer, Subject, SerialNumber.',
    examples: [
      { title: 'Example 1: Verify the current authentication method', code: 'Get-ADSyncEntraConnectorCredential' },
      { title: 'Example 2: Only the identity type', code: '(Get-ADSyncEntraConnectorCredential).ConnectorIdentityType' },
    ],
  };

  override async processRecord(): Promise<void> {
    let view;
    try { view = this.server().getConnectorCredential(); } catch (e) { this.fail(e); return; }
    await this.writeObject(credentialObject(view));
  }
}
