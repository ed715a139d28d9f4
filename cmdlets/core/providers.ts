/**
 * The provider layer behind Get-ChildItem, Get-Item, Test-Path, Set-Location, Remove-Item and the
 * content cmdlets. A path with a drive prefix ('Cert:\LocalMachine\My') goes to the provider that
 * owns the drive; any other path to the FileSystem provider. Other modules (pki/ for Cert:) plug a
 * provider in with ProviderRegistry.register, through the session service 'providers'.
 */
import type { ExecutionContext, MaybePromise } from '../../runtime/commands/context.js';
import { FileSystemProvider } from './filesystem-provider.js';
import { hasWildcards, wildcardToRegex } from './wildcards.js';
export { ProviderError, pathNotFound } from './provider-errors.js';

/** An item a provider returns: a PSObject with the provider's .NET type (FileInfo, X509Certificate2...). */
export type ProviderItem = unknown;

export interface ChildItemOptions {
  readonly recurse?: boolean;
  readonly depth?: number;
  readonly force?: boolean;
  /** Provider-level filter (the -Filter wildcard on names). */
  readonly filter?: string;
}

export interface ItemProvider {
  /** 'FileSystem', 'Certificate'. */
  readonly name: string;
  /** Module-qualified provider name for PSProvider: 'Microsoft.PowerShell.Core\FileSystem'. */
  readonly fullName: string;
  /** Drives this provider owns ('Cert'); the FileSystem provider owns paths without a drive. */
  readonly drives: readonly string[];
  /** An absolute provider path for `path` relative to `base` (a path of this provider). */
  resolve(path: string, base: string): string;
  /** The display form of an absolute path (e.g. 'Cert:\LocalMachine\My'). */
  display(path: string): string;
  exists(path: string): MaybePromise<boolean>;
  isContainer(path: string): MaybePromise<boolean>;
  getItem(path: string): MaybePromise<ProviderItem>;
  getChildItems(path: string, opts: ChildItemOptions): MaybePromise<ProviderItem[]>;
  /** Optional streaming form of getChildItems (a deep -Recurse can stop early under Select-Object -First). */
  iterateChildItems?(path: string, opts: ChildItemOptions): Iterable<ProviderItem>;
  /** Names of the children (Get-ChildItem -Name, wildcard expansion). */
  childNames(path: string, opts: ChildItemOptions): MaybePromise<string[]>;
  removeItem?(path: string, opts: { recurse?: boolean; force?: boolean }): MaybePromise<void>;
  hasChildren?(path: string): MaybePromise<boolean>;
  newItem?(path: string, itemType: string, value: unknown, force: boolean): MaybePromise<ProviderItem>;
  /** Content cmdlets: text (files) or absent when the provider has no content. */
  readContent?(path: string): MaybePromise<Uint8Array>;
  writeContent?(path: string, bytes: Uint8Array, append: boolean): MaybePromise<void>;
  /** Join a parent path and a child name. */
  join(parent: string, child: string): string;
  /** The parent of an absolute path ('' at the root). */
  parent(path: string): string;
}

const DRIVE = /^([A-Za-z][A-Za-z0-9_]*):(?:[\\/]|$)/;

export class ProviderRegistry {
  private readonly providers: ItemProvider[] = [];
  readonly fileSystem: ItemProvider;

  constructor(fileSystem: ItemProvider = new FileSystemProvider()) {
    this.fileSystem = fileSystem;
    this.providers.push(fileSystem);
  }

  register(p: ItemProvider): void {
    const i = this.providers.findIndex((x) => x.name === p.name);
    if (i >= 0) this.providers[i] = p; else this.providers.push(p);
  }

  list(): readonly ItemProvider[] { return this.providers; }

  /** The provider owning a drive name, if any. */
  byDrive(drive: string): ItemProvider | undefined {
    const d = drive.toLowerCase();
    return this.providers.find((p) => p.drives.some((x) => x.toLowerCase() === d));
  }

  /** Which provider a path belongs to, and its absolute form, given the current location. */
  locate(path: string, location: string): { provider: ItemProvider; path: string } {
    const m = DRIVE.exec(path);
    const owner = m ? this.byDrive(m[1]!) : undefined;
    if (owner) return { provider: owner, path: owner.resolve(path, '') };
    const lm = DRIVE.exec(location);
    const here = lm ? this.byDrive(lm[1]!) : undefined;
    if (here) return { provider: here, path: here.resolve(path, location) };
    return { provider: this.fileSystem, path: this.fileSystem.resolve(path, location) };
  }
}

const fallback = new WeakMap<object, ProviderRegistry>();

/** The session's provider registry (service 'providers'), or a FileSystem-only one when none is provided. */
export function providersOf(ctx: ExecutionContext): ProviderRegistry {
  try {
    const r = ctx.service<ProviderRegistry>('providers');
    if (r) return r;
  } catch { /* not provided: fall back */ }
  let r = fallback.get(ctx);
  if (!r) { r = new ProviderRegistry(); fallback.set(ctx, r); }
  return r;
}

/** A path resolved to a provider: wildcards in the last segment expand to the existing matches. */
export interface ResolvedPath { readonly provider: ItemProvider; readonly path: string }

export async function resolvePaths(ctx: ExecutionContext, path: string, literal = false): Promise<{ matches: ResolvedPath[]; wildcard: boolean; first: ResolvedPath }> {
  const reg = providersOf(ctx);
  const first = reg.locate(path, ctx.location);
  if (literal || !hasWildcards(path)) return { matches: [first], wildcard: false, first };
  const { provider } = first;
  const parent = provider.parent(first.path);
  const leaf = first.path.slice(parent.length).replace(/^[\\/]/, '');
  if (hasWildcards(parent) || !parent) return { matches: [], wildcard: true, first };
  if (!(await provider.exists(parent))) return { matches: [], wildcard: true, first };
  const re = wildcardToRegex(leaf);
  const names = (await provider.childNames(parent, { force: false })).filter((n) => re.test(n));
  return { matches: names.map((n) => ({ provider, path: provider.join(parent, n) })), wildcard: true, first };
}
