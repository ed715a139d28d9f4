/**
 * Syntax tree of the supported PowerShell subset. Every node carries its extent and a `pure` flag:
 * pure nodes invoke no command, so the evaluator runs them synchronously (the fast path that keeps
 * `Where-Object { $_ % 3 -eq 0 }` cheap). `cache` holds the evaluator's compiled closure.
 */
export interface Extent { start: number; end: number }

interface Base extends Extent { pure: boolean; cache?: unknown }

export interface TypeName {
  /** As written, without brackets, e.g. 'System.String', 'string[]', 'System.Collections.Generic.List[string]'. */
  readonly name: string;
  /** Element type for `T[]`. */
  readonly element?: TypeName;
  readonly generic?: readonly TypeName[];
  readonly start: number;
  readonly end: number;
}

// ---------- expressions ----------
export interface ConstExpr extends Base { kind: 'Const'; value: unknown; /** the literal as typed (numbers) */ text?: string }
export type StringPart = string | Expr;
export interface ExpandStringExpr extends Base { kind: 'ExpandString'; parts: StringPart[] }
export interface VarExpr extends Base {
  kind: 'Var';
  /** Lower-cased name without scope (e.g. '_', 'x', 'path'). */
  name: string;
  /** As written (for messages and $env: case). */
  display: string;
  scope?: 'global' | 'script' | 'local' | 'private' | 'env' | 'variable' | 'function' | 'using';
  splat?: boolean;
}
export interface ArrayLiteralExpr extends Base { kind: 'ArrayLiteral'; items: Expr[] }
export interface ArraySubExpr extends Base { kind: 'ArraySub'; body: Statement[] }
export interface SubExpr extends Base { kind: 'SubExpr'; body: Statement[] }
export interface ParenExpr extends Base { kind: 'Paren'; stmt: Statement }
export interface HashExpr extends Base { kind: 'Hash'; entries: [Expr, Statement][] }
export interface ScriptBlockExpr extends Base { kind: 'ScriptBlockExpr'; block: ScriptBlockAst }
export interface TypeExpr extends Base { kind: 'TypeLit'; type: TypeName }
export interface ConvertExpr extends Base { kind: 'Convert'; type: TypeName; expr: Expr }
export interface UnaryExpr extends Base { kind: 'Unary'; op: string; expr: Expr }
export interface BinaryExpr extends Base { kind: 'Binary'; op: string; left: Expr; right: Expr; opStart: number }
export interface MemberExpr extends Base { kind: 'Member'; target: Expr; member: Expr; isStatic: boolean; nullConditional?: boolean }
export interface InvokeExpr extends Base { kind: 'Invoke'; target: Expr; member: Expr; isStatic: boolean; args: Expr[]; nullConditional?: boolean }
export interface IndexExpr extends Base { kind: 'Index'; target: Expr; index: Expr; nullConditional?: boolean }
export interface IncDecExpr extends Base { kind: 'IncDec'; op: '++' | '--'; prefix: boolean; target: Expr }
export interface TernaryExpr extends Base { kind: 'Ternary'; cond: Expr; ifTrue: Expr; ifFalse: Expr }
export interface AttributedExpr extends Base { kind: 'Attributed'; attribute: AttributeAst; expr: Expr }

export type Expr =
  | ConstExpr | ExpandStringExpr | VarExpr | ArrayLiteralExpr | ArraySubExpr | SubExpr | ParenExpr | HashExpr
  | ScriptBlockExpr | TypeExpr | ConvertExpr | UnaryExpr | BinaryExpr | MemberExpr | InvokeExpr | IndexExpr | IncDecExpr
  | AttributedExpr | TernaryExpr;

// ---------- commands and pipelines ----------
export type CommandArg =
  | { kind: 'param'; name: string; text: string; value?: Expr; start: number; end: number }
  | { kind: 'arg'; expr: Expr }
  | { kind: 'splat'; variable: VarExpr };

export interface RedirectionAst {
  stream: 'output' | 'error' | 'warning' | 'verbose' | 'debug' | 'information' | 'all';
  merge: boolean;
  append: boolean;
  target?: Expr;
}

