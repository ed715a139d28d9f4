import { expect } from 'chai';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { StateStore } from '../../state/index.js';
import { EventLog, type NewEvent } from '../../connect/event-log.js';

const ev = (i: number): NewEvent => ({
  TimeGenerated: new Date(Date.UTC(2026, 0, 1) + i * 1800_000), EntryType: 'Information', Source: 'Directory Synchronization', EventID: 904,
  Message: `Scheduler::SchedulerThreadMain : Started sync cycle (PolicyType: Delta, RunNumber: ${i}).`, ReplacementStrings: ['Started', 'Delta'],
});

describe('connect: Application event log retention (overwrite as needed, oldest first)', () => {
  let home: string;
  const saved = EventLog.maxBytes;
  beforeEach(() => { home = fs.mkdtempSync(path.join(os.tmpdir(), 'eventlog-')); });
  afterEach(() => { EventLog.maxBytes = saved; fs.rmSync(home, { recursive: true, force: true }); });

  it('the real default: 20,480 KB', () => {
    expect(saved).to.equal(20_480 * 1024);
  });

  it('a full log drops its oldest entries, keeps the newest in order with their indexes, and stays under the maximum', () => {
    EventLog.maxBytes = 20_000;
    const log = new EventLog(new StateStore(home), () => 'CONNECT01');
    let n = 0;
    for (let batch = 0; batch < 40; batch++) log.append(Array.from({ length: 25 }, () => ev(++n)));
    const size = fs.statSync(log.file).size;
    expect(size).to.be.at.most(20_000);
    const all = log.readAll();
    // newest kept, contiguous, up to the last one written
    expect(all.at(-1)!.Index).to.equal(1000);
    expect(all.map((e) => e.Index)).to.deep.equal(Array.from({ length: all.length }, (_, i) => 1000 - all.length + 1 + i));
    expect(all.length).to.be.within(50, 999);
    expect(all[0].Message).to.include(`RunNumber: ${all[0].Index})`);
    // Get-EventLog -Newest still answers from what is left
    expect(log.query({ newest: 1 })[0].Index).to.equal(1000);
  });

  it('a log under the maximum is never rewritten', () => {
    const log = new EventLog(new StateStore(home), () => 'CONNECT01');
    log.append([ev(1)]);
    const ino = fs.statSync(log.file).ino;
    for (let i = 2; i < 50; i++) log.append([ev(i)]);
    expect(fs.statSync(log.file).ino).to.equal(ino);
    expect(log.readAll()).to.have.length(49);
  });
});
