import { exportPfx } from '../../pki/index.js';
import { param } from '../../runtime/commands/parameter.js';
import { T, type TypeSpec } from '../../runtime/commands/types.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { PkiCmdlet } from './pki-cmdlet.js';
import { fileInfoObject, resolveFilePath, writeOutputFile } from './file-io.js';
import { CERTIFICATE_TYPE } from './new-self-signed-certificate.js';
import { isStored } from './certificate-object.js';

const PFX_DATA: TypeSpec = { kind: 'object', name: 'Microsoft.CertificateServices.Commands.PfxData' };
const CRYPTO_OPTION = T.enum('Microsoft.CertificateServices.Commands.CryptoAlgorithmOptions', ['TripleDES_SHA1', 'AES256_SHA256']);
const CHAIN_OPTION = T.enum('Microsoft.CertificateServices.Commands.ExportChainOption', ['BuildChain', 'EndEntityCertOnly', 'PfxDataOnly']);

/** Export-PfxCertificate (module PKI): certificate + private key to a password-protected PFX; refuses a non-exportable key. */
export class ExportPfxCertificateCommand extends PkiCmdlet {
  static override meta: CmdletMeta = {
    verb: 'Export', noun: 'PfxCertificate', module: 'PKI',
    className: 'Microsoft.CertificateServices.Commands.ExportPfxCertificate',
    supportsShouldProcess: true, confirmImpact: 'Medium', defaultParameterSet: 'ByCert',
    outputType: ['System.IO.FileInfo'],
    synopsis: 'Exports a certificate or a PFXData object to a Personal Information Exchange (PFX) file.',
    description: "Writes the certificate and, when its key's export policy allows it, the private key to a PKCS#12 file protected by -Password, encrypted with TripleDES_SHA1 (the Windows default) or AES256_SHA256. A key created or imported as non-exportable (and every TPM key) is refused with 'Cannot export non-exportable private key.' and no file is written.",
    examples: [{
      title: 'Example 1',
      code: "$mypwd = ConvertTo-SecureString -String '1234' -Force -AsPlainText\nGet-ChildItem -Path Cert:\\LocalMachine\\My\\<thumbprint> | Export-PfxCertificate -FilePath C:\\mypfx.pfx -Password $mypwd",
    }],
    parameters: [
      param('Cert', CERTIFICATE_TYPE, { mandatory: true, position: 0, sets: ['ByCert'], aliases: ['PsPath'], valueFromPipelineByPropertyName: true }),
      param('PFXData', PFX_DATA, { mandatory: true, position: 0, sets: ['ByPfxData'], valueFromPipeline: true }),
      param('FilePath', T.String, { mandatory: true, position: 1, aliases: ['FullName'] }),
      param('Password', T.SecureString),
      param('ProtectTo', T.array(T.String)),
      param('ChainOption', CHAIN_OPTION, { defaultValue: 'BuildChain' }),
      param('CryptoAlgorithmOption', CRYPTO_OPTION, { defaultValue: 'TripleDES_SHA1' }),
      param('NoProperties', T.Switch),
      param('NoClobber', T.Switch),
      param('Force', T.Switch),
    ],
  };

  Cert?: unknown;
  PFXData?: unknown;
  FilePath!: string;
  Password?: unknown;
  ProtectTo?: string[];
  ChainOption?: string;
  CryptoAlgorithmOption?: string;
  NoProperties?: boolean;
  NoClobber?: boolean;
  Force?: boolean;

  override async processRecord(): Promise<void> {
    const file = resolveFilePath(this.context, this.FilePath);
    try {
      if (this.parameterSetName === 'ByPfxData') {
        throw Object.assign(new Error('Export-PfxCertificate -PFXData is not supported by the emulator; export a certificate with -Cert.'), { errorId: 'NotSupportedByEmulator', category: 'NotImplemented' });
      }
      if (this.ProtectTo?.length && this.Password === undefined) {
        throw Object.assign(new Error('Export-PfxCertificate -ProtectTo (protection to an Active Directory principal) is not supported by the emulator; use -Password.'), { errorId: 'NotSupportedByEmulator', category: 'NotImplemented' });
      }
      if (this.Password === undefined || this.Password === null) {
        throw Object.assign(new Error('Either -Password or -ProtectTo must be specified.'), { errorId: 'PasswordOrProtectToRequired', category: 'InvalidArgument' });
      }
      const cert = this.resolveCertificate(this.Cert);
      if (!isStored(cert)) {
        throw Object.assign(new Error('The certificate is not in a certificate store; export a certificate from Cert:\\CurrentUser\\My or Cert:\\LocalMachine\\My.'), { errorId: 'CertificateNotInStore', category: 'InvalidArgument' });
      }
      if (!(await this.shouldProcess(file, 'Export PFX certificate'))) return;
      const data = exportPfx(this.pki(), cert.storePath, cert.thumbprint, this.passwordText(this.Password), { cipher: this.CryptoAlgorithmOption ?? 'TripleDES_SHA1' });
      writeOutputFile(file, data, { noClobber: !!this.NoClobber });
      await this.writeObject(fileInfoObject(file));
    } catch (e) {
      this.fail(e, file);
    }
  }
}
