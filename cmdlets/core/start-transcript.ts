import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import * as nodePath from 'node:path';
import { providersOf } from './providers.js';
import { transcriptOf } from './transcript.js';
import { PSDateTime } from '../../runtime/values/datetime.js';
import { now } from './clock.js';
import { formatDateTime } from './date-format.js';

/** Start-Transcript: the host records the session to a file; the cmdlet reports where. */
export class StartTranscriptCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Start', noun: 'Transcript', module: 'Microsoft.PowerShell.Host', className: 'Microsoft.PowerShell.Commands.StartTranscriptCommand',
    defaultParameterSet: 'ByPath', supportsShouldProcess: true, confirmImpact: 'Medium',
    parameters: [
      param('Path', T.String, { position: 0, sets: ['ByPath'], description: 'Specifies a location to the transcript file.' }),
      param('LiteralPath', T.String, { mandatory: true, sets: ['ByLiteralPath'], aliases: ['PSPath', 'LP'], description: 'Specifies a location to the transcript file, used exactly as typed.' }),
      param('OutputDirectory', T.String, { sets: ['ByOutputDirectory'], description: 'Specifies a specific path and folder in which to save a transcript.' }),
      param('Append', T.Switch, { description: 'Indicates that this cmdlet adds the new transcript to the end of an existing file.' }),
      param('Force', T.Switch, { description: 'Allows the cmdlet to append the transcript to an existing read-only file.' }),
      param('NoClobber', T.Switch, { aliases: ['NoOverwrite'], description: 'Indicates that this cmdlet will not overwrite an existing file.' }),
      param('IncludeInvocationHeader', T.Switch, { description: 'Indicates that this cmdlet logs the time stamp when commands are run.' }),
      param('UseMinimalHeader', T.Switch, { description: 'Prepend a short header to the transcript, instead of the detailed header.' }),
    ],
    outputType: ['System.String'],
    synopsis: 'Creates a record of all or part of a PowerShell session to a text file.',
    description: 'The Start-Transcript cmdlet creates a record of all or part of a PowerShell session to a text file. The transcript includes all command that the user types and all output that appears on the console.',
    examples: [{ title: 'Start a transcript file', code: 'Start-Transcript -Path "C:\\transcripts\\transcript0.txt" -NoClobber' }],
  };

  Path?: string;
  LiteralPath?: string;
  OutputDirectory?: string;
  Append = false;
  NoClobber = false;

  override async processRecord(): Promise<void> {
    const svc = transcriptOf(this.context);
    if (!svc) {
      this.throwTerminatingError(this.error('This host does not support transcription.', 'CannotStartTranscription', 'InvalidOperation', null, 'System.Management.Automation.PSInvalidOperationException'));
    }
    let path = '';
    const given = this.LiteralPath ?? this.Path;
    const reg = providersOf(this.context);
    if (given) path = reg.locate(given, this.context.location).path;
    else if (this.OutputDirectory) {
      const dir = reg.locate(this.OutputDirectory, this.context.location).path;
      const stamp = formatDateTime(PSDateTime.fromDate(now(this.context)), 'yyyyMMddHHmmss');
      path = nodePath.join(dir, `PowerShell_transcript.syncshell.${Math.random().toString(36).slice(2, 10)}.${stamp}.txt`);
    }
    if (this.NoClobber && path && (await reg.fileSystem.exists(path))) {
      this.throwTerminatingError(this.error(`File ${path} already exists and NoClobber was specified.`, 'NoClobber', 'ResourceExists', path, 'System.UnauthorizedAccessException'));
    }
    if (!(await this.shouldProcess(path || 'transcript', 'Start-Transcript'))) return;
    let file: string;
    try { file = svc!.start(path, this.Append); } catch (e) {
      this.throwTerminatingError(this.error(`Transcription cannot be started due to the error: ${e instanceof Error ? e.message.replace(/^[A-Z]+: /, '') : String(e)}`, 'CannotStartTranscription', 'InvalidOperation', null, 'System.Management.Automation.PSInvalidOperationException'));
    }
    await this.writeObject(`Transcript started, output file is ${file}`);
  }
}
