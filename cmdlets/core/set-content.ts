import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { ContentWriterCommand, contentWriterParameters } from './content-writer.js';

/** Set-Content. */
export class SetContentCommand extends ContentWriterCommand {
  static override meta: CmdletMeta = {
    verb: 'Set', noun: 'Content', module: 'Microsoft.PowerShell.Management', className: 'Microsoft.PowerShell.Commands.SetContentCommand',
    defaultParameterSet: 'Path', supportsShouldProcess: true, confirmImpact: 'Medium',
    parameters: contentWriterParameters,
    outputType: ['None', 'System.String'],
    synopsis: 'Writes new content or replaces existing content in a file.',
    description: 'Set-Content is a string-processing cmdlet that writes new content or replaces the content in a file. Set-Content replaces the existing content.',
    examples: [{ title: 'Example', code: "Set-Content -Path .\\Test1.txt -Value 'Hello, World'" }],
    aliases: ['sc'],
  };

  protected readonly append = false;
}
