/** The payload of a JWT access token, read without verifying it (the tenant verified it; this only describes it). */
export function tokenClaims(token: string): Record<string, unknown> {
  const part = token.split('.')[1];
  if (!part) return {};
  try { return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>; } catch { return {}; }
}

/** Scopes as Get-MgContext lists them: `scp` (delegated) or `roles` (app-only). */
export function grantedScopes(claims: Record<string, unknown>): string[] {
  if (typeof claims.scp === 'string') return claims.scp.split(' ').filter(Boolean);
  if (Array.isArray(claims.roles)) return claims.roles.map(String);
  return [];
}
