import type { TypeSpec } from './types.js';

export const AllParameterSets = '__AllParameterSets';

/** What [Parameter(...)] and its companion attributes declare on a cmdlet property. */
export interface ParameterMeta {
  readonly name: string;
  readonly type: TypeSpec;
  readonly mandatory?: boolean;
  readonly position?: number;
  /** Parameter sets this parameter belongs to; absent means all sets. */
  readonly sets?: readonly string[];
  readonly valueFromPipeline?: boolean;
  readonly valueFromPipelineByPropertyName?: boolean;
  readonly valueFromRemainingArguments?: boolean;
  readonly aliases?: readonly string[];
  /** [ValidateSet(...)]: case-insensitive. */
  readonly validateSet?: readonly string[];
  readonly validateRange?: readonly [number, number];
  readonly validateNotNullOrEmpty?: boolean;
  /** [AllowNull()] / [AllowEmptyString()] / [AllowEmptyCollection()] on a mandatory parameter. */
  readonly allowNull?: boolean;
  readonly allowEmptyString?: boolean;
  readonly allowEmptyCollection?: boolean;
  /** [Credential()]: a string or $null becomes a credential prompt. */
  readonly credentialAttribute?: boolean;
  readonly helpMessage?: string;
  /** Get-Help text for this parameter. */
  readonly description?: string;
  /** Default shown by Get-Help (documentation only: defaults live in the cmdlet). */
  readonly defaultValue?: string;
  /** Script-function parameters: the default value expression, evaluated in the function scope. */
  readonly defaultExpression?: unknown;
}

/** Shorthand for declaring a parameter. */
export function param(name: string, type: TypeSpec, opts: Omit<ParameterMeta, 'name' | 'type'> = {}): ParameterMeta {
  return { name, type, ...opts };
}
