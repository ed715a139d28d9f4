/**
 * Out-Default cases: a PowerShell snippet, the same values built in JavaScript, and the text pwsh
 * prints at 120 columns. Every `expected` was captured from the oracle (System.Management.Automation
 * 7.6.9 hosted by spec/oracle, PlainText rendering, en-US on Linux) and is re-checked against it
 * live by oracle-crosscheck.spec.ts when dotnet is available.
 */
import { makeDouble } from '../../runtime/values/numeric.js';
import { PSObject } from '../../runtime/values/psobject.js';
import { PSHashtable } from '../../runtime/values/hashtable.js';
import { PSDateTime } from '../../runtime/values/datetime.js';
import { PSTimeSpan } from '../../runtime/values/timespan.js';
import { PSCredential, SecureString } from '../../runtime/values/secure-string.js';

export interface DefaultCase {
  readonly id: string;
  readonly script: string;
  readonly values: () => unknown[];
  readonly expected: string;
  readonly width?: number;
}

const C = (o: Record<string, unknown>) => PSObject.custom(o);
const ordered = (entries: [string, unknown][]) => PSHashtable.from(entries, true);
/** [datetime]'2026-11-23T06:06:42' (Kind Unspecified): the wall-clock time whatever the TZ. */
const date = (y: number, mo: number, d: number, h: number, mi: number, s: number) =>
  new PSDateTime(new Date(y, mo - 1, d, h, mi, s).getTime(), 'Unspecified');
const lines = (...l: string[]) => l.map((x) => x + '\n').join('');

function cert(thumb: string, subject: string, parent: string): PSObject {
  const o = PSObject.typed('System.Security.Cryptography.X509Certificates.X509Certificate2', { Thumbprint: thumb, Subject: subject, PSParentPath: parent });
  return o;
}
const certScript = (rows: [string, string, string][]) =>
  "function mk($t,$s,$p){ $o=[pscustomobject]@{Thumbprint=$t; Subject=$s; PSParentPath=$p}; $o.PSObject.TypeNames.Insert(0,'System.Security.Cryptography.X509Certificates.X509Certificate2'); $o }\n"
  + rows.map(([t, s, p]) => `mk '${t}' '${s}' '${p}'`).join('\n');

const LM = 'Microsoft.PowerShell.Security\\Certificate::LocalMachine\\My';
const CU = 'Microsoft.PowerShell.Security\\Certificate::CurrentUser\\My';

