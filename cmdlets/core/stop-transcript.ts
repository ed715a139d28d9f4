import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { transcriptOf } from './transcript.js';

/** Stop-Transcript: ends the host's transcript and reports the file. */
export class StopTranscriptCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Stop', noun: 'Transcript', module: 'Microsoft.PowerShell.Host', className: 'Microsoft.PowerShell.Commands.StopTranscriptCommand',
    parameters: [],
    outputType: ['System.String'],
    synopsis: 'Stops a transcript.',
    description: 'The Stop-Transcript cmdlet stops a transcript that was started by the Start-Transcript cmdlet.',
    examples: [{ title: 'Stop all transcripts', code: 'Stop-Transcript' }],
  };

  override async processRecord(): Promise<void> {
    const svc = transcriptOf(this.context);
    let file: string;
    try {
      if (!svc) throw new Error('The host is not currently transcribing.');
      file = svc.stop();
    } catch (e) {
      const text = e instanceof Error ? e.message : String(e);
      const prefix = 'An error occurred stopping transcription: ';
      this.throwTerminatingError(this.error(text.startsWith(prefix) ? text : prefix + text, 'InvalidOperation', 'InvalidOperation', null, 'System.Management.Automation.PSInvalidOperationException'));
    }
    await this.writeObject(`Transcript stopped, output file is ${file}`);
  }
}
