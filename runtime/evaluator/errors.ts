import { ErrorRecord, RuntimeError, type ErrorCategory } from '../values/error-record.js';
import { PSException } from './value-types.js';

/** Error factories with PowerShell's texts, ids and categories for failures the language raises. */

export const RUNTIME_EXCEPTION = 'System.Management.Automation.RuntimeException';
const PS_INVALID_CAST = 'System.Management.Automation.PSInvalidCastException';

export function runtimeError(message: string, errorId: string, category: ErrorCategory, target: unknown = null,
  exceptionType = RUNTIME_EXCEPTION, innerType?: string): RuntimeError {
  const inner = innerType ? new PSException(message, innerType) : undefined;
  return new RuntimeError(new ErrorRecord(message, errorId, category, target, exceptionType, {}, undefined, inner));
}

export const Errors = {
  divideByZero: () => runtimeError('Attempted to divide by zero.', 'RuntimeException', 'NotSpecified', null, RUNTIME_EXCEPTION, 'System.DivideByZeroException'),
  methodOnNull: () => runtimeError('You cannot call a method on a null-valued expression.', 'InvokeMethodOnNull', 'InvalidOperation'),
  indexOnNull: () => runtimeError('Cannot index into a null array.', 'NullArray', 'InvalidOperation'),
  methodNotFound: (typeName: string, method: string) =>
    runtimeError(`Method invocation failed because [${typeName}] does not contain a method named '${method}'.`, 'MethodNotFound', 'InvalidOperation'),
  overloadCount: (method: string, count: number) =>
    runtimeError(`Cannot find an overload for "${method}" and the argument count: "${count}".`, 'MethodCountCouldNotFindBest', 'NotSpecified', null, 'System.Management.Automation.MethodException'),
  methodInvocation: (method: string, argc: number, inner: string, innerType = 'System.ArgumentException', id = innerType.split('.').pop()!) =>
    runtimeError(`Exception calling "${method}" with "${argc}" argument(s): "${inner}"`, id, 'NotSpecified', null, 'System.Management.Automation.MethodInvocationException', innerType),
  badInvocationExpression: (op: string) =>
    runtimeError(`The expression after '${op}' in a pipeline element produced an object that was not valid. It must result in a command name, a script block, or a CommandInfo object.`, 'BadExpression', 'InvalidOperation'),
  variableIsUndefined: (name: string) =>
    runtimeError(`The variable '$${name}' cannot be retrieved because it has not been set.`, 'VariableIsUndefined', 'InvalidOperation', name),
  propertyNotFoundStrict: (name: string) =>
    runtimeError(`The property '${name}' cannot be found on this object. Verify that the property exists.`, 'PropertyNotFoundStrict', 'NotSpecified', null,
      'System.Management.Automation.PropertyNotFoundException'),
  nullIndex: () => runtimeError('Index operation failed; the array index evaluated to null.', 'NullArrayIndex', 'InvalidOperation'),
  typeNotFound: (name: string) => runtimeError(`Unable to find type [${name}].`, 'TypeNotFound', 'InvalidOperation', name),
  propertyNotFoundSet: (name: string) =>
    runtimeError(`The property '${name}' cannot be found on this object. Verify that the property exists and can be set.`, 'PropertyNotFound', 'InvalidOperation'),
  setOnPSObject: (name: string) =>
    runtimeError(`Exception setting "${name}": "The property '${name}' cannot be found on this object. Verify that the property exists and can be set."`, 'ExceptionWhenSetting', 'NotSpecified', null, 'System.Management.Automation.SetValueInvocationException'),
  readOnlyProperty: (name: string) => runtimeError(`'${name}' is a ReadOnly property.`, 'PropertyAssignmentException', 'InvalidOperation'),
  indexOutOfRange: () => runtimeError('Index was outside the bounds of the array.', 'System.IndexOutOfRangeException', 'OperationStopped', null, 'System.IndexOutOfRangeException'),
  nullArrayAssign: () => runtimeError('Cannot index into a null array.', 'NullArray', 'InvalidOperation'),
  hashtableAdd: () => runtimeError('A hash table can only be added to another hash table.', 'AddHashTableToNonHashTable', 'InvalidOperation'),
  opNotSupported: (op: string, leftType: string) =>
    runtimeError(`Method invocation failed because [${leftType}] does not contain a method named 'op_${op}'.`, 'MethodNotFound', 'InvalidOperation'),
  badOperator: (op: string) => runtimeError(`The operator '${op}' is not supported.`, 'OperatorNotSupported', 'InvalidOperation'),
  formatError: (msg: string) => runtimeError(`Error formatting a string: ${msg}.`, 'FormatError', 'InvalidOperation'),
  regexError: (pattern: string, msg: string) =>
    runtimeError(`Invalid pattern '${pattern}' at offset ${pattern.length}. ${msg}`, 'System.Text.RegularExpressions.RegexParseException', 'OperationStopped', null, 'System.Text.RegularExpressions.RegexParseException'),
  variableNotFound: (name: string) =>
    runtimeError(`The variable '$${name}' cannot be retrieved because it has not been set.`, 'VariableIsUndefined', 'InvalidOperation', name),
  cannotConvert: (value: string, typeName: string, inner: string, id: string) =>
    runtimeError(`Cannot convert value "${value}" to type "${typeName}". Error: "${inner}"`, id, 'InvalidArgument', value, RUNTIME_EXCEPTION, PS_INVALID_CAST),
  cannotConvertType: (value: string, fromType: string, toType: string) =>
    runtimeError(`Cannot convert the "${value}" value of type "${fromType}" to type "${toType}".`, 'ConvertToFinalInvalidCastException', 'InvalidArgument', value, RUNTIME_EXCEPTION, PS_INVALID_CAST),
  invalidCast: (message: string) => runtimeError(message, 'InvalidCast', 'InvalidArgument'),
  notSupported: (what: string) => runtimeError(`${what} is not supported by syncshell.`, 'NotSupported', 'NotImplemented'),
  rangeTooBig: () => runtimeError('The range operator ".." produced more than 50,000,000 values.', 'RangeTooBig', 'InvalidOperation'),
};
