/**
 * Operators with an enum on the left. PowerShell computes on the underlying Int32 and casts the result back
 * to the enum without checking it is defined (`[DayOfWeek]::Saturday + 1` prints 7), after converting the right
 * operand to the enum type (so `+ 'Monday'` and `+ '1'` work, and a Double fails).
 */
import { PSEnum } from '../values/enum.js';
import { convertToType } from '../values/convert.js';
import { numKindOf, toJsNumber } from '../values/numeric.js';
import { typeNameOf } from './types.js';
import { Errors, runtimeError } from './errors.js';

export type EnumOp = '+' | '-' | '*' | '/' | '%' | 'band' | 'bor' | 'bxor';

function invalidCast(from: string, to: string): never {
  throw runtimeError(`Unable to cast object of type '${from}' to type '${to}'.`, 'System.InvalidCastException', 'OperationStopped', null, 'System.InvalidCastException');
}

/** The right operand as the left enum's number. */
function operand(a: PSEnum, b: unknown): number {
  if (b instanceof PSEnum) return b.value;
  if (b === null || b === undefined) return 0;
  const k = numKindOf(b);
  if (k === 'Double' || k === 'Single' || k === 'Decimal') invalidCast(a.type.fullName, 'System.' + k);
  if (k !== undefined) return toJsNumber(b);
  return (convertToType(b, a.type) as PSEnum).value;
}

export function enumBinary(op: EnumOp, a: PSEnum, b: unknown): PSEnum {
  const x = a.value;
  const y = operand(a, b);
  let r: number;
  switch (op) {
    case '+': r = x + y; break;
    case '-': r = x - y; break;
    case '*': r = Math.imul(x, y); break;
    case '/':
      if (y === 0) throw Errors.divideByZero();
      r = x / y;
      if (!Number.isInteger(r)) invalidCast('System.Double', a.type.fullName);
      break;
    case '%':
      if (y === 0) throw Errors.divideByZero();
      r = x % y;
      break;
    case 'band': r = x & y; break;
    case 'bor': r = x | y; break;
    case 'bxor': r = x ^ y; break;
  }
  return new PSEnum(a.type, r | 0);
}

/** -shl / -shr are not defined for enums. */
export function enumShift(op: 'shl' | 'shr', a: PSEnum, b: unknown): never {
  throw runtimeError(`The binary operator ${op === 'shl' ? 'LeftShift' : 'RightShift'} is not defined for the types '${a.type.fullName}' and '${typeNameOf(b)}'.`,
    'System.InvalidOperationException', 'OperationStopped', null, 'System.InvalidOperationException');
}

/** `enum -eq x`: x converts to the enum type; a value that does not convert is simply unequal. */
export function enumEquals(a: PSEnum, b: unknown): boolean {
  if (b === null || b === undefined) return false;
  if (b instanceof PSEnum) return a.value === b.value;
  const k = numKindOf(b);
  if (k !== undefined) return a.value === toJsNumber(b);
  if (typeof b !== 'string') return false;
  try { return (convertToType(b, a.type) as PSEnum).value === a.value; } catch { return false; }
}

/** `enum -lt x`: numbers compare as numbers; anything else converts to the enum (a failure is the error). */
export function enumCompare(a: PSEnum, b: unknown): number {
  if (b instanceof PSEnum) return Math.sign(a.value - b.value);
  const k = numKindOf(b);
  const y = k !== undefined ? toJsNumber(b) : (convertToType(b, a.type) as PSEnum).value;
  return a.value < y ? -1 : a.value > y ? 1 : 0;
}
