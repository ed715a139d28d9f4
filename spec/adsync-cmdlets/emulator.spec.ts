import { expect } from 'chai';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PSObject } from '../../runtime/values/psobject.js';
import { PSDateTime } from '../../runtime/values/datetime.js';
import type { OpenedConnect } from '../../connect/index.js';
import { exportPrivateKeyPem } from '../../pki/index.js';
import { shell, HIA, PASSWORD, type Shell } from './harness.js';

const prop = (o: unknown, name: string): unknown => (o as PSObject).get(name);

describe('emulator controls', function () {
  this.timeout(60_000);
  let sh: Shell;
  beforeEach(() => { sh = shell(); });
  afterEach(() => sh.cleanup());

  it('Get-EmulatorClock / Set-EmulatorClock -Advance and -Date; never backwards', async () => {
    let r = await sh.run('Get-EmulatorClock');
    expect(r.output).to.match(/^Now\s+: /m);
    const t0 = (prop(r.objects[0], 'Now') as PSDateTime).ms;
    r = await sh.run('Set-EmulatorClock -Advance (New-TimeSpan -Hours 2)');
    expect(Number(prop(r.objects[0], 'CyclesRun'))).to.equal(4);
    expect(r.output).to.match(/From\s+To\s+CyclesRun/);
    r = await sh.run('(Get-EmulatorClock).Now');
    expect((r.objects[0] as PSDateTime).ms - t0).to.be.within(2 * 3600_000, 2 * 3600_000 + 60_000);
    r = await sh.run('Set-EmulatorClock -Date (Get-Date).AddDays(1)');
    expect(r.errors, r.errorText).to.have.length(0);
    expect(Number(prop(r.objects[0], 'CyclesRun'))).to.be.within(47, 49);
    r = await sh.run('Set-EmulatorClock -Date (Get-Date).AddDays(-1)');
    expect(r.errors.map((e) => e.errorId)).to.deep.equal(['ClockCannotMoveBackward']);
    // Get-Date reads the same virtual clock
    r = await sh.run('((Get-Date) - (Get-EmulatorClock).Now).TotalMinutes');
    expect(Math.abs(Number(r.objects[0]))).to.be.lessThan(1);
  });

  it('Set-EmulatorFault validates the name against connect\'s faults; Clear-EmulatorFault clears all', async () => {
    let r = await sh.run('Set-EmulatorFault -Name Bogus');
    expect(r.errors[0]!.errorId).to.match(/ParameterArgumentValidationError/);
    expect(r.errors[0]!.message).to.contain('KeyRemovalFails');
    r = await sh.run('Set-EmulatorFault -Name KeyRemovalFails, TenantUnreachable, NewKeyRejected');
    expect(r.errors).to.have.length(0);
    expect(Object.entries(sh.server().getFaults()).filter(([, on]) => on).map(([k]) => k).sort()).to.deep.equal(['keyRemovalFails', 'newKeyRejected', 'tenantUnreachable']);
    r = await sh.run('Clear-EmulatorFault');
    expect(r.errors).to.have.length(0);
    expect(sh.server().getFaults()).to.deep.equal({
      keyRemovalFails: false, tenantUnreachable: false, applicationCreationFails: false, roleAssignmentFails: false, keyAdditionFails: false, newKeyRejected: false,
    });
  });

  it('Reset-Emulator: fresh server back on the legacy account; -TpmPresent $false gives a software key and event 1014', async () => {
    await sh.run(`Add-ADSyncApplicationRegistration -UserPrincipalName ${HIA} | Out-Null`, PASSWORD);
    let r = await sh.run('Reset-Emulator -TpmPresent $false -DirectorySize 50 -WhatIf; (Get-ADSyncEntraConnectorCredential).ConnectorIdentityType');
    expect(r.objects).to.deep.equal(['Application']);
    r = await sh.run('Reset-Emulator -TpmPresent $false -DirectorySize 50; (Get-ADSyncEntraConnectorCredential).ConnectorIdentityType; (Get-Tpm).TpmPresent');
    expect(r.errors, r.errorText).to.have.length(0);
    expect(r.objects).to.deep.equal(['ServiceAccount', false]);
    expect(sh.server().onPremSummary().objects).to.equal(50);
    r = await sh.run(`Add-ADSyncApplicationRegistration -UserPrincipalName ${HIA} | Out-Null; (Get-ADSyncCurrentConfiguration).KeyStorageProvider; Get-EventLog -LogName Application -InstanceId 1014 | Select-Object -ExpandProperty EntryType`, PASSWORD);
    expect(r.errors, r.errorText).to.have.length(0);
    expect(r.objects).to.deep.equal(['Microsoft Software Key Storage Provider', 'Warning']);
  });

  it('Reset-Emulator -Version 2.5.76.0: the server onboards itself within six hours (or logs why not)', async () => {
    let r = await sh.run('Reset-Emulator -Version 2.5.76.0; (Get-ADSyncCurrentConfiguration).Version');
    expect(r.objects).to.deep.equal(['2.5.76.0']);
    r = await sh.run('Set-EmulatorClock -Advance 06:30:00 | Out-Null; Get-EventLog -LogName Application -InstanceId 1018,1019 | Select-Object -ExpandProperty InstanceId');
    expect(r.objects.length).to.be.at.least(1);
    const type = (await sh.run('(Get-ADSyncEntraConnectorCredential).ConnectorIdentityType')).objects[0];
    expect(type).to.equal(r.objects.includes(1018) ? 'Application' : 'ServiceAccount');
    r = await sh.run('Reset-Emulator -Version 1.2.3');
    expect(r.errors.map((e) => e.errorId)).to.deep.equal(['InvalidVersion']);
  });

  it('Export-EmulatorState writes the state as JSON without private keys or passwords', async () => {
    const r0 = await sh.run("$c = New-SelfSignedCertificate -Subject 'CN=Exportable' -CertStoreLocation Cert:\\CurrentUser\\My -KeyExportPolicy Exportable; $c.Thumbprint");
    expect(r0.errors, r0.errorText).to.have.length(0);
    await sh.run(`Add-ADSyncApplicationRegistration -UserPrincipalName ${HIA} | Out-Null`, PASSWORD);
    const file = path.join(sh.home, 'export.json');
    const r = await sh.run(`Export-EmulatorState -Path '${file}'`);
    expect(r.errors, r.errorText).to.have.length(0);
    const text = fs.readFileSync(file, 'utf8');
    const doc = JSON.parse(text) as { documents: Record<string, unknown>; eventLog: unknown[] };
    expect(doc.documents).to.have.property('server');
    expect(doc.documents).to.have.property('pki-stores');
    expect(doc.eventLog.length).to.be.at.least(1);
    expect(text).to.not.contain('PRIVATE KEY');
    expect(text).to.not.contain(PASSWORD);
    // The exportable key's PKCS#8 body must not appear anywhere.
    const opened = sh.session.engine.services.get<OpenedConnect>('connect.opened');
    const cert = opened.pki.stores.find('CurrentUser\\My', String(r0.objects[0]))!;
    const pem = exportPrivateKeyPem(opened.pki, cert.keyRef!);
    const body = pem.split('\n').filter((l) => l && !l.startsWith('-----')).join('');
    expect(body.length).to.be.greaterThan(100);
    expect(text.replace(/\s/g, '')).to.not.contain(body.slice(0, 64));
    // the legacy account's password is in server.json on disk, never in the export
    const server = JSON.parse(fs.readFileSync(path.join(sh.home, 'server.json'), 'utf8')) as { legacyAccount: { password: string } };
    expect(text).to.not.contain(server.legacyAccount.password);
    const toPipe = await sh.run('Export-EmulatorState | ConvertFrom-Json | Select-Object -ExpandProperty documents | Select-Object -ExpandProperty server | Select-Object -ExpandProperty serverName');
    expect(toPipe.objects).to.deep.equal(['CONNECT01']);
  });
});
