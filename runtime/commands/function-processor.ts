import { ParameterBinder, type BindState } from './binder.js';
import type { CommandElement } from './invocation.js';
import type { CommandProcessor } from './processor.js';
import type { MaybePromise } from './context.js';
import type { RunnerServices } from './runner-services.js';
import { supplyMissingMandatory } from './prompts.js';
import type { ScriptBlock } from '../values/scriptblock.js';
import { RuntimeError } from '../values/error-record.js';

const PBE = 'System.Management.Automation.ParameterBindingException';

/** Runs a script function or `& { }` block as a pipeline stage: bound param(), begin/process/end. */
export class FunctionProcessor implements CommandProcessor {
  private scope: unknown;
  private state!: BindState;
  private readonly collected: unknown[] = [];
  private readonly binder: ParameterBinder | undefined;
  failed = false;

  constructor(
    readonly name: string,
    private readonly block: ScriptBlock,
    private readonly element: CommandElement,
    private readonly index: number,
    private readonly expectsInput: boolean,
    private readonly services: RunnerServices,
    private readonly downstream: (value: unknown) => MaybePromise<void>,
  ) {
    const simpleFunction = !(block as { isAdvanced?: boolean }).isAdvanced;
    this.binder = block.parameters.length
      ? new ParameterBinder({ parameters: block.parameters, script: true, simpleFunction }, services.binder)
      : undefined;
  }

  async bind(): Promise<void> {
    try {
      await this.bindArguments();
    } catch (e) {
      this.failed = true;
      // Binding errors name the function, before the colon and in the FullyQualifiedErrorId (`MissingArgument,f`).
      if (e instanceof RuntimeError && this.name && e.record.exceptionType === PBE) {
        const r = e.record;
        r.position = { ...this.element.position, ...r.position, commandName: this.name };
        r.commandTypeName ??= this.name;
      }
      throw e;
    }
  }

  private async bindArguments(): Promise<void> {
    let args: unknown[] = [];
    const bound = new Map<string, unknown>();
    if (this.binder) {
      this.state = this.binder.bindArguments(this.element.args);
      await supplyMissingMandatory(this.binder, this.state, this.expectsInput, this.services.host, this.name, this.index + 1);
      for (const [k, v] of this.state.bound) bound.set(k, v);
      args = this.state.unbound;
    } else {
      // Without param(), every argument lands in $args; parameter tokens arrive as their text.
      for (const a of this.element.args) {
        if (a.kind === 'positional') args.push(a.value);
        else { args.push(a.text); if (a.hasValue) args.push(a.value); }
      }
    }
    this.scope = await this.block.beginScope({ boundParameters: bound, args, dotSource: this.element.dotSource } as never);
  }

  private run(block: 'begin' | 'process' | 'end', dollarUnder?: unknown, input?: unknown[]): MaybePromise<void> {
    const r = this.block.invokeNamedBlock(block, this.scope, { dollarUnder, input, sink: this.downstream });
    if (r && typeof (r as { then?: unknown }).then === 'function') return (r as Promise<unknown>).then(() => undefined);
  }

  begin(): MaybePromise<void> { return this.block.hasNamedBlocks ? this.run('begin') : undefined; }

  process(input: unknown, hasInput: boolean): MaybePromise<void> {
    if (!this.block.hasNamedBlocks) { if (hasInput) this.collected.push(input); return; }
    if (hasInput && this.binder) {
      const set = this.binder.chooseSet(this.state, true);
      try {
        const bound = this.binder.bindPipelineObject(this.state, set, input);
        this.bindIntoScope(bound);
      } catch { /* a function that takes no pipeline input still sees $_ */ }
    }
    return this.run('process', hasInput ? input : undefined);
  }

  private bindIntoScope(bound: Map<string, unknown>): void {
    const scope = this.scope as { setLocal?: (n: string, v: unknown) => void } | undefined;
    if (scope?.setLocal) for (const [k, v] of bound) scope.setLocal(k, v);
  }

  end(): MaybePromise<void> {
    if (!this.block.hasNamedBlocks) return this.run('end', undefined, this.collected);
    return this.run('end', undefined, this.collected);
  }

  stop(): void {}
}
