/**
 * The key vault keeps a decrypted key for reuse (a scheduler signs with the same key every hour of a virtual year)
 * and the stores keep each certificate's parse: neither may hide a change to the key, the TPM or the store.
 */
import { expect } from 'chai';
import * as fs from 'node:fs';
import { constants, verify } from 'node:crypto';
import {
  newSelfSignedCertificate, signWithKey, setTpmPresent, removeCertificate, certificatePublicKey, PLATFORM_KSP, SOFTWARE_KSP, PkiError,
} from '../../pki/index.js';
import { tempPki } from './helpers.js';

const data = Buffer.from('assertion');
const pss = (sig: Uint8Array, der: Uint8Array) => verify('sha256', data, { key: certificatePublicKey(der), padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, sig);
const errorOf = (fn: () => unknown): PkiError | undefined => { try { fn(); } catch (e) { return e as PkiError; } return undefined; };

describe('pki: keys and certificates reused across signatures', () => {
  let t: ReturnType<typeof tempPki>;
  beforeEach(() => { t = tempPki(); });
  afterEach(() => t.cleanup());

  it('signs again and again with the same key; the TPM taken away still stops the next signature', async () => {
    const c = await newSelfSignedCertificate(t.ctx, { subject: 'CN=reuse', provider: PLATFORM_KSP, keyExportPolicy: 'NonExportable' });
    for (let i = 0; i < 3; i++) expect(pss(signWithKey(t.ctx, c.keyRef!, data, 'PS256'), c.der)).to.equal(true);
    setTpmPresent(t.ctx, false);
    expect(errorOf(() => signWithKey(t.ctx, c.keyRef!, data, 'PS256'))?.constructor.name).to.equal('TpmUnavailableError');
    setTpmPresent(t.ctx, true);
    expect(pss(signWithKey(t.ctx, c.keyRef!, data, 'PS256'), c.der)).to.equal(true);
  });

  it('a deleted or altered key file is noticed at the next signature', async () => {
    const c = await newSelfSignedCertificate(t.ctx, { subject: 'CN=reuse', provider: SOFTWARE_KSP, keyExportPolicy: 'NonExportable' });
    expect(pss(signWithKey(t.ctx, c.keyRef!, data, 'PS256'), c.der)).to.equal(true);
    const file = t.ctx.vault.keyFile(t.ctx.vault.get(c.keyRef!));
    const blob = fs.readFileSync(file);
    const altered = Buffer.from(blob);
    altered[altered.length - 1] ^= 0xff;
    fs.writeFileSync(file, altered);
    expect(errorOf(() => signWithKey(t.ctx, c.keyRef!, data, 'PS256'))?.constructor.name).to.equal('KeyStoreCorruptError');
    fs.unlinkSync(file);
    expect(errorOf(() => signWithKey(t.ctx, c.keyRef!, data, 'PS256'))?.constructor.name).to.equal('KeyNotFoundError');
  });

  it('a certificate removed from its store is gone at the next look-up, though its parse is kept', async () => {
    const c = await newSelfSignedCertificate(t.ctx, { subject: 'CN=reuse' });
    expect(t.ctx.stores.find('CurrentUser\\My', c.thumbprint)?.subject).to.equal('CN=reuse');
    removeCertificate(t.ctx, 'CurrentUser\\My', c.thumbprint, { deleteKey: true });
    expect(t.ctx.stores.find('CurrentUser\\My', c.thumbprint)).to.equal(undefined);
    expect(t.ctx.stores.list('CurrentUser\\My')).to.deep.equal([]);
  });
});
