import { grantKeyAccess, SYNC_SERVICE_ACCOUNT } from '../../pki/index.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { AdsyncCmdlet } from '../adsync/adsync-cmdlet.js';
import { EMULATOR_MODULE, EMULATOR_NS } from './get-emulator-clock.js';

/**
 * Grant-EmulatorKeyAccess: the BYOC prerequisite "grant the Microsoft Entra Connect Sync account permission to
 * perform signing by using the private key" — on Windows certlm.msc → Manage Private Keys → Read for NT SERVICE\ADSync
 * (or Set-Acl on the key file). The emulator has no GUI nor key files, so this control stands for that step.
 */
export class GrantEmulatorKeyAccessCommand extends AdsyncCmdlet {
  static override meta: CmdletMeta = {
    verb: 'Grant', noun: 'EmulatorKeyAccess', module: EMULATOR_MODULE, className: `${EMULATOR_NS}.GrantEmulatorKeyAccessCommand`,
    parameters: [
      param('Thumbprint', T.String, { mandatory: true, position: 0, valueFromPipelineByPropertyName: true, description: 'The certificate (in Cert:\\LocalMachine\\My) whose private key the account may use. Pipe the certificate object.' }),
      param('Account', T.String, { position: 1, description: `Default ${SYNC_SERVICE_ACCOUNT}, the account the sync service runs as.` }),
    ],
    synopsis: "Grants an account the right to sign with a certificate's private key (certlm.msc → Manage Private Keys).",
    examples: [{ code: '$cert | Grant-EmulatorKeyAccess' }, { code: "Grant-EmulatorKeyAccess -Thumbprint $cert.Thumbprint -Account 'NT SERVICE\\ADSync'" }],
  };

  Thumbprint!: string;
  Account?: string;

  override async processRecord(): Promise<void> {
    const pki = this.opened().pki;
    const cert = pki.stores.find('LocalMachine\\My', this.Thumbprint) ?? pki.stores.find('CurrentUser\\My', this.Thumbprint);
    if (!cert) {
      this.writeError(this.error(`Cannot find a certificate with thumbprint '${this.Thumbprint}' in Cert:\\LocalMachine\\My or Cert:\\CurrentUser\\My.`, 'CertificateNotFound', 'ObjectNotFound', this.Thumbprint, 'System.Management.Automation.ItemNotFoundException'));
      return;
    }
    if (!cert.keyRef) {
      this.writeError(this.error(`The certificate '${this.Thumbprint}' has no private key.`, 'NoPrivateKey', 'InvalidOperation', this.Thumbprint, 'System.InvalidOperationException'));
      return;
    }
    try { grantKeyAccess(pki, cert.keyRef, this.Account ?? SYNC_SERVICE_ACCOUNT); } catch (e) { this.fail(e, this.Thumbprint); }
  }
}
