import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PSObject } from '../../runtime/values/psobject.js';
import { PSDateTime } from '../../runtime/values/datetime.js';
import type { ExecutionContext } from '../../runtime/commands/context.js';
import { isCertPath } from './cert-paths.js';

/** A failure reading or writing a file, worded as the Windows pki cmdlets report it. */
export class FileAccessError extends Error {
  constructor(readonly errorId: string, readonly category: string, message: string) {
    super(message);
    this.name = 'FileAccessError';
  }
}

/**
 * -FilePath against the session: absolute paths as given, '~' as the home directory, relative paths
 * against the current location when it is a file-system location (on Cert: or unknown: the process's).
 */
export function resolveFilePath(ctx: Pick<ExecutionContext, 'location'> | undefined, text: string): string {
  if (text === '~' || text.startsWith('~/') || text.startsWith('~\\')) return path.join(os.homedir(), text.slice(1));
  const fsPrefix = /^(?:microsoft\.powershell\.core\\)?filesystem::/i.exec(text);
  if (fsPrefix) text = text.slice(fsPrefix[0].length);
  if (path.isAbsolute(text)) return path.normalize(text);
  const loc = ctx?.location ?? '';
  const base = loc && !isCertPath(loc) && path.isAbsolute(loc.replace(/^(?:microsoft\.powershell\.core\\)?filesystem::/i, ''))
    ? loc.replace(/^(?:microsoft\.powershell\.core\\)?filesystem::/i, '')
    : process.cwd();
  return path.resolve(base, text);
}

export function readInputFile(file: string): Uint8Array {
  try {
    return new Uint8Array(fs.readFileSync(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new FileAccessError('FileNotFound', 'ObjectNotFound', `The system cannot find the file specified. 0x80070002 (WIN32: 2 ERROR_FILE_NOT_FOUND): '${file}'`);
    if (code === 'EISDIR') throw new FileAccessError('FileNotFound', 'InvalidArgument', `Access is denied. 0x80070005 (WIN32: 5 ERROR_ACCESS_DENIED): '${file}' is a directory.`);
    throw new FileAccessError('FileReadError', 'ReadError', `Access is denied. 0x80070005 (WIN32: 5 ERROR_ACCESS_DENIED): '${file}' (${code ?? 'error'}).`);
  }
}

/** Write the exported bytes; -NoClobber refuses an existing file as the pki cmdlets do. */
export function writeOutputFile(file: string, data: Uint8Array, opts: { noClobber?: boolean } = {}): void {
  if (opts.noClobber && fs.existsSync(file)) {
    throw new FileAccessError('NoClobber', 'ResourceExists', `The file '${file}' already exists.`);
  }
  try {
    fs.writeFileSync(file, data);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new FileAccessError('DirectoryNotFound', 'ObjectNotFound', `Could not find a part of the path '${file}'.`);
    throw new FileAccessError('FileWriteError', 'WriteError', `Access to the path '${file}' is denied.`);
  }
}

/** System.IO.FileInfo as Export-Certificate / Export-PfxCertificate return it (shown under '    Directory: …'). */
export function fileInfoObject(file: string): PSObject {
  const st = fs.statSync(file);
  const dir = path.dirname(file);
  const o = PSObject.typed(['System.IO.FileInfo', 'System.IO.FileSystemInfo', 'System.MarshalByRefObject'], {});
  o.addNote('PSPath', `Microsoft.PowerShell.Core\\FileSystem::${file}`);
  o.addNote('PSParentPath', `Microsoft.PowerShell.Core\\FileSystem::${dir}`);
  o.addNote('PSChildName', path.basename(file));
  o.addNote('PSIsContainer', false);
  o.addNote('Mode', '-a----');
  o.addNote('BaseName', path.basename(file, path.extname(file)));
  o.addNote('Name', path.basename(file));
  o.addNote('Length', st.size);
  o.addNote('DirectoryName', dir);
  o.addNote('IsReadOnly', false);
  o.addNote('Exists', true);
  o.addNote('FullName', file);
  o.addNote('Extension', path.extname(file));
  o.addNote('CreationTime', PSDateTime.fromDate(st.birthtime, 'Local'));
  o.addNote('LastAccessTime', PSDateTime.fromDate(st.atime, 'Local'));
  o.addNote('LastWriteTime', PSDateTime.fromDate(st.mtime, 'Local'));
  o.addNote('Attributes', 'Archive');
  o.toStringImpl = () => file;
  return o;
}
