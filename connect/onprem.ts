import { prng } from './util.js';
import type { ObjectChange } from './gateways.js';

/**
 * The seeded on-premises Active Directory and what the server has exported of it. Objects carry an
 * update sequence number like AD's USN: a delta import reads what changed since its watermark, and an
 * object is pending export while its USN is above the USN last exported.
 */
export interface OnPremObject {
  /** source anchor: base64 of the objectGUID (ms-DS-ConsistencyGuid) */
  a: string;
  t: 'user' | 'group';
  sam: string;
  dn: string;
  title: string;
  usn: number;
  /** USN at the last successful export; 0 = never exported */
  x: number;
  deleted?: true;
}

export interface OnPremDoc {
  schema: 1;
  forest: string;
  upnSuffix: string;
  nextUsn: number;
  importWatermark: number;
  rngState: number;
  churnPerCycle: number;
  objects: OnPremObject[];
  /**
   * Positions of objects changed since they were last exported, when known: a delta cycle then looks at these
   * instead of scanning the whole directory. Absent = unknown, scan everything (and learn it again).
   */
  dirty?: number[];
}

const TITLES = ['Engineer', 'Analyst', 'Manager', 'Consultant', 'Technician', 'Director', 'Accountant', 'Designer'];
const FIRST = ['Alex', 'Sam', 'Robin', 'Kim', 'Lee', 'Jo', 'Chris', 'Pat', 'Dana', 'Max', 'Eli', 'Noa'];
const LAST = ['Smith', 'Jones', 'Berg', 'Khan', 'Lopez', 'Novak', 'Ito', 'Moreau', 'Silva', 'Fischer'];

function anchorFrom(rand: () => number): string {
  const b = Buffer.alloc(16);
  for (let i = 0; i < 16; i++) b[i] = Math.floor(rand() * 256);
  return b.toString('base64');
}

/** A directory of `size` objects: nine users for every group, like a typical small forest. */
export function seedOnPrem(size: number, forest = 'contoso.com', seed = 0x5eed): OnPremDoc {
  const rand = prng(seed);
  const objects: OnPremObject[] = [];
  const dcs = forest.split('.').map((p) => `DC=${p}`).join(',');
  for (let i = 0; i < size; i++) {
    const group = i % 10 === 9;
    const sam = group ? `GRP-${String(i).padStart(6, '0')}` : `${FIRST[i % FIRST.length].toLowerCase()}.${LAST[(i * 7) % LAST.length].toLowerCase()}${i}`;
    objects.push({
      a: anchorFrom(rand), t: group ? 'group' : 'user', sam,
      dn: group ? `CN=${sam},OU=Groups,${dcs}` : `CN=${sam},OU=Users,${dcs}`,
      title: group ? 'Security' : TITLES[i % TITLES.length], usn: i + 1, x: 0,
    });
  }
  return { schema: 1, forest, upnSuffix: forest, nextUsn: size + 1, importWatermark: 0, rngState: seed ^ 0xa5a5a5, churnPerCycle: 2, objects };
}

/** Change `count` random live objects (what admins do on-premises between cycles). */
export function churn(doc: OnPremDoc, count: number): number {
  const rand = prng(doc.rngState);
  const seen = new Set<number>();
  const n = doc.objects.length;
  let changed = 0;
  const live = doc.objects.reduce((k, o) => k + (o.deleted ? 0 : 1), 0);
  for (let tries = 0; changed < Math.min(count, live) && tries < count * 20; tries++) {
    const at = Math.floor(rand() * n);
    const o = doc.objects[at];
    if (o.deleted || seen.has(at)) continue;
    seen.add(at);
    doc.dirty?.push(at);
    o.title = TITLES[Math.floor(rand() * TITLES.length)] + (o.t === 'group' ? ' Group' : '');
    o.usn = doc.nextUsn++;
    changed++;
  }
  doc.rngState = Math.floor(rand() * 0xffffffff);
  return changed;
}

export interface ImportCounts { stageNoChange: number; stageAdd: number; stageUpdate: number; stageDelete: number }

