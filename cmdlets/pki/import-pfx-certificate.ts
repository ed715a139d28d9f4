import { importPfx } from '../../pki/index.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { PkiCmdlet } from './pki-cmdlet.js';
import { readInputFile, resolveFilePath } from './file-io.js';

/** Import-PfxCertificate (module PKI): every certificate of a PFX into a store, keys non-exportable unless -Exportable. */
export class ImportPfxCertificateCommand extends PkiCmdlet {
  static override meta: CmdletMeta = {
    verb: 'Import', noun: 'PfxCertificate', module: 'PKI',
    className: 'Microsoft.CertificateServices.Commands.ImportPfxCertificate',
    supportsShouldProcess: true, confirmImpact: 'Medium',
    outputType: ['System.Security.Cryptography.X509Certificates.X509Certificate2'],
    synopsis: 'Imports certificates and private keys from a Personal Information Exchange (PFX) file to the destination store.',
    description: 'Reads a password-protected PKCS#12 file — PBES2/AES as OpenSSL 3 writes it, and the legacy TripleDES/RC2 encryptions Windows and `openssl pkcs12 -legacy` write — and adds its certificates to the store, their private keys to the Microsoft Software Key Storage Provider. Keys are non-exportable unless -Exportable is given. A wrong password or a damaged file gives an error and nothing is added. Unlike Windows, the emulator refuses a file without a private key (a .cer), an RSA key under 2048 bits, a non-RSA (e.g. EC) key and a certificate expired at the emulator clock, because its stores hold connector credentials.',
    examples: [{
      title: 'Example 1',
      code: "$mypwd = Get-Credential -UserName 'Enter password below' -Message 'Enter password below'\nImport-PfxCertificate -FilePath C:\\mypfx.pfx -CertStoreLocation Cert:\\LocalMachine\\My -Password $mypwd.Password",
    }],
    parameters: [
      param('FilePath', T.String, { mandatory: true, position: 0, aliases: ['FullName'], valueFromPipelineByPropertyName: true }),
      param('CertStoreLocation', T.String, { position: 1 }),
      param('Password', T.SecureString),
      param('Exportable', T.Switch),
    ],
  };

  FilePath!: string;
  CertStoreLocation?: string;
  Password?: unknown;
  Exportable?: boolean;

  override async processRecord(): Promise<void> {
    const file = resolveFilePath(this.context, this.FilePath);
    try {
      const where = this.storeLocation(this.CertStoreLocation);
      const data = readInputFile(file);
      if (!(await this.shouldProcess(file, 'Import PFX certificate'))) return;
      const imported = importPfx(this.pki(), data, this.passwordText(this.Password), { certStoreLocation: where, exportable: !!this.Exportable });
      // Windows returns the certificates that came with a private key (all of them when none did).
      const withKeys = imported.filter((c) => c.hasPrivateKey);
      for (const c of withKeys.length ? withKeys : imported) await this.writeObject(this.present(c));
    } catch (e) {
      this.fail(e, file);
    }
  }
}
