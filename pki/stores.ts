import type { StateStore } from '../state/index.js';
import { CertificateNotFoundError, InvalidArgumentError, KeyStoreCorruptError } from './errors.js';
import { parseCertificate, type CertificateInfo } from './certificate-info.js';
import type { KeyRecord } from './key-vault.js';

import { STORE_LOCATIONS, STORE_NAMES, type StoreLocation } from './store-names.js';
export { STORE_LOCATIONS, STORE_NAMES, type StoreLocation };

/** 'LocalMachine\My' as the Cert: drive and PSParentPath spell it. */
export interface StorePath { location: StoreLocation; storeName: string }

interface StoredEntry { thumbprint: string; der: string; keyRef?: string; friendlyName: string; archived: boolean }
interface StoresDoc { stores: Record<string, StoredEntry[]> }
export const STORES_DOC = 'pki-stores';

/** A certificate in a store, with what X509Certificate2 knows about its key. */
export interface StoredCertificate extends CertificateInfo {
  location: StoreLocation;
  storeName: string;
  /** 'LocalMachine\My' */
  storePath: string;
  friendlyName: string;
  archived: boolean;
  keyRef?: string;
  /** Key facts (provider, export policy, machine key) when the certificate has a private key. */
  key?: Omit<KeyRecord, 'acl'> & { acl: string[] };
}

/**
 * Parse 'Cert:\LocalMachine\My', 'LocalMachine\My', 'LocalMachine/my' or the pair. Case-insensitive like the Cert: provider;
 * the store name is normalised to the store's own spelling.
 */
export function storePath(text: string | StorePath): StorePath {
  if (typeof text !== 'string') return storePath(`${text.location}\\${text.storeName}`);
  const parts = text.replace(/^cert:/i, '').split(/[\\/]+/).filter((p) => p.length > 0);
  const loc = STORE_LOCATIONS.find((l) => l.toLowerCase() === parts[0]?.toLowerCase());
  const name = STORE_NAMES.find((n) => n.toLowerCase() === parts[1]?.toLowerCase());
  if (!loc || !name || parts.length !== 2) {
    throw new InvalidArgumentError('InvalidCertStoreLocation', `Cannot find path '${text}' because it does not exist. Valid certificate stores: ${STORE_LOCATIONS.flatMap((l) => STORE_NAMES.map((n) => `Cert:\\${l}\\${n}`)).join(', ')}.`);
  }
  return { location: loc, storeName: name };
}

export const storeKey = (p: StorePath) => `${p.location}\\${p.storeName}`;

function normalizeThumbprint(t: string): string {
  return t.replace(/[\s:]/g, '').toUpperCase();
}

const parsed = new Map<string, CertificateInfo>();
/**
 * Parsing is a pure function of the DER and the same few certificates are looked up on every scheduler cycle
 * (a virtual year is 17,520 of them): parse each once per process. The result is shared: treat it as read-only.
 */
function parsedOnce(derB64: string): CertificateInfo {
  let info = parsed.get(derB64);
  if (!info) {
    info = parseCertificate(new Uint8Array(Buffer.from(derB64, 'base64')));
    if (parsed.size >= 256) parsed.clear();
    parsed.set(derB64, info);
  }
  return info;
}

/** The certificate stores, persisted in document 'pki-stores'. Keys are looked up through `keyOf`. */
export class CertStores {
  constructor(private readonly store: StateStore, private readonly keyOf: (keyRef: string) => KeyRecord | undefined) {}

  private doc(): StoresDoc { return this.checked(this.store.read<StoresDoc>(STORES_DOC) ?? { stores: {} }); }

  /** A hand-edited document without its "stores" map is reported, not silently replaced. */
  private checked(doc: StoresDoc): StoresDoc {
    if (typeof doc !== 'object' || doc === null || typeof doc.stores !== 'object' || doc.stores === null) {
      throw new KeyStoreCorruptError(this.store.file(STORES_DOC), 'it has no "stores" object');
    }
    return doc;
  }

