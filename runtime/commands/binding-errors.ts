import { ErrorRecord, type ErrorCategory } from '../values/error-record.js';

/**
 * ParameterBindingException texts, from PowerShell's ParameterBinderStrings.resx, in one place.
 */
const PBE = 'System.Management.Automation.ParameterBindingException';

function rec(message: string, id: string, category: ErrorCategory = 'InvalidArgument', target: unknown = null): ErrorRecord {
  return new ErrorRecord(message, id, category, target, PBE);
}

export const BindingErrors = {
  namedNotFound: (name: string) => rec(`A parameter cannot be found that matches parameter name '${name}'.`, 'NamedParameterNotFound'),
  positionalNotFound: (arg: string) => rec(`A positional parameter cannot be found that accepts argument '${arg}'.`, 'PositionalParameterNotFound'),
  missingArgument: (name: string, typeName: string) =>
    rec(`Missing an argument for parameter '${name}'. Specify a parameter of type '${typeName}' and try again.`, 'MissingArgument'),
  ambiguous: (name: string, matches: string[]) =>
    rec(`Parameter cannot be processed because the parameter name '${name}' is ambiguous. Possible matches include:${matches.map((m) => ' -' + m).join('')}.`, 'AmbiguousParameter'),
  cannotConvert: (name: string, inner: string) => rec(`Cannot bind parameter '${name}'. ${inner}`, 'CannotConvertArgumentNoMessage'),
  transformation: (name: string, inner: string) => rec(`Cannot process argument transformation on parameter '${name}'. ${inner}`, 'ParameterArgumentTransformationError', 'InvalidData'),
  validation: (name: string, inner: string) => rec(`Cannot validate argument on parameter '${name}'. ${inner}`, 'ParameterArgumentValidationError', 'InvalidData'),
  nullNotAllowed: (name: string) => rec(`Cannot bind argument to parameter '${name}' because it is null.`, 'ParameterArgumentValidationErrorNullNotAllowed', 'InvalidData'),
  emptyNotAllowed: (name: string) => rec(`Cannot bind argument to parameter '${name}' because it is an empty string.`, 'ParameterArgumentValidationErrorEmptyStringNotAllowed', 'InvalidData'),
  ambiguousSet: (category: ErrorCategory = 'InvalidArgument') => rec('Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.', 'AmbiguousParameterSet', category),
  missingMandatory: (names: string[]) =>
    rec(`Cannot process command because of one or more missing mandatory parameters:${names.map((n) => ' ' + n).join('')}.`, 'MissingMandatoryParameter', 'InvalidArgument'),
  alreadyBound: (name: string) =>
    rec(`Cannot bind parameter because parameter '${name}' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, "-parameter value1,value2,value3".`, 'ParameterAlreadyBound'),
  inputNotBound: (input: unknown) =>
    rec('The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.', 'InputObjectNotBound', 'InvalidArgument', input),
  validateSet: (name: string, value: string, set: readonly string[]) =>
    BindingErrors.validation(name, `The argument "${value}" does not belong to the set "${set.join(',')}" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.`),
  validateRange: (name: string, value: string, min: number, max: number) =>
    BindingErrors.validation(name, Number(value) < min
      ? `The ${value} argument is less than the minimum allowed range of ${min}. Supply an argument that is greater than or equal to ${min} and then try the command again.`
      : `The ${value} argument is greater than the maximum allowed range of ${max}. Supply an argument that is less than or equal to ${max} and then try the command again.`),
};
