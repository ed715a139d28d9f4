/**
 * The front half of PowerShell's formatting (format-default / Format-Table / Format-List): turns
 * objects into formatting records. The first object that is not out-of-band picks the view; later
 * objects use it when it applies to them, and are shown out of band (scalars as text, others as a
 * list) when it does not.
 */
import { PSObject } from '../values/psobject.js';
import { FormatData, type FormatRecord } from './format-data.js';
import {
  cellText, displayEnumerable, isRightAligned, isScalar, objectToString, typeNamesOf, DefaultEnumerationLimit, isFloatingPoint,
} from './display-string.js';
import { applyFormatString, formatFixed } from './number-format.js';
import { propertiesOf, findProperty } from './object-properties.js';
import { resolveFields, fieldValue, type FieldSpec, type ResolvedField } from './field-spec.js';
import {
  findView, findDefaultDisplayProperties, type Alignment, type GroupBy, type TableView, type ListView, type CustomView, type FieldSource,
} from './views.js';
import { registerBuiltinViews } from './builtin-views.js';
import { formatSettings } from './settings.js';

export interface FormatParameters {
  /** Format-Table / Format-List; absent for Out-Default's own choice. */
  readonly shape?: 'table' | 'list';
  readonly properties?: readonly FieldSpec[];
  readonly groupBy?: FieldSpec;
  readonly autoSize?: boolean;
  readonly wrap?: boolean;
  readonly hideTableHeaders?: boolean;
  /** -View: the name of a registered view. */
  readonly view?: string;
  /** $FormatEnumerationLimit. */
  readonly enumerationLimit?: number;
  /** -Force: format scalars too instead of printing them as text (forceFormattingAlsoOnOutOfBand). */
  readonly force?: boolean;
}

interface Column { readonly label: string; readonly width: number; readonly alignment: Alignment; readonly get: (o: unknown) => unknown; readonly format?: string }
interface ListField { readonly label: string; readonly get: (o: unknown) => unknown; readonly format?: string }

type Active =
  | { kind: 'table'; fromView: boolean; columns: Column[]; wrap: boolean; appliesTo?: string; autoSize?: boolean; hideHeaders?: boolean }
  | { kind: 'list'; fromView: boolean; fields: ListField[]; appliesTo?: string; perObject?: (o: unknown) => ListField[] }
  | { kind: 'custom'; view: CustomView; appliesTo: string };

export class FormatGenerator {
  private active?: Active;
  private inGroup = false;
  private groupKey: unknown = undefined;
  private groupGet?: (o: unknown) => unknown;
  private groupLabel = '';
  private computed?: ReadonlyMap<FieldSpec, unknown>;
  private readonly limit: number;

  constructor(private readonly params: FormatParameters = {}) {
    registerBuiltinViews();
    this.limit = params.enumerationLimit ?? DefaultEnumerationLimit;
  }

  /**
   * Records for one pipeline object (enumerating collections one level, as Out-Default does).
   * `computed` carries the values of script-block fields for this object (see computeFields).
   */
  process(value: unknown, computed?: ReadonlyMap<FieldSpec, unknown>): FormatData[] {
    if (value === null || value === undefined) return [];
    if (value instanceof FormatData) {
      // Format-* output arriving while this formatter has a document open: close ours first, as
      // OutCommandInner does when a FormatStartData comes out of sequence.
      if (value.record.kind === 'formatStart' && this.active) return [...this.end(), value];
      return [value];
    }
    const items = displayEnumerable(value);
    const out: FormatRecord[] = [];
    this.computed = computed;
    if (items) for (const item of items) this.processOne(item, out);
    else this.processOne(value, out);
    return out.map((r) => new FormatData(r));
  }

  end(): FormatData[] {
    const out: FormatRecord[] = [];
    if (this.active) {
      if (this.inGroup) out.push({ kind: 'groupEnd' });
      out.push({ kind: 'formatEnd' });
    }
    this.active = undefined;
    this.inGroup = false;
    return out.map((r) => new FormatData(r));
  }

