import { randomBytes, randomUUID } from 'node:crypto';

export const newGuid = (): string => randomUUID();

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isGuid = (s: string): boolean => GUID.test(s);

export const b64url = (data: Uint8Array | string): string => Buffer.from(data).toString('base64url');

/** Strict base64url decoding: undefined for anything outside the alphabet (Entra rejects '=' padding too). */
export function fromB64url(s: string): Buffer | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) return undefined;
  return Buffer.from(s, 'base64url');
}

/** Strict base64 (Edm.Binary): undefined when not valid base64. */
export function fromBase64(s: string): Buffer | undefined {
  const compact = s.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return undefined;
  return Buffer.from(compact, 'base64');
}

/** An appRoleAssignment id: opaque base64url, 43 characters, as Graph shows them. */
export const newAssignmentId = (): string => randomBytes(32).toString('base64url');

/** Graph timestamps: ISO 8601 UTC with a Z, whole seconds. */
export const isoSeconds = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Entra's error timestamp: 'yyyy-MM-dd HH:mm:ssZ'. */
export const aadTimestamp = (d: Date): string => d.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, 'Z');

/** Graph innerError.date: no Z, no fraction. */
export const graphErrorDate = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, '');

/** 700024's time format: 2024-10-02T22:05:03.6755165Z (seven fraction digits). */
export const aadPreciseTime = (d: Date): string => d.toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');

/** The key window shown in 700027 texts: MM/dd/yyyy HH:mm:ss (UTC). */
export function usDateTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}
