import { pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { PasswordHash, UserRecord } from './model.js';

// Salted PBKDF2: the state file never holds a password in the clear; the count is low because this is an emulator.
const ITERATIONS = 10_000;

export function hashPassword(password: string): PasswordHash {
  const salt = randomBytes(16);
  return { salt: salt.toString('base64'), iterations: ITERATIONS, hash: pbkdf2Sync(password, salt, ITERATIONS, 32, 'sha256').toString('base64') };
}

export function checkPassword(password: string, stored: PasswordHash): boolean {
  const want = Buffer.from(stored.hash, 'base64');
  const got = pbkdf2Sync(password, Buffer.from(stored.salt, 'base64'), stored.iterations, want.length, 'sha256');
  return want.length === got.length && timingSafeEqual(want, got);
}

/** Entra's default complexity rule: 8+ characters from at least three of four classes. */
export function isComplex(password: string): boolean {
  if (password.length < 8 || password.length > 256) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  return classes >= 3;
}

export function generatePassword(): string {
  // Three classes guaranteed, the rest random: what Add-ADSyncAADServiceAccount hands the server.
  return `Aa1!${randomBytes(18).toString('base64url')}`;
}

/** How many replaced passwords a user keeps: enough to recognise a stale one (AADSTS50054). */
const PASSWORD_HISTORY = 5;

/** Set a user's password, remembering the one it replaces (a sign-in with it is "Old password", not "invalid"). */
export function replacePassword(user: Pick<UserRecord, 'password' | 'previousPasswords'>, password: string): void {
  user.previousPasswords = [user.password, ...(user.previousPasswords ?? [])].slice(0, PASSWORD_HISTORY);
  user.password = hashPassword(password);
}

export function isPreviousPassword(password: string, user: Pick<UserRecord, 'previousPasswords'>): boolean {
  return (user.previousPasswords ?? []).some((h) => checkPassword(password, h));
}
