#!/usr/bin/env node
import { runShell } from '../runtime/host/shell.js';
import { allModules } from './modules.js';
import { stateHome } from '../state/index.js';

const home = stateHome();
const { modules, state } = allModules(home);
runShell(process.argv.slice(2), {
  modules,
  home,
  now: () => state.clock.now().getTime(),
  serve: async (opts) => (await import('./serve.js')).serveTenant(opts, home),
}).then(
  (code) => { process.exitCode = code; setImmediate(() => process.exit(code)); },
  (e: unknown) => {
    process.stderr.write(`syncshell: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
