/**
 * The FileSystem provider: real paths of the machine (shown as they are, not Windows-style), items
 * as System.IO.FileInfo / DirectoryInfo objects with the PS* note properties PowerShell adds.
 */
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import * as os from 'node:os';
import { PSObject } from '../../runtime/values/psobject.js';
import { PSDateTime } from '../../runtime/values/datetime.js';
import type { ChildItemOptions, ItemProvider } from './providers.js';
import { pathNotFound, ProviderError } from './provider-errors.js';
import { wildcardToRegex } from './wildcards.js';

export const FileInfoType = 'System.IO.FileInfo';
export const DirectoryInfoType = 'System.IO.DirectoryInfo';
const PROVIDER = 'Microsoft.PowerShell.Core\\FileSystem';

function mode(st: fs.Stats, isLink: boolean): string {
  const dir = st.isDirectory();
  const readOnly = (st.mode & 0o200) === 0;
  return `${dir ? 'd' : '-'}${dir ? '-' : 'a'}${readOnly ? 'r' : '-'}--${isLink ? 'l' : '-'}`;
}

export class FileSystemProvider implements ItemProvider {
  readonly name = 'FileSystem';
  readonly fullName = PROVIDER;
  readonly drives: readonly string[] = [];

  resolve(p: string, base: string): string {
    let path = p.replace(/^Microsoft\.PowerShell\.Core\\FileSystem::/i, '').replace(/^FileSystem::/i, '');
    if (path === '~' || path.startsWith('~/') || path.startsWith('~\\')) path = os.homedir() + path.slice(1);
    if (nodePath.sep === '/') {
      // Windows drive paths have no meaning on this machine: a bare drive is the process directory.
      const drive = /^[A-Za-z]:(?:[\\/]|$)/.exec(path);
      if (drive) path = path.length <= 3 ? process.cwd() : '/' + path.slice(3);
      path = path.replace(/\\/g, '/');
    }
    // A Windows drive location ('C:\\', the session's initial location) means the process directory here.
    const from = !base || (nodePath.sep === '/' && /^[A-Za-z]:([\\/]|$)/.test(base)) ? process.cwd() : base;
    const abs = nodePath.isAbsolute(path) ? path : nodePath.join(from, path);
    const n = nodePath.normalize(abs);
    return n.length > 1 && n.endsWith(nodePath.sep) ? n.slice(0, -1) : n;
  }

  display(path: string): string { return path; }
  join(parent: string, child: string): string { return nodePath.join(parent, child); }
  parent(path: string): string { const d = nodePath.dirname(path); return d === path ? '' : d; }

  exists(path: string): boolean { return fs.existsSync(path); }
  isContainer(path: string): boolean {
    try { return fs.statSync(path).isDirectory(); } catch { return false; }
  }

  getItem(path: string): PSObject {
    let st: fs.Stats, lst: fs.Stats;
    try { lst = fs.lstatSync(path); st = lst.isSymbolicLink() ? fs.statSync(path) : lst; } catch { throw pathNotFound(path); }
    return this.toItem(path, st, lst.isSymbolicLink());
  }

  private toItem(path: string, st: fs.Stats, isLink: boolean): PSObject {
    const dir = st.isDirectory();
    const name = nodePath.basename(path) || path;
    const parent = this.parent(path);
    const ext = dir ? '' : nodePath.extname(name);
    const o = new PSObject([dir ? DirectoryInfoType : FileInfoType, 'System.IO.FileSystemInfo', 'System.MarshalByRefObject', 'System.Object']);
    o.addNote('PSPath', `${PROVIDER}::${path}`);
    o.addNote('PSParentPath', parent ? `${PROVIDER}::${parent}` : '');
    o.addNote('PSChildName', name);
    o.addNote('PSDrive', '/');
    o.addNote('PSProvider', PROVIDER);
    o.addNote('PSIsContainer', dir);
    o.addGetter('Mode', () => mode(st, isLink), 'string');
    o.addGetter('BaseName', () => (dir ? name : name.slice(0, name.length - ext.length)), 'string');
    o.addGetter('Name', () => name, 'string');
    o.addGetter('FullName', () => path, 'string');
    if (!dir) {
      o.addGetter('Length', () => st.size, 'long');
      o.addGetter('DirectoryName', () => parent, 'string');
    } else {
      o.addGetter('Parent', () => parent || null, 'System.IO.DirectoryInfo');
      o.addGetter('Root', () => nodePath.parse(path).root, 'System.IO.DirectoryInfo');
    }
    o.addGetter('Extension', () => ext, 'string');
    o.addGetter('Exists', () => fs.existsSync(path), 'bool');
    o.addGetter('CreationTime', () => PSDateTime.fromDate(st.birthtime), 'datetime');
    o.addGetter('LastAccessTime', () => PSDateTime.fromDate(st.atime), 'datetime');
    o.addGetter('LastWriteTime', () => PSDateTime.fromDate(st.mtime), 'datetime');
    o.addGetter('Attributes', () => (dir ? 'Directory' : 'Archive'), 'System.IO.FileAttributes');
    o.addGetter('LinkTarget', () => (isLink ? fs.readlinkSync(path) : null), 'string');
    o.addGetter('DirectoryForDisplay', () => parent, 'string');
    o.toStringImpl = () => path;
    return o;
  }