export interface CommandAst extends Base {
  kind: 'Command';
  /** The command name: a bare word (Const string) or any expression after & / . */
  name: Expr;
  invocation: '&' | '.' | null;
  args: CommandArg[];
  redirections: RedirectionAst[];
}
export interface CommandExprAst extends Base { kind: 'CommandExpr'; expr: Expr; redirections: RedirectionAst[] }
export type PipelineElement = CommandAst | CommandExprAst;

// ---------- statements ----------
export interface PipelineStmt extends Base { kind: 'Pipeline'; elements: PipelineElement[] }
export interface ChainStmt extends Base { kind: 'Chain'; left: Statement; op: '&&' | '||'; right: Statement }
export interface AssignStmt extends Base { kind: 'Assign'; target: Expr; op: string; value: Statement }
export interface IfStmt extends Base { kind: 'If'; clauses: [Statement, Statement[]][]; elseBody?: Statement[] }
export interface WhileStmt extends Base { kind: 'While'; label?: string; cond: Statement; body: Statement[] }
export interface DoStmt extends Base { kind: 'Do'; label?: string; body: Statement[]; cond: Statement; until: boolean }
export interface ForStmt extends Base { kind: 'For'; label?: string; init?: Statement; cond?: Statement; iter?: Statement; body: Statement[] }
export interface ForeachStmt extends Base { kind: 'Foreach'; label?: string; variable: VarExpr; iter: Statement; body: Statement[] }
export interface SwitchClause { cond: Expr; body: Statement[] }
export interface SwitchStmt extends Base {
  kind: 'Switch'; label?: string; cond: Statement;
  flags: { regex: boolean; wildcard: boolean; exact: boolean; caseSensitive: boolean };
  clauses: SwitchClause[]; defaultBody?: Statement[];
}
export interface CatchClause { types: TypeName[]; body: Statement[] }
export interface TryStmt extends Base { kind: 'Try'; body: Statement[]; catches: CatchClause[]; finallyBody?: Statement[] }
export interface FlowStmt extends Base { kind: 'Throw' | 'Return' | 'Exit'; value?: Statement }
export interface JumpStmt extends Base { kind: 'Break' | 'Continue'; label?: Expr }
export interface FunctionStmt extends Base { kind: 'Function'; name: string; isFilter: boolean; body: ScriptBlockAst }
export interface BlockStmt extends Base { kind: 'Block'; body: Statement[] }
/** `trap [Type] { ... }`: handles terminating errors of the statements of its scope (all of them, wherever it stands). */
export interface TrapStmt extends Base { kind: 'Trap'; types: TypeName[]; body: Statement[] }

export type Statement =
  | PipelineStmt | ChainStmt | AssignStmt | IfStmt | WhileStmt | DoStmt | ForStmt | ForeachStmt | SwitchStmt | TryStmt
  | FlowStmt | JumpStmt | FunctionStmt | BlockStmt | TrapStmt;

// ---------- script blocks ----------
export interface AttributeAst {
  /** e.g. 'Parameter', 'ValidateSet', 'CmdletBinding', 'Alias'. */
  name: string;
  positional: Expr[];
  named: { name: string; value?: Expr }[];
  start: number; end: number;
}
export interface ParamAst {
  name: string;
  type?: TypeName;
  attributes: AttributeAst[];
  defaultValue?: Expr;
  start: number; end: number;
}
export interface ScriptBlockAst extends Extent {
  kind: 'ScriptBlock';
  /** Source text between the braces (or the whole script). */
  text: string;
  attributes: AttributeAst[];
  params: ParamAst[] | null;
  beginBlock?: Statement[];
  processBlock?: Statement[];
  /** The end block, or the whole body when there are no named blocks. */
  endBlock?: Statement[];
  /** True when written with begin/process/end blocks. */
  namedBlocks: boolean;
  pure: boolean;
  cache?: unknown;
  /** The whole source text the block was parsed from (extents are offsets into it). */
  source?: string;
}

export type Node = Expr | Statement | PipelineElement;
