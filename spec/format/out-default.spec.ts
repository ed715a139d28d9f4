import { expect } from 'chai';
import { formatForDefault, OutDefaultFormatter } from '../../runtime/format/index.js';
import { PSObject } from '../../runtime/values/psobject.js';
import { defaultCases } from './default-cases.js';

describe('format: Out-Default text (expected text captured from the pwsh 7.6 oracle)', () => {
  for (const c of defaultCases) {
    it(c.id, () => {
      expect(formatForDefault(c.values(), c.width ?? 120)).to.equal(c.expected);
    });
  }
});

describe('format: Out-Default streaming', () => {
  const C = (o: Record<string, unknown>) => PSObject.custom(o);

  it('writes scalars and list entries as each object arrives', () => {
    const out: string[] = [];
    const f = new OutDefaultFormatter(120, (l) => out.push(l), { now: () => 0 });
    f.push('first');
    expect(out).to.deep.equal(['first']);
    f.push(C({ a: 1, b: 2, c: 3, d: 4, e: 5 }));
    expect(out).to.deep.equal(['first', '', 'a : 1', 'b : 2', 'c : 3', 'd : 4', 'e : 5', '']);
    f.end();
    expect(out.length).to.equal(8);
  });

  it('holds table rows back to size the columns, then streams once 300 ms have passed', () => {
    let now = 1000;
    const out: string[] = [];
    const f = new OutDefaultFormatter(120, (l) => out.push(l), { now: () => now });
    f.push(C({ Id: 1, Name: 'a' }));
    // Only the format start's blank line: the table waits for more rows to size its columns.
    expect(out).to.deep.equal(['']);
    now += 100;
    f.push(C({ Id: 22, Name: 'bbbbbb' }));
    expect(out).to.deep.equal(['']);
    now += 250; // 350 ms after the group started: this row ends the sizing window and is included in it
    f.push(C({ Id: 333, Name: 'cc' }));
    expect(out).to.deep.equal(['', ' Id Name', ' -- ----', '  1 a', ' 22 bbbbbb', '333 cc']);
    // Later rows keep the widths chosen then (cut with '…' when wider: numbers keep their tail, text its head).
    f.push(C({ Id: 4444, Name: 'a longer name' }));
    expect(out.slice(6)).to.deep.equal(['…44 a lon…']);
    f.end();
    expect(out.slice(7)).to.deep.equal(['']);
  });

  it('sizes from all rows when they all arrive within the window', () => {
    const text = formatForDefault([1, 2, 3].map((i) => C({ Id: i, Name: `item${i}` })), 120, { now: () => 0 });
    expect(text).to.equal('\nId Name\n-- ----\n 1 item1\n 2 item2\n 3 item3\n\n');
  });
});

describe('format: Format-* records through Out-Default', () => {
  it('a Format-Table document after raw objects closes the open table first', async () => {
    const { FormatGenerator } = await import('../../runtime/format/index.js');
    const g = new FormatGenerator({ shape: 'list' });
    const records = [...g.process(PSObject.custom({ x: 1 })), ...g.end()];
    const text = formatForDefault([PSObject.custom({ a: 1 }), ...records], 120, { now: () => 0 });
    expect(text).to.equal('\na\n-\n1\n\n\nx : 1\n\n');
  });
});

describe('format: emulator choices beyond pwsh', () => {
  it('shows a plain JavaScript record (unwrapped domain data) like a PSCustomObject', () => {
    expect(formatForDefault([{ Name: 'x', Count: 2 }], 120)).to.equal('\nName Count\n---- -----\nx        2\n\n');
  });

  it('a view with declared widths streams its rows at once (no sizing window)', () => {
    const out: string[] = [];
    const f = new OutDefaultFormatter(120, (l) => out.push(l), { now: () => 0 });
    const cert = PSObject.typed('System.Security.Cryptography.X509Certificates.X509Certificate2', { Thumbprint: 'AB', Subject: 'CN=x', PSParentPath: 'P' });
    f.push(cert);
    expect(out).to.deep.equal(['', '   PSParentPath: P', '',
      'Thumbprint                                Subject              EnhancedKeyUsageList',
      '----------                                -------              --------------------',
      'AB                                        CN=x                 ']);
  });
});