/** Delta import reads objects above the watermark; a full import reads them all. */
function candidates(doc: OnPremDoc, full: boolean): OnPremObject[] {
  if (full || !doc.dirty) return doc.objects;
  const out: OnPremObject[] = [];
  for (const i of new Set(doc.dirty)) { const o = doc.objects[i]; if (o) out.push(o); }
  return out;
}

export function importFromAd(doc: OnPremDoc, full: boolean): ImportCounts {
  const c: ImportCounts = { stageNoChange: 0, stageAdd: 0, stageUpdate: 0, stageDelete: 0 };
  let top = doc.importWatermark;
  for (const o of candidates(doc, full)) {
    if (o.usn > top) top = o.usn;
    if (!full && o.usn <= doc.importWatermark) continue;
    if (o.deleted) c.stageDelete++;
    else if (o.x === 0 && o.usn > doc.importWatermark) c.stageAdd++;
    else if (o.usn > doc.importWatermark) c.stageUpdate++;
    else c.stageNoChange++;
  }
  doc.importWatermark = top;
  return c;
}

export function pendingExports(doc: OnPremDoc): OnPremObject[] {
  const out: OnPremObject[] = [];
  for (const o of candidates(doc, false)) if (o.usn > o.x) out.push(o);
  return out;
}

export function toChange(doc: OnPremDoc, o: OnPremObject): ObjectChange {
  if (o.deleted) return { op: 'delete', anchor: o.a, objectType: o.t, attributes: {} };
  const attributes: Record<string, unknown> = o.t === 'user'
    ? { userPrincipalName: `${o.sam}@${doc.upnSuffix}`, displayName: o.sam, jobTitle: o.title, onPremisesSamAccountName: o.sam, onPremisesDistinguishedName: o.dn }
    : { displayName: o.sam, description: o.title, onPremisesSamAccountName: o.sam, onPremisesDistinguishedName: o.dn, securityEnabled: true };
  return { op: o.x === 0 ? 'add' : 'update', anchor: o.a, objectType: o.t, attributes };
}

/** After a successful export: remember what was exported and drop exported tombstones. */
export function markExported(doc: OnPremDoc, exported: OnPremObject[], failedAnchors: Set<string>): void {
  let dropTombstones = false;
  for (const o of exported) {
    if (failedAnchors.has(o.a)) continue;
    o.x = o.usn;
    if (o.deleted) dropTombstones = true;
  }
  if (dropTombstones) {
    doc.objects = doc.objects.filter((o) => !(o.deleted && o.x >= o.usn));
    delete doc.dirty;
    return;
  }
  // What is still pending (refused objects) stays dirty; everything else is clean now.
  const left: number[] = [];
  if (doc.dirty) {
    for (const i of new Set(doc.dirty)) { const o = doc.objects[i]; if (o && o.usn > o.x) left.push(i); }
  } else {
    doc.objects.forEach((o, i) => { if (o.usn > o.x) left.push(i); });
  }
  doc.dirty = left;
}

/**
 * How the directory is stored: one tab-separated row per object instead of a JSON object per object, so a
 * 100,000-object directory reads and writes as a few megabytes of rows rather than 700,000 indented lines.
 */
export interface StoredOnPremDoc extends Omit<OnPremDoc, 'objects'> { rows: string[] }

export function encodeOnPrem(doc: OnPremDoc): StoredOnPremDoc {
  const { objects, ...rest } = doc;
  return { ...rest, rows: objects.map((o) => `${o.a}\t${o.t === 'user' ? 'u' : 'g'}\t${o.sam}\t${o.dn}\t${o.title}\t${o.usn}\t${o.x}\t${o.deleted ? 1 : ''}`) };
}

export function decodeOnPrem(stored: StoredOnPremDoc | OnPremDoc): OnPremDoc {
  if (!('rows' in stored)) return stored;
  const { rows, ...rest } = stored;
  const objects = rows.map((r): OnPremObject => {
    const f = r.split('\t');
    const o: OnPremObject = { a: f[0], t: f[1] === 'u' ? 'user' : 'group', sam: f[2], dn: f[3], title: f[4], usn: Number(f[5]), x: Number(f[6]) };
    if (f[7] === '1') o.deleted = true;
    return o;
  });
  return { ...rest, objects };
}
