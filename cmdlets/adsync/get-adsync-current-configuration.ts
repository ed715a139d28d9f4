import * as fs from 'node:fs';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { convertToJson } from '../../runtime/format/index.js';
import { AdsyncCmdlet } from './adsync-cmdlet.js';
import { configurationObject, TYPES } from './objects.js';
import { resolvePath } from './file-path.js';
import { CMDLET_NS, MODULE } from './registration-params.js';

/**
 * Get-ADSyncCurrentConfiguration: the wizard's Tasks > "View or export current configuration" page, which the
 * documents show only as screenshots (no cmdlet is named). Emits the report as a list; -Path also exports it as JSON.
 */
export class GetADSyncCurrentConfigurationCommand extends AdsyncCmdlet {
  static override meta: CmdletMeta = {
    verb: 'Get', noun: 'ADSyncCurrentConfiguration', module: MODULE, className: `${CMDLET_NS}.GetADSyncCurrentConfigurationCommand`,
    outputType: [TYPES.configuration],
    parameters: [param('Path', T.String, { position: 0, description: 'Also export the configuration as JSON to this file (the wizard\'s Export).' })],
    synopsis: 'Views or exports the current configuration (the wizard\'s "View or export current configuration").',
    description: 'For application-based authentication: the application (client) ID and the certificate rows of the article — Certificate managed by, Automatic rotation enabled, Certificate thumbprint, Certificate SHA256 hash, Subject name, Issued by, Serial number, Not valid before, Not valid after. For the legacy account: the account name.',
    examples: [
      { code: 'Get-ADSyncCurrentConfiguration' },
      { code: 'Get-ADSyncCurrentConfiguration -Path .\\current-configuration.json' },
      { code: 'Get-ADSyncCurrentConfiguration | ConvertTo-Json' },
    ],
  };

  Path?: string;

  override async processRecord(): Promise<void> {
    let report;
    try { report = this.server().getCurrentConfiguration(); } catch (e) { this.fail(e); return; }
    const o = configurationObject(report);
    if (this.Path) {
      const file = resolvePath(this.context.location, this.Path);
      try {
        fs.writeFileSync(file, convertToJson(o, { depth: 3 }).json + '\n', 'utf8');
      } catch (e) {
        this.throwTerminatingError(this.error(`Could not export the configuration to '${file}': ${(e as Error).message}`, 'ExportFailed', 'WriteError', file, 'System.IO.IOException'));
      }
    }
    await this.writeObject(o);
  }
}
