import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { ContentWriterCommand, contentWriterParameters } from './content-writer.js';

/** Add-Content. */
export class AddContentCommand extends ContentWriterCommand {
  static override meta: CmdletMeta = {
    verb: 'Add', noun: 'Content', module: 'Microsoft.PowerShell.Management', className: 'Microsoft.PowerShell.Commands.AddContentCommand',
    defaultParameterSet: 'Path', supportsShouldProcess: true, confirmImpact: 'Medium',
    parameters: contentWriterParameters,
    outputType: ['None', 'System.String'],
    synopsis: 'Adds content to the specified items, such as adding words to a file.',
    description: 'The Add-Content cmdlet appends content to a specified item or file. You can specify the content by typing the content in the command or by specifying an object that contains the content.',
    examples: [{ title: 'Example', code: "Add-Content -Path .\\*.txt -Value 'End of file'" }],
    aliases: ['ac'],
  };

  protected readonly append = true;
}
