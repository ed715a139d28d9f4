import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { PSHashtable } from '../../runtime/values/hashtable.js';
import { PSObject } from '../../runtime/values/psobject.js';
import { RuntimeError } from '../../runtime/values/error-record.js';
import { newObject, setMember } from '../../runtime/evaluator/index.js';

/** New-Object: a .NET object by type name, with constructor arguments and properties to set; COM is not emulated. */
export class NewObjectCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'New', noun: 'Object', module: 'Microsoft.PowerShell.Utility', className: 'Microsoft.PowerShell.Commands.NewObjectCommand',
    defaultParameterSet: 'Net',
    parameters: [
      param('TypeName', T.String, { mandatory: true, position: 0, sets: ['Net'] }),
      param('ArgumentList', T.array(T.Object), { position: 1, sets: ['Net'], aliases: ['Args'] }),
      param('ComObject', T.String, { mandatory: true, position: 0, sets: ['Com'] }),
      param('Strict', T.Switch, { sets: ['Com'] }),
      param('Property', T.Hashtable),
    ],
    synopsis: 'Creates an instance of a Microsoft .NET Framework or COM object.',
    description: 'The New-Object cmdlet creates an instance of a .NET Framework type. Use -Property to set properties of the new object. COM objects are not available in the emulator.',
    examples: [
      { code: "New-Object -TypeName PSObject -Property @{ Name = 'x'; Count = 1 }", remarks: 'Creates a custom object with two properties.' },
      { code: 'New-Object System.Management.Automation.PSCredential ($user, $securePassword)', remarks: 'Creates a credential from a user name and a SecureString.' },
    ],
  };

  TypeName?: string;
  ArgumentList?: unknown[];
  ComObject?: string;
  Property?: PSHashtable;

  override processRecord(): void {
    if (this.parameterSetName === 'Com') {
      this.throwTerminatingError(this.error(`Retrieving the COM class factory for component with CLSID ${this.ComObject} failed: COM objects are not available in the emulator.`,
        'NoCOMClassIdentified', 'ResourceUnavailable', this.ComObject, 'System.Runtime.InteropServices.COMException'));
    }
    let obj: unknown;
    try {
      obj = newObject(this.TypeName!, this.ArgumentList ?? []);
    } catch (e) {
      if (e instanceof RuntimeError) {
        if (e.record.errorId === 'TypeNotFound') {
          this.throwTerminatingError(this.error(`Cannot find type [${this.TypeName}]: verify that the assembly containing this type is loaded.`,
            'TypeNotFound', 'InvalidType', this.TypeName, 'System.Management.Automation.PSArgumentException'));
        }
        this.throwTerminatingError(this.error(e.record.message, 'ConstructorInvokedThrowException', 'InvalidOperation', null, 'System.Management.Automation.MethodInvocationException'));
      }
      throw e;
    }
    if (this.Property) {
      for (const [k, v] of this.Property.entries()) {
        if (obj instanceof PSObject && !obj.hasProperty(String(k))) obj.addNote(String(k), v);
        else setMember(obj, String(k), v);
      }
    }
    this.writeObject(obj);
  }
}
