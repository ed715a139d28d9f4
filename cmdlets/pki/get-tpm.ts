import { getTpmInfo } from '../../pki/index.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { PSObject } from '../../runtime/values/psobject.js';
import { PkiCmdlet } from './pki-cmdlet.js';

export const TPM_OBJECT_TYPE = 'Microsoft.Tpm.Commands.TpmObject';

/** Get-Tpm (module TrustedPlatformModule): the emulated TPM's 19 properties, in Windows' order. */
export class GetTpmCommand extends PkiCmdlet {
  static override meta: CmdletMeta = {
    verb: 'Get', noun: 'Tpm', module: 'TrustedPlatformModule',
    className: 'Microsoft.Tpm.Commands.GetTpmCommand',
    outputType: [TPM_OBJECT_TYPE],
    synopsis: 'Gets a TpmObject that contains information about a TPM.',
    description: "Returns the state of the computer's Trusted Platform Module. The emulated TPM is present by default (an Intel firmware TPM, as in the documentation's example); the emulator's controls can remove it, in which case every flag is False, as on a computer without a TPM.",
    examples: [{ title: 'Example 1: Get TPM information', code: 'Get-Tpm' }],
    parameters: [],
  };

  override async processRecord(): Promise<void> {
    const info = getTpmInfo(this.pki());
    const o = PSObject.typed(TPM_OBJECT_TYPE, {});
    for (const [k, v] of Object.entries(info)) o.addNote(k, v);
    o.toStringImpl = () => TPM_OBJECT_TYPE;
    await this.writeObject(o);
  }
}
