import { exportCertificateDer } from '../../pki/index.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { PkiCmdlet } from './pki-cmdlet.js';
import { fileInfoObject, resolveFilePath, writeOutputFile } from './file-io.js';
import { CERTIFICATE_TYPE } from './new-self-signed-certificate.js';

const CERT_TYPE = T.enum('Microsoft.CertificateServices.Commands.CertType', ['SST', 'CERT', 'P7B']);

/** Export-Certificate (module PKI): the certificate only — never its private key — as DER (-Type CERT). */
export class ExportCertificateCommand extends PkiCmdlet {
  static override meta: CmdletMeta = {
    verb: 'Export', noun: 'Certificate', module: 'PKI',
    className: 'Microsoft.CertificateServices.Commands.ExportCertificateCommand',
    supportsShouldProcess: true, confirmImpact: 'Medium',
    outputType: ['System.IO.FileInfo'],
    synopsis: 'Exports a certificate from a certificate store into a file.',
    description: 'Writes the certificate as DER (-Type CERT, a .cer file that `openssl x509 -inform der` reads). The private key is never exported by this cmdlet. SST and P7B are not produced by the emulator.',
    examples: [{ title: 'Example 1', code: "$cert = Get-Item Cert:\\LocalMachine\\My\\<thumbprint>\nExport-Certificate -Cert $cert -FilePath C:\\certs\\user.cer -Type CERT" }],
    parameters: [
      param('Cert', CERTIFICATE_TYPE, { mandatory: true, valueFromPipeline: true }),
      param('FilePath', T.String, { mandatory: true, aliases: ['FullName'] }),
      param('Type', CERT_TYPE, { defaultValue: 'CERT' }),
      param('NoClobber', T.Switch),
      param('Force', T.Switch),
    ],
  };

  Cert!: unknown;
  FilePath!: string;
  Type?: string;
  NoClobber?: boolean;
  Force?: boolean;

  override async processRecord(): Promise<void> {
    const file = resolveFilePath(this.context, this.FilePath);
    try {
      const type = (this.Type ?? 'CERT').toUpperCase();
      if (type !== 'CERT') {
        throw Object.assign(new Error(`Export-Certificate -Type ${type} is not supported by the emulator; use -Type CERT.`), { errorId: 'NotSupportedByEmulator', category: 'NotImplemented' });
      }
      const cert = this.resolveCertificate(this.Cert);
      if (!(await this.shouldProcess(file, 'Export certificate'))) return;
      writeOutputFile(file, exportCertificateDer(cert), { noClobber: !!this.NoClobber });
      await this.writeObject(fileInfoObject(file));
    } catch (e) {
      this.fail(e, file);
    }
  }
}
