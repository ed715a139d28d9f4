import { expect } from 'chai';
import { PSObject } from '../../runtime/values/psobject.js';
import { PkiSession, call, prop } from './harness.js';

/** The Cert: drive through the real Get-Item / Get-ChildItem / Test-Path / Set-Location / Remove-Item of cmdlets/core. */
describe('pki cmdlets: the Cert: drive through the item cmdlets', () => {
  let s: PkiSession;
  let t: string;
  before(async () => {
    s = new PkiSession();
    t = prop((await s.run('New-SelfSignedCertificate', { Subject: 'CN=ConnectSyncBYOC', CertStoreLocation: 'Cert:\\LocalMachine\\My', KeyExportPolicy: 'NonExportable' })).output[0], 'Thumbprint') as string;
  });
  after(() => s.cleanup());

  it('Get-Item Cert:\\LocalMachine\\My\\<thumbprint> gives the certificate the hash script reads', async () => {
    const r = await s.run('Get-Item', { Path: `Cert:\\LocalMachine\\My\\${t}` });
    expect(r.errors).to.deep.equal([]);
    const cert = r.output[0] as PSObject;
    expect(cert.typeNames[0]).to.equal('System.Security.Cryptography.X509Certificates.X509Certificate2');
    expect(call(cert, 'GetCertHashString', 'SHA256')).to.equal(s.pki.stores.get('LocalMachine\\My', t).sha256);
  });

  it('Get-ChildItem Cert:\\LocalMachine\\My, cert:/localmachine/my and Cert:\\', async () => {
    for (const p of ['Cert:\\LocalMachine\\My', 'cert:/localmachine/my']) {
      const r = await s.run('Get-ChildItem', { Path: p });
      expect(r.errors).to.deep.equal([]);
      expect(r.output.map((o) => prop(o, 'Thumbprint'))).to.deep.equal([t]);
    }
    const root = await s.run('Get-ChildItem', { Path: 'Cert:\\' });
    expect(root.output.map((o) => prop(o, 'Location'))).to.deep.equal(['CurrentUser', 'LocalMachine']);
  });

  it('Test-Path on stores and certificates', async () => {
    const yes = await s.run('Test-Path', { Path: `Cert:\\LocalMachine\\My\\${t.toLowerCase()}` });
    const no = await s.run('Test-Path', { Path: `Cert:\\CurrentUser\\My\\${t}` });
    const store = await s.run('Test-Path', { Path: 'Cert:\\LocalMachine\\My' });
    expect([yes.output[0], no.output[0], store.output[0]]).to.deep.equal([true, false, true]);
  });

  it('Set-Location Cert:\\ then Get-ChildItem of a relative path', async () => {
    const r = await s.run('Set-Location', { Path: 'Cert:\\' });
    expect(r.errors).to.deep.equal([]);
    expect(s.location).to.equal('Cert:\\');
    await s.run('Set-Location', { Path: 'LocalMachine\\My' });
    expect(s.location).to.equal('Cert:\\LocalMachine\\My');
    const here = await s.run('Get-ChildItem', {});
    expect(here.output.map((o) => prop(o, 'Thumbprint'))).to.deep.equal([t]);
    s.location = '/';
  });

  it('Get-Item of a missing certificate is a PathNotFound error record', async () => {
    const missing = `Cert:\\LocalMachine\\My\\${'0'.repeat(40)}`;
    const r = await s.run('Get-Item', { Path: missing });
    expect(r.output).to.deep.equal([]);
    expect(r.errors[0]!.errorId).to.equal('PathNotFound');
    expect(r.errors[0]!.message).to.equal(`Cannot find path '${missing}' because it does not exist.`);
  });

  it('Remove-Item -WhatIf keeps the certificate; Remove-Item removes it', async () => {
    const path = `Cert:\\LocalMachine\\My\\${t}`;
    const w = await s.run('Remove-Item', { Path: path, WhatIf: true });
    expect(w.host.join('\n')).to.include(`What if: Performing the operation "Remove Item" on target "${path}".`);
    expect(s.pki.stores.find('LocalMachine\\My', t)).to.not.equal(undefined);
    const r = await s.run('Remove-Item', { Path: path });
    expect(r.errors).to.deep.equal([]);
    expect(s.pki.stores.find('LocalMachine\\My', t)).to.equal(undefined);
  });
});
