import { expect } from 'chai';
import { rig, admin, cycle, MIN, DAY, type Rig } from './harness.js';
import { AAD_CONNECTOR_ID, type ConnectError } from '../../connect/index.js';

async function rejects(p: Promise<unknown>): Promise<ConnectError> {
  try { await p; } catch (e) { return e as ConnectError; }
  throw new Error('expected the operation to fail');
}

describe('connect: scheduler, sync cycles, run history, events', () => {
  let r: Rig;
  beforeEach(() => { r = rig(); });
  afterEach(() => r.cleanup());

  it('Get-ADSyncScheduler defaults; Set-ADSyncScheduler applies, keeps Allowed when Customized is shorter, and logs 904', async () => {
    const s = r.server.getScheduler();
    expect(s.AllowedSyncCycleInterval).to.equal(30 * MIN);
    expect(s.CurrentlyEffectiveSyncCycleInterval).to.equal(30 * MIN);
    expect(s.CustomizedSyncCycleInterval).to.equal(null);
    expect(s.PurgeRunHistoryInterval).to.equal(7 * DAY);
    expect([s.SyncCycleEnabled, s.MaintenanceEnabled, s.StagingModeEnabled, s.SchedulerSuspended, s.SyncCycleInProgress]).to.deep.equal([true, true, false, false, false]);
    expect(s.NextSyncCyclePolicyType).to.equal('Delta');
    await r.server.setScheduler({ customizedSyncCycleIntervalMs: 10 * MIN });
    expect(r.server.getScheduler().CustomizedSyncCycleInterval).to.equal(10 * MIN);
    expect(r.server.getScheduler().CurrentlyEffectiveSyncCycleInterval).to.equal(30 * MIN);
    await r.server.setScheduler({ customizedSyncCycleIntervalMs: 3 * 3600_000, syncCycleEnabled: false, nextSyncCyclePolicyType: 'Initial' });
    const t = r.server.getScheduler();
    expect(t.CurrentlyEffectiveSyncCycleInterval).to.equal(3 * 3600_000);
    expect(t.SyncCycleEnabled).to.equal(false);
    expect(t.NextSyncCyclePolicyType).to.equal('Initial');
    await r.server.setScheduler({ customizedSyncCycleIntervalMs: null });
    expect(r.server.getScheduler().CustomizedSyncCycleInterval).to.equal(null);
    expect((await rejects(r.server.setScheduler({ purgeRunHistoryIntervalMs: -1 }))).errorId).to.equal('InvalidTimeSpan');
    const e = r.server.getEvents({ instanceId: [904] });
    expect(e.length).to.be.greaterThan(0);
    expect(e[0].Source).to.equal('Directory Synchronization');
  });

  it('Start-ADSyncSyncCycle returns Success at once, then the real busy error while the cycle runs', async () => {
    expect(await r.server.startSyncCycle('Delta')).to.deep.equal({ Result: 'Success' });
    expect(r.server.getScheduler().SyncCycleInProgress).to.equal(true);
    expect(r.server.getConnectorRunStatus()[0].RunState).to.equal('Busy');
    const e = await rejects(r.server.startSyncCycle('Delta'));
    expect(e.message).to.equal('System.InvalidOperationException: Connector: contoso.onmicrosoft.com - AAD is busy.');
    expect(e.category).to.equal('WriteError');
    const running = r.server.getRunProfileResults({ numberRequested: 1 })[0];
    expect(running.IsRunComplete).to.equal(false);
    r.manual.advance(5 * MIN);
    expect(r.server.getConnectorRunStatus()).to.deep.equal([]);
    const done = r.server.getRunProfileResults();
    expect(done.map((x) => x.RunProfileName)).to.deep.equal(['Export', 'Delta Synchronization', 'Delta Import']);
    expect(done.map((x) => x.ConnectorName)).to.deep.equal(['contoso.onmicrosoft.com - AAD', 'contoso.com', 'contoso.com']);
    for (const x of done) {
      expect(x.IsRunComplete).to.equal(true);
      expect(x.Result).to.equal('success');
      expect(new Date(x.EndDate) >= new Date(x.StartDate)).to.equal(true);
      expect(x.RunStepResults[0].StepResult).to.equal('success');
    }
    expect(done[0].ConnectorId).to.equal(AAD_CONNECTOR_ID);
    expect(r.server.getEvents({ instanceId: [904], data: 'Finished' })).to.have.length(1);
    expect(await r.server.startSyncCycle()).to.deep.equal({ Result: 'Success' });
  });

  it('Initial runs full import and full sync, then the policy returns to Delta', async () => {
    await r.server.setScheduler({ nextSyncCyclePolicyType: 'Initial' });
    await r.server.startSyncCycle();
    r.manual.advance(10 * MIN);
    const names = r.server.getRunProfileResults({ numberRequested: 3 }).map((x) => x.RunProfileName);
    expect(names).to.deep.equal(['Export', 'Full Synchronization', 'Full Import']);
    expect(r.server.getScheduler().NextSyncCyclePolicyType).to.equal('Delta');
  });

  it('delta sync exports only what changed on-premises', async () => {
    expect((await cycle(r))?.RunStepResults[0].ExportAdd).to.equal(300);
    expect((await cycle(r))?.RunStepResults[0].ExportUpdate).to.equal(0);
    const changed = await r.server.touchOnPremObjects(7);
    const run = await cycle(r);
    expect(run?.RunStepResults[0].ExportUpdate).to.equal(changed);
    expect(changed).to.be.within(1, 7);
  });

  it('objects the tenant refuses give completed-export-errors (event 6803) and are retried next cycle', async () => {
    await cycle(r);
    const rows = r.store.read<{ rows: string[] }>('onprem')!.rows;
    const anchor = rows[5].split('\t')[0];
    r.tenant.failAnchors.add(anchor);
    const changed = await r.server.touchOnPremObjects(300);
    const run = await cycle(r);
    expect(run?.Result).to.equal('completed-export-errors');
    expect(run?.RunStepResults[0].ExportFailure).to.equal(1);
    expect(run?.RunStepResults[0].ExportUpdate).to.equal(changed - 1);
    expect(run?.RunStepResults[0].SyncErrors).to.contain('AttributeValueMustBeUnique');
    expect(r.server.getEvents({ instanceId: [6803] })[0].Source).to.equal('ADSync');
    r.tenant.failAnchors.clear();
    const again = await cycle(r);
    expect(again?.Result).to.equal('success');
    expect(again?.RunStepResults[0].ExportUpdate).to.be.at.least(1);
  });

  it('reset can take the TPM away: the next managed key goes to the software provider', async () => {
    await r.server.reset({ tpmPresent: false });
    expect(r.keys.tpmPresent()).to.equal(false);
    await r.server.addADSyncApplicationRegistration(admin);
    expect(r.server.getCurrentConfiguration().KeyStorageProvider).to.equal('Microsoft Software Key Storage Provider');
  });

  it('staging mode imports and synchronizes but never exports', async () => {
    await r.server.setStagingMode(true);
    const run = await cycle(r);
    expect(run).to.equal(undefined);
    expect(r.server.getRunProfileResults().map((x) => x.RunProfileName)).to.deep.equal(['Delta Synchronization', 'Delta Import']);
    expect(r.tenant.exportCalls).to.equal(0);
    expect(r.server.getScheduler().StagingModeEnabled).to.equal(true);
    expect(r.server.onPremSummary().pendingExport).to.equal(300);
  });

  it('tenant unreachable (emulator fault): stopped-server-down, then recovery exports what was pending', async () => {
    await r.server.setFault('TenantUnreachable', true);
    expect(r.server.getFaults().tenantUnreachable).to.equal(true);
    expect((await cycle(r))?.Result).to.equal('stopped-server-down');
    expect(r.server.getEvents({ instanceId: [6100] })[0].Source).to.equal('ADSync');
    await r.server.setFault('tenantunreachable', false);
    expect((await cycle(r))?.RunStepResults[0].ExportAdd).to.equal(300);
    expect((await rejects(r.server.setFault('Gremlins', true))).errorId).to.equal('UnknownFault');
  });

  it('an application without ADSynchronization.ReadWrite.All gets Access Denied from the sync endpoint', async () => {
    await r.server.addADSyncApplicationRegistration(admin);
    // the admin strips the role in Entra
    r.tenant['update']((d: { apps: { roles: string[] }[] }) => { d.apps[0].roles = []; });
    r.manual.advance(2 * 3600_000);
    const run = await cycle(r);
    expect(run?.Result).to.equal('stopped-extension-dll-exception');
    expect(r.server.getEvents({ instanceId: [106] })[0].Message).to.contain('Access Denied');
  });

  it('tokens are reused for their lifetime: one token per hour of 30-minute cycles', async () => {
    await r.server.addADSyncApplicationRegistration(admin);
    const before = r.tenant.tokenRequests;
    await r.server.advanceClock(DAY);
    expect(r.tenant.tokenRequests - before).to.be.within(23, 25);
  });

  it('run history is purged after PurgeRunHistoryInterval; the clock cannot go backwards', async () => {
    await r.server.advanceClock(8 * DAY);
    const runs = r.server.getRunProfileResults();
    const oldest = Math.min(...runs.map((x) => new Date(x.EndDate).getTime()));
    // kept at least PurgeRunHistoryInterval, cut a day at a time
    expect(r.clock.now().getTime() - oldest).to.be.within(7 * DAY - 31 * MIN, 8 * DAY + 31 * MIN);
    expect(runs.length).to.be.within(7 * 48 * 3 - 6, 8 * 48 * 3 + 6);
    expect((await rejects(r.server.advanceClock(-1))).errorId).to.equal('ClockCannotMoveBackward');
    expect((await rejects(r.server.setClock(new Date('2020-01-01')))).errorId).to.equal('ClockCannotMoveBackward');
  });

  it('catchUp runs the cycle that fell due while the clock moved at real speed, once', async () => {
    r.server.getScheduler();
    r.manual.advance(95 * MIN);
    const res = await r.server.catchUp();
    expect(res.cycles).to.equal(1);
    expect(r.server.getScheduler().NextSyncCycleStartTimeInUTC.getTime()).to.equal(r.clock.now().getTime() + 30 * MIN);
    expect((await r.server.catchUp()).cycles).to.equal(0);
  });

  it('reset gives a fresh server with the directory size asked for', async () => {
    await r.server.addADSyncApplicationRegistration(admin);
    await r.server.reset({ directorySize: 1000, passwordWriteback: false });
    expect(r.server.getConnectorCredential().ConnectorIdentityType).to.equal('ServiceAccount');
    expect(r.server.onPremSummary()).to.include({ objects: 1000, users: 900, groups: 100 });
    expect(r.server.getEvents()).to.have.length(0);
    expect(r.server.getCurrentConfiguration().PasswordWritebackEnabled).to.equal(false);
    expect((await rejects(r.server.reset({ directorySize: -5 }))).errorId).to.equal('InvalidDirectorySize');
  });
});
