/**
 * A small [xml] (System.Xml.XmlDocument): parses well-formed XML text into objects whose properties are what
 * PowerShell's XML adapter shows: an element's attributes and child elements by name (a child with text only
 * reads as its text; repeated names read as an array), then InnerText, InnerXml, OuterXml, Name and LocalName
 * where no child or attribute has that name. No XPath, no namespaces processing, no DTDs.
 */
import { PSObject, type PSProperty } from './psobject.js';

/**
 * An XML node: the adapter's properties (attributes, child elements) are listed and formatted; the .NET
 * ones (InnerText, OuterXml...) answer member access without showing up in tables and lists, as in pwsh.
 */
class XmlNodeObject extends PSObject {
  private readonly dotnet = new Map<string, PSProperty>();
  addDotNet(name: string, get: () => unknown): void {
    if (!super.hasProperty(name)) this.dotnet.set(name.toLowerCase(), { name, kind: 'Property', get, typeName: 'string' });
  }
  override property(name: string): PSProperty | undefined { return super.property(name) ?? this.dotnet.get(name.toLowerCase()); }
  override hasProperty(name: string): boolean { return super.hasProperty(name) || this.dotnet.has(name.toLowerCase()); }
  override get(name: string): unknown { return this.property(name)?.get(); }
}

function node(typeNames: string[]): XmlNodeObject {
  return new XmlNodeObject([...typeNames, 'System.Object']);
}

export class XmlParseError extends Error {}

interface XNode { name: string; attrs: [string, string][]; children: (XNode | string)[] }

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    const v = ENTITIES[e];
    if (v === undefined) throw new XmlParseError(`Reference to undeclared entity '${e}'.`);
    return v;
  });
}