  list(where: string | StorePath): StoredCertificate[] {
    const p = storePath(where);
    return (this.doc().stores[storeKey(p)] ?? []).map((e) => this.materialize(p, e));
  }

  find(where: string | StorePath, thumbprint: string): StoredCertificate | undefined {
    const p = storePath(where);
    const t = normalizeThumbprint(thumbprint);
    const e = (this.doc().stores[storeKey(p)] ?? []).find((x) => x.thumbprint === t);
    return e ? this.materialize(p, e) : undefined;
  }

  get(where: string | StorePath, thumbprint: string): StoredCertificate {
    const found = this.find(where, thumbprint);
    if (!found) throw new CertificateNotFoundError(storeKey(storePath(where)), normalizeThumbprint(thumbprint));
    return found;
  }

  /** Every store holding this thumbprint (a certificate may be in My and Root). */
  locate(thumbprint: string): StoredCertificate[] {
    const t = normalizeThumbprint(thumbprint);
    const out: StoredCertificate[] = [];
    for (const [k, entries] of Object.entries(this.doc().stores)) {
      const e = entries.find((x) => x.thumbprint === t);
      if (e) out.push(this.materialize(storePath(k), e));
    }
    return out;
  }

  /** Add (or, like CertAddCertificateContextToStore with REPLACE_EXISTING, update) a certificate. */
  add(where: string | StorePath, info: CertificateInfo, opts: { keyRef?: string; friendlyName?: string } = {}): StoredCertificate {
    const p = storePath(where);
    this.store.update<StoresDoc, void>(STORES_DOC, () => ({ stores: {} }), (raw) => {
      const doc = this.checked(raw);
      const list = (doc.stores[storeKey(p)] ??= []);
      const existing = list.find((x) => x.thumbprint === info.thumbprint);
      if (existing) {
        if (opts.keyRef) existing.keyRef = opts.keyRef;
        if (opts.friendlyName !== undefined) existing.friendlyName = opts.friendlyName;
        return;
      }
      list.push({
        thumbprint: info.thumbprint,
        der: Buffer.from(info.der).toString('base64'),
        ...(opts.keyRef ? { keyRef: opts.keyRef } : {}),
        friendlyName: opts.friendlyName ?? '',
        archived: false,
      });
    });
    return this.get(p, info.thumbprint);
  }

  /** Remove from the store; returns the removed entry's key ref (the caller decides about -DeleteKey). */
  remove(where: string | StorePath, thumbprint: string): string | undefined {
    const p = storePath(where);
    const t = normalizeThumbprint(thumbprint);
    return this.store.update<StoresDoc, string | undefined>(STORES_DOC, () => ({ stores: {} }), (raw) => {
      const doc = this.checked(raw);
      const list = doc.stores[storeKey(p)] ?? [];
      const i = list.findIndex((x) => x.thumbprint === t);
      if (i < 0) throw new CertificateNotFoundError(storeKey(p), t);
      const [gone] = list.splice(i, 1);
      return gone!.keyRef;
    });
  }

  setFriendlyName(where: string | StorePath, thumbprint: string, friendlyName: string): StoredCertificate {
    const p = storePath(where);
    const t = normalizeThumbprint(thumbprint);
    this.store.update<StoresDoc, void>(STORES_DOC, () => ({ stores: {} }), (raw) => {
      const doc = this.checked(raw);
      const e = (doc.stores[storeKey(p)] ?? []).find((x) => x.thumbprint === t);
      if (!e) throw new CertificateNotFoundError(storeKey(p), t);
      e.friendlyName = friendlyName;
    });
    return this.get(p, t);
  }

  private materialize(p: StorePath, e: StoredEntry): StoredCertificate {
    const info = parsedOnce(e.der);
    const key = e.keyRef ? this.keyOf(e.keyRef) : undefined;
    return {
      ...info,
      hasPrivateKey: !!key,
      location: p.location,
      storeName: p.storeName,
      storePath: storeKey(p),
      friendlyName: e.friendlyName,
      archived: e.archived,
      ...(key ? { keyRef: key.keyRef, key: { ...key, acl: [...key.acl] } } : {}),
    };
  }
}
