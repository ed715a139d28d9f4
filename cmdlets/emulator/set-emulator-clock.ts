import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { PSDateTime } from '../../runtime/values/datetime.js';
import { PSObject } from '../../runtime/values/psobject.js';
import { PSTimeSpan } from '../../runtime/values/timespan.js';
import { AdsyncCmdlet } from '../adsync/adsync-cmdlet.js';
import { TYPES, utc } from '../adsync/objects.js';
import { EMULATOR_MODULE, EMULATOR_NS } from './get-emulator-clock.js';

/** Set-EmulatorClock: move the virtual clock forward, running every scheduler cycle that falls due, in order. */
export class SetEmulatorClockCommand extends AdsyncCmdlet {
  static override meta: CmdletMeta = {
    verb: 'Set', noun: 'EmulatorClock', module: EMULATOR_MODULE, className: `${EMULATOR_NS}.SetEmulatorClockCommand`,
    outputType: [TYPES.emulatorAdvance], defaultParameterSet: 'Advance',
    parameters: [
      param('Advance', T.TimeSpan, { mandatory: true, position: 0, sets: ['Advance'], description: 'How far to move forward, e.g. (New-TimeSpan -Days 400) or 01:00:00.' }),
      param('Date', T.DateTime, { mandatory: true, sets: ['Date'], description: 'The new (later) time. A date without a zone is read as local time, as Get-Date does.' }),
    ],
    synopsis: "Moves the emulator's virtual clock forward and runs the scheduler cycles that fall due.",
    description: 'Each due cycle runs at its own time: maintenance (1011/1012 certificate events, automatic rotation, automatic onboarding) and a sync cycle. The clock never moves backwards.',
    examples: [
      { code: 'Set-EmulatorClock -Advance (New-TimeSpan -Days 400)' },
      { code: "Set-EmulatorClock -Date '2027-01-01'" },
    ],
  };

  Advance?: PSTimeSpan;
  Date?: PSDateTime;

  override async processRecord(): Promise<void> {
    const server = this.server();
    let r;
    try {
      r = this.parameterSetName === 'Date' && this.Date
        ? await server.setClock(this.Date.toDate())
        : await server.advanceClock(this.Advance!.totalMilliseconds);
    } catch (e) { this.fail(e); return; }
    await this.writeObject(PSObject.typed(TYPES.emulatorAdvance, { From: utc(r.from), To: utc(r.to), CyclesRun: r.cycles }));
  }
}
