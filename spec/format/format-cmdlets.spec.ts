import { expect } from 'chai';
import { FormatTableCommand } from '../../cmdlets/core/format-table.js';
import { FormatListCommand } from '../../cmdlets/core/format-list.js';
import { OutStringCommand } from '../../cmdlets/core/out-string.js';
import { OutHostCommand } from '../../cmdlets/core/out-host.js';
import { PSObject } from '../../runtime/values/psobject.js';
import { PSHashtable } from '../../runtime/values/hashtable.js';
import { registerView, tableView, unregisterViews, FormatData } from '../../runtime/format/index.js';
import { pipeToOutString, runCmdlet, fakeScriptBlock } from './fake-runtime.js';

const C = (o: Record<string, unknown>) => PSObject.custom(o);
const h = (entries: [string, unknown][]) => PSHashtable.from(entries);
const NL = /\n/g;

// Tests marked [PS] restate PowerShell's own tests (test/powershell/Modules/Microsoft.PowerShell.Utility/
// Format-Table.Tests.ps1); their assertions strip newlines or match patterns, as the originals do.
describe('format: Format-Table', () => {
  it('emits formatting records, not text [PS "Should return a format object data type"]', async () => {
    const r = await runCmdlet(FormatTableCommand, {}, [C({ a: 1 })]);
    expect(r.output.every((o) => o instanceof FormatData)).to.equal(true);
    expect((r.output[0] as FormatData).psTypeName).to.match(/^Microsoft\.PowerShell\.Commands\.Internal\.Format\./);
  });

  it('| Out-String is the text Out-Default shows', async () => {
    const [text] = await pipeToOutString(FormatTableCommand, {}, [C({ a: 1, b: 2 }), C({ a: 3, b: 4 })], OutStringCommand);
    expect(text).to.equal('\na b\n- -\n1 2\n3 4\n\n');
  });

  it('-HideTableHeaders adds no trailing whitespace [PS "should not add trailing whitespace to rows"]', async () => {
    const [text] = await pipeToOutString(FormatTableCommand, { HideTableHeaders: true }, [C({ a: 1, b: 2 })], OutStringCommand);
    expect((text as string).replace(NL, '')).to.equal('1 2');
  });

  it('-Property foo -Force formats a string as a row [PS "should not add trailing whitespace to the header"]', async () => {
    const [text] = await pipeToOutString(FormatTableCommand, { Property: ['foo'], Force: true }, ['hello'], OutStringCommand);
    expect((text as string).replace(NL, '')).to.equal('foo---');
  });

  it('-Property on an empty hashtable or $null gives nothing [PS "should return $null"]', async () => {
    for (const input of [[h([])], [null]]) {
      const [text] = await pipeToOutString(FormatTableCommand, { Property: ['foo', 'bar'] }, input, OutStringCommand);
      expect(text).to.equal('');
    }
  });

  it('-AutoSize [PS "Format-Table with Autosize should work"]', async () => {
    const [text] = await pipeToOutString(FormatTableCommand, { AutoSize: true },
      [C({ name: 'Bob', size: 1234, booleanValue: true }), C({ name: 'Jim', size: 5678, booleanValue: false })], OutStringCommand);
    expect(text).to.equal('\nname size booleanValue\n---- ---- ------------\nBob  1234         True\nJim  5678        False\n\n');
    expect(text).to.match(/Bob\s+1234\s+True/).and.match(/Jim\s+5678\s+False/);
  });

  it('$FormatEnumerationLimit limits collections in cells [PS "with Less Count"/"with More Count"]', async () => {
    const input = [h([['test', [1, 2]]])];
    const [one] = await pipeToOutString(FormatTableCommand, {}, input, OutStringCommand, {}, { variables: { FormatEnumerationLimit: 1 } });
    expect(one).to.match(/test\s+\{1…\}/);
    const [ten] = await pipeToOutString(FormatTableCommand, {}, input, OutStringCommand, {}, { variables: { FormatEnumerationLimit: 10 } });
    expect(ten).to.match(/test\s+\{1, 2\}/);
  });

  it('honours a registered view\'s alignments [PS "Format-Table should have correct alignment"]', async () => {
    registerView('Test.Format', tableView([
      { label: 'Left', property: 'Left', alignment: 'left' },
      { label: 'Center', property: 'Center', alignment: 'center' },
      { label: 'Right', property: 'Right', alignment: 'right' },
    ]));
    try {
      const o = PSObject.typed('Test.Format', { Left: 1, Center: 2, Right: 3 });
      const [text] = await pipeToOutString(FormatTableCommand, {}, [o], OutStringCommand);
      expect(text).to.equal('\nLeft Center Right\n---- ------ -----\n1      2        3\n\n');
    } finally {
      unregisterViews('Test.Format');
    }
  });

  // The sizing pass (first column without a width) measures every column, so Width 8 gives way to the
  // measured 7 cells, as OutCommandInner's hint replaces all declared widths.
  it('calculated properties: script blocks (awaited), Label/Expression, Width, Alignment, FormatString', async () => {
    const props = [
      'Name',
      PSHashtable.from([['n', 'Twice'], ['e', fakeScriptBlock('{ $_.V * 2 }', (o) => (o as PSObject).get('V') as number * 2)]]),
      PSHashtable.from([['Label', 'Pct'], ['Expression', 'Ratio'], ['FormatString', 'N1'], ['Width', 8], ['Alignment', 'Right']]),
    ];
    const [text] = await pipeToOutString(FormatTableCommand, { Property: props },
      [C({ Name: 'a', V: 2, Ratio: 0.25 }), C({ Name: 'bb', V: 10, Ratio: 1234.5 })], OutStringCommand);
    expect(text).to.equal('\nName Twice     Pct\n---- -----     ---\na        4     0.3\nbb      20 1,234.5\n\n');
  });

  it('an unlabeled script block column is headed by its text', async () => {
    const [text] = await pipeToOutString(FormatTableCommand, { Property: [fakeScriptBlock('$_.V + 1', (o) => (o as PSObject).get('V') as number + 1)] },
      [C({ V: 1 })], OutStringCommand);
    expect(text).to.equal('\n$_.V + 1\n--------\n       2\n\n');
  });

  it('wildcards in -Property expand against the first object', async () => {
    const [text] = await pipeToOutString(FormatTableCommand, { Property: ['Disp*', 'Id'] },
      [C({ Id: 7, DisplayName: 'App', DisplayOrder: 2, Other: 'x' })], OutStringCommand);
    expect(text).to.equal('\nDisplayName DisplayOrder Id\n----------- ------------ --\nApp                    2  7\n\n');
  });

  it('-GroupBy starts a table under a "   Label: value" header whenever the value changes', async () => {
    const input = [C({ Kind: 'A', N: 1 }), C({ Kind: 'A', N: 2 }), C({ Kind: 'B', N: 3 })];
    const [text] = await pipeToOutString(FormatTableCommand, { GroupBy: 'Kind' }, input, OutStringCommand);
    expect(text).to.equal('\n   Kind: A\n\nKind N\n---- -\nA    1\nA    2\n\n   Kind: B\n\nKind N\n---- -\nB    3\n\n');
  });

  it('-Wrap continues long cells on the next lines instead of cutting them', async () => {
    const long = 'alpha beta gamma delta epsilon zeta eta theta';
    const [text] = await pipeToOutString(FormatTableCommand, { Wrap: true, Property: [PSHashtable.from([['e', 'Id'], ['w', 4]]), PSHashtable.from([['e', 'Text'], ['w', 12]])] },
      [C({ Id: 1, Text: long })], OutStringCommand);
    expect(text).to.equal('\n  Id Text\n  -- ----\n   1 alpha beta\n     gamma delta\n     epsilon\n     zeta eta\n     theta\n\n');
    const [cut] = await pipeToOutString(FormatTableCommand, { Property: [PSHashtable.from([['e', 'Id'], ['w', 4]]), PSHashtable.from([['e', 'Text'], ['w', 12]])] },
      [C({ Id: 1, Text: long })], OutStringCommand);
    expect(cut).to.equal('\n  Id Text\n  -- ----\n   1 alpha beta …\n\n');
  });

  it('rejects an unknown key in a calculated property with a terminating error', async () => {
    let caught: unknown;
    try { await runCmdlet(FormatTableCommand, { Property: [PSHashtable.from([['Bogus', 1], ['e', 'x']])] }, [C({ x: 1 })]); } catch (e) { caught = e; }
    expect((caught as { record?: { fullyQualifiedErrorId: string } }).record?.fullyQualifiedErrorId)
      .to.equal('DictionaryKeyIllegal,Microsoft.PowerShell.Commands.FormatTableCommand');
  });
});

