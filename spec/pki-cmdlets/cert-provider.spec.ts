import { expect } from 'chai';
import { PSObject } from '../../runtime/values/psobject.js';
import { cellText } from '../../runtime/format/display-string.js';
import { findView } from '../../runtime/format/views.js';
import { certificateProvider, parseCertPath, registerPkiViews } from '../../cmdlets/pki/index.js';
import { PkiSession, prop } from './harness.js';

describe('pki cmdlets: the Cert: provider', () => {
  let s: PkiSession;
  let machine: string;
  let user: string;
  const session = () => ({ service: <T>(n: string) => (n === 'state' ? s.store : s.clock) as T, location: s.location });

  before(async () => {
    s = new PkiSession();
    machine = prop((await s.run('New-SelfSignedCertificate', { Subject: 'CN=machine', CertStoreLocation: 'Cert:\\LocalMachine\\My', KeyExportPolicy: 'NonExportable' })).output[0], 'Thumbprint') as string;
    user = prop((await s.run('New-SelfSignedCertificate', { Subject: 'CN=user', CertStoreLocation: 'Cert:\\CurrentUser\\My' })).output[0], 'Thumbprint') as string;
  });
  after(() => s.cleanup());

  it('parses drive-qualified, provider-qualified and relative paths, any case, either slash', () => {
    expect(parseCertPath('Cert:\\')).to.deep.equal({});
    expect(parseCertPath('cert:/localmachine/MY/abc')).to.deep.equal({ location: 'LocalMachine', store: 'My', thumbprint: 'ABC' });
    expect(parseCertPath('Microsoft.PowerShell.Security\\Certificate::CurrentUser\\My')).to.deep.equal({ location: 'CurrentUser', store: 'My' });
    expect(parseCertPath('My\\abc', 'Cert:\\LocalMachine')).to.deep.equal({ location: 'LocalMachine', store: 'My', thumbprint: 'ABC' });
    expect(parseCertPath('..\\..\\CurrentUser', 'Cert:\\LocalMachine\\My')).to.deep.equal({ location: 'CurrentUser' });
    expect(parseCertPath('Cert:\\Nowhere')).to.equal(undefined);
    expect(parseCertPath('Cert:\\LocalMachine\\Bogus')).to.equal(undefined);
    expect(parseCertPath('C:\\temp')).to.equal(undefined);
  });

  it('Get-ChildItem Cert:\\ lists the two store locations; Cert:\\LocalMachine its stores', () => {
    const locations = certificateProvider.getChildItems(session(), 'Cert:\\');
    expect(locations.map((l) => prop(l, 'Location'))).to.deep.equal(['CurrentUser', 'LocalMachine']);
    expect((locations[0] as PSObject).typeNames[0]).to.equal('Microsoft.PowerShell.Commands.X509StoreLocation');
    expect(cellText(prop(locations[1], 'StoreNames'))).to.equal('{My, Root}');
    expect(prop(locations[1], 'PSParentPath')).to.equal('Microsoft.PowerShell.Security\\Certificate::');
    const stores = certificateProvider.getChildItems(session(), 'cert:/LOCALMACHINE');
    expect(stores.map((x) => prop(x, 'Name'))).to.deep.equal(['My', 'Root']);
    expect(prop(stores[0], 'PSPath')).to.equal('Microsoft.PowerShell.Security\\Certificate::LocalMachine\\My');
  });

  it('Get-ChildItem Cert:\\LocalMachine\\My lists its certificates only; -Recurse walks everything', () => {
    const certs = certificateProvider.getChildItems(session(), 'Cert:\\LocalMachine\\My');
    expect(certs.map((c) => prop(c, 'Thumbprint'))).to.deep.equal([machine]);
    const all = certificateProvider.getChildItems(session(), 'Cert:\\', { recurse: true });
    expect(all.filter((o) => (o as PSObject).typeNames[0]!.endsWith('X509Certificate2')).map((c) => prop(c, 'Thumbprint')).sort()).to.deep.equal([machine, user].sort());
    expect(all).to.have.length(2 + 4 + 2);
  });

  it('Get-Item by thumbprint in any case and slash; a missing one is PathNotFound', () => {
    const [a] = certificateProvider.getItems(session(), `Cert:\\CurrentUser\\My\\${user.toLowerCase()}`);
    expect(prop(a, 'Subject')).to.equal('CN=user');
    const [b] = certificateProvider.getItems(session(), `cert:/localmachine/my/${machine}`);
    expect(prop(b, 'PSParentPath')).to.equal('Microsoft.PowerShell.Security\\Certificate::LocalMachine\\My');
    expect(() => certificateProvider.getItems(session(), `Cert:\\CurrentUser\\My\\${machine}`)).to.throw(`Cannot find path 'Cert:\\CurrentUser\\My\\${machine}' because it does not exist.`)
      .with.property('errorId', 'PathNotFound');
    const wild = certificateProvider.getItems(session(), `Cert:\\LocalMachine\\My\\${machine.slice(0, 6)}*`);
    expect(wild).to.have.length(1);
  });

  it("filters as Get-ChildItem's Certificate parameters do (-DnsName, -Eku, -SSLServerAuthentication, -CodeSigningCert, -ExpiringInDays)", async () => {
    const signer = prop((await s.run('New-SelfSignedCertificate', { DnsName: ['code.example'], Type: 'CodeSigningCert', CertStoreLocation: 'Cert:\\LocalMachine\\My' })).output[0], 'Thumbprint');
    const list = (f: object) => certificateProvider.getChildItems(session(), 'Cert:\\LocalMachine\\My', { filter: f }).map((c) => prop(c, 'Thumbprint')).sort();
    expect(list({ dnsName: 'code.*' })).to.deep.equal([signer]);
    expect(list({ eku: ['Server Auth*'] })).to.deep.equal([machine]);
    expect(list({ sslServerAuthentication: true })).to.deep.equal([machine]);
    expect(list({ codeSigningCert: true })).to.deep.equal([signer]);
    expect(list({ expiringInDays: 30 })).to.deep.equal([]);
    expect(list({ expiringInDays: 400 })).to.deep.equal([machine, signer].sort());
    certificateProvider.removeItem(session(), `Cert:\\LocalMachine\\My\\${signer}`, { deleteKey: true });
  });

  it('Test-Path and containers', () => {
    expect(certificateProvider.itemExists(session(), 'Cert:\\')).to.equal(true);
    expect(certificateProvider.itemExists(session(), 'Cert:\\LocalMachine\\My')).to.equal(true);
    expect(certificateProvider.itemExists(session(), `Cert:\\LocalMachine\\My\\${machine}`)).to.equal(true);
    expect(certificateProvider.itemExists(session(), `Cert:\\LocalMachine\\My\\${'0'.repeat(40)}`)).to.equal(false);
    expect(certificateProvider.itemExists(session(), 'Cert:\\LocalMachine\\Nope')).to.equal(false);
    expect(certificateProvider.isContainer(session(), 'Cert:\\LocalMachine\\My')).to.equal(true);
    expect(certificateProvider.isContainer(session(), `Cert:\\LocalMachine\\My\\${machine}`)).to.equal(false);
  });

  it('Set-Location Cert:\\ then relative navigation', () => {
    s.location = certificateProvider.setLocation(session(), 'cert:\\');
    expect(s.location).to.equal('Cert:\\');
    s.location = certificateProvider.setLocation(session(), 'localmachine/my');
    expect(s.location).to.equal('Cert:\\LocalMachine\\My');
    expect(prop(certificateProvider.getItems(session(), machine)[0], 'Subject')).to.equal('CN=machine');
    expect(() => certificateProvider.setLocation(session(), machine)).to.throw(/Cannot find path/);
    s.location = '/';
  });

  it('Remove-Item removes the certificate and keeps the key; -DeleteKey deletes it too', async () => {
    const t1 = prop((await s.run('New-SelfSignedCertificate', { Subject: 'CN=gone1' })).output[0], 'Thumbprint') as string;
    const t2 = prop((await s.run('New-SelfSignedCertificate', { Subject: 'CN=gone2' })).output[0], 'Thumbprint') as string;
    const k1 = s.pki.stores.get('CurrentUser\\My', t1).keyRef!;
    const k2 = s.pki.stores.get('CurrentUser\\My', t2).keyRef!;
    expect(certificateProvider.removalTargets(session(), `Cert:\\CurrentUser\\My\\${t1}`)).to.deep.equal([`Cert:\\CurrentUser\\My\\${t1}`]);
    certificateProvider.removeItem(session(), `Cert:\\CurrentUser\\My\\${t1}`);
    certificateProvider.removeItem(session(), `cert:/currentuser/my/${t2.toLowerCase()}`, { deleteKey: true });
    expect(s.pki.stores.find('CurrentUser\\My', t1)).to.equal(undefined);
    expect(s.pki.stores.find('CurrentUser\\My', t2)).to.equal(undefined);
    expect(s.pki.vault.find(k1)).to.not.equal(undefined);
    expect(s.pki.vault.find(k2)).to.equal(undefined);
    expect(() => certificateProvider.removeItem(session(), 'Cert:\\LocalMachine\\My')).to.throw("Provider operation stopped because the provider doesn't support this operation.");
  });

  it('registers the ThumbprintTable view grouped by PSParentPath, EKU column by friendly name', () => {
    registerPkiViews();
    const view = findView(['System.Security.Cryptography.X509Certificates.X509Certificate2']);
    expect(view?.kind).to.equal('table');
    if (view?.kind !== 'table') return;
    expect(view.columns.map((c) => [c.label, c.width])).to.deep.equal([['Thumbprint', 41], ['Subject', 20], ['EnhancedKeyUsageList', undefined]]);
    expect(view.groupBy?.property).to.equal('PSParentPath');
    const [cert] = certificateProvider.getItems(session(), `Cert:\\LocalMachine\\My\\${machine}`);
    expect(view.columns[2]!.value!(cert)).to.deep.equal(['Client Authentication', 'Server Authentication']);
    expect(findView(['Microsoft.PowerShell.Commands.X509StoreLocation'])?.kind).to.equal('list');
  });
});
