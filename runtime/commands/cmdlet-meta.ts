import type { ParameterMeta } from './parameter.js';

export interface HelpExample { readonly title?: string; readonly code: string; readonly remarks?: string }

/** What [Cmdlet(...)] and the help file say about a cmdlet. */
export interface CmdletMeta {
  readonly verb: string;
  readonly noun: string;
  readonly parameters: readonly ParameterMeta[];
  readonly defaultParameterSet?: string;
  readonly supportsShouldProcess?: boolean;
  readonly confirmImpact?: 'None' | 'Low' | 'Medium' | 'High';
  /** Module that exports it, e.g. 'Microsoft.PowerShell.Utility', 'ADSync'. */
  readonly module: string;
  /** The .NET class name, which ends FullyQualifiedErrorIds: 'Microsoft.PowerShell.Commands.GetDateCommand'. */
  readonly className?: string;
  readonly outputType?: readonly string[];
  readonly synopsis?: string;
  readonly description?: string;
  readonly examples?: readonly HelpExample[];
  readonly aliases?: readonly string[];
}

export function commandName(meta: CmdletMeta): string { return `${meta.verb}-${meta.noun}`; }
