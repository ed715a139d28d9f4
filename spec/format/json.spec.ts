import { expect } from 'chai';
import { PSInteger } from '../../runtime/values/numeric.js';
import { typeNameOf, resolveType } from '../../runtime/evaluator/types.js';
import { ConvertToJsonCommand } from '../../cmdlets/core/convertto-json.js';
import { ConvertFromJsonCommand } from '../../cmdlets/core/convertfrom-json.js';
import { enumMember } from '../../runtime/values/enum.js';
import { PSObject } from '../../runtime/values/psobject.js';
import { PSHashtable } from '../../runtime/values/hashtable.js';
import { PSDateTime } from '../../runtime/values/datetime.js';
import { convertToJson, parseJson } from '../../runtime/format/index.js';
import { runCmdlet } from './fake-runtime.js';

const C = (o: Record<string, unknown>) => PSObject.custom(o);
const ordered = (entries: [string, unknown][]) => PSHashtable.from(entries, true);

// [PS] marks cases restated from PowerShell's test/powershell/Modules/Microsoft.PowerShell.Utility/
// ConvertTo-Json.Tests.ps1; [Docs] from the ConvertTo-Json / ConvertFrom-Json reference pages.
describe('format: ConvertTo-Json', () => {
  const toJson = async (params: Record<string, unknown>, input?: unknown[]) => runCmdlet(ConvertToJsonCommand, params, input);

  it('indents with two spaces and writes "key": value [PS "should be not escaped by default"]', async () => {
    const r = await toJson({}, [ordered([['abc', "'def'"]])]);
    expect(r.output).to.deep.equal(['{\n  "abc": "\'def\'"\n}']);
  });

  it('-EscapeHandling EscapeHtml escapes the apostrophe [PS]', async () => {
    const r = await toJson({ EscapeHandling: 'EscapeHtml' }, [ordered([['abc', "'def'"]])]);
    expect(r.output).to.deep.equal(['{\n  "abc": "\\u0027def\\u0027"\n}']);
  });

  it('handles null [PS "Should handle null"]', async () => {
    expect((await toJson({ Compress: true }, [C({ prop: null })])).output).to.deep.equal(['{"prop":null}']);
    expect((await toJson({ Compress: true }, [null])).output).to.deep.equal(['null']);
    expect((await toJson({ Compress: true }, [1, null, 2])).output).to.deep.equal(['[1,null,2]']);
  });

  it('one input is not wrapped; -AsArray wraps [PS "packed in an array symbols when AsArray"]', async () => {
    expect((await toJson({}, [1])).output).to.deep.equal(['1']);
    expect((await toJson({ AsArray: true }, [1])).output).to.deep.equal(['[\n  1\n]']);
    expect((await toJson({ AsArray: true }, [1, 2])).output).to.deep.equal(['[\n  1,\n  2\n]']);
  });

  it('-Depth 0 is accepted for a scalar [PS "Should accept minimum depth as 0."]', async () => {
    const r = await toJson({ Depth: 0 }, [1]);
    expect(r.output).to.deep.equal(['1']);
    expect(r.warnings).to.deep.equal([]);
  });

  it('replaces what lies deeper than -Depth by its string form and warns once', async () => {
    // The nesting of "Mastering Windows PowerShell Scripting" (and every Stack Overflow "Depth of 2" answer).
    const ht = (k: string, v: unknown) => PSHashtable.from([[k, v]]);
    const input = ht('one', ht('two', ht('three', ht('four', 'value'))));
    const r = await toJson({}, [input]);
    expect(r.output).to.deep.equal(['{\n  "one": {\n    "two": {\n      "three": "System.Collections.Hashtable"\n    }\n  }\n}']);
    expect(r.warnings).to.deep.equal(['Resulting JSON is truncated as serialization has exceeded the set depth of 2.']);
    const deeper = await toJson({ Depth: 3, Compress: true }, [input]);
    expect(deeper.output).to.deep.equal(['{"one":{"two":{"three":{"four":"value"}}}}']);
    expect(deeper.warnings).to.deep.equal([]);
  });

  it('counts an array as a level and shows cut-off objects by their ToString()', async () => {
    const r = await toJson({ Depth: 1, Compress: true }, [[C({ a: C({ b: 1 }) }), [1, [2]]]]);
    expect(r.output).to.deep.equal(['[{"a":"@{b=1}"},[1,"System.Object[]"]]']);
    expect(r.warnings).to.have.length(1);
  });

  it('writes DateTime in round-trip form by Kind [Docs: "MinSupportedDateTime": "0001-01-01T00:00:00"]', () => {
    expect(convertToJson(new PSDateTime(Date.UTC(2026, 10, 23, 6, 6, 42, 123), 'Utc')).json).to.equal('"2026-11-23T06:06:42.123Z"');
    const unspecified = new PSDateTime(new Date(2026, 10, 23, 6, 6, 42).getTime(), 'Unspecified');
    expect(convertToJson(unspecified).json).to.equal('"2026-11-23T06:06:42"');
    const local = new PSDateTime(Date.UTC(2026, 0, 1), 'Local');
    expect(convertToJson(local).json).to.match(/^"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}"$/);
  });

  it('escapes control characters, quotes and backslashes; leaves non-ASCII unless asked', () => {
    expect(convertToJson('a"b\\c\n\t\u0001é').json).to.equal('"a\\"b\\\\c\\n\\t\\u0001é"');
    expect(convertToJson('é<', { escapeHandling: 'EscapeNonAscii' }).json).to.equal('"\\u00e9<"');
    expect(convertToJson('<&>', { escapeHandling: 'EscapeHtml' }).json).to.equal('"\\u003c\\u0026\\u003e"');
  });

  it('numbers as .NET writes them; booleans; empty collections', () => {
    expect(convertToJson([1, 1.5, 1e-7, 1e20, -0.25, true, false], { compress: true }).json).to.equal('[1,1.5,1E-07,1E+20,-0.25,true,false]');
    expect(convertToJson(C({ a: [], b: C({}), c: ordered([]) })).json).to.equal('{\n  "a": [],\n  "b": {},\n  "c": {}\n}');
  });

  it('enums as numbers, or names with -EnumsAsStrings', async () => {
    const e = enumMember(resolveType('System.DayOfWeek')!, 'Monday');
    expect((await toJson({ Compress: true }, [C({ d: e })])).output).to.deep.equal(['{"d":1}']);
    expect((await toJson({ Compress: true, EnumsAsStrings: true }, [C({ d: e })])).output).to.deep.equal(['{"d":"Monday"}']);
  });
});