function encode(s: string, attr = false): string {
  const t = s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return attr ? t.replace(/"/g, '&quot;') : t;
}

function parseXml(src: string): { decl?: string; root: XNode } {
  let i = 0;
  let decl: string | undefined;
  // .NET ends each message with the line and (1-based) position it stopped at.
  const where = (at: number) => {
    const before = src.slice(0, at);
    const line = before.split('\n').length;
    return `Line ${line}, position ${at - (before.lastIndexOf('\n') + 1) + 1}.`;
  };
  const fail = (msg: string, at = i): never => { throw new XmlParseError(`${msg} ${where(at)}`); };
  const skipMisc = () => {
    for (;;) {
      while (i < src.length && /\s/.test(src[i]!)) i++;
      if (src.startsWith('<?', i)) {
        const end = src.indexOf('?>', i);
        if (end < 0) fail('Unexpected end of file has occurred.');
        const body = src.slice(i + 2, end);
        if (/^xml\s/i.test(body)) decl = body.slice(3).trim();
        i = end + 2;
      } else if (src.startsWith('<!--', i)) {
        const end = src.indexOf('-->', i);
        if (end < 0) fail('Unexpected end of file has occurred.');
        i = end + 3;
      } else if (src.startsWith('<!DOCTYPE', i)) {
        const end = src.indexOf('>', i);
        i = end < 0 ? fail('Unexpected end of file has occurred.') : end + 1;
      } else return;
    }
  };
  const name = () => {
    const m = /^[A-Za-z_:][\w:.-]*/.exec(src.slice(i));
    if (!m) fail(`Name cannot begin with the '${src[i] ?? ''}' character.`);
    i += m![0].length;
    return m![0];
  };
  const element = (): XNode => {
    if (src[i] !== '<') fail('Data at the root level is invalid.');
    i++;
    const nameAt = i;
    const node: XNode = { name: name(), attrs: [], children: [] };
    for (;;) {
      while (/\s/.test(src[i] ?? '')) i++;
      if (src.startsWith('/>', i)) { i += 2; return node; }
      if (src[i] === '>') { i++; break; }
      if (i >= src.length) fail('Unexpected end of file has occurred.');
      const an = name();
      while (/\s/.test(src[i] ?? '')) i++;
      if (src[i] !== '=') fail(`'${src[i] ?? ''}' is an unexpected token. The expected token is '='.`);
      i++;
      while (/\s/.test(src[i] ?? '')) i++;
      const q = src[i];
      if (q !== '"' && q !== "'") fail(`'${q ?? ''}' is an unexpected token. The expected token is '"' or '''.`);
      const end = src.indexOf(q!, i + 1);
      if (end < 0) fail('Unexpected end of file has occurred.');
      node.attrs.push([an, decode(src.slice(i + 1, end))]);
      i = end + 1;
    }
    for (;;) {
      if (i >= src.length) fail(`Unexpected end of file has occurred. The following elements are not closed: ${node.name}.`, i + 1);
      if (src.startsWith('</', i)) {
        i += 2;
        const closeAt = i;
        const close = name();
        if (close !== node.name) {
          const b = src.slice(0, nameAt);
          fail(`The '${node.name}' start tag on line ${b.split('\n').length} position ${nameAt - (b.lastIndexOf('\n') + 1) + 1} does not match the end tag of '${close}'.`, closeAt);
        }
        while (/\s/.test(src[i] ?? '')) i++;
        if (src[i] !== '>') fail('Unexpected end of file has occurred.');
        i++;
        return node;
      }
      if (src.startsWith('<!--', i)) { const end = src.indexOf('-->', i); if (end < 0) fail('Unexpected end of file has occurred.'); i = end + 3; continue; }
      if (src.startsWith('<![CDATA[', i)) {
        const end = src.indexOf(']]>', i);
        if (end < 0) fail('Unexpected end of file has occurred.');
        node.children.push(src.slice(i + 9, end)); i = end + 3; continue;
      }
      if (src.startsWith('<?', i)) { const end = src.indexOf('?>', i); if (end < 0) fail('Unexpected end of file has occurred.'); i = end + 2; continue; }
      if (src[i] === '<') { node.children.push(element()); continue; }
      const next = src.indexOf('<', i);
      const text = src.slice(i, next < 0 ? src.length : next);
      i = next < 0 ? src.length : next;
      node.children.push(decode(text));
    }
  };
  skipMisc();
  if (i >= src.length) fail('Root element is missing.');
  const root = element();
  skipMisc();
  if (i < src.length) fail('There are multiple root elements.');
  return { decl, root };
}

function innerText(n: XNode): string { return n.children.map((c) => (typeof c === 'string' ? c : innerText(c))).join(''); }
function outerXml(n: XNode): string {
  const attrs = n.attrs.map(([k, v]) => ` ${k}="${encode(v, true)}"`).join('');
  return n.children.length ? `<${n.name}${attrs}>${innerXml(n)}</${n.name}>` : `<${n.name}${attrs} />`;
}
function innerXml(n: XNode): string { return n.children.map((c) => (typeof c === 'string' ? encode(c) : outerXml(c))).join(''); }

/** What the XML adapter gives for a child element: its text when it has only text, else the element. */
function adapted(n: XNode): unknown {
  const onlyText = n.attrs.length === 0 && n.children.every((c) => typeof c === 'string');
  return onlyText ? innerText(n) : elementObject(n);
}

function elementObject(n: XNode): PSObject {
  const o = node(['System.Xml.XmlElement', 'System.Xml.XmlLinkedNode', 'System.Xml.XmlNode']);
  for (const [k, v] of n.attrs) o.addGetter(k, () => v, 'string');
  const byName = new Map<string, XNode[]>();
  for (const c of n.children) if (typeof c !== 'string') byName.set(c.name, [...(byName.get(c.name) ?? []), c]);
  for (const [k, list] of byName) {
    if (o.hasProperty(k)) continue;
    o.addGetter(k, () => (list.length === 1 ? adapted(list[0]!) : list.map(adapted)), list.length === 1 ? 'System.Xml.XmlElement' : 'System.Object[]');
  }
  const text = n.children.filter((c): c is string => typeof c === 'string').join('');
  if ((byName.size > 0 || n.attrs.length > 0) && text.trim()) o.addGetter('#text', () => text, 'string');
  const dotnet: [string, () => unknown][] = [['InnerText', () => innerText(n)], ['InnerXml', () => innerXml(n)], ['OuterXml', () => outerXml(n)], ['Name', () => n.name], ['LocalName', () => n.name.replace(/^.*:/, '')]];
  for (const [k, get] of dotnet) o.addDotNet(k, get);
  o.addMethod('GetAttribute', (args) => n.attrs.find(([k]) => k === String(args[0]))?.[1] ?? '');
  o.addMethod('HasAttribute', (args) => n.attrs.some(([k]) => k === String(args[0])));
  o.toStringImpl = () => n.name;
  return o;
}

export const XML_DOCUMENT = 'System.Xml.XmlDocument';

/** [xml]'<a>...</a>': throws XmlParseError with .NET's message when the text is not well-formed. */
export function parseXmlDocument(text: string): PSObject {
  const { decl, root } = parseXml(text);
  const doc = node([XML_DOCUMENT, 'System.Xml.XmlNode']);
  if (decl !== undefined) doc.addGetter('xml', () => decl, 'string');
  doc.addGetter(root.name, () => adapted(root), 'System.Xml.XmlElement');
  doc.addDotNet('DocumentElement', () => elementObject(root));
  doc.addDotNet('InnerXml', () => innerXml({ name: '#document', attrs: [], children: [root] }));
  doc.addDotNet('OuterXml', () => outerXml(root));
  doc.toStringImpl = () => '#document';
  return doc;
}
