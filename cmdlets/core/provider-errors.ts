/** Errors providers raise; the cmdlets turn them into error records with these ids and categories. */
export class ProviderError extends Error {
  constructor(message: string, readonly errorId: string, readonly category: 'ObjectNotFound' | 'InvalidOperation' | 'PermissionDenied' | 'InvalidArgument' | 'WriteError' | 'ReadError' | 'NotImplemented' | 'ResourceExists',
    readonly exceptionType = 'System.Management.Automation.ItemNotFoundException') { super(message); }
}


/** The standard "path does not exist" error text. */
export function pathNotFound(display: string): ProviderError {
  return new ProviderError(`Cannot find path '${display}' because it does not exist.`, 'PathNotFound', 'ObjectNotFound');
}
