import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { ProviderError, providersOf } from './providers.js';
import { reportProviderError } from './item-helpers.js';
import './filesystem-views.js';

/** New-Item: creates a file or directory (or what the owning provider supports). */
export class NewItemCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'New', noun: 'Item', module: 'Microsoft.PowerShell.Management', className: 'Microsoft.PowerShell.Commands.NewItemCommand',
    defaultParameterSet: 'pathSet', supportsShouldProcess: true, confirmImpact: 'Medium',
    parameters: [
      param('Path', T.array(T.String), { mandatory: true, position: 0, sets: ['pathSet'], valueFromPipelineByPropertyName: true, description: 'Specifies the path of the location of the new item.' }),
      param('Name', T.String, { valueFromPipelineByPropertyName: true, description: 'Specifies the name of the new item.' }),
      param('ItemType', T.String, { valueFromPipelineByPropertyName: true, aliases: ['Type'], description: 'Specifies the provider-specified type of the new item (File, Directory).' }),
      param('Value', T.Object, { valueFromPipeline: true, valueFromPipelineByPropertyName: true, aliases: ['Target'], description: 'Specifies the value of the new item.' }),
      param('Force', T.Switch, { description: 'Forces this cmdlet to create an item that writes over an existing read-only item.' }),
    ],
    outputType: ['System.IO.FileInfo', 'System.IO.DirectoryInfo'],
    synopsis: 'Creates a new item.',
    description: 'The New-Item cmdlet creates a new item and sets its value. The types of items that can be created depend on the location of the item (files and folders in the file system).',
    examples: [
      { title: 'Create a file in the current directory', code: 'New-Item -Path . -Name "testfile1.txt" -ItemType "file" -Value "This is a text string."' },
      { title: 'Create a directory', code: 'New-Item -Path "c:\\" -Name "logfiles" -ItemType "directory"' },
    ],
    aliases: ['ni'],
  };

  Path: string[] = [];
  Name?: string;
  ItemType = 'File';
  Value: unknown = null;
  Force = false;

  override async processRecord(): Promise<void> {
    const reg = providersOf(this.context);
    for (const p of this.Path) {
      try {
        let { provider, path } = reg.locate(p, this.context.location);
        if (this.Name) path = provider.join(path, this.Name);
        if (!provider.newItem) throw new ProviderError('Provider operation stopped because the provider does not support this operation.', 'NotSupported', 'NotImplemented', 'System.Management.Automation.PSNotSupportedException');
        if (!(await this.shouldProcess(`Destination: ${provider.display(path)}`, `Create ${this.ItemType}`))) continue;
        await this.writeObject(await provider.newItem(path, this.ItemType, this.Value, this.Force));
      } catch (e) {
        reportProviderError(this, e, p);
      }
    }
  }
}
