/**
 * Where the real clock and the emulator's virtual clock meet (docs/tenant.md, "Time"):
 * - certificate/key validity, issued-token lifetimes, token expiry at the resources, audit times: virtual clock;
 * - the nbf/exp of a client assertion or proof JWT: accepted when the window holds against the real clock
 *   (msal-node stamps Date.now()) OR against the virtual clock (our own client helper stamps virtual time),
 *   each with Entra's five minutes of skew, so a clock jump never makes every msal assertion look expired.
 */
export const SKEW_SECONDS = 300;

export function inWindow(nbf: number, exp: number, at: Date): boolean {
  const t = at.getTime() / 1000;
  return t + SKEW_SECONDS >= nbf && t - SKEW_SECONDS < exp;
}

export function assertionTimely(nbf: number, exp: number, realNow: Date, virtualNow: Date): boolean {
  return inWindow(nbf, exp, realNow) || inWindow(nbf, exp, virtualNow);
}

export const ACCESS_TOKEN_SECONDS = 3599;
