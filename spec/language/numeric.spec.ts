import { expect } from 'chai';
import { numericCases } from './numeric-cases.js';
import { compareWithExpected, formatMismatches, type Mismatch } from '../conformance/harness.js';
import { loadSyncshellRunner } from '../conformance/syncshell-runner.js';
import { runOracle, oracleAvailable } from '../oracle/index.js';
import {
  PSDouble, PSInteger, PSDecimal, plainKind, numKindOf, makeDouble, makeInt, parseNumberLiteral, formatSingle,
} from '../../runtime/values/numeric.js';
import { decDiv, decMul, decAdd, decRem, roundTo } from '../../runtime/values/decimal.js';
import { arith, compareNumbers, numbersEqual, operationKind } from '../../runtime/values/numeric-ops.js';
import { toPSString, convertToType } from '../../runtime/values/convert.js';
import { resolveType, typeNameOf } from '../../runtime/evaluator/types.js';
import { PSHashtable } from '../../runtime/values/hashtable.js';

const D = (s: string): PSDecimal => PSDecimal.parse(s)!;

describe('language: numeric types — representation (runtime/values/numeric.ts)', () => {
  it('plain JS numbers are Int32, Int64 or Double by value; what they cannot say is boxed', () => {
    expect([1, -0, 2147483648, 1.5, NaN, 2 ** 64].map(plainKind)).to.deep.equal(['Int32', 'Int32', 'Int64', 'Double', 'Double', 'Double']);
    expect(makeDouble(3)).to.deep.equal(new PSDouble(3));
    expect(Object.is((makeDouble(-0) as PSDouble).value, -0)).to.equal(true);
    expect(makeDouble(2.5)).to.equal(2.5);
    expect(makeInt('Int64', 5n)).to.deep.equal(new PSInteger('Int64', 5n));
    expect(makeInt('Int64', 3000000000n)).to.equal(3000000000);
    expect(makeInt('Int64', 2n ** 62n)).to.deep.equal(new PSInteger('Int64', 2n ** 62n));
  });

  it('literals carry their type: Int32, Int64, Decimal (with scale), Double, suffixes and multipliers', () => {
    const kinds = ['1', '2147483648', '99999999999999999999', '1e3', '1.10d', '10l', '0xFFFFFFFF', '0x100000000', '1.5kb', '1tb', '10uy', '7s', '1u']
      .map((t) => numKindOf(parseNumberLiteral(t)));
    expect(kinds).to.deep.equal(['Int32', 'Int64', 'Decimal', 'Double', 'Decimal', 'Int64', 'Int32', 'Int64', 'Double', 'Int64', 'Byte', 'Int16', 'UInt32']);
    expect(String(parseNumberLiteral('1.10d'))).to.equal('1.10');
    expect(parseNumberLiteral('0xFFFFFFFF')).to.equal(-1);
    expect(parseNumberLiteral('256uy')).to.equal(undefined);
  });

  it('Decimal arithmetic keeps the scale and divides as .NET does', () => {
    expect(String(decMul(D('1.10'), D('2')))).to.equal('2.20');
    expect(String(decAdd(D('1.10'), D('1')))).to.equal('2.10');
    expect(String(decDiv(D('10'), D('3')))).to.equal('3.3333333333333333333333333333');
    expect(String(decMul(decDiv(D('1'), D('3')), D('3')))).to.equal('0.9999999999999999999999999999');
    expect(String(decDiv(D('10'), D('5.42')))).to.equal('1.8450184501845018450184501845');
    expect(String(decRem(D('0'), D('1.74')))).to.equal('0');
    expect(String(decRem(D('3.48'), D('1.74')))).to.equal('0.00');
    expect(String(roundTo(D('1.105'), 2, 'even'))).to.equal('1.10');
    expect(String(roundTo(D('1.105'), 2, 'away'))).to.equal('1.11');
  });

  it('(decimal)double scales in double arithmetic to 15 digits, as VarDecFromR8', () => {
    expect(String(PSDecimal.fromDouble(162 % 7.47))).to.equal('5.13');
    expect(String(PSDecimal.fromDouble(123456789.123456789))).to.equal('123456789.123457');
    expect(String(PSDecimal.fromDouble(0.1 + 0.2))).to.equal('0.3');
    expect(String(PSDecimal.fromDouble(1e20))).to.equal('100000000000000000000');
  });

  it('promotion: Decimal wins, then Double, else the wider integer (unsigned at equal width); overflow widens to Double', () => {
    expect(operationKind('Int32', 'Double')).to.equal('Double');
    expect(operationKind('Double', 'Decimal')).to.equal('Decimal');
    expect(operationKind('Byte', 'Byte')).to.equal('Int32');
    expect(operationKind('UInt32', 'Int32')).to.equal('UInt32');
    expect(operationKind('UInt32', 'Int64')).to.equal('Int64');
    expect(typeNameOf(arith('+', 2147483647, 1))).to.equal('System.Double');
    expect(typeNameOf(arith('*', 2, 1.5))).to.equal('System.Double');
    expect(typeNameOf(arith('/', 10, 5))).to.equal('System.Int32');
    expect(typeNameOf(arith('+', new PSInteger('Int64', 2n ** 62n), new PSInteger('Int64', 2n ** 62n)))).to.equal('System.Double');
    expect(String(arith('-', new PSInteger('Int64', 2n ** 63n - 1n), 1))).to.equal('9223372036854775806');
  });

  it('comparison and equality across types; hashtable keys keep the type', () => {
    expect(numbersEqual(5, new PSDouble(5))).to.equal(true);
    expect(numbersEqual(D('1.10'), 1.1)).to.equal(true);
    expect(compareNumbers(new PSInteger('Int64', 2n ** 62n + 1n), new PSInteger('Int64', 2n ** 62n))).to.equal(1);
    const h = new PSHashtable();
    h.set(1, 'a'); h.set(new PSInteger('Int64', 1n), 'b'); h.set(new PSDouble(1), 'c'); h.set(D('1.10'), 'd'); h.set(D('1.1'), 'e');
    expect(h.count).to.equal(4);
  });

  it('casts and text: [int] rounds half to even, [double] of an integer is an integral Double, Single prints shortest', () => {
    const int = resolveType('int')!, dbl = resolveType('double')!, long = resolveType('long')!;
    expect([2.5, 3.5, -2.5].map((x) => convertToType(x, int))).to.deep.equal([2, 4, -2]);
    expect(convertToType(5, dbl)).to.deep.equal(new PSDouble(5));
    expect(convertToType('9223372036854775807', long)).to.deep.equal(new PSInteger('Int64', 2n ** 63n - 1n));
    expect(toPSString(new PSDouble(-0))).to.equal('-0');
    expect(toPSString(new PSDouble(1e15))).to.equal('1E+15');
    expect(formatSingle(Math.fround(3.3))).to.equal('3.3');
  });
});

describe('language: numeric types match PowerShell (recorded with the oracle)', function () {
  this.timeout(300_000);

  it('syncshell prints what PowerShell printed for every recorded numeric snippet', async () => {
    const { runner, reason } = await loadSyncshellRunner();
    if (!runner) throw new Error(`syncshell's runScript cannot be loaded: ${reason}`);
    const mismatches: Mismatch[] = [];
    for (const [i, c] of numericCases.entries()) mismatches.push(...compareWithExpected(`numeric-${i}`, c.script, c, await runner(c.script)));
    expect(mismatches, formatMismatches(mismatches, 20)).to.deep.equal([]);
  });

  it('the recorded answers are still what the real engine prints (needs dotnet)', async function () {
    if (!oracleAvailable()) this.skip();
    const results = await runOracle(numericCases.map((c, i) => ({ id: String(i), script: c.script })));
    const drift = numericCases.flatMap((c, i) => compareWithExpected(String(i), c.script, c, results.get(String(i))!));
    expect(drift, formatMismatches(drift, 20)).to.deep.equal([]);
  });
});
