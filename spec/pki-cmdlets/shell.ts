import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Engine } from '../../runtime/engine.js';
import { OutputWriter } from '../../runtime/host/output-writer.js';
import { conciseView } from '../../runtime/host/error-view.js';
import type { ErrorRecord } from '../../runtime/values/error-record.js';
import type { ShellModule } from '../../runtime/module-catalog.js';
import { CaptureHost } from '../../app/capture-host.js';
import { lazyModule } from '../../app/module.js';
import { stateModule } from '../../app/state-services.js';
import { coreCommandIndex, coreAliases, ProviderRegistry } from '../../cmdlets/core/index.js';
import { pkiModule, registerPkiProvider } from '../../cmdlets/pki/index.js';

/** The real shell (parser, evaluator, binder, formatter) with the core and pki modules on a temp state home. */
export class Shell {
  readonly home = fs.mkdtempSync(path.join(os.tmpdir(), 'syncshell-pkishell-'));
  readonly host = new CaptureHost(undefined, 120);
  readonly state = stateModule(this.home);
  readonly errors: ErrorRecord[] = [];
  readonly objects: unknown[] = [];
  readonly engine: Engine;
  private readonly writer: OutputWriter;

  constructor() {
    const providers: ShellModule = {
      name: 'providers',
      register(_registry, services) {
        const reg = new ProviderRegistry();
        registerPkiProvider(reg, services);
        services.set('providers', reg);
      },
    };
    const modules = [this.state, lazyModule('Microsoft.PowerShell', coreCommandIndex, { aliases: coreAliases }), pkiModule, providers];
    this.writer = new OutputWriter('Text', () => 120, (t) => { this.host.out += t; });
    this.engine = new Engine({
      host: this.host, modules, now: () => this.state.clock.now().getTime(),
      output: (v) => { this.objects.push(v); this.writer.push(v); },
      showError: (r) => { this.writer.flush(); this.errors.push(r); this.host.other += conciseView(r, { thrown: r.wasThrownFromThrowStatement, width: 120 }) + '\n'; },
    });
  }

  /** Run script text; returns what the console would print on stdout and the errors' concise views. */
  async run(text: string): Promise<{ out: string; errors: ErrorRecord[]; other: string }> {
    const o = this.host.out.length, e = this.errors.length, h = this.host.other.length;
    await this.engine.run(text, {});
    this.writer.flush();
    return { out: this.host.out.slice(o), errors: this.errors.slice(e), other: this.host.other.slice(h) };
  }

  cleanup(): void { fs.rmSync(this.home, { recursive: true, force: true }); }
}
