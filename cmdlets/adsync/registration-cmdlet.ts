import type { AdminCredential, ConnectServer, RegistrationOptions, RegistrationResult } from '../../connect/index.js';
import { AdsyncCmdlet } from './adsync-cmdlet.js';
import { registrationObject } from './objects.js';
import { certificateOptions } from './registration-params.js';

/**
 * The cmdlets that sign an admin in and register, link or rotate a certificate credential: they bind the same
 * parameters (registration-params.ts) and differ only in the server call — and, for BYOA, in the options.
 */
export abstract class RegistrationCmdlet extends AdsyncCmdlet {
  UserPrincipalName?: string;
  Credential?: unknown;
  CertificateSHA256Hash?: string;
  CertificateThumbprint?: string;

  protected abstract register(server: ConnectServer, admin: AdminCredential, opts: RegistrationOptions): Promise<RegistrationResult>;

  /** Checked before the sign-in, so a wrong combination fails without a password prompt. */
  protected options(): RegistrationOptions { return certificateOptions(this); }

  override async processRecord(): Promise<void> {
    const opts = this.options();
    const admin = await this.adminCredential(this.UserPrincipalName, this.Credential);
    let r;
    try { r = await this.register(this.server(), admin, opts); } catch (e) { this.fail(e); return; }
    await this.writeObject(registrationObject(r));
  }
}
