import { expect } from 'chai';
import type { OpenedConnect } from '../../connect/index.js';
import { shell, HIA, PASSWORD, type Shell } from './harness.js';

/**
 * Automatic onboarding (and the manual switch) with an emulator fault at each step, then the fault cleared and the
 * clock advanced: the server ends on a working Application credential, tenant and server agree, and the
 * application carries exactly the key in use.
 */
describe('ADSync cmdlets: a credential switch that fails at any step recovers (Set-EmulatorFault)', function () {
  this.timeout(180_000);
  let sh: Shell;
  beforeEach(() => { sh = shell(); });
  afterEach(() => sh.cleanup());

  const tenant = () => sh.session.engine.services.get<OpenedConnect>('connect.opened').tenant!;
  const prop = (o: unknown, n: string) => (o as { get(n: string): unknown }).get(n);
  async function run(text: string, ...answers: string[]) {
    const r = await sh.run(text, ...answers);
    expect(r.errors, r.errorText).to.have.length(0);
    return r;
  }
  async function agree() {
    const c = (await run('Get-ADSyncEntraConnectorCredential')).objects[0];
    expect(prop(c, 'ConnectorIdentityType')).to.equal('Application');
    const id = String(prop(prop(c, 'CertificateCredential'), 'Id'));
    const apps = tenant().doc().applications.filter((a) => a.displayName.startsWith('ConnectSyncProvisioning_'));
    expect(apps.map((a) => a.appId)).to.deep.equal([String(prop(c, 'ApplicationId'))]);
    expect(apps[0].keyCredentials.map((k) => k.keyId), 'no orphan key').to.deep.equal([id]);
    expect((await run(`Get-ADSyncForeignApplicationCredential -UserPrincipalName ${HIA}`, PASSWORD)).objects).to.deep.equal([]);
    const r = await run('Set-EmulatorClock -Advance 00:01:00 | Out-Null\nStart-ADSyncSyncCycle | Out-Null\nSet-EmulatorClock -Advance 00:05:00 | Out-Null\n(Get-ADSyncRunProfileResult -ConnectorId b891884f-051e-4a83-95af-2544101c9083 -NumberRequested 1).Result');
    expect(r.objects.at(-1)).to.equal('success');
  }

  for (const faults of [['ApplicationCreationFails'], ['RoleAssignmentFails'], ['KeyAdditionFails'], ['NewKeyRejected'], ['NewKeyRejected', 'KeyRemovalFails'], ['TenantUnreachable']]) {
    it(`automatic onboarding with Set-EmulatorFault -Name ${faults.join(',')}: event 1019; Clear-EmulatorFault and seven hours later it is onboarded`, async () => {
      await run(`Reset-Emulator -Version 2.5.76.0\nSet-EmulatorFault -Name ${faults.join(',')}`);
      let seen: unknown[] = [];
      for (let i = 0; i < 14 && seen.length === 0; i++) {
        seen = (await run('Set-EmulatorClock -Advance 00:30:00 | Out-Null\nGet-EventLog -LogName Application -InstanceId 1018,1019 -ErrorAction SilentlyContinue | Select-Object -ExpandProperty InstanceId')).objects;
      }
      expect(seen).to.deep.equal([1019]);
      const r = await run('Get-EventLog -LogName Application -InstanceId 1019 -Newest 1 | Select-Object -ExpandProperty Message\n(Get-ADSyncEntraConnectorCredential).ConnectorIdentityType');
      expect(String(r.objects[0])).to.match(/^Automatic configuration of application-based authentication failed: /);
      expect(r.objects[1]).to.equal('ServiceAccount');
      const ids = await run('Clear-EmulatorFault\nSet-EmulatorClock -Advance 07:00:00 | Out-Null\nGet-EventLog -LogName Application -InstanceId 1018,1019 | Select-Object -ExpandProperty InstanceId');
      expect(ids.objects).to.deep.equal([1018, 1019]);
      await agree();
    });
  }

  it('Add-ADSyncApplicationRegistration whose new key is refused and cannot be taken off: a clear error; run again after Clear-EmulatorFault it links that key', async () => {
    let r = await sh.run(`Set-EmulatorFault -Name NewKeyRejected,KeyRemovalFails\nAdd-ADSyncApplicationRegistration -UserPrincipalName ${HIA}`, PASSWORD);
    expect(r.errors.map((e) => [e.errorId, e.category])).to.deep.equal([['CredentialVerificationFailed', 'AuthenticationError']]);
    expect(r.errorText).to.contain('the connector credential was not changed. AADSTS700027');
    r = await run('(Get-ADSyncEntraConnectorCredential).ConnectorIdentityType');
    expect(r.objects).to.deep.equal(['ServiceAccount']);
    const left = tenant().doc().applications.flatMap((a) => a.keyCredentials.map((k) => k.keyId));
    expect(left).to.have.length(1);
    r = await run('Get-EventLog -LogName Application -EntryType Error -InstanceId 1015 | Select-Object -ExpandProperty Message');
    expect(String(r.objects[0])).to.contain(`Remove-EntraApplicationKey -CertificateId ${left[0]}`);
    r = await run(`Clear-EmulatorFault\nAdd-ADSyncApplicationRegistration -UserPrincipalName ${HIA} | Select-Object -ExpandProperty CertificateId`);
    expect(r.objects).to.deep.equal(left);
    await agree();
  });

  it('Set-EmulatorFault names every fault; an unknown one is a validation error', async () => {
    const r = await sh.run('Set-EmulatorFault -Name Gremlins');
    expect(r.errors).to.have.length(1);
    expect(r.errorText).to.contain('ApplicationCreationFails');
    expect(r.errorText).to.contain('NewKeyRejected');
  });
});
