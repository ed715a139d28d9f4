/**
 * What Format-Table and Format-List share: the calculated-property fields are evaluated for each
 * object (script blocks may be asynchronous), then the formatter turns the object into records.
 */
import { FormatGenerator, type FormatParameters } from './generator.js';
import { parseFieldSpec, parseFieldSpecs, computeFields, FieldSpecError, type FieldSpec } from './field-spec.js';
import type { Cmdlet } from '../commands/cmdlet.js';

export class FormatShapeDriver {
  private generator!: FormatGenerator;
  private specs: (FieldSpec | undefined)[] = [];

  constructor(private readonly cmdlet: Cmdlet) {}

  begin(params: Omit<FormatParameters, 'properties' | 'groupBy'> & { property?: unknown[]; groupBy?: unknown }, keys: readonly string[]): void {
    try {
      const properties = params.property ? parseFieldSpecs(params.property, keys) : undefined;
      const groupBy = params.groupBy !== undefined && params.groupBy !== null ? parseFieldSpec(params.groupBy, ['name', 'expression', 'formatstring']) : undefined;
      this.specs = [...(properties ?? []), groupBy];
      const limit = this.cmdlet.context?.variables?.get('FormatEnumerationLimit');
      this.generator = new FormatGenerator({
        ...params, properties, groupBy, enumerationLimit: typeof limit === 'number' ? limit : undefined,
      });
    } catch (e) {
      if (e instanceof FieldSpecError) {
        this.cmdlet.throwTerminatingError(this.cmdlet.error(e.message, e.errorId, 'InvalidArgument', null, 'System.NotSupportedException'));
      }
      throw e;
    }
  }

  async process(obj: unknown): Promise<void> {
    if (obj === undefined) return;
    const computed = this.specs.some((s) => s?.compute) ? await computeFields(this.specs, obj) : undefined;
    for (const d of this.generator.process(obj, computed)) await this.cmdlet.writeObject(d);
  }

  async end(): Promise<void> {
    for (const d of this.generator.end()) await this.cmdlet.writeObject(d);
  }
}
