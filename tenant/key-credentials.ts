import { parseCertificate, PkiError } from '../pki/index.js';
import { fromBase64, isGuid, isoSeconds, newGuid } from './encoding.js';
import { graph } from './errors.js';
import type { KeyCredentialRecord } from './model.js';

export interface KeyCredentialInput {
  type?: unknown; usage?: unknown; key?: unknown; keyId?: unknown; displayName?: unknown;
  startDateTime?: unknown; endDateTime?: unknown; customKeyIdentifier?: unknown;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function date(v: unknown, prop: string): Date | undefined {
  if (v === undefined || v === null) return undefined;
  const d = typeof v === 'string' ? new Date(v) : undefined;
  if (!d || Number.isNaN(d.getTime())) throw graph.invalidValue(prop, 'keyCredential');
  return d;
}

/**
 * A keyCredential from a Graph payload. The certificate is parsed by pki/ (pkijs); start and end default to
 * the certificate's validity and may not leave it; customKeyIdentifier defaults to the SHA-1 thumbprint bytes
 * and is stored as the base64 Graph's Edm.Binary JSON shows (see docs/tenant.md).
 */
export function keyCredentialFromInput(input: KeyCredentialInput): KeyCredentialRecord {
  const type = str(input.type) ?? 'AsymmetricX509Cert';
  const usage = str(input.usage) ?? 'Verify';
  if (usage !== 'Verify' && usage !== 'Sign') throw graph.invalidUsage();
  if (type !== 'AsymmetricX509Cert' && type !== 'X509CertAndPassword') throw graph.invalidType();
  if (type === 'AsymmetricX509Cert' && usage !== 'Verify') throw graph.invalidUsage();
  const keyText = str(input.key);
  if (!keyText) throw graph.invalidKey('The certificate (key) is required.');
  const der = fromBase64(keyText);
  if (!der || der.length === 0) throw graph.invalidKey('The key is not valid base64.');
  let info;
  try {
    info = parseCertificate(new Uint8Array(der));
  } catch (e) {
    if (e instanceof PkiError || e instanceof Error) throw graph.invalidKey(`The key is not a valid X.509 certificate: ${(e as Error).message}`);
    throw e;
  }
  if (info.keyAlgorithm !== 'RSA') throw graph.invalidKey('Only RSA certificates are supported.');
  const start = date(input.startDateTime, 'startDateTime') ?? info.notBefore;
  const end = date(input.endDateTime, 'endDateTime') ?? info.notAfter;
  if (start.getTime() < info.notBefore.getTime() - 1000 || end.getTime() > info.notAfter.getTime() + 1000 || end <= start) {
    throw graph.invalidKey('Key credential start and end dates must lie within the certificate validity.');
  }
  let customKeyIdentifier: string;
  if (input.customKeyIdentifier === undefined || input.customKeyIdentifier === null) {
    customKeyIdentifier = Buffer.from(info.thumbprint, 'hex').toString('base64');
  } else {
    const raw = typeof input.customKeyIdentifier === 'string' ? fromBase64(input.customKeyIdentifier) : undefined;
    if (!raw) throw graph.invalidValue('customKeyIdentifier', 'keyCredential');
    if (raw.length === 0 || raw.length > 32) throw graph.keyIdentifierTooLong();
    customKeyIdentifier = raw.toString('base64');
  }
  const keyId = str(input.keyId);
  if (keyId !== undefined && !isGuid(keyId)) throw graph.invalidValue('keyId', 'keyCredential');
  return {
    keyId: keyId?.toLowerCase() ?? newGuid(),
    type,
    usage,
    displayName: str(input.displayName) ?? info.subject,
    startDateTime: isoSeconds(start),
    endDateTime: isoSeconds(end),
    customKeyIdentifier,
    key: Buffer.from(info.der).toString('base64'),
    thumbprint: info.thumbprint,
    sha256: info.sha256,
    spki: Buffer.from(info.publicKeySpki).toString('base64'),
  };
}

/** The Graph view of a keyCredential; `key` only when asked for by $select on a single object. */
export function keyCredentialView(k: KeyCredentialRecord, withKey: boolean): Record<string, unknown> {
  return {
    customKeyIdentifier: k.customKeyIdentifier,
    displayName: k.displayName,
    endDateTime: k.endDateTime,
    key: withKey ? k.key : null,
    keyId: k.keyId,
    startDateTime: k.startDateTime,
    type: k.type,
    usage: k.usage,
  };
}
