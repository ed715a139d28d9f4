import type { ActionPreference } from './common-parameters.js';
import type { StreamSink } from './context.js';
import { ErrorRecord, RuntimeError } from '../values/error-record.js';

/** Preferences in force for one command: its -ErrorAction etc., else the session's $…Preference variables. */
export interface StreamPreferences {
  errorAction: ActionPreference;
  warningAction: ActionPreference;
  informationAction: ActionPreference;
  verbose: boolean;
  debug: boolean;
}

/**
 * The error/warning/verbose streams of one command, applying its action preferences before
 * passing records on (to the host, a redirection, or -ErrorVariable).
 */
export class CommandStreams implements StreamSink {
  errorsWritten = 0;
  readonly errorVariable: ErrorRecord[] = [];
  readonly warningVariable: string[] = [];

  constructor(
    private readonly prefs: StreamPreferences,
    private readonly next: StreamSink,
    private readonly recordError: (r: ErrorRecord) => void,
  ) {}

  error(record: ErrorRecord): void {
    this.errorsWritten++;
    this.errorVariable.push(record);
    switch (this.prefs.errorAction) {
      case 'Stop': {
        // -ErrorAction Stop makes the error end the script (ActionPreferenceStopException), not just the statement.
        const e = new RuntimeError(record) as RuntimeError & { terminatesScript: boolean };
        e.terminatesScript = true;
        throw e;
      }
      case 'Ignore': return;
      case 'SilentlyContinue': this.recordError(record); return;
      default: this.recordError(record); this.next.error(record);
    }
  }

  warning(message: string): void {
    this.warningVariable.push(message);
    switch (this.prefs.warningAction) {
      case 'Stop': throw new RuntimeError(new ErrorRecord(
        `The running command stopped because the preference variable "WarningPreference" or common parameter is set to Stop: ${message}`,
        'ActionPreferenceStop', 'OperationStopped', null, 'System.Management.Automation.ActionPreferenceStopException'));
      case 'Ignore': case 'SilentlyContinue': return;
      default: this.next.warning(message);
    }
  }

  verbose(message: string): void { if (this.prefs.verbose) this.next.verbose(message); }
  debug(message: string): void { if (this.prefs.debug) this.next.debug(message); }
  information(data: unknown, tags?: string[]): void {
    if (this.prefs.informationAction === 'Continue') this.next.information(data, tags);
  }
  progress(activity: string, status: string, percent: number, completed: boolean): void {
    this.next.progress(activity, status, percent, completed);
  }
}
