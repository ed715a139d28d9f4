/**
 * Values the conformance gaps needed: [uri] objects, a small [xml], the null stand-ins ([NullString],
 * AutomationNull, DBNull), dates with 100-ns ticks and Get-Date -UFormat as pwsh 7.6 implements it.
 */
import { expect } from 'chai';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runScript } from '../../app/run-script.js';
import { formatUnix } from '../../cmdlets/core/date-format.js';
import { parseDateTime } from '../../runtime/values/convert.js';

describe('uri, xml, null stand-ins, ticks and -UFormat', function () {
  this.timeout(60000);
  let home: string;
  before(() => { home = fs.mkdtempSync(path.join(os.tmpdir(), 'core-values-')); });
  after(() => fs.rmSync(home, { recursive: true, force: true }));
  const sh = async (text: string) => (await runScript(text, { home })).output;

  it('[uri] is an object with .NET\'s properties; its text is the canonical URI; a relative one stays text', async () => {
    expect(await sh('$u = [uri]"https://example.com:8443/x/y/?q=1#f"; $u.Host; $u.Port; $u.IsDefaultPort; $u.Segments -join "|"; $u.Query; $u.Fragment; $u.Authority; "$u"; $u -is [uri]'))
      .to.equal('example.com\n8443\nFalse\n/|x/|y/\n?q=1\n#f\nexample.com:8443\nhttps://example.com:8443/x/y/?q=1#f\nTrue\n');
    expect(await sh('([uri]"https://example.com").AbsoluteUri; ([uri]"/relative") -is [string]')).to.equal('https://example.com/\nTrue\n');
  });

  it('[xml] navigates elements and attributes the way the XML adapter does, and reports malformed text', async () => {
    expect(await sh('$x = [xml]\'<r k="v"><b>1</b><b>2</b><c><d>x</d></c></r>\'; $x.r.k; $x.r.b; $x.r.c.d; $x.r.b.GetType().Name; $x.r.c.InnerText'))
      .to.equal('v\n1\n2\nx\nObject[]\nx\n');
    const r = await runScript("[xml]'<a><b></a>'", { home });
    expect(r.errors[0]?.errorId).to.equal('InvalidCastToXmlDocument');
    expect(r.errors[0]?.message).to.equal('Cannot convert value "<a><b></a>" to type "System.Xml.XmlDocument". Error: "The \'b\' start tag on line 1 position 5 does not match the end tag of \'a\'. Line 1, position 9."');
  });

  it('[NullString]::Value, AutomationNull and DBNull are types whose Value is $null', async () => {
    expect(await sh('[NullString]::Value -eq $null; [System.DBNull]::Value -eq $null; @([System.Management.Automation.Internal.AutomationNull]::Value).Count'))
      .to.equal('True\nTrue\n0\n');
  });

  it('a parsed date keeps ticks below the millisecond', async () => {
    const d = parseDateTime('0030-01-01T01:02:03.0004')!;
    expect(d.subTicks).to.equal(4000); // 0.4 ms
    expect(await sh('Get-Date -Date 0030-01-01T01:02:03.1234567 -Format "fffffff"; ([datetime]"2024-01-01T00:00:00.0000001").Ticks % 10'))
      .to.equal('1234567\n1\n');
  });

  it('-UFormat: %U/%W are DayOfYear/7 unpadded, %V the ISO week, %G/%g the ISO year, unknown letters kept', () => {
    const d = parseDateTime('2010-01-03')!; // a Sunday: ISO week 53 of 2009
    expect(formatUnix(d, '%U|%W|%V|%G|%g|%u|%w')).to.equal('0|0|53|2009|09|7|0');
    expect(formatUnix(parseDateTime('2030-04-05')!, '%U %W %j')).to.equal('13 13 095');
    expect(formatUnix(d, '+%Y-%m-%d %q %%')).to.equal('2010-01-03 q %');
    expect(formatUnix(parseDateTime('1/1/0030')!, '%c')).to.equal('Tue 01 Jan 0030 00:00:00');
  });
});