  private entries(path: string, opts: ChildItemOptions): { full: string; name: string }[] {
    if (!this.isContainer(path)) return [{ full: path, name: nodePath.basename(path) }];
    let names: string[];
    try { names = fs.readdirSync(path); } catch (e) {
      throw new ProviderError(`Access to the path '${path}' is denied.`, 'DirUnauthorizedAccessError', 'PermissionDenied', 'System.UnauthorizedAccessException');
    }
    const filter = opts.filter ? wildcardToRegex(opts.filter) : undefined;
    const visible = names.filter((n) => (opts.force || !n.startsWith('.')) && (!filter || filter.test(n)));
    const cmp = (a: string, b: string) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0);
    const dirs = visible.filter((n) => this.isContainer(nodePath.join(path, n))).sort(cmp);
    const files = visible.filter((n) => !dirs.includes(n)).sort(cmp);
    return [...dirs, ...files].map((n) => ({ full: nodePath.join(path, n), name: n }));
  }

  getChildItems(path: string, opts: ChildItemOptions): PSObject[] {
    return [...this.iterateChildItems(path, opts)];
  }

  *iterateChildItems(path: string, opts: ChildItemOptions): Generator<PSObject> {
    if (!fs.existsSync(path)) throw pathNotFound(path);
    const filter = opts.filter ? wildcardToRegex(opts.filter) : undefined;
    const self = this;
    function* walk(dir: string, depth: number): Generator<PSObject> {
      const list = self.entries(dir, { ...opts, filter: undefined });
      for (const e of list) if (!filter || filter.test(e.name)) yield self.getItem(e.full);
      if (opts.recurse && (opts.depth === undefined || depth < opts.depth)) {
        for (const e of list) if (self.isContainer(e.full) && !fs.lstatSync(e.full).isSymbolicLink()) yield* walk(e.full, depth + 1);
      }
    }
    yield* walk(path, 0);
  }

  childNames(path: string, opts: ChildItemOptions): string[] {
    return this.entries(path, opts).map((e) => e.name);
  }

  hasChildren(path: string): boolean {
    try { return this.isContainer(path) && fs.readdirSync(path).length > 0; } catch { return false; }
  }

  removeItem(path: string, opts: { recurse?: boolean; force?: boolean }): void {
    if (!fs.existsSync(path)) throw pathNotFound(path);
    fs.rmSync(path, { recursive: !!opts.recurse || !this.hasChildren(path), force: !!opts.force });
  }

  newItem(path: string, itemType: string, value: unknown, force: boolean): PSObject {
    const t = itemType.toLowerCase();
    if (fs.existsSync(path) && !force) {
      throw new ProviderError(`The file '${path}' already exists.`, 'NewItemIOError', 'ResourceExists', 'System.IO.IOException');
    }
    if (t === 'directory' || t === 'container') fs.mkdirSync(path, { recursive: true });
    else {
      if (force) fs.mkdirSync(nodePath.dirname(path), { recursive: true });
      fs.writeFileSync(path, value === undefined || value === null ? '' : String(value));
    }
    return this.getItem(path);
  }

  readContent(path: string): Uint8Array {
    if (!fs.existsSync(path)) throw pathNotFound(path);
    if (this.isContainer(path)) {
      throw new ProviderError(`Unable to get content because it is a directory: '${path}'. Please use 'Get-ChildItem' instead.`, 'GetContentReaderUnauthorizedAccessError', 'PermissionDenied', 'System.UnauthorizedAccessException');
    }
    return new Uint8Array(fs.readFileSync(path));
  }

  writeContent(path: string, bytes: Uint8Array, append: boolean): void {
    const dir = nodePath.dirname(path);
    if (!fs.existsSync(dir)) throw new ProviderError(`Could not find a part of the path '${path}'.`, 'GetContentWriterDirectoryNotFoundError', 'ObjectNotFound', 'System.IO.DirectoryNotFoundException');
    if (append) fs.appendFileSync(path, bytes); else fs.writeFileSync(path, bytes);
  }
}