describe('format: Format-List', () => {
  it('lists the given properties, calculated ones included', async () => {
    const props = ['Name', PSHashtable.from([['Name', 'Upper'], ['Expression', fakeScriptBlock('{ $_.Name.ToUpper() }', (o) => String((o as PSObject).get('Name')).toUpperCase())]])];
    const [text] = await pipeToOutString(FormatListCommand, { Property: props }, [C({ Name: 'abc', Other: 1 })], OutStringCommand);
    expect(text).to.equal('\nName  : abc\nUpper : ABC\n\n');
  });

  it('* shows every property of each object, and a small object still as a list', async () => {
    const [text] = await pipeToOutString(FormatListCommand, { Property: ['*'] }, [C({ a: 1, bb: 'x' }), C({ c: true })], OutStringCommand);
    expect(text).to.equal('\na  : 1\nbb : x\n\nc : True\n\n');
  });

  it('without -Property uses every property (Format-List of a table-shaped object)', async () => {
    const [text] = await pipeToOutString(FormatListCommand, {}, [C({ a: 1, b: 2 })], OutStringCommand);
    expect(text).to.equal('\na : 1\nb : 2\n\n');
  });
});

describe('format: Out-String and Out-Host', () => {
  it('-Stream writes one string per line, blank lines included', async () => {
    const r = await runCmdlet(OutStringCommand, { Stream: true }, [C({ a: 1, b: 2 })]);
    expect(r.output).to.deep.equal(['', 'a b', '- -', '1 2', '']);
  });

  it('-Stream splits multi-line strings', async () => {
    const r = await runCmdlet(OutStringCommand, { Stream: true }, ['x\ny', 5]);
    expect(r.output).to.deep.equal(['x', 'y', '5']);
  });

  it('without -Width lists never wrap; -Width wraps them and narrows tables', async () => {
    const o = C({ a: 1, b: 2, c: 3, d: 4, e: 'word '.repeat(30).trim() });
    const [wide] = (await runCmdlet(OutStringCommand, {}, [o])).output as string[];
    expect(wide.split('\n')[5]).to.equal('e : ' + 'word '.repeat(30).trim());
    const [narrow] = (await runCmdlet(OutStringCommand, { Width: 40 }, [o])).output as string[];
    expect(narrow.split('\n').slice(5, 9)).to.deep.equal(['e : word word word word word word word ', '    word word word word word word word ', '    word word word word word word word ', '    word word word word word word word ']);
  });

  it('-NoNewline joins the lines without separators', async () => {
    const r = await runCmdlet(OutStringCommand, { NoNewline: true }, ['a', 'b']);
    expect(r.output).to.deep.equal(['ab']);
  });

  it('Out-Host writes the Out-Default text to the host, at the host width minus one', async () => {
    const r = await runCmdlet(OutHostCommand, {}, [C({ A: 'x'.repeat(50) })], { width: 30 });
    expect(r.output).to.deep.equal([]);
    expect(r.hostLines).to.deep.equal(['', 'A', '-', 'x'.repeat(28) + '…', '']);
  });
});

