import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { ErrorCategories, ErrorRecord, isErrorCategory } from '../../runtime/values/error-record.js';
import { toPSString } from './lang.js';

const Category = T.enum('System.Management.Automation.ErrorCategory', ErrorCategories);

/**
 * Write-Error: a non-terminating error record. Its FullyQualifiedErrorId is the -ErrorId alone
 * ('Microsoft.PowerShell.Commands.WriteErrorException' by default), with no command suffix, as pwsh's.
 */
export class WriteErrorCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Write', noun: 'Error', module: 'Microsoft.PowerShell.Utility', className: 'Microsoft.PowerShell.Commands.WriteErrorCommand',
    defaultParameterSet: 'NoException',
    parameters: [
      param('Exception', T.Object, { mandatory: true, sets: ['WithException'], description: 'Specifies an exception object that represents the error.' }),
      param('Message', T.String, { mandatory: true, position: 0, sets: ['NoException'], valueFromPipeline: true, aliases: ['Msg'], description: 'Specifies the message text of the error.' }),
      param('ErrorRecord', T.Object, { mandatory: true, sets: ['ErrorRecord'], description: 'Specifies an error record object that represents the error.' }),
      param('Category', Category, { sets: ['NoException', 'WithException'], description: 'Specifies the category of the error.', defaultValue: 'NotSpecified' }),
      param('ErrorId', T.String, { sets: ['NoException', 'WithException'], description: 'Specifies an ID string to identify the error.' }),
      param('TargetObject', T.Object, { sets: ['NoException', 'WithException'], description: 'Specifies the object that was being processed when the error occurred.' }),
      param('RecommendedAction', T.String, { description: 'Specifies the action that the user should take to resolve or prevent the error.' }),
      param('CategoryActivity', T.String, { aliases: ['Activity'], description: 'Specifies the action that caused the error.' }),
      param('CategoryReason', T.String, { aliases: ['Reason'], description: 'Specifies how or why the activity caused the error.' }),
      param('CategoryTargetName', T.String, { aliases: ['TargetName'], description: 'Specifies the name of the object that was being processed when the error occurred.' }),
      param('CategoryTargetType', T.String, { aliases: ['TargetType'], description: 'Specifies the type of the object that was being processed when the error occurred.' }),
    ],
    outputType: ['None'],
    synopsis: 'Writes an object to the error stream.',
    description: 'The Write-Error cmdlet declares a non-terminating error. By default, errors are sent in the error stream to the host program to be displayed, along with output.',
    examples: [
      { title: 'Write an error', code: 'Write-Error "Access denied."' },
      { title: 'Write an error with a category and id', code: 'Write-Error -Message "Access denied." -Category PermissionDenied -ErrorId AccessDenied' },
    ],
  };

  Exception?: unknown;
  Message?: string;
  ErrorRecord?: unknown;
  Category = 'NotSpecified';
  ErrorId = '';
  TargetObject: unknown = null;
  RecommendedAction?: string;
  CategoryActivity?: string;
  CategoryReason?: string;
  CategoryTargetName?: string;
  CategoryTargetType?: string;

  override processRecord(): void {
    let record: ErrorRecord;
    if (this.ErrorRecord instanceof ErrorRecord) {
      record = this.ErrorRecord;
    } else {
      const ex = this.Exception;
      const message = this.Message ?? (ex instanceof Error ? ex.message : ex instanceof ErrorRecord ? ex.message : toPSString(ex));
      const exceptionType = ex instanceof ErrorRecord ? ex.exceptionType : ex !== undefined && ex !== null && this.isBound('Exception') ? 'System.Exception' : 'Microsoft.PowerShell.Commands.WriteErrorException';
      const category = isErrorCategory(this.Category) ? this.Category : 'NotSpecified';
      record = new ErrorRecord(message, this.ErrorId || (this.isBound('Exception') ? exceptionType : 'Microsoft.PowerShell.Commands.WriteErrorException'),
        category, this.TargetObject ?? null, exceptionType);
    }
    // Bypass the base stamp: Write-Error's FullyQualifiedErrorId carries no command type suffix.
    record.commandTypeName = undefined;
    if (!record.position.commandName) record.position = { ...record.position, commandName: 'Write-Error' };
    this.runtime.writeError(record);
  }
}
