import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { errors } from './errors.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Compare dotted versions numerically (2.5.76.0 < 2.5.100.0). */
export function compareVersions(a: string, b: string): number {
  const pa = parseVersion(a), pb = parseVersion(b);
  for (let i = 0; i < 4; i++) if (pa[i] !== pb[i]) return pa[i] < pb[i] ? -1 : 1;
  return 0;
}

export function parseVersion(v: string): number[] {
  const m = /^\s*(\d+)\.(\d+)\.(\d+)\.(\d+)\s*$/.exec(v);
  if (!m) throw errors.badVersion(v);
  return m.slice(1).map(Number);
}

export function newGuid(): string { return randomUUID(); }
export function newHex(bytes: number): string { return randomBytes(bytes).toString('hex'); }

/** A GUID derived from a name, so fixed objects (connectors, run profiles) keep their ids across resets. */
export function nameGuid(name: string): string {
  const h = createHash('sha1').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isGuid(s: string): boolean { return GUID_RE.test(s.trim().replace(/^\{|\}$/g, '')); }
export function normalizeGuid(s: string): string { return s.trim().replace(/^\{|\}$/g, '').toLowerCase(); }

/** Hashes are accepted as the documents' scripts print them: any case, optional spaces or colons. */
export function normalizeHex(s: string): string { return s.replace(/[\s:]/g, '').toUpperCase(); }

/** Small deterministic PRNG (mulberry32) so a seeded directory and its churn are reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function iso(d: Date): string { return d.toISOString(); }