  private processOne(obj: unknown, out: FormatRecord[]): void {
    if (obj === null || obj === undefined) return;
    if (obj instanceof FormatData) { out.push(obj.record); return; }
    // Scalars and objects without properties are always shown by their text.
    const outOfBandAllowed = !(this.params.shape && this.params.force);
    if (outOfBandAllowed && (isScalar(obj) || !hasProperties(obj))) { out.push({ kind: 'rawText', text: objectToString(obj) }); return; }
    if (!this.active) {
      this.active = this.chooseView(obj);
      const a = this.active;
      out.push({
        kind: 'formatStart',
        shape: a.kind,
        autoSize: this.params.autoSize ?? (a.kind === 'table' ? a.autoSize ?? false : false),
        table: a.kind === 'table'
          ? {
            columns: a.columns.map((c) => ({ label: c.label, width: this.params.autoSize ? 0 : c.width, alignment: c.alignment })),
            hideHeader: this.params.hideTableHeaders ?? a.hideHeaders ?? false,
          }
          : undefined,
      });
    }
    if (outOfBandAllowed && !this.applies(obj)) { out.push(this.outOfBand(obj)); return; }
    if (!this.inGroup) {
      this.groupKey = this.groupGet?.(obj);
      out.push(this.groupStart());
      this.inGroup = true;
    } else if (this.groupGet) {
      const key = this.groupGet(obj);
      if (!sameGroup(key, this.groupKey)) {
        this.groupKey = key;
        out.push({ kind: 'groupEnd' });
        out.push(this.groupStart());
      }
    }
    out.push(this.payload(obj));
  }

  private groupStart(): FormatRecord {
    if (!this.groupGet) return { kind: 'groupStart' };
    return { kind: 'groupStart', label: `   ${this.groupLabel}: ${cellText(this.groupKey, this.limit)}` };
  }

  private applies(obj: unknown): boolean {
    const a = this.active!;
    if (!a.appliesTo) return true;
    const t = a.appliesTo.toLowerCase();
    return typeNamesOf(obj).some((n) => n.toLowerCase() === t);
  }

  /** Out-of-band objects list every property (a type's own list view is not used there). */
  private outOfBand(obj: unknown): FormatRecord {
    const props = propertiesOf(obj);
    return { kind: 'outOfBandList', labels: props.map((p) => p.name), values: props.map((p) => this.text(p.get(), undefined, false)) };
  }

  private payload(obj: unknown): FormatRecord {
    const a = this.active!;
    switch (a.kind) {
      case 'table':
        return {
          kind: 'tableRow',
          cells: a.columns.map((c) => this.text(c.get(obj), c.format, !a.fromView)),
          aligns: a.columns.map(() => undefined),
          wrap: a.wrap,
        };
      case 'list': {
        // Generated lists resolve their properties for each object, as ListViewGenerator does.
        const fields = a.perObject ? a.perObject(obj) : a.fields;
        return { kind: 'listEntry', labels: fields.map((f) => f.label), values: fields.map((f) => this.text(f.get(obj), f.format, false)) };
      }
      case 'custom':
        return { kind: 'customEntry', lines: a.view.render(obj) };
    }
  }

  /** FormatField: a format string when given; in generated tables, fractional numbers in fixed notation. */
  private text(v: unknown, format: string | undefined, fixedFloats: boolean): string {
    if (format) return applyFormatString(v, format, (x) => cellText(x, this.limit));
    if (fixedFloats && isFloatingPoint(v)) return formatFixed(v, formatSettings.numberDecimalDigits);
    return cellText(v, this.limit);
  }