describe('format: ConvertFrom-Json', () => {
  // Newtonsoft reads integers as Int64 (a boxed PSInteger here: runtime/values/numeric.ts), reals as Double.
  const L = (n: number) => new PSInteger('Int64', BigInt(n));

  it('reads integers as Int64 and reals (3.0 too) as Double', () => {
    const v = parseJson('[1, 3000000000, 9223372036854775807, 3.0, 2.5]') as unknown[];
    expect(v.map((x) => typeNameOf(x))).to.deep.equal(['System.Int64', 'System.Int64', 'System.Int64', 'System.Double', 'System.Double']);
    expect(String(v[2])).to.equal('9223372036854775807');
    expect(String(v[3])).to.equal('3');
  });

  const fromJson = async (params: Record<string, unknown>, input: string[]) => runCmdlet(ConvertFromJsonCommand, params, input);

  it('an object becomes a PSCustomObject; -AsHashtable an ordered hashtable [PS "single-line object"]', async () => {
    const [o] = (await fromJson({}, ['{"a" : "1", "b": [1, 2.5, true, null]}'])).output as PSObject[];
    expect(o).to.be.instanceOf(PSObject);
    expect(o!.isCustom).to.equal(true);
    expect(o!.get('a')).to.equal('1');
    expect(o!.get('b')).to.deep.equal([L(1), 2.5, true, null]);
    const [h] = (await fromJson({ AsHashtable: true }, ['{"a" : "1"}'])).output as PSHashtable[];
    expect(h).to.be.instanceOf(PSHashtable);
    expect(h!.get('a')).to.equal('1');
  });

  it('one document per input string, or all lines as one [PS "one string-per-object", "multi-line object"]', async () => {
    const two = (await fromJson({}, ['{"a" : "1"}', '{"a" : "x"}'])).output as PSObject[];
    expect(two.map((o) => o.get('a'))).to.deep.equal(['1', 'x']);
    const one = (await fromJson({}, ['{"a" :', '"x"}'])).output as PSObject[];
    expect(one).to.have.length(1);
    expect(one[0]!.get('a')).to.equal('x');
  });

  it('enumerates a top-level array unless -NoEnumerate', async () => {
    expect((await fromJson({}, ['[1,2,3]'])).output).to.deep.equal([L(1), L(2), L(3)]);
    expect((await fromJson({ NoEnumerate: true }, ['[1,2,3]'])).output).to.deep.equal([[L(1), L(2), L(3)]]);
  });

  it('reads ISO 8601 strings as DateTime: Z → Utc, offset → Local, none → Unspecified [Docs -DateKind]', () => {
    const utc = parseJson('"2026-11-23T06:06:42.5Z"') as PSDateTime;
    expect(utc).to.be.instanceOf(PSDateTime);
    expect(utc.kind).to.equal('Utc');
    expect(utc.ms).to.equal(Date.UTC(2026, 10, 23, 6, 6, 42, 500));
    const off = parseJson('"2026-11-23T06:06:42+02:00"') as PSDateTime;
    expect(off.kind).to.equal('Local');
    expect(off.ms).to.equal(Date.UTC(2026, 10, 23, 4, 6, 42));
    const none = parseJson('"2026-11-23T06:06:42"') as PSDateTime;
    expect(none.kind).to.equal('Unspecified');
    expect(none.fields().hour).to.equal(6);
    expect(parseJson('"2026-11-23"')).to.equal('2026-11-23');
    expect(parseJson('"2026-11-23T06:06:42Z"', { dateKind: 'String' })).to.equal('2026-11-23T06:06:42Z');
  });

  it('round-trips what ConvertTo-Json writes', () => {
    const src = C({ name: 'x', n: 1.25, list: [1, 'two', null], nested: C({ ok: true }) });
    const back = parseJson(convertToJson(src, { depth: 5 }).json) as PSObject;
    expect(convertToJson(back, { depth: 5 }).json).to.equal(convertToJson(src, { depth: 5 }).json);
  });

  it('refuses keys differing only in case and empty keys without -AsHashtable', async () => {
    const err = async (text: string) => {
      try { await fromJson({}, [text]); } catch (e) { return (e as { record: { fullyQualifiedErrorId: string; message: string } }).record; }
      throw new Error('no error');
    };
    const casing = await err('{"a":1,"A":2}');
    expect(casing.fullyQualifiedErrorId).to.equal('KeysWithDifferentCasingInJsonString,Microsoft.PowerShell.Commands.ConvertFromJsonCommand');
    expect(casing.message).to.equal("Cannot convert the JSON string because it contains keys with different casing. Please use the -AsHashTable switch instead. The key that was attempted to be added to the existing key 'a' was 'A'.");
    const empty = await err('{"":1}');
    expect(empty.fullyQualifiedErrorId).to.equal('EmptyKeyInJsonString,Microsoft.PowerShell.Commands.ConvertFromJsonCommand');
    const bad = await err('{"a": x}');
    expect(bad.fullyQualifiedErrorId).to.equal('System.ArgumentException,Microsoft.PowerShell.Commands.ConvertFromJsonCommand');
    expect(bad.message).to.equal("Conversion from JSON failed with error: Unexpected character encountered while parsing value: x. Path 'a', line 1, position 6.");
  });

  it('enforces -Depth', () => {
    expect(() => parseJson('[[[1]]]', { depth: 2 })).to.throw(/MaxDepth of 2 has been exceeded/);
    expect(parseJson('[[1]]', { depth: 2 })).to.deep.equal([[L(1)]]);
  });
});
