import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { PSTimeSpan } from '../../runtime/values/timespan.js';
import { PipelineStoppedSignal } from '../../runtime/values/flow.js';

/** How often a sleeping cmdlet looks at the stopping flag (Ctrl+C), in ms. */
const POLL_MS = 50;

/** Start-Sleep: real time, cancellable by Ctrl+C (stopProcessing or the context's stopping flag). */
export class StartSleepCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Start', noun: 'Sleep', module: 'Microsoft.PowerShell.Utility', className: 'Microsoft.PowerShell.Commands.StartSleepCommand',
    defaultParameterSet: 'Seconds',
    parameters: [
      param('Seconds', T.Double, { mandatory: true, position: 0, sets: ['Seconds'], valueFromPipeline: true, valueFromPipelineByPropertyName: true, validateRange: [0, 2147483.647], description: 'Specifies how long the resource sleeps in seconds. You can use a fractional value.' }),
      param('Milliseconds', T.Int, { mandatory: true, sets: ['Milliseconds'], valueFromPipelineByPropertyName: true, aliases: ['ms'], validateRange: [0, 2147483647], description: 'Specifies how long the resource sleeps in milliseconds.' }),
      param('Duration', T.TimeSpan, { mandatory: true, position: 0, sets: ['FromTimeSpan'], valueFromPipeline: true, valueFromPipelineByPropertyName: true, aliases: ['ts'], description: 'Uses a TimeSpan to specify the sleep duration.' }),
    ],
    outputType: ['None'],
    synopsis: 'Suspend shell, script, or runspace activity for the specified period of time.',
    description: 'The Start-Sleep cmdlet suspends the activity in a script or session for the specified period of time. Press Ctrl+C to stop it.',
    examples: [
      { title: 'Pause execution for 1.5 seconds', code: 'Start-Sleep -Seconds 1.5' },
      { title: 'Pause execution for 500 milliseconds', code: 'Start-Sleep -Milliseconds 500' },
    ],
    aliases: ['sleep'],
  };

  Seconds?: number;
  Milliseconds?: number;
  Duration?: PSTimeSpan;

  private wake?: () => void;
  private stopped = false;

  override async processRecord(): Promise<void> {
    const ms = this.Duration instanceof PSTimeSpan ? this.Duration.totalMilliseconds : this.Milliseconds ?? (this.Seconds ?? 0) * 1000;
    await this.sleep(ms);
    // Woken by Ctrl+C: the pipeline stops here, as PipelineStoppedException does in pwsh.
    if (this.stopped || this.context.stopping) throw new PipelineStoppedSignal('ctrl-c');
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const end = Date.now() + ms;
      let timer: NodeJS.Timeout | undefined;
      const done = () => { if (timer) clearTimeout(timer); this.wake = undefined; resolve(); };
      this.wake = done;
      const tick = () => {
        const left = end - Date.now();
        if (left <= 0 || this.stopped || this.context.stopping) { done(); return; }
        timer = setTimeout(tick, Math.min(POLL_MS, left));
      };
      tick();
    });
  }

  override stopProcessing(): void {
    this.stopped = true;
    this.wake?.();
  }
}
