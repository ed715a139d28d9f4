import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { PSObject } from '../../runtime/values/psobject.js';
import { PSTimeSpan } from '../../runtime/values/timespan.js';
import { AdsyncCmdlet } from '../adsync/adsync-cmdlet.js';
import { TYPES, utc } from '../adsync/objects.js';

export const EMULATOR_MODULE = 'SyncShell.Emulator';
export const EMULATOR_NS = 'SyncShell.Emulator.Commands';

/** Get-EmulatorClock: the virtual time every domain reads, its offset from real time, and the next cycle due. */
export class GetEmulatorClockCommand extends AdsyncCmdlet {
  static override meta: CmdletMeta = {
    verb: 'Get', noun: 'EmulatorClock', module: EMULATOR_MODULE, className: `${EMULATOR_NS}.GetEmulatorClockCommand`,
    outputType: [TYPES.emulatorClock], parameters: [],
    synopsis: "Gets the emulator's virtual clock.",
    description: 'The clock moves at real speed by itself; Set-EmulatorClock moves it forward, running every scheduler cycle that falls due.',
    examples: [{ code: 'Get-EmulatorClock' }, { code: '(Get-EmulatorClock).Now' }],
  };

  override async processRecord(): Promise<void> {
    const server = this.server();
    let next: Date | null = null;
    try { next = server.getScheduler().NextSyncCycleStartTimeInUTC; } catch (e) { this.fail(e); return; }
    const now = server.clock.now();
    const real = new Date();
    await this.writeObject(PSObject.typed(TYPES.emulatorClock, {
      Now: utc(now), RealTime: utc(real), Offset: PSTimeSpan.fromMs(Math.round((now.getTime() - real.getTime()) / 1000) * 1000), NextSyncCycleStartTimeInUTC: utc(next),
    }));
  }
}
