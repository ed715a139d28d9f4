/**
 * The host: what other modules may import from runtime/host. The interactive shell and its CLI
 * (`runShell`), an engine wired to a host (`createHostedEngine`, used for in-process runs), and the
 * pieces of pwsh's console output they share.
 */
export { runShell, VERSION, type ShellEnvironment } from './shell.js';
export { createHostedEngine, errorText, type HostedEngine, type HostedEngineOptions } from './hosted-engine.js';
export { OutputWriter } from './output-writer.js';
export { conciseView, type ErrorViewFacts } from './error-view.js';
export { SessionHistory, type SessionHistoryEntry } from './session-history.js';
export { completeLine, commandContext } from './completion.js';
export { parseCli, usage, type CliOptions } from './cli-options.js';
