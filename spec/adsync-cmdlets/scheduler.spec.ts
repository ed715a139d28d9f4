import { expect } from 'chai';
import { PSObject } from '../../runtime/values/psobject.js';
import { shell, type Shell } from './harness.js';

const prop = (o: unknown, name: string): unknown => (o as PSObject).get(name);

describe('ADSync cmdlets: scheduler, sync cycles, run history, event log', function () {
  this.timeout(60_000);
  let sh: Shell;
  beforeEach(() => { sh = shell(); });
  afterEach(() => sh.cleanup());

  it('Get-ADSyncScheduler prints the captured list layout, names padded to the longest', async () => {
    const r = await sh.run('Get-ADSyncScheduler');
    const lines = r.output.split('\n').filter((l) => l.includes(' : ') || l.endsWith(' :'));
    expect(lines.map((l) => l.split(/\s+:/)[0])).to.deep.equal([
      'AllowedSyncCycleInterval', 'CurrentlyEffectiveSyncCycleInterval', 'CustomizedSyncCycleInterval', 'NextSyncCyclePolicyType',
      'NextSyncCycleStartTimeInUTC', 'PurgeRunHistoryInterval', 'SyncCycleEnabled', 'MaintenanceEnabled', 'StagingModeEnabled',
      'SchedulerSuspended', 'SyncCycleInProgress',
    ]);
    expect(r.output).to.contain('AllowedSyncCycleInterval            : 00:30:00\n');
    expect(r.output).to.contain('CustomizedSyncCycleInterval         : \n');
    expect(r.output).to.contain('PurgeRunHistoryInterval             : 7.00:00:00\n');
    expect(r.output).to.match(/NextSyncCycleStartTimeInUTC         : \d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d\d:\d\d [AP]M\n/);
  });

  it('Set-ADSyncScheduler: named, positional, $null clears, shorter than allowed is stored but Allowed wins; writes nothing', async () => {
    let r = await sh.run('Set-ADSyncScheduler -CustomizedSyncCycleInterval 03:00:00');
    expect(r.output).to.equal('');
    r = await sh.run('Get-ADSyncScheduler | Select-Object CustomizedSyncCycleInterval, CurrentlyEffectiveSyncCycleInterval | ForEach-Object { "$($_.CustomizedSyncCycleInterval) $($_.CurrentlyEffectiveSyncCycleInterval)" }');
    expect(r.objects).to.deep.equal(['03:00:00 03:00:00']);
    r = await sh.run('Set-ADSyncScheduler -CustomizedSyncCycleInterval 00:10:00; $s = Get-ADSyncScheduler; "$($s.CustomizedSyncCycleInterval) $($s.CurrentlyEffectiveSyncCycleInterval)"');
    expect(r.objects).to.deep.equal(['00:10:00 00:30:00']);
    r = await sh.run('Set-ADSyncScheduler -CustomizedSyncCycleInterval $null; $null -eq (Get-ADSyncScheduler).CustomizedSyncCycleInterval');
    expect(r.objects).to.deep.equal([true]);
    r = await sh.run('Set-ADSyncScheduler $null $false; (Get-ADSyncScheduler).SyncCycleEnabled');
    expect(r.objects).to.deep.equal([false]);
    r = await sh.run('Set-ADSyncScheduler -NextSyncCyclePolicyType Initial -MaintenanceEnabled $false; $s = Get-ADSyncSchedulerSettings; "$($s.NextSyncCyclePolicyType) $($s.MaintenanceEnabled)"');
    expect(r.objects).to.deep.equal(['Initial False']);
  });

  it('an invalid policy type fails at binding with the enumeration values', async () => {
    const r = await sh.run('Start-ADSyncSyncCycle -PolicyType Full');
    expect(r.errors).to.have.length(1);
    expect(r.errors[0]!.message).to.contain('SynchronizationPolicyType');
    expect(r.errors[0]!.message).to.contain('Unspecified');
  });

  it('Start-ADSyncSyncCycle: Result Success at once, the real busy error while a cycle runs, outcome in run history', async () => {
    let r = await sh.run('Get-ADSyncConnectorRunStatus');
    expect(r.objects).to.have.length(0);
    r = await sh.run('Start-ADSyncSyncCycle -PolicyType Delta');
    expect(r.output).to.match(/^\s*Result\s*\n\s*------\s*\nSuccess\s*\n/);
    r = await sh.run('(Get-ADSyncScheduler).SyncCycleInProgress; Get-ADSyncConnectorRunStatus | Select-Object -ExpandProperty RunState');
    expect(r.objects).to.deep.equal([true, 'Busy']);
    r = await sh.run('Start-ADSyncSyncCycle -PolicyType Delta');
    expect(r.errors).to.have.length(1);
    expect(r.errors[0]!.message).to.equal('System.InvalidOperationException: Connector: contoso.onmicrosoft.com - AAD is busy.');
    expect(r.errors[0]!.category).to.equal('WriteError');
    expect(r.errors[0]!.exceptionType).to.equal('System.InvalidOperationException');
    r = await sh.run('Set-EmulatorClock -Advance 00:05:00 | Out-Null; Get-ADSyncRunProfileResult -NumberRequested 3 -RunStepDetails');
    expect(r.objects.map((o) => prop(o, 'RunProfileName'))).to.deep.equal(['Export', 'Delta Synchronization', 'Delta Import']);
    const exp = r.objects[0] as PSObject;
    expect(prop(exp, 'ConnectorName')).to.equal('contoso.onmicrosoft.com - AAD');
    expect(prop(exp, 'IsRunComplete')).to.equal(true);
    expect(prop(exp, 'Result')).to.equal('success');
    const steps = prop(exp, 'RunStepResults') as PSObject[];
    expect(steps).to.have.length(1);
    expect(prop(steps[0], 'StepResult')).to.equal('success');
    expect(r.output).to.match(/ConnectorName\s+: contoso\.onmicrosoft\.com - AAD/);
    r = await sh.run('Start-ADSyncSyncCycle -PolicyType Initial | Out-Null; Set-EmulatorClock -Advance 00:10:00 | Out-Null; (Get-ADSyncRunProfileResult -NumberRequested 3).RunProfileName');
    expect(r.objects).to.deep.equal(['Export', 'Full Synchronization', 'Full Import']);
  });

  it('TenantUnreachable fault: the export stops (stopped-server-down) and 6100 is logged; clearing it recovers', async () => {
    let r = await sh.run('Set-EmulatorFault -Name TenantUnreachable; Start-ADSyncSyncCycle | Out-Null; Set-EmulatorClock -Advance 00:05:00 | Out-Null; (Get-ADSyncRunProfileResult -NumberRequested 1).Result');
    expect(r.objects).to.deep.equal(['stopped-server-down']);
    r = await sh.run('Get-EventLog -LogName Application -Source ADSync -InstanceId 6100 -Newest 1 | Select-Object -ExpandProperty EntryType');
    expect(r.objects).to.deep.equal(['Error']);
    r = await sh.run('Clear-EmulatorFault; Start-ADSyncSyncCycle | Out-Null; Set-EmulatorClock -Advance 00:05:00 | Out-Null; (Get-ADSyncRunProfileResult -NumberRequested 1).Result');
    expect(r.objects).to.deep.equal(['success']);
  });

  it('Get-EventLog errors: unknown log, no matches; Get-WinEvent: Data filter and no events', async () => {
    let r = await sh.run('Get-EventLog -LogName Nope');
    expect(r.errors[0]!.message).to.equal("The event log 'Nope' on computer '.' does not exist.");
    r = await sh.run('Get-EventLog -LogName System');
    expect(r.errors[0]!.message).to.equal('No matches found');
    r = await sh.run('Get-EventLog -LogName Application -EntryType Bogus');
    expect(r.errors[0]!.errorId).to.match(/ParameterArgumentValidationError/);
    r = await sh.run("Get-WinEvent -FilterHashtable @{LogName='Application'; Id=904}");
    expect(r.errors[0]!.message).to.equal('No events were found that match the specified selection criteria.');
    r = await sh.run("Start-ADSyncSyncCycle | Out-Null; Set-EmulatorClock -Advance 00:05:00 | Out-Null; Get-WinEvent -FilterHashtable @{LogName='Application'; ProviderName='Directory Synchronization'; ID=904; Data='Finished'} | Select-Object -ExpandProperty Message");
    expect(r.objects).to.have.length(1);
    expect(String(r.objects[0])).to.contain('Finished');
    r = await sh.run("Get-EventLog -LogName Application -Message '*Finished*' | Measure-Object | Select-Object -ExpandProperty Count");
    expect(r.objects).to.deep.equal([1]);
  });
});