describe('format: registered views and default display properties', () => {
  it('registerDefaultDisplayProperties picks the columns (≤ 4: a table) while Format-List * still shows all', async () => {
    const { registerDefaultDisplayProperties, formatForDefault } = await import('../../runtime/format/index.js');
    registerDefaultDisplayProperties('Test.Scheduler', ['Name', 'Enabled']);
    try {
      const o = PSObject.typed('Test.Scheduler', { Name: 'sync', Enabled: true, A: 1, B: 2, C: 3 });
      expect(formatForDefault([o], 120, { now: () => 0 })).to.equal('\nName Enabled\n---- -------\nsync    True\n\n');
      const [text] = await pipeToOutString(FormatListCommand, { Property: ['*'] }, [o], OutStringCommand);
      expect(text).to.equal('\nName    : sync\nEnabled : True\nA       : 1\nB       : 2\nC       : 3\n\n');
    } finally {
      unregisterViews('Test.Scheduler');
    }
  });

  it('Format-Table -View picks a named view; a list view is the default of Out-Default when first', async () => {
    const { registerView, listView, formatForDefault } = await import('../../runtime/format/index.js');
    registerView('Test.Conn', listView(['Name', { label: 'Kind', property: 'Type' }], { name: 'Default' }));
    registerView('Test.Conn', tableView([{ property: 'Name', width: 10 }, { label: 'Kind', property: 'Type' }], { name: 'Brief' }));
    try {
      const o = PSObject.typed('Test.Conn', { Name: 'contoso.com', Type: 'AD', Extra: 1 });
      expect(formatForDefault([o], 120)).to.equal('\nName : contoso.com\nKind : AD\n\n');
      const [text] = await pipeToOutString(FormatTableCommand, { View: 'Brief' }, [o], OutStringCommand);
      expect(text).to.equal('\nName       Kind\n----       ----\ncontoso.c… AD\n\n');
    } finally {
      unregisterViews('Test.Conn');
    }
  });
});
