/**
 * runtime/format: PowerShell's formatting and JSON conversion. What other modules may import:
 *
 * Views (one call per type, from the module that emits the type):
 *   registerView(typeName, tableView([...columns], { groupBy })) / listView([...]) / { kind: 'custom', render }
 *   registerDefaultDisplayProperties(typeName, ['A', 'B'])
 * Host:
 *   new OutDefaultFormatter(width, writeLine).push(obj) / .end();  formatForDefault(values, width)
 * Cmdlets (Format-*, Out-String, ConvertTo/From-Json): FormatShapeDriver (Format-Table/List),
 *   FormatGenerator, OutStringFormatter, parseFieldSpecs, computeFields, convertToJson, parseJson.
 * Display text of a value as the formatter shows it: objectToString, cellText, formatDouble.
 */
export {
  registerView, registerDefaultDisplayProperties, unregisterViews, findView, tableView, listView,
  type View, type TableView, type ListView, type CustomView, type TableColumn, type ListEntry, type GroupBy, type Alignment, type FieldSource,
} from './views.js';
export { OutDefaultFormatter, OutStringFormatter, TextFormatter, formatForDefault, type OutOptions } from './out-default.js';
export { FormatGenerator, type FormatParameters } from './generator.js';
export { FormatRenderer, type RendererOptions } from './renderer.js';
export { FormatData, isFormatData, type FormatRecord } from './format-data.js';
export { parseFieldSpecs, computeFields, FieldSpecError, type FieldSpec } from './field-spec.js';
export { objectToString, cellText, typeNamesOf, isScalar, dictionaryEntry } from './display-string.js';
export { formatDouble, formatNumber } from './number-format.js';
export { formatSettings } from './settings.js';
export { convertToJson, truncationWarning, type ToJsonOptions, type ToJsonResult } from './json-write.js';
export { parseJson, JsonParseError, type FromJsonOptions } from './json-read.js';
export { FormatShapeDriver } from './format-driver.js';
