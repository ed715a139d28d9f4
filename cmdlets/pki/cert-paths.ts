import { STORE_LOCATIONS, STORE_NAMES, type StoreLocation } from '../../pki/store-names.js';
import { PSObject } from '../../runtime/values/psobject.js';

/** The Certificate provider as PSPath spells it. */
export const PROVIDER_QUALIFIER = 'Microsoft.PowerShell.Security\\Certificate';
export const PROVIDER_PREFIX = `${PROVIDER_QUALIFIER}::`;
export const DRIVE_NAME = 'Cert';

/**
 * A position in the Cert: tree: the root, a store location, a store, or a certificate (by thumbprint).
 * Names carry the provider's own spelling (CurrentUser, My); the thumbprint is upper case.
 */
export interface CertPath {
  location?: StoreLocation;
  store?: string;
  thumbprint?: string;
}

/** Does this text name something on the Cert: drive (drive-qualified or provider-qualified)? */
export function isCertPath(text: string): boolean {
  return /^cert:/i.test(text) || /^(microsoft\.powershell\.security\\)?certificate::/i.test(text);
}

/**
 * Parse a Cert: path: 'Cert:\LocalMachine\My\<thumbprint>', 'cert:/currentuser/my', a PSPath
 * ('Microsoft.PowerShell.Security\Certificate::LocalMachine\My'), or a path relative to `current`
 * (the session location when it is on Cert:). Returns undefined when a segment names nothing
 * the provider knows; the thumbprint is not checked against the store here.
 */
export function parseCertPath(text: string, current = 'Cert:\\'): CertPath | undefined {
  let rest: string;
  const provider = /^(?:microsoft\.powershell\.security\\)?certificate::/i.exec(text);
  if (provider) rest = text.slice(provider[0].length);
  else if (/^cert:/i.test(text)) rest = text.slice(5);
  else if (/^[\\/]/.test(text)) rest = text;
  else if (/^[a-z][\w-]*:/i.test(text)) return undefined;
  else {
    if (!isCertPath(current)) return undefined;
    const base = /^cert:/i.test(current) ? current.slice(5) : current.replace(/^.*?::/, '');
    rest = `${base}\\${text}`;
  }
  const segments: string[] = [];
  for (const s of rest.split(/[\\/]+/)) {
    if (s === '' || s === '.') continue;
    if (s === '..') { segments.pop(); continue; }
    segments.push(s);
  }
  if (segments.length > 3) return undefined;
  const out: CertPath = {};
  if (segments[0] !== undefined) {
    const loc = STORE_LOCATIONS.find((l) => l.toLowerCase() === segments[0]!.toLowerCase());
    if (!loc) return undefined;
    out.location = loc;
  }
  if (segments[1] !== undefined) {
    const store = STORE_NAMES.find((n) => n.toLowerCase() === segments[1]!.toLowerCase());
    if (!store) return undefined;
    out.store = store;
  }
  if (segments[2] !== undefined) out.thumbprint = segments[2].toUpperCase();
  return out;
}

/** The part after '::' / 'Cert:\': 'LocalMachine\My\<thumbprint>'. */
export function relativePath(p: CertPath): string {
  return [p.location, p.store, p.thumbprint].filter((s): s is string => !!s).join('\\');
}

export function psPath(p: CertPath): string { return PROVIDER_PREFIX + relativePath(p); }

export function driveQualified(p: CertPath): string { return `${DRIVE_NAME}:\\${relativePath(p)}`; }

export function parentOf(p: CertPath): CertPath {
  if (p.thumbprint) return { location: p.location!, store: p.store! };
  if (p.store) return { location: p.location! };
  return {};
}

export function childName(p: CertPath): string { return p.thumbprint ?? p.store ?? p.location ?? ''; }

/** System.Management.Automation.ProviderInfo as PSProvider prints it. */
export function providerInfo(): PSObject {
  const o = PSObject.typed('System.Management.Automation.ProviderInfo', {
    Name: 'Certificate',
    ModuleName: 'Microsoft.PowerShell.Security',
    Drives: [DRIVE_NAME],
  });
  o.toStringImpl = () => PROVIDER_QUALIFIER;
  return o;
}

/** System.Management.Automation.PSDriveInfo for Cert:. */
export function driveInfo(): PSObject {
  const o = PSObject.typed('System.Management.Automation.PSDriveInfo', {
    Name: DRIVE_NAME,
    Root: '\\',
    Description: 'X509 Certificate Provider',
    CurrentLocation: '',
  });
  o.addGetter('Provider', providerInfo);
  o.toStringImpl = () => DRIVE_NAME;
  return o;
}

/** The note properties every provider adds to the items it returns (PSPath, PSParentPath, ...). */
export function addProviderNotes(o: PSObject, p: CertPath, isContainer: boolean): PSObject {
  o.addNote('PSPath', psPath(p));
  o.addNote('PSParentPath', psPath(parentOf(p)));
  o.addNote('PSChildName', childName(p));
  o.addNote('PSDrive', driveInfo());
  o.addNote('PSProvider', providerInfo());
  o.addNote('PSIsContainer', isContainer);
  return o;
}

/** An absolute, drive-qualified Cert: path for `path` typed relative to `base` (kept as typed when unknown, for errors). */
export function resolveCertPath(path: string, base: string): string {
  const p = parseCertPath(path, base || 'Cert:\\');
  if (p) return driveQualified(p);
  const typed = path.replace(/\//g, '\\');
  if (/^cert:/i.test(typed)) return `${DRIVE_NAME}:${typed.slice(5).startsWith('\\') ? '' : '\\'}${typed.slice(5)}`;
  const b = (base || 'Cert:\\').replace(/\\$/, '');
  return `${b}\\${typed}`;
}

export function joinCertPath(parent: string, child: string): string { return `${parent.replace(/\\$/, '')}\\${child}`; }

/** The parent of an absolute Cert: path ('' at the drive root). */
export function certParentPath(path: string): string {
  const p = parseCertPath(path);
  if (!p || (!p.location && !p.store && !p.thumbprint)) return '';
  if (p.thumbprint) return driveQualified({ location: p.location!, store: p.store! });
  if (p.store) return driveQualified({ location: p.location! });
  return `${DRIVE_NAME}:\\`;
}
