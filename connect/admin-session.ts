import type { AdminSession, TenantGateway } from './gateways.js';
import { errors } from './errors.js';

export interface AdminCredential { userPrincipalName: string; password?: string }

const ALLOWED_ROLES = ['Hybrid Identity Administrator', 'Global Administrator'];

/**
 * Admin sign-ins for the life of one shell session (one process), like MSAL's in-memory token cache:
 * the first command asks for the password, later ones reuse the sign-in until its token expires.
 */
export class AdminSessions {
  private readonly cache = new Map<string, AdminSession>();

  has(upn: string, now: Date): boolean {
    const s = this.cache.get(upn.toLowerCase());
    return !!s && s.expiresOn > now;
  }

  forget(upn?: string): void { if (upn) this.cache.delete(upn.toLowerCase()); else this.cache.clear(); }

  /** Sign in (or reuse the session) and require Hybrid Identity Administrator or Global Administrator. */
  async require(tenant: TenantGateway, cred: AdminCredential, now: Date): Promise<AdminSession> {
    const key = cred.userPrincipalName.trim().toLowerCase();
    let session = this.cache.get(key);
    if (cred.password !== undefined) {
      session = await tenant.signInAdmin(cred.userPrincipalName.trim(), cred.password);
      this.cache.set(key, session);
    } else if (!session || session.expiresOn <= now) {
      this.cache.delete(key);
      throw errors.adminPasswordRequired(cred.userPrincipalName);
    }
    if (!session.roles.some((r) => ALLOWED_ROLES.includes(r))) throw errors.adminRoleMissing(session.userPrincipalName);
    return session;
  }
}
