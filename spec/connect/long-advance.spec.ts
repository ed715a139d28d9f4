/**
 * A long Set-EmulatorClock -Advance on the real stack (the shell's session: in-process tenant, msal-node, pki key
 * providers, a state directory) after the batch, live-document and cache work that makes a virtual year fast:
 * the cycles still run maintenance and sync through the real token endpoint, and what a year leaves behind is
 * bounded by the run history's retention. Scheduler intervals are longer than 30 minutes to keep the tests short;
 * the events still come once per cycle.
 */
import { expect } from 'chai';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { shell, BYOC_CERT, HIA, PASSWORD, type Shell } from '../adsync-cmdlets/harness.js';
import { StateStore } from '../../state/index.js';
import type { ServerDoc, OpenedConnect } from '../../connect/index.js';
import { removeCertificate } from '../../pki/index.js';
import type { RunHistoryDoc } from '../../connect/run-history.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

describe('connect: a long clock advance on the real stack', function () {
  this.timeout(300_000);
  let sh: Shell;
  beforeEach(() => { sh = shell(); });
  afterEach(() => sh.cleanup());

  const days = (t: string, start: number) => (new Date(t).getTime() - start) / DAY;

  it('BYOC, 400 days: 1011 from day ~215 once per cycle, 1012 once per cycle after expiry, sync fails only after expiry', async () => {
    let r = await sh.run(`${BYOC_CERT}
Add-ADSyncApplicationRegistration -UserPrincipalName ${HIA} -CertificateSHA256Hash $certHash | Out-Null
Set-ADSyncScheduler -CustomizedSyncCycleInterval 12:00:00`, PASSWORD);
    expect(r.errorText).to.equal('');
    const server = sh.server();
    const start = server.clock.now().getTime();
    const notAfter = server.getConnectorCredential().CertificateCredential!.ExpiryTime.getTime();
    r = await sh.run('(Set-EmulatorClock -Advance (New-TimeSpan -Days 400)).CyclesRun');
    expect(r.errorText).to.equal('');
    expect(Number(r.output.trim())).to.be.within(799, 801);
    const warn = server.getEvents({ instanceId: [1011] }).map((e) => days(e.TimeGenerated, start)).reverse();
    const expired = server.getEvents({ instanceId: [1012] }).map((e) => days(e.TimeGenerated, start)).reverse();
    const expiry = (notAfter - start) / DAY;
    expect(warn[0]).to.be.within(expiry - 150.01, expiry - 149.49);
    expect(warn.at(-1)).to.be.below(expiry);
    expect(expired[0]).to.be.within(expiry, expiry + 0.51);
    // at scheduler frequency: one per cycle, none skipped
    for (const list of [warn, expired]) {
      const gaps = list.slice(1).map((d, i) => Math.round((d - list[i]) * 24));
      expect(new Set(gaps)).to.deep.equal(new Set([12]));
    }
    expect(expired.length).to.be.within(Math.floor((400 - expiry) * 2) - 1, Math.ceil((400 - expiry) * 2) + 1);
    // the token endpoint refused the key only once it had expired (906 with the AADSTS text)
    const refused = server.getEvents({ instanceId: [906] }).map((e) => days(e.TimeGenerated, start));
    expect(refused.length).to.be.greaterThan(0);
    expect(Math.min(...refused)).to.be.at.least(expiry);
    const exports = server.getRunProfileResults({ connectorId: 'b891884f-051e-4a83-95af-2544101c9083' });
    expect(exports.every((x) => x.Result === 'stopped-extension-dll-exception')).to.equal(true);
  });

  it('managed, one year of 6-hour cycles: one automatic rotation, every export succeeds, no error event; the state is on disk', async () => {
    let r = await sh.run(`Add-ADSyncApplicationRegistration -UserPrincipalName ${HIA} | Out-Null
Set-ADSyncScheduler -CustomizedSyncCycleInterval 06:00:00`, PASSWORD);
    expect(r.errorText).to.equal('');
    const server = sh.server();
    const first = server.getConnectorCredential().CertificateCredential!.Id;
    const exportsBefore = new StateStore(sh.home).read<{ exportCount: number }>('tenant-sync')?.exportCount ?? 0;
    r = await sh.run('(Set-EmulatorClock -Advance (New-TimeSpan -Days 365)).CyclesRun');
    expect(r.errorText).to.equal('');
    const cycles = Number(r.output.trim());
    expect(cycles).to.be.within(1459, 1461);
    expect(server.getEvents({ instanceId: [1013] })).to.have.length(1);
    expect(server.getEvents({ entryType: ['Error'] }).map((e) => e.Message)).to.deep.equal([]);
    const now = server.getConnectorCredential().CertificateCredential!.Id;
    expect(now).to.not.equal(first);
    // what the batch wrote at the end, read back by a fresh store (another process would see the same)
    const disk = new StateStore(sh.home);
    const doc = disk.read<ServerDoc>('server')!;
    expect(doc.credential.type === 'Application' && doc.credential.certificate.keyId).to.equal(now);
    expect(disk.read<{ exportCount: number }>('tenant-sync')!.exportCount - exportsBefore).to.equal(cycles);
    // retention: the run history keeps PurgeRunHistoryInterval (7 days) plus at most the day it is cut at
    const runs = disk.read<RunHistoryDoc>('runhistory')!.runs;
    const oldest = new Date(runs[0].StartDate).getTime();
    expect(server.clock.now().getTime() - oldest).to.be.within(7 * DAY - 6 * HOUR, 8 * DAY + 6 * HOUR);
    expect(runs.every((x) => x.Result === 'success')).to.equal(true);
    // the Application log got every cycle's start and finish
    const lines = fs.readFileSync(path.join(sh.home, 'eventlog-application.jsonl'), 'utf8').split('\n').filter(Boolean);
    expect(lines.filter((l) => l.includes('Started sync cycle')).length).to.be.at.least(cycles);
  });

  it('the certificate taken out of the store between two advances is missed at the next token, not served from a cache', async () => {
    let r = await sh.run(`Add-ADSyncApplicationRegistration -UserPrincipalName ${HIA} | Out-Null`, PASSWORD);
    expect(r.errorText).to.equal('');
    const server = sh.server();
    r = await sh.run('Set-EmulatorClock -Advance 03:00:00 | Out-Null');
    const ok = server.getRunProfileResults({ numberRequested: 12 }).filter((x) => x.RunProfileName === 'Export' && x.IsRunComplete);
    expect(ok.length).to.be.greaterThan(2);
    expect(ok.every((x) => x.Result === 'success')).to.equal(true);
    const opened = sh.session.engine.services.get<OpenedConnect>('connect.opened');
    removeCertificate(opened.pki, 'CurrentUser\\My', server.getConnectorCredential().CertificateCredential!.CertificateThumbprint, { deleteKey: true });
    r = await sh.run('Set-EmulatorClock -Advance 02:00:00 | Out-Null');
    const last = server.getRunProfileResults({ numberRequested: 3 }).find((x) => x.RunProfileName === 'Export' && x.IsRunComplete)!;
    expect(last.Result).to.equal('stopped-extension-dll-exception');
    expect(last.RunStepResults[0].ConnectorDiscoveryErrors).to.match(/was not found in the CurrentUser\\My certificate store/);
  });
});
