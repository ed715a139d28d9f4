import { KeyAccessDeniedError } from './errors.js';
import type { PkiContext } from './context.js';
import type { KeyRecord } from './key-vault.js';

/**
 * The Entra Connect Sync service account. The documents only say "the Microsoft Entra Connect Sync account";
 * a default install runs the ADSync service as the virtual account NT SERVICE\ADSync.
 */
export const SYNC_SERVICE_ACCOUNT = 'NT SERVICE\\ADSync';
/** Who an elevated admin session acts as when no account is named. */
export const INTERACTIVE_ADMIN = 'BUILTIN\\Administrators';

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** CurrentUser keys belong to whoever runs the session; LocalMachine keys follow their ACL ("Manage Private Keys…"). */
export function canUseKey(rec: KeyRecord, account: string): boolean {
  if (!rec.machineKey) return true;
  return rec.acl.some((a) => same(a, account));
}

export function checkKeyAccess(ctx: PkiContext, keyRef: string, account: string): void {
  const rec = ctx.vault.get(keyRef);
  if (!canUseKey(rec, account)) throw new KeyAccessDeniedError(account, keyRef);
}

/** Grant Read (enough to sign) on a key, as certlm.msc → Manage Private Keys… does. */
export function grantKeyAccess(ctx: PkiContext, keyRef: string, account: string): KeyRecord {
  return ctx.vault.setAcl(keyRef, (acl) => (acl.some((a) => same(a, account)) ? acl : [...acl, account.trim()]));
}

export function revokeKeyAccess(ctx: PkiContext, keyRef: string, account: string): KeyRecord {
  return ctx.vault.setAcl(keyRef, (acl) => acl.filter((a) => !same(a, account)));
}
