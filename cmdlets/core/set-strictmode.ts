import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';

/** The strict-mode versions PowerShell 7 knows; 'Latest' is the highest. */
const LATEST = 3;

/**
 * Set-StrictMode: in the current scope and its children, reading an unset variable (1+) or a
 * property an object does not have (2+) becomes an error.
 */
export class SetStrictModeCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Set', noun: 'StrictMode', module: 'Microsoft.PowerShell.Core', className: 'Microsoft.PowerShell.Commands.SetStrictModeCommand',
    defaultParameterSet: 'Version',
    parameters: [
      param('Version', T.String, { mandatory: true, sets: ['Version'], aliases: ['v'],
        description: "Specifies the conditions that cause an error in strict mode: 1.0, 2.0, 3.0 or Latest." }),
      param('Off', T.Switch, { mandatory: true, sets: ['Off'], description: 'Turns strict mode off.' }),
    ],
    outputType: ['None'],
    synopsis: 'Establishes and enforces coding rules in expressions, scripts, and script blocks.',
    description: 'The Set-StrictMode cmdlet configures strict mode for the current scope and all child scopes, and turns it on and off.',
    examples: [{ title: 'Example', code: 'Set-StrictMode -Version Latest' }],
  };

  Version?: string;
  Off = false;

  override async endProcessing(): Promise<void> {
    const vars = this.context.variables;
    if (this.Off) { vars.setStrictMode?.(0); return; }
    const text = (this.Version ?? '').trim();
    let version: number;
    if (/^latest$/i.test(text)) version = LATEST;
    else {
      const m = /^(\d+)(?:\.(\d+))?(?:\.\d+){0,2}$/.exec(text);
      const major = m ? Number(m[1]) : NaN;
      // Any PowerShell version is accepted (PSVersionInfo.IsValidPSVersion); 3.0 and later all mean version 3 rules.
      if (!m || major < 1 || major > 7) {
        this.throwTerminatingError(this.error(
          `Cannot validate argument on parameter 'Version'. The argument "${text}" is not a valid PowerShell version.`,
          'ParameterArgumentValidationError', 'InvalidData', text, 'System.Management.Automation.ParameterBindingValidationException'));
      }
      version = Math.min(major, LATEST);
    }
    vars.setStrictMode?.(version);
  }
}
