import type * as A from '../parser/ast.js';
import { parse } from '../parser/index.js';
import type { CommandHost } from '../commands/invocation.js';
import type { HostUI } from '../commands/context.js';
import type { ScriptBlock } from '../values/scriptblock.js';
import type { ErrorRecord } from '../values/error-record.js';
import { conversionContext } from '../values/convert.js';
import { getStaticMember, type MemberHost } from '../values/members.js';
import type { OperatorHooks } from './operators.js';
import { Session } from './session.js';
import { PSScriptBlock } from './scriptblock.js';
import { execBlock, type Sink } from './async.js';
import { matchesHook, setStaticGetter } from './helpers.js';
import type { CompileRuntime } from './compile.js';

setStaticGetter((rt, t, name) => getStaticMember(t, name, rt.memberHost));

/** What the evaluator needs from its surroundings besides the session and the command host. */
export interface EvaluatorOptions {
  /** Epoch milliseconds for [datetime]::Now / UtcNow (the emulator's virtual clock); default Date.now. */
  now?: () => number;
  host?: HostUI;
  /**
   * Writes a statement-terminating error to the error stream (the script then goes on, as PowerShell's does).
   * Without it, every runtime error ends the run.
   */
  reportError?: (record: ErrorRecord) => void;
}

/**
 * Runs syntax trees: statements that invoke commands go through the CommandHost; pure code runs
 * synchronously. ExitSignal and RuntimeError propagate out of run().
 */
export class Evaluator implements CompileRuntime {
  readonly hooks: OperatorHooks;
  readonly memberHost: MemberHost;
  readonly reportError?: (record: ErrorRecord) => void;

  constructor(readonly session: Session, readonly host: CommandHost, readonly options: EvaluatorOptions = {}) {
    this.reportError = options.reportError;
    this.hooks = {
      setMatches: matchesHook(this),
      invokeBlock: (sb, dollarUnder) => {
        const r = sb.invoke({ dollarUnder, args: [dollarUnder] });
        if (r instanceof Promise) throw new Error('A script block used by an operator must not run commands.');
        return r.length === 0 ? null : r.length === 1 ? r[0] : r;
      },
    };
    this.memberHost = {
      invokeBlock: (sb, dollarUnder, args) => sb.invoke({ dollarUnder, args }),
      now: options.now ?? (() => Date.now()),
      compile: (text) => this.compile(text),
    };
    conversionContext.compile = (text) => this.compile(text);
  }

  makeScriptBlock(ast: A.ScriptBlockAst): ScriptBlock { return new PSScriptBlock(ast, this); }

  /** Parses text into a script block ([scriptblock]::Create, calculated properties). Throws ParseError. */
  compile(text: string): ScriptBlock {
    const ast = parse(text);
    return this.makeScriptBlock(ast);
  }

  /** Runs a parsed script in the current scope, writing its output to the sink. */
  async run(ast: A.ScriptBlockAst, sink: Sink): Promise<void> {
    const blocks = ast.namedBlocks ? [ast.beginBlock, ast.processBlock, ast.endBlock] : [ast.endBlock];
    for (const b of blocks) if (b) await execBlock(this, b, ast.source ?? ast.text, sink);
  }

  /** Parses and runs text in the current scope (Invoke-Expression); returns the output when no sink is given. */
  async evaluate(text: string, sink?: Sink): Promise<unknown[]> {
    const out: unknown[] = [];
    await this.run(parse(text), sink ?? ((v) => { out.push(v); }));
    return out;
  }
}

export { Session };
