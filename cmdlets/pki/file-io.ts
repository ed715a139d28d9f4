import * as fs from 'node:fs';
import type { PSObject } from '../../runtime/values/psobject.js';
import { FileSystemProvider } from '../core/filesystem-provider.js';
import type { ExecutionContext } from '../../runtime/commands/context.js';
import { isCertPath } from './cert-paths.js';

/** A failure reading or writing a file, worded as the Windows pki cmdlets report it. */
export class FileAccessError extends Error {
  constructor(readonly errorId: string, readonly category: string, message: string) {
    super(message);
    this.name = 'FileAccessError';
  }
}

const fileSystem = new FileSystemProvider();

/**
 * -FilePath against the session, with the FileSystem provider's rules ('~', 'FileSystem::', Windows drive
 * paths); relative paths against the current location when it is a file-system one (on Cert:: the process's).
 */
export function resolveFilePath(ctx: Pick<ExecutionContext, 'location'> | undefined, text: string): string {
  const loc = ctx?.location ?? '';
  return fileSystem.resolve(text, loc && !isCertPath(loc) ? loc : '');
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

/** System.IO.FileInfo as Export-Certificate / Export-PfxCertificate return it (the FileSystem provider's item). */
export function fileInfoObject(file: string): PSObject {
  return fileSystem.getItem(file);
}
