/**
 * The language facade: parse text, run it with an Evaluator over a Session, and the value operations
 * the command layer shares (conversion, string form, members, enumeration).
 */
export { parse, isIncomplete } from '../parser/index.js';
export type { ScriptBlockAst } from '../parser/ast.js';
export { Evaluator, type EvaluatorOptions } from './evaluator.js';
export { Session, Scope, type Variable } from './session.js';
export { PSScriptBlock, parameterMeta, typeSpecOf } from './scriptblock.js';
export type { Sink } from './async.js';
export {
  convertTo, convertToType, toPSString, toBool, toNumber, parseDateTime, parseTimeSpan, conversionContext,
} from '../values/convert.js';
export {
  getMember, setMember, invokeMethod, getStaticMember, invokeStaticMethod, newObject, getIndex, setIndex, exceptionOf,
  dictionaryEntry, ownProperty, PSEncoding, PSHashAlgorithm, type MemberHost,
} from '../values/members.js';
export { enumerate, iterate, isEnumerable, equals, compare, like, wildcardToRegex, binary, unary, formatOne } from './operators.js';
export { PSChar, PSGuid, PSTypeRef, PSException, PSRegex, PSVersion } from './value-types.js';
export { PSDictionary } from './dictionary.js';
export { resolveType, registerType, typeNameOf, isInstance, type TypeInfo } from './types.js';
export { formatNumber, formatDateTime, formatTimeSpan, formatG15, numberToString } from './format.js';
export { makeList, isList } from './collections.js';
export { runtimeError, Errors } from './errors.js';
export { markScriptTerminating, isScriptTerminating } from './helpers.js';
