/**
 * The view registry: what format.ps1xml files are to PowerShell. The code that emits a .NET type
 * declares its default view here with one call, e.g.
 *
 *   registerView('Microsoft.IdentityManagement.PowerShell.ObjectModel.Connector', tableView([
 *     { label: 'Name', property: 'Name', width: 30 },
 *     { property: 'Type' },
 *   ]));
 *
 * Lookup goes through an object's type names most-derived first, as PowerShell's does.
 */
export type Alignment = 'left' | 'right' | 'center';

/** Where a column's (or list entry's) value comes from: a property name or a function of the object. */
export interface FieldSource {
  /** The property to read (case-insensitive). */
  readonly property?: string;
  /** A computed value (a format.ps1xml <ScriptBlock>); used when no property is given. */
  readonly value?: (obj: unknown) => unknown;
  /** A .NET format string for the value, e.g. '{0:N0}' or 'N2' (FormatString). */
  readonly format?: string;
}

export interface TableColumn extends FieldSource {
  /** Header text; defaults to the property name. */
  readonly label?: string;
  /** Column width in cells; absent or 0 lets the formatter size it from the data. */
  readonly width?: number;
  readonly alignment?: Alignment;
}

export interface ListEntry extends FieldSource {
  readonly label?: string;
}

/** <GroupBy>: a new group (with a '   Label: value' header) starts whenever the value changes. */
export interface GroupBy extends FieldSource {
  /** Text before the colon; defaults to the property name. */
  readonly label?: string;
}

export interface TableView {
  readonly kind: 'table';
  readonly name?: string;
  readonly columns: readonly TableColumn[];
  readonly groupBy?: GroupBy;
  readonly autoSize?: boolean;
  readonly hideTableHeaders?: boolean;
  /** <Wrap/>: cells wrap onto several lines instead of being cut with '…'. */
  readonly wrap?: boolean;
}

export interface ListView {
  readonly kind: 'list';
  readonly name?: string;
  readonly entries: readonly ListEntry[];
  readonly groupBy?: GroupBy;
}

/** A <CustomControl>: the object renders itself as lines of text (DateTime's long form). */
export interface CustomView {
  readonly kind: 'custom';
  readonly name?: string;
  render(obj: unknown): string[];
}

export type View = TableView | ListView | CustomView;

export function tableView(columns: readonly TableColumn[], opts: Omit<TableView, 'kind' | 'columns'> = {}): TableView {
  return { kind: 'table', columns, ...opts };
}

export function listView(entries: readonly (ListEntry | string)[], opts: Omit<ListView, 'kind' | 'entries'> = {}): ListView {
  return { kind: 'list', entries: entries.map((e) => (typeof e === 'string' ? { property: e } : e)), ...opts };
}

const views = new Map<string, View[]>();
const defaultProperties = new Map<string, readonly string[]>();

/**
 * Declares a view for a .NET type name. The first view registered for a type is its default (what
 * Out-Default uses); later ones are used by Format-Table / Format-List when their shape is asked for.
 */
export function registerView(typeName: string, view: View): void {
  const key = typeName.toLowerCase();
  const list = views.get(key) ?? [];
  list.push(view);
  views.set(key, list);
}

/**
 * types.ps1xml's DefaultDisplayPropertySet: the properties shown when a type has no view (≤ 4: a table,
 * more: a list). Format-List * and Select-Object still see every property.
 */
export function registerDefaultDisplayProperties(typeName: string, properties: readonly string[]): void {
  defaultProperties.set(typeName.toLowerCase(), properties);
}

/** Removes what was registered for a type (tests). */
export function unregisterViews(typeName: string): void {
  views.delete(typeName.toLowerCase());
  defaultProperties.delete(typeName.toLowerCase());
}

/** The view for the first of `typeNames` that has one; `kind` restricts to one shape (Format-Table/List). */
export function findView(typeNames: readonly string[], kind?: View['kind']): View | undefined {
  for (const t of typeNames) {
    const list = views.get(t.toLowerCase());
    if (!list) continue;
    const hit = kind ? list.find((v) => v.kind === kind) : list[0];
    if (hit) return hit;
  }
  return undefined;
}

export function findDefaultDisplayProperties(typeNames: readonly string[]): readonly string[] | undefined {
  for (const t of typeNames) {
    const hit = defaultProperties.get(t.toLowerCase());
    if (hit) return hit;
  }
  return undefined;
}
