/**
 * What Format-Table / Format-List emit and Out-Default / Out-String consume: PowerShell's formatting
 * protocol (FormatStartData, GroupStartData, FormatEntryData, GroupEndData, FormatEndData), reduced to
 * the fields the renderer needs. Cells are already text, so rendering never runs script.
 */
import type { Alignment } from './views.js';

export interface TableHeader {
  readonly columns: readonly { readonly label: string; readonly width: number; readonly alignment: Alignment }[];
  readonly hideHeader: boolean;
}

export type FormatRecord =
  | { readonly kind: 'formatStart'; readonly shape: 'table' | 'list' | 'custom'; readonly table?: TableHeader; readonly autoSize: boolean }
  | { readonly kind: 'groupStart'; readonly label?: string }
  | { readonly kind: 'tableRow'; readonly cells: readonly string[]; readonly aligns: readonly (Alignment | undefined)[]; readonly wrap: boolean }
  | { readonly kind: 'listEntry'; readonly labels: readonly string[]; readonly values: readonly string[] }
  | { readonly kind: 'customEntry'; readonly lines: readonly string[] }
  /** Out-of-band data: a scalar's text, or a list for an object the active view does not apply to. */
  | { readonly kind: 'rawText'; readonly text: string }
  | { readonly kind: 'outOfBandList'; readonly labels: readonly string[]; readonly values: readonly string[] }
  | { readonly kind: 'groupEnd' }
  | { readonly kind: 'formatEnd' };

const TYPE_NAMES: Record<FormatRecord['kind'], string> = {
  formatStart: 'Microsoft.PowerShell.Commands.Internal.Format.FormatStartData',
  groupStart: 'Microsoft.PowerShell.Commands.Internal.Format.GroupStartData',
  tableRow: 'Microsoft.PowerShell.Commands.Internal.Format.FormatEntryData',
  listEntry: 'Microsoft.PowerShell.Commands.Internal.Format.FormatEntryData',
  customEntry: 'Microsoft.PowerShell.Commands.Internal.Format.FormatEntryData',
  rawText: 'Microsoft.PowerShell.Commands.Internal.Format.FormatEntryData',
  outOfBandList: 'Microsoft.PowerShell.Commands.Internal.Format.FormatEntryData',
  groupEnd: 'Microsoft.PowerShell.Commands.Internal.Format.GroupEndData',
  formatEnd: 'Microsoft.PowerShell.Commands.Internal.Format.FormatEndData',
};

/** One formatting record in the pipeline (what `Format-Table | Get-Member` shows). */
export class FormatData {
  constructor(readonly record: FormatRecord) {}
  get psTypeName(): string { return TYPE_NAMES[this.record.kind]; }
  toString(): string { return this.psTypeName; }
}

export function isFormatData(v: unknown): v is FormatData { return v instanceof FormatData; }
