import { importCertificate } from '../../pki/index.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { PkiCmdlet } from './pki-cmdlet.js';
import { readInputFile, resolveFilePath } from './file-io.js';

/** Import-Certificate (module PKI): a .cer file (DER or Base64/PEM) into a store; no private key. */
export class ImportCertificateCommand extends PkiCmdlet {
  static override meta: CmdletMeta = {
    verb: 'Import', noun: 'Certificate', module: 'PKI',
    className: 'Microsoft.CertificateServices.Commands.ImportCertificateCommand',
    supportsShouldProcess: true, confirmImpact: 'Medium',
    outputType: ['System.Security.Cryptography.X509Certificates.X509Certificate2'],
    synopsis: 'Imports one or more certificates into a certificate store.',
    description: 'Imports a certificate file (DER or Base64-encoded .cer) into the store named by -CertStoreLocation; without it, the store of the current Cert: location, else Cert:\\CurrentUser\\My. A file that is not a certificate gives an error and nothing is added. Unlike Windows, the emulator refuses a certificate Microsoft Entra Connect Sync could not use — an RSA key under 2048 bits, a non-RSA (e.g. EC) key, or a certificate expired at the emulator clock — because its stores hold connector credentials.',
    examples: [{ title: 'Example 1', code: "Import-Certificate -FilePath 'C:\\Users\\Xyz\\Desktop\\BackupCert.cer' -CertStoreLocation Cert:\\LocalMachine\\Root" }],
    parameters: [
      param('FilePath', T.String, { mandatory: true, position: 0, aliases: ['FullName'], valueFromPipelineByPropertyName: true }),
      param('CertStoreLocation', T.String),
    ],
  };

  FilePath!: string;
  CertStoreLocation?: string;

  override async processRecord(): Promise<void> {
    const file = resolveFilePath(this.context, this.FilePath);
    try {
      const where = this.storeLocation(this.CertStoreLocation);
      const data = readInputFile(file);
      if (!(await this.shouldProcess(file, 'Import certificate'))) return;
      await this.writeObject(this.present(importCertificate(this.pki(), data, where)));
    } catch (e) {
      this.fail(e, file);
    }
  }
}