  private chooseView(obj: unknown): Active {
    const p = this.params;
    const names = typeNamesOf(obj);
    if (p.groupBy) {
      const spec = p.groupBy;
      const [field] = resolveFields([spec], obj);
      this.groupLabel = field!.label;
      this.groupGet = (o) => fieldValue(field!, o, this.computed);
    }
    if (!p.properties || p.properties.length === 0) {
      const view = p.view
        ? findNamedView(names, p.view, p.shape)
        : findView(names, p.shape === undefined ? undefined : p.shape);
      if (view) return this.fromView(view, names);
    }
    let shape = p.shape;
    let fields: ResolvedField[];
    if (p.properties && p.properties.length > 0) {
      fields = resolveFields(p.properties, obj);
    } else {
      const defaults = findDefaultDisplayProperties(names);
      const names2 = defaults ?? propertiesOf(obj).map((x) => x.name);
      fields = resolveFields(names2.map((n) => ({ name: n })), obj);
      shape ??= fields.length <= 4 ? 'table' : 'list';
      if (shape === 'table' && !defaults && fields.length > 10) fields = fields.slice(0, 10);
    }
    shape ??= 'table';
    if (shape === 'table') {
      return {
        kind: 'table',
        fromView: false,
        wrap: p.wrap ?? false,
        columns: fields.map((f) => ({
          label: f.label,
          width: f.spec.width ?? 0,
          alignment: f.spec.alignment ?? (isRightAligned(fieldValue(f, obj, this.computed)) ? 'right' : 'left'),
          get: (o) => fieldValue(f, o, this.computed),
          format: f.spec.format,
        })),
      };
    }
    const toList = (fs: ResolvedField[]): ListField[] => fs.map((f) => ({ label: f.label, get: (o) => fieldValue(f, o, this.computed), format: f.spec.format }));
    const specs = p.properties && p.properties.length > 0 ? p.properties : undefined;
    const perObject = (o: unknown): ListField[] => {
      if (specs) return toList(resolveFields(specs, o));
      const d = findDefaultDisplayProperties(typeNamesOf(o)) ?? propertiesOf(o).map((x) => x.name);
      return toList(resolveFields(d.map((n) => ({ name: n })), o));
    };
    return { kind: 'list', fromView: false, fields: toList(fields), perObject };
  }

  private fromView(view: TableView | ListView | CustomView, names: readonly string[]): Active {
    const appliesTo = names.find((n) => findView([n], view.kind) === view) ?? names[0]!;
    if (view.kind !== 'custom' && view.groupBy && !this.params.groupBy) {
      const g: GroupBy = view.groupBy;
      this.groupLabel = g.label ?? g.property ?? '';
      this.groupGet = (o) => sourceValue(g, o);
    }
    if (view.kind === 'custom') return { kind: 'custom', view, appliesTo };
    if (view.kind === 'list') return { kind: 'list', fromView: true, fields: view.entries.map((e) => this.listField(e)), appliesTo };
    return {
      kind: 'table',
      fromView: true,
      appliesTo,
      wrap: this.params.wrap ?? view.wrap ?? false,
      autoSize: view.autoSize,
      hideHeaders: view.hideTableHeaders,
      columns: view.columns.map((c) => ({
        label: c.label ?? c.property ?? '',
        width: c.width ?? 0,
        alignment: c.alignment ?? 'left',
        get: (o: unknown) => sourceValue(c, o),
        format: c.format,
      })),
    };
  }

  private listField(e: { label?: string } & FieldSource): ListField {
    return { label: e.label ?? e.property ?? '', get: (o) => sourceValue(e, o), format: e.format };
  }
}

function sourceValue(src: FieldSource, o: unknown): unknown {
  if (src.property !== undefined) return findProperty(o, src.property)?.get() ?? null;
  if (src.value) {
    try { return src.value(o) ?? null; } catch { return null; }
  }
  return null;
}

function findNamedView(names: readonly string[], name: string, shape?: 'table' | 'list'): TableView | ListView | CustomView | undefined {
  for (const kind of shape ? [shape] : (['table', 'list', 'custom'] as const)) {
    const v = findView(names, kind);
    if (v && v.name?.toLowerCase() === name.toLowerCase()) return v;
  }
  return undefined;
}

function hasProperties(v: unknown): boolean {
  if (v instanceof PSObject) return v.properties().length > 0;
  return propertiesOf(v).length > 0;
}

function sameGroup(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return objectToString(a).toLowerCase() === objectToString(b).toLowerCase();
}
