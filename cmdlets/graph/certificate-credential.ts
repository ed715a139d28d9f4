import { signWithKey, type PkiContext, type StoredCertificate } from '../../pki/index.js';
import type { AssertionSigner } from '../../tenant/index.js';

/**
 * Where Connect-MgGraph -CertificateThumbprint looks: CurrentUser\My, then LocalMachine\My, a certificate valid now
 * (virtual clock) that has a private key — "{thumbprint} certificate was not found or has expired." otherwise.
 */
export function findSigningCertificate(pki: PkiContext, thumbprint: string): StoredCertificate | undefined {
  const now = pki.clock.now().getTime();
  for (const location of ['CurrentUser\\My', 'LocalMachine\\My']) {
    const c = pki.stores.find(location, thumbprint.toUpperCase());
    if (c && c.notBefore.getTime() <= now && now <= c.notAfter.getTime()) return c;
  }
  return undefined;
}

/** Sign client assertions through the key provider: the private key never leaves it (non-exportable keys work). */
export function certificateSigner(pki: PkiContext, cert: StoredCertificate): AssertionSigner {
  const keyRef = cert.keyRef!;
  return { alg: 'RS256', thumbprint: cert.thumbprint, sign: (data) => signWithKey(pki, keyRef, data, 'RS256') };
}