export const defaultCases: DefaultCase[] = [
  {
    id: 'scalars',
    script: "'hello'; 42; 1.5; 0.1+0.2; 1e20; 123456789012; 0.00001; $true; $null; 'x'",
    values: () => ['hello', 42, 1.5, 0.1 + 0.2, 1e20, 123456789012, 0.00001, true, null, 'x'],
    expected: lines('hello', '42', '1.5', '0.3', '1E+20', '123456789012', '1E-05', 'True', 'x'),
  },
  {
    id: 'doubles-g15',
    script: '1/3; 2/3*100; 0.0001; -1.5e-7; 1.2345678901234567e17; 123456789012345.6; [double]::NaN',
    values: () => [1 / 3, (2 / 3) * 100, 0.0001, -1.5e-7, makeDouble(1.2345678901234567e17), 123456789012345.6, NaN],
    expected: lines('0.333333333333333', '66.6666666666667', '0.0001', '-1.5E-07', '1.23456789012346E+17', '123456789012346', 'NaN'),
  },
  {
    id: 'datetime',
    script: "[datetime]'2026-11-23T06:06:42', [datetime]'2026-11-24T16:06:42'",
    values: () => [date(2026, 11, 23, 6, 6, 42), date(2026, 11, 24, 16, 6, 42)],
    expected: lines('', 'Monday, November 23, 2026 6:06:42 AM', 'Tuesday, November 24, 2026 4:06:42 PM', ''),
  },
  {
    id: 'timespan',
    script: '[timespan]::FromMinutes(90)',
    values: () => [PSTimeSpan.from(0, 1, 30)],
    expected: lines('', 'Days              : 0', 'Hours             : 1', 'Minutes           : 30', 'Seconds           : 0',
      'Milliseconds      : 0', 'Ticks             : 54000000000', 'TotalDays         : 0.0625', 'TotalHours        : 1.5',
      'TotalMinutes      : 90', 'TotalSeconds      : 5400', 'TotalMilliseconds : 5400000', ''),
  },
  {
    id: 'hashtable',
    script: "[ordered]@{a=1;b='two'; longer_key_name=[pscustomobject]@{x=1;y=2}}",
    values: () => [ordered([['a', 1], ['b', 'two'], ['longer_key_name', C({ x: 1, y: 2 })]])],
    expected: lines('', 'Name                           Value', '----                           -----', 'a                              1',
      'b                              two', 'longer_key_name                @{x=1; y=2}', ''),
  },
  {
    id: 'empty-hashtable',
    script: '[ordered]@{}',
    values: () => [ordered([])],
    expected: '',
  },
  {
    id: 'table-small',
    script: '[pscustomobject]@{a=1;b=2}',
    values: () => [C({ a: 1, b: 2 })],
    expected: lines('', 'a b', '- -', '1 2', ''),
  },
  {
    id: 'list-five',
    script: '[pscustomobject]@{a=1;b=2;c=3;d=4;e=5}; [pscustomobject]@{a=1;b=2;c=3;d=4;e=5}',
    values: () => [C({ a: 1, b: 2, c: 3, d: 4, e: 5 }), C({ a: 1, b: 2, c: 3, d: 4, e: 5 })],
    expected: lines('', 'a : 1', 'b : 2', 'c : 3', 'd : 4', 'e : 5', '', 'a : 1', 'b : 2', 'c : 3', 'd : 4', 'e : 5', ''),
  },
  {
    id: 'shape-change-other-props',
    script: '[pscustomobject]@{a=1;b=2}; [pscustomobject]@{c=3;d=4}',
    values: () => [C({ a: 1, b: 2 }), C({ c: 3, d: 4 })],
    expected: lines('', 'a b', '- -', '1 2', '   ', ''),
  },
  {
    id: 'shape-change-partial',
    script: '[pscustomobject]@{a=1;b=2}; [pscustomobject]@{a=3;c=4}',
    values: () => [C({ a: 1, b: 2 }), C({ a: 3, c: 4 })],
    expected: lines('', 'a b', '- -', '1 2', '3  ', ''),
  },
  {
    id: 'table-then-list-shaped',
    script: '[pscustomobject]@{a=1;b=2}; [pscustomobject]@{a=1;b=2;c=3;d=4;e=5}',
    values: () => [C({ a: 1, b: 2 }), C({ a: 1, b: 2, c: 3, d: 4, e: 5 })],
    expected: lines('', 'a b', '- -', '1 2', '1 2', ''),
  },
  {
    id: 'list-then-smaller',
    script: '[pscustomobject]@{a=1;b=2;c=3;d=4;e=5}; [pscustomobject]@{a=1;b=2}',
    values: () => [C({ a: 1, b: 2, c: 3, d: 4, e: 5 }), C({ a: 1, b: 2 })],
    expected: lines('', 'a : 1', 'b : 2', 'c : 3', 'd : 4', 'e : 5', '', 'a : 1', 'b : 2', ''),
  },
  {
    id: 'scalars-inside-table',
    script: "[pscustomobject]@{a=1;b=2}; 'str'; 5; [pscustomobject]@{a=3;b=4}",
    values: () => [C({ a: 1, b: 2 }), 'str', 5, C({ a: 3, b: 4 })],
    expected: lines('', 'a b', '- -', '1 2', 'str', '5', '3 4', ''),
  },
  {
    id: 'scalar-before-table',
    script: "'str'; [pscustomobject]@{a=1;b=2}",
    values: () => ['str', C({ a: 1, b: 2 })],
    expected: lines('str', '', 'a b', '- -', '1 2', ''),
  },
  {
    id: 'other-types-inside-table',
    script: "[pscustomobject]@{a=1;b=2}; [datetime]'2026-11-23T06:06:42'; [timespan]::FromMinutes(1); @{x=1}",
    values: () => [C({ a: 1, b: 2 }), date(2026, 11, 23, 6, 6, 42), PSTimeSpan.from(0, 0, 1), ordered([['x', 1]])],
    expected: lines('', 'a b', '- -', '1 2', '   ', '   ', '   ', ''),
  },
  {
    id: 'object-after-view',
    script: "[datetime]'2026-11-23T06:06:42'; [pscustomobject]@{a=1;b=2}",
    values: () => [date(2026, 11, 23, 6, 6, 42), C({ a: 1, b: 2 })],
    expected: lines('', 'Monday, November 23, 2026 6:06:42 AM', '', 'a : 1', 'b : 2', '', ''),
  },
  {
    id: 'cells',
    script: "[pscustomobject]@{Name='x';Values=@(1,2,3);Nested=[pscustomobject]@{a=1;b=2}; H=@{k=1}}",
    values: () => [C({ Name: 'x', Values: [1, 2, 3], Nested: C({ a: 1, b: 2 }), H: ordered([['k', 1]]) })],
    expected: lines('', 'Name Values    Nested      H', '---- ------    ------      -', 'x    {1, 2, 3} @{a=1; b=2} {[k, 1]}', ''),
  },
  {
    id: 'enumeration-limit',
    script: "[pscustomobject]@{A=@(1..10); B=@(1,$null,2); C=@(); D=''}",
    values: () => [C({ A: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], B: [1, null, 2], C: [], D: '' })],
    expected: lines('', 'A             B             C  D', '-             -             -  -', '{1, 2, 3, 4…} {1, $null, 2} {} ', ''),
  },
  {
    id: 'alignment',
    script: "[pscustomobject]@{Num=1;Dbl=1.5;Str='abc';Bool=$true}; [pscustomobject]@{Num=12345;Dbl=-2.25;Str='a';Bool=$false}",
    values: () => [C({ Num: 1, Dbl: 1.5, Str: 'abc', Bool: true }), C({ Num: 12345, Dbl: -2.25, Str: 'a', Bool: false })],
    expected: lines('', '  Num    Dbl Str  Bool', '  ---    --- ---  ----', '    1  1.500 abc  True', '12345 -2.250 a   False', ''),
  },
  {
    id: 'first-object-decides-alignment',
    script: "[pscustomobject]@{a=1;b=2}; [pscustomobject]@{a='something long';b=2}",
    values: () => [C({ a: 1, b: 2 }), C({ a: 'something long', b: 2 })],
    expected: lines('', '             a b', '             - -', '             1 2', 'something long 2', ''),
  },
  {
    id: 'widths-from-all-rows',
    script: "[pscustomobject]@{Name='alpha'; Value=1}, [pscustomobject]@{Name='a much longer name here'; Value=123456}",
    values: () => [C({ Name: 'alpha', Value: 1 }), C({ Name: 'a much longer name here', Value: 123456 })],
    expected: lines('', 'Name                     Value', '----                     -----', 'alpha                        1', 'a much longer name here 123456', ''),
  },
  {
    id: 'truncation-hides-last-column',
    script: "[pscustomobject]@{A=('x'*200);B='y'}",
    values: () => [C({ A: 'x'.repeat(200), B: 'y' })],
    expected: lines('', 'A', '-' + ' '.repeat(118), 'x'.repeat(118) + '…', ''),
  },
  {
    id: 'truncation-shrinks-last-column',
    script: "[pscustomobject]@{ThisIsAVeryLongPropertyName=1;b='x'*300}",
    values: () => [C({ ThisIsAVeryLongPropertyName: 1, b: 'x'.repeat(300) })],
    expected: lines('', 'ThisIsAVeryLongPropertyName b', '--------------------------- -', '                          1 ' + 'x'.repeat(90) + '…', ''),
  },
  {
    id: 'newline-in-cell-and-list',
    script: "[pscustomobject]@{T=[datetime]'2026-11-23T06:06:42'; B=$true; S=\"line1`nline2\"; N=$null}; [pscustomobject]@{T=[datetime]'2026-11-23T06:06:42'; B=$true; S=\"line1`nline2\"; N=$null; X=[timespan]::FromMinutes(90)}",
    values: () => [
      C({ T: date(2026, 11, 23, 6, 6, 42), B: true, S: 'line1\nline2', N: null }),
      C({ T: date(2026, 11, 23, 6, 6, 42), B: true, S: 'line1\nline2', N: null, X: PSTimeSpan.from(0, 1, 30) }),
    ],
    expected: lines('', 'T                        B S           N', '-                        - -           -', '11/23/2026 6:06:42 AM True line1…      ',
      '11/23/2026 6:06:42 AM True line1…      ', ''),
  },
  {
    id: 'list-multiline-and-types',
    script: "[pscustomobject]@{T=[datetime]'2026-11-23T06:06:42'; B=$true; S=\"line1`nline2\"; N=$null; X=[timespan]::FromMinutes(90)}",
    values: () => [C({ T: date(2026, 11, 23, 6, 6, 42), B: true, S: 'line1\nline2', N: null, X: PSTimeSpan.from(0, 1, 30) })],
    expected: lines('', 'T : 11/23/2026 6:06:42 AM', 'B : True', 'S : line1', '    line2', 'N : ', 'X : 01:30:00', ''),
  },
  {
    id: 'list-nested-values',
    script: "[pscustomobject]@{a=[pscustomobject]@{x=1;y=@(1,2)}; b=[ordered]@{k='v'}; c=@([pscustomobject]@{n=1},[pscustomobject]@{n=2}); d=[datetime]'2026-11-23T06:06:42'; e=$false}",
    values: () => [C({ a: C({ x: 1, y: [1, 2] }), b: ordered([['k', 'v']]), c: [C({ n: 1 }), C({ n: 2 })], d: date(2026, 11, 23, 6, 6, 42), e: false })],
    expected: lines('', 'a : @{x=1; y=System.Object[]}', 'b : {[k, v]}', 'c : {@{n=1}, @{n=2}}', 'd : 11/23/2026 6:06:42 AM', 'e : False', ''),
  },
  {
    id: 'list-wrap-60',
    width: 60,
    script: "[pscustomobject]@{a=1;b=2;c=3;d=4;e='x'*300}; [pscustomobject]@{a=1;b=2;c=3;d=4;e='word '*30}",
    values: () => [C({ a: 1, b: 2, c: 3, d: 4, e: 'x'.repeat(300) }), C({ a: 1, b: 2, c: 3, d: 4, e: 'word '.repeat(30) })],
    expected: lines('', 'a : 1', 'b : 2', 'c : 3', 'd : 4', ...['e : ', '    ', '    ', '    ', '    '].map((p) => p + 'x'.repeat(55)), '    ' + 'x'.repeat(25), '',
      'a : 1', 'b : 2', 'c : 3', 'd : 4', 'e : ' + 'word '.repeat(11), '    ' + 'word '.repeat(11), '    ' + 'word '.repeat(8), ''),
  },
  {
    id: 'empty-object',
    script: '[pscustomobject]@{}',
    values: () => [C({})],
    expected: lines(''),
  },
  {
    id: 'arrays-enumerated',
    script: '1,2,3; ,(4,5)',
    values: () => [1, 2, 3, [4, 5]],
    expected: lines('1', '2', '3', '4', '5'),
  },
  {
    id: 'empty-string-and-nulls',
    script: "'', 'a'; $null, 'x', $null",
    values: () => ['', 'a', null, 'x', null],
    expected: lines('', 'a', 'x'),
  },
  {
    id: 'certificate-view-groups',
    script: certScript([['AB12', 'CN=x', LM], ['CD34', 'CN=y', LM], ['EF56', 'CN=z', CU]]),
    values: () => [cert('AB12', 'CN=x', LM), cert('CD34', 'CN=y', LM), cert('EF56', 'CN=z', CU)],
    expected: lines('', `   PSParentPath: ${LM}`, '', 'Thumbprint                                Subject              EnhancedKeyUsageList',
      '----------                                -------              --------------------',
      'AB12                                      CN=x                 ', 'CD34                                      CN=y                 ',
      '', `   PSParentPath: ${CU}`, '', 'Thumbprint                                Subject              EnhancedKeyUsageList',
      '----------                                -------              --------------------',
      'EF56                                      CN=z                 ', ''),
  },
  {
    id: 'certificate-view-truncates',
    script: certScript([['A'.repeat(45), 'CN=' + 'y'.repeat(30), LM]]),
    values: () => [cert('A'.repeat(45), 'CN=' + 'y'.repeat(30), LM)],
    expected: lines('', `   PSParentPath: ${LM}`, '', 'Thumbprint                                Subject              EnhancedKeyUsageList',
      '----------                                -------              --------------------',
      'A'.repeat(40) + '… CN=' + 'y'.repeat(16) + '… ', ''),
  },
  {
    id: 'enum-guid-char-version',
    script: "[pscustomobject]@{E=[System.DayOfWeek]::Monday; G=[guid]'6f9619ff-8b86-d011-b42d-00c04fc964ff'}",
    values: () => {
      const e = PSObject.typed(['System.DayOfWeek', 'System.Enum', 'System.ValueType'], { value__: 1 });
      e.toStringImpl = () => 'Monday';
      const g = PSObject.typed(['System.Guid', 'System.ValueType'], {});
      g.toStringImpl = () => '6f9619ff-8b86-d011-b42d-00c04fc964ff';
      return [C({ E: e, G: g })];
    },
    expected: lines('', '     E G', '     - -', 'Monday 6f9619ff-8b86-d011-b42d-00c04fc964ff', ''),
  },
  {
    id: 'out-of-band-after-view',
    script: certScript([['AB12', 'CN=x', LM]]) + "; 'x'; [pscustomobject]@{a=1;bb=2}; 5",
    values: () => [cert('AB12', 'CN=x', LM), 'x', C({ a: 1, bb: 2 }), 5],
    expected: lines('', `   PSParentPath: ${LM}`, '', 'Thumbprint                                Subject              EnhancedKeyUsageList',
      '----------                                -------              --------------------',
      'AB12                                      CN=x                 ', 'x', '', 'a  : 1', 'bb : 2', '', '5', ''),
  },
  {
    id: 'too-wide-hides-and-shrinks',
    script: "[pscustomobject]@{A='a'*50;B='b'*50;C='c'*50;D='d'*50}",
    values: () => [C({ A: 'a'.repeat(50), B: 'b'.repeat(50), C: 'c'.repeat(50), D: 'd'.repeat(50) })],
    expected: lines('', 'A' + ' '.repeat(50) + 'B' + ' '.repeat(50) + 'C', '-' + ' '.repeat(50) + '-' + ' '.repeat(50) + '-' + ' '.repeat(16),
      'a'.repeat(50) + ' ' + 'b'.repeat(50) + ' ' + 'c'.repeat(16) + '…', ''),
  },
  {
    id: 'too-wide-at-40',
    width: 40,
    script: "[pscustomobject]@{a='x'*25;b='y'*25;c=3}",
    values: () => [C({ a: 'x'.repeat(25), b: 'y'.repeat(25), c: 3 })],
    expected: lines('', 'a' + ' '.repeat(25) + 'b', '-' + ' '.repeat(25) + '-' + ' '.repeat(12), 'x'.repeat(25) + ' ' + 'y'.repeat(12) + '…', ''),
  },
  {
    id: 'wide-characters',
    script: "[pscustomobject]@{A='中文字符';B='x'}",
    values: () => [C({ A: '中文字符', B: 'x' })],
    expected: lines('', 'A        B', '-        -', '中文字符 x', ''),
  },
  {
    id: 'hashtable-long-value',
    script: "[ordered]@{key=('v'*100)}",
    values: () => [ordered([['key', 'v'.repeat(100)]])],
    expected: lines('', 'Name                           Value', '----                           -----', 'key                            ' + 'v'.repeat(87) + '…', ''),
  },
  {
    id: 'two-hashtables-one-table',
    script: '[ordered]@{a=1}, [ordered]@{b=2}',
    values: () => [ordered([['a', 1]]), ordered([['b', 2]])],
    expected: lines('', 'Name                           Value', '----                           -----', 'a                              1', 'b                              2', ''),
  },
  {
    id: 'many-properties-list',
    script: '[pscustomobject]@{p1=1;p2=2;p3=3;p4=4;p5=5;p6=6;p7=7;p8=8;p9=9;p10=10;p11=11}',
    values: () => [C(Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`p${i + 1}`, i + 1])))],
    expected: lines('', ...Array.from({ length: 11 }, (_, i) => `p${i + 1}`.padEnd(3) + ' : ' + (i + 1)), ''),
  },
  {
    id: 'credential-and-securestring',
    script: "[pscredential]::new('user', [securestring]::new()); [securestring]::new()",
    values: () => [new PSCredential('user', new SecureString('')), new SecureString('')],
    expected: lines('', 'UserName                     Password', '--------                     --------', 'user     System.Security.SecureString', 'System.Security.SecureString', ''),
  },
  {
    id: 'out-of-band-value-types',
    script: certScript([['AB12', 'CN=x', 'P']]) + '; [datetime]::new(2026,11,23,6,6,42); [timespan]::FromMinutes(1); @{k=1}',
    values: () => [cert('AB12', 'CN=x', 'P'), date(2026, 11, 23, 6, 6, 42), PSTimeSpan.from(0, 0, 1), ordered([['k', 1]])],
    expected: lines('', '   PSParentPath: P', '', 'Thumbprint                                Subject              EnhancedKeyUsageList',
      '----------                                -------              --------------------', 'AB12                                      CN=x                 ',
      '', 'Date        : 11/23/2026 12:00:00 AM', 'Day         : 23', 'DayOfWeek   : Monday', 'DayOfYear   : 327', 'Hour        : 6',
      'Kind        : Unspecified', 'Millisecond : 0', 'Microsecond : 0', 'Nanosecond  : 0', 'Minute      : 6', 'Month       : 11',
      'Second      : 42', 'Ticks       : 639310108020000000', 'TimeOfDay   : 06:06:42', 'Year        : 2026',
      'DateTime    : Monday, November 23, 2026 6:06:42 AM', '',
      '', 'Ticks             : 600000000', 'Days              : 0', 'Hours             : 0', 'Milliseconds      : 0', 'Microseconds      : 0',
      'Nanoseconds       : 0', 'Minutes           : 1', 'Seconds           : 0', 'TotalDays         : 0.000694444444444444',
      'TotalHours        : 0.0166666666666667', 'TotalMilliseconds : 60000', 'TotalMicroseconds : 60000000', 'TotalNanoseconds  : 60000000000',
      'TotalMinutes      : 1', 'TotalSeconds      : 60', '',
      '', 'Key   : k', 'Value : 1', 'Name  : k', '', ''),
  },
  {
    id: 'narrow-list-truncates-labels',
    width: 12,
    script: "[pscustomobject]@{VeryLongPropertyNameHere=1;b=2;c=3;d=4;e='some words here'}",
    values: () => [C({ VeryLongPropertyNameHere: 1, b: 2, c: 3, d: 4, e: 'some words here' })],
    expected: lines('', 'VeryLon : 1', 'b       : 2', 'c       : 3', 'd       : 4', 'e       : s',
      ...'ome words here'.split('').map((ch) => '          ' + ch), ''),
  },
  {
    id: 'narrow-table-hides-columns',
    width: 12,
    script: "[pscustomobject]@{Alpha='abc';Beta=12345;Gamma='x'}",
    values: () => [C({ Alpha: 'abc', Beta: 12345, Gamma: 'x' })],
    expected: lines('', 'Alpha  Beta', '-----  ----', 'abc   12345', ''),
  },
  {
    id: 'null-first-value-aligns-left',
    script: '[pscustomobject]@{N=$null;B=$true}, [pscustomobject]@{N=5;B=$null}',
    values: () => [C({ N: null, B: true }), C({ N: 5, B: null })],
    expected: lines('', 'N    B', '-    -', '  True', '5     ', ''),
  },
  {
    id: 'property-with-space',
    script: "[pscustomobject]@{'with space'=1; 'x'=-2.5}",
    values: () => [C({ 'with space': 1, x: -2.5 })],
    expected: lines('', 'with space      x', '----------      -', '         1 -2.500', ''),
  },
  {
    id: 'collection-elements-named-by-property',
    script: "[pscustomobject]@{A=@([pscredential]::new('user',[securestring]::new())); B=[pscredential]::new('u2',[securestring]::new())}",
    values: () => [C({ A: [new PSCredential('user', new SecureString(''))], B: new PSCredential('u2', new SecureString('')) })],
    expected: lines('', 'A      B', '-      -', '{user} System.Management.Automation.PSCredential', ''),
  },
];
