import type { KeyStoreGateway, StoredCertificate } from './gateways.js';
import { errors } from './errors.js';
import { normalizeHex } from './util.js';

export interface CertificateSelector { sha256?: string; thumbprint?: string }

/**
 * Find the customer's certificate and check the documented BYOC rules (seed 001 prerequisites):
 * LOCAL_MACHINE store, RSA, 2048 bits, SHA256, a private key, non-exportable, and currently valid.
 * The first rule broken is named in the error; nothing is changed anywhere.
 */
export function selectCustomerCertificate(keys: KeyStoreGateway, sel: CertificateSelector, now: Date): StoredCertificate {
  let found: StoredCertificate[];
  let label: string, value: string;
  if (sel.sha256 !== undefined) {
    value = normalizeHex(sel.sha256);
    if (!/^[0-9A-F]{64}$/.test(value)) throw errors.badHash(sel.sha256);
    found = keys.findBySha256(value); label = 'SHA256 hash';
  } else {
    value = normalizeHex(sel.thumbprint ?? '');
    if (!/^[0-9A-F]{40}$/.test(value)) throw errors.badThumbprint(sel.thumbprint ?? '');
    found = keys.findByThumbprint(value); label = 'thumbprint';
  }
  const inMachine = found.find((c) => c.store.toLowerCase() === 'localmachine\\my');
  if (!inMachine) {
    if (found.length > 0) throw errors.certificateRule('Store', `it is stored in ${found[0].store}; it must be in the LocalMachine\\My store.`, value);
    throw errors.certificateNotFound(label, value);
  }
  validateByoc(inMachine, now, value);
  return inMachine;
}

export function validateByoc(c: StoredCertificate, now: Date, label = c.sha256): void {
  const rule = (name: string, detail: string) => { throw errors.certificateRule(name, detail, label); };
  if (c.keyAlgorithm.toUpperCase() !== 'RSA') rule('KeyAlgorithm', `the key algorithm is ${c.keyAlgorithm}; it must be RSA.`);
  if (c.keyLength !== 2048) rule('KeyLength', `the key length is ${c.keyLength} bits; it must be 2048.`);
  if (c.signatureHashAlgorithm.toUpperCase().replace('-', '') !== 'SHA256') rule('KeyHashAlgorithm', `the hash algorithm is ${c.signatureHashAlgorithm}; it must be SHA256.`);
  if (!c.hasPrivateKey) rule('PrivateKey', 'the certificate has no private key.');
  if (c.exportable) rule('Exportable', 'the private key is exportable; it must be created with -KeyExportPolicy NonExportable.');
  if (c.syncAccountCanSign === false) rule('KeyAccess', 'the Microsoft Entra Connect Sync service account (NT SERVICE\\ADSync) is not allowed to sign with the private key; grant it Read on the key (Manage Private Keys...).');
  if (c.notAfter <= now) rule('Expired', `the certificate expired on ${c.notAfter.toISOString()}.`);
  if (c.notBefore > now) rule('NotYetValid', `the certificate is not valid before ${c.notBefore.toISOString()}.`);
}
