/**
 * The command registry as Get-Command, Get-Help and Get-Alias see it. The coordinator provides it
 * as the session service 'commands'.
 */
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import type { ParameterMeta } from '../../runtime/commands/parameter.js';
import type { ExecutionContext } from '../../runtime/commands/context.js';

export type CommandKind = 'Cmdlet' | 'Function' | 'Alias';

export interface CatalogEntry {
  readonly name: string;
  readonly commandType: CommandKind;
  /** Module name ('' for functions defined in the session). */
  readonly module: string;
  /** Alias: the target command name. Function: its script text. Cmdlet: its syntax (optional). */
  readonly definition: string;
  /** Module version shown by Get-Command ('7.0.0.0' for the Utility module...). */
  readonly version?: string;
  /** Cmdlets: the class metadata (parameters, help). */
  readonly meta?: CmdletMeta;
  /** Functions: their param() block. */
  readonly parameters?: readonly ParameterMeta[];
}

export interface CommandCatalog {
  list(): CatalogEntry[];
  /** A cmdlet's metadata, loading it if needed (entries of lazily loaded cmdlets carry none). */
  meta?(name: string): Promise<CmdletMeta | undefined> | CmdletMeta | undefined;
}

/** The metadata of a catalog entry: its own, else what the catalog loads. */
export async function metaOf(catalog: CommandCatalog, e: CatalogEntry): Promise<CmdletMeta | undefined> {
  if (e.meta) return e.meta;
  if (e.commandType !== 'Cmdlet' || !catalog.meta) return undefined;
  try { return await catalog.meta(e.name); } catch { return undefined; }
}

export function catalogOf(ctx: ExecutionContext): CommandCatalog {
  return ctx.service<CommandCatalog>('commands');
}

/** Version Get-Command shows for the built-in modules of PowerShell 7.6. */
export function moduleVersion(entry: CatalogEntry): string {
  if (entry.version) return entry.version;
  switch (entry.module) {
    case 'Microsoft.PowerShell.Core': return '7.6.0.500';
    case 'Microsoft.PowerShell.Utility': case 'Microsoft.PowerShell.Management': case 'Microsoft.PowerShell.Security': return '7.0.0.0';
    default: return '';
  }
}

/** Follow an alias to the command it names (at most a few hops; a dangling alias gives undefined). */
export function resolveEntry(entries: readonly CatalogEntry[], name: string): CatalogEntry | undefined {
  let cur = entries.find((e) => e.name.toLowerCase() === name.toLowerCase());
  for (let hops = 0; cur && cur.commandType === 'Alias' && hops < 8; hops++) {
    const target = cur.definition.toLowerCase();
    cur = entries.find((e) => e.name.toLowerCase() === target);
  }
  return cur;
}

/** CommandTypes enum order: Alias, Function, Filter, Cmdlet (Get-Command sorts by it, then by name). */
export const KIND_ORDER: Record<CommandKind, number> = { Alias: 1, Function: 2, Cmdlet: 8 };
