import type { ExecutionContext } from '../../runtime/commands/context.js';

/**
 * The host's transcript (service 'transcript'): start returns the path of the output file (chosen
 * by the host when `path` is ''); stop returns it and throws when no transcript is running.
 */
export interface TranscriptService {
  start(path: string, append: boolean): string;
  stop(): string;
}

export function transcriptOf(ctx: ExecutionContext): TranscriptService | undefined {
  try { return ctx.service<TranscriptService>('transcript'); } catch { return undefined; }
}
