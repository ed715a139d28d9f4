import { graph } from '../errors.js';
import { isGuid } from '../encoding.js';
import { decodeJwt, publicKeyFromSpki, verifyJws } from '../jwt.js';
import { keyCredentialFromInput, keyCredentialView, type KeyCredentialInput } from '../key-credentials.js';
import type { ApplicationRecord, KeyCredentialRecord } from '../model.js';
import type { RequestContext } from '../http.js';
import { assertionTimely } from '../clock-policy.js';
import { PROOF_AUDIENCE } from '../well-known.js';

const PROOF_MAX_LIFETIME = 600;

/** Certificates usable for proof: registered for verification and valid now on the tenant's clock. */
export const validKeys = (app: ApplicationRecord, now: Date): KeyCredentialRecord[] => app.keyCredentials.filter((k) =>
  k.usage === 'Verify' && new Date(k.startDateTime) <= now && now <= new Date(k.endDateTime));

/**
 * The addKey/removeKey proof of possession: a JWT signed by one of the application's currently valid
 * certificates, aud 00000002-0000-0000-c000-000000000000, iss = the application's object id, lifetime ≤ 10 minutes.
 * Any failure is Graph's 401 Authentication_MissingOrMalformed.
 */
export function checkProof(ctx: RequestContext, app: ApplicationRecord, proof: unknown): void {
  if (typeof proof !== 'string') throw graph.proofInvalid();
  const jwt = decodeJwt(proof);
  if (!jwt || (jwt.header.alg !== 'RS256' && jwt.header.alg !== 'PS256')) throw graph.proofInvalid();
  const keys = validKeys(app, ctx.now);
  const x5t = typeof jwt.header.x5t === 'string' ? Buffer.from(jwt.header.x5t, 'base64url').toString('hex').toUpperCase() : undefined;
  const kid = typeof jwt.header.kid === 'string' ? jwt.header.kid.toUpperCase() : undefined;
  const s256 = typeof jwt.header['x5t#S256'] === 'string' ? Buffer.from(jwt.header['x5t#S256'] as string, 'base64url').toString('hex').toUpperCase() : undefined;
  const named = keys.filter((k) => k.thumbprint === x5t || k.thumbprint === kid || k.sha256 === s256);
  const candidates = x5t || kid || s256 ? named : keys;
  if (!candidates.some((k) => verifyJws(jwt, publicKeyFromSpki(k.spki)))) throw graph.proofInvalid();
  const p = jwt.payload;
  if (p.aud !== PROOF_AUDIENCE || typeof p.iss !== 'string' || p.iss.toLowerCase() !== app.id) throw graph.proofInvalid();
  if (typeof p.nbf !== 'number' || typeof p.exp !== 'number' || p.exp - p.nbf > PROOF_MAX_LIFETIME || p.exp <= p.nbf) throw graph.proofInvalid();
  if (!assertionTimely(p.nbf, p.exp, ctx.realNow, ctx.now)) throw graph.proofInvalid();
}

export function addKeyCredential(ctx: RequestContext, app: ApplicationRecord, body: Record<string, unknown>): KeyCredentialRecord {
  const kc = body.keyCredential;
  if (!kc || typeof kc !== 'object') throw graph.invalidValue('keyCredential', 'addKey');
  if (body.passwordCredential !== undefined && body.passwordCredential !== null) {
    throw graph.badRequest('passwordCredential is only used with X509CertAndPassword credentials, which the emulator does not support.');
  }
  const rec = keyCredentialFromInput(kc as KeyCredentialInput);
  if (rec.type !== 'AsymmetricX509Cert') throw graph.invalidType();
  if (app.keyCredentials.some((k) => k.keyId === rec.keyId)) throw graph.invalidKey(`A credential with keyId '${rec.keyId}' already exists.`);
  return rec;
}

export function removeKeyId(body: Record<string, unknown>): string {
  if (typeof body.keyId !== 'string' || !isGuid(body.keyId)) throw graph.invalidValue('keyId', 'removeKey');
  return body.keyId.toLowerCase();
}

export { keyCredentialView };
