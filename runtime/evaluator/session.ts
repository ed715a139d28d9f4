import type { SessionVariables } from '../commands/context.js';
import type { ScriptBlock } from '../values/scriptblock.js';
import { PSHashtable } from '../values/hashtable.js';
import { PSObject } from '../values/psobject.js';
import { convertToType, conversionContext, toPSString } from '../values/convert.js';
import { RuntimeError } from '../values/error-record.js';
import { makeList } from './collections.js';
import { resolveType, type TypeInfo } from './types.js';
import { enumMember } from '../values/enum.js';
import { runtimeError } from './errors.js';
import * as os from 'node:os';

/** A variable. A class, so every variable has the same shape (the evaluator's lookups stay monomorphic). */
export class Variable {
  constructor(
    public name: string,
    public value: unknown,
    /** A type constraint from `[int]$x = ...`: later assignments convert to it. */
    public type: TypeInfo | undefined = undefined,
    public readOnly = false,
    public constant = false,
  ) {}
}

export type ScopeKind = 'global' | 'script' | 'function' | 'block';

/** One scope of PowerShell's dynamic scope chain. */
export class Scope {
  readonly vars = new Map<string, Variable>();
  readonly functions = new Map<string, ScriptBlock>();
  /** Set-StrictMode in this scope (0: off); undefined inherits the parent's. */
  strictMode?: number;
  /** The nearest enclosing script (or global) scope, for $script:. */
  readonly scriptScope: Scope;
  constructor(readonly parent: Scope | null, readonly kind: ScopeKind) {
    this.scriptScope = kind === 'script' || kind === 'global' || !parent ? this : parent.scriptScope;
  }

  lookup(name: string): Variable | undefined {
    for (let s: Scope | null = this; s; s = s.parent) {
      const v = s.vars.get(name);
      if (v) return v;
    }
    return undefined;
  }

  /** Sets a variable in this scope (any case), honouring an existing local type constraint. */
  setLocal(name: string, value: unknown, display = name): void {
    this.setKey(name.toLowerCase(), value, display);
  }

  /** setLocal for a name already lower-cased (the evaluator's hot path). */
  setKey(key: string, value: unknown, display = key): void {
    const v = this.vars.get(key);
    if (v) { assign(v, value); return; }
    this.vars.set(key, new Variable(display, value));
  }
}

function assign(v: Variable, value: unknown): void {
  if (v.constant || v.readOnly) {
    throw runtimeError(`Cannot overwrite variable ${v.name} because it is read-only or constant.`, 'VariableNotWritable', 'WriteError', v.name,
      'System.Management.Automation.SessionStateUnauthorizedAccessException');
  }
  if (v.type) {
    try { value = convertToType(value, v.type); } catch (e) {
      if (e instanceof RuntimeError) throw runtimeError(e.record.message, 'RuntimeException', 'MetadataError', value, 'System.Management.Automation.ArgumentTransformationMetadataException');
      throw e;
    }
  }
  v.value = value;
}

const VERSION = '7.6.0';

/** $PSVersionTable.PSVersion: a SemanticVersion with Major/Minor/Patch that prints as '7.6.0'. */
function semanticVersion(v: string): PSObject {
  const [major, minor, patch] = v.split('.').map(Number);
  const o = PSObject.typed('System.Management.Automation.SemanticVersion', { Major: major, Minor: minor, Patch: patch, PreReleaseLabel: null, BuildLabel: null });
  o.toStringImpl = () => v;
  return o;
}

/**
 * Session state: the scope chain, functions, $? and $Error. Implements SessionVariables for the
 * command layer (Get-Variable / Set-Variable) and getFunction()/listFunctions() for command resolution.
 */
export class Session implements SessionVariables {
  readonly global = new Scope(null, 'global');
  /** The scope code runs in now; the evaluator switches it around function and script-block calls. */
  current: Scope;
  /** $? */
  lastSucceeded = true;
  /** Try blocks being run (at any call depth): inside one, statement-terminating errors propagate to the catch. */
  tryDepth = 0;
  /** Current location ($PWD), kept in step with the command layer's ExecutionContext.location. */
  location = 'C:\\';

  constructor(opts: { host?: unknown; variables?: Record<string, unknown> } = {}) {
    this.current = this.global;
    const g = this.global;
    const def = (name: string, value: unknown, readOnly = false) => g.vars.set(name.toLowerCase(), new Variable(name, value, undefined, readOnly));
    def('Error', makeList());
    // The global preference variables are typed, as pwsh's are: 'stop' becomes [ActionPreference]::Stop.
    const typed = (name: string, typeName: string, member: string) => {
      const t = resolveType(typeName)!;
      g.vars.set(name.toLowerCase(), new Variable(name, enumMember(t, member), t));
    };
    const action = 'System.Management.Automation.ActionPreference';
    typed('ErrorActionPreference', action, 'Continue');
    typed('WarningPreference', action, 'Continue');
    typed('VerbosePreference', action, 'SilentlyContinue');
    typed('DebugPreference', action, 'SilentlyContinue');
    typed('InformationPreference', action, 'SilentlyContinue');
    typed('ProgressPreference', action, 'Continue');
    typed('ConfirmPreference', 'System.Management.Automation.ConfirmImpact', 'High');
    def('WhatIfPreference', false);
    def('ErrorView', 'ConciseView');
    def('FormatEnumerationLimit', 4);
    def('MaximumHistoryCount', 4096);
    def('PSEdition', 'Core', true);
    def('PSCulture', 'en-US', true);
    def('PSUICulture', 'en-US', true);
    def('IsWindows', true, true);
    def('IsLinux', false, true);
    def('IsMacOS', false, true);
    def('IsCoreCLR', true, true);
    def('PID', process.pid, true);
    def('HOME', os.homedir());
    def('PSHOME', 'C:\\Program Files\\PowerShell\\7', true);
    def('ShellId', 'Microsoft.PowerShell', true);
    def('NestedPromptLevel', 0);
    def('PSVersionTable', PSHashtable.from([
      ['PSVersion', semanticVersion(VERSION)], ['PSEdition', 'Core'], ['GitCommitId', VERSION], ['OS', 'Microsoft Windows 10.0.20348'],
      ['Platform', 'Win32NT'], ['PSCompatibleVersions', ['1.0', '2.0', '3.0', '4.0', '5.0', '5.1', '6.0', '7.0']],
      ['PSRemotingProtocolVersion', '2.3'], ['SerializationVersion', '1.1.0.1'], ['WSManStackVersion', '3.0'],
    ], true), true);
    const hostObj = opts.host ?? PSObject.typed('System.Management.Automation.Internal.Host.InternalHost', {
      Name: 'ConsoleHost', Version: VERSION, InstanceId: '00000000-0000-0000-0000-000000000000', CurrentCulture: 'en-US', CurrentUICulture: 'en-US',
    });
    def('Host', hostObj, true);
    // $PSStyle: syncshell writes plain text, so output rendering is PlainText (scripts read and set it).
    def('PSStyle', PSObject.typed('System.Management.Automation.PSStyle', { OutputRendering: 'PlainText', Reset: '\x1b[0m' }), true);
    for (const [k, v] of Object.entries(opts.variables ?? {})) def(k, v);
    conversionContext.ofs = () => {
      const v = this.current.lookup('ofs');
      return v && v.value !== null && v.value !== undefined ? toPSString(v.value) : ' ';
    };
  }

  /** $Error: the ArrayList of recent errors, newest first. */
  get errors(): unknown[] { return this.global.vars.get('error')!.value as unknown[]; }

  recordError(record: unknown): void {
    const list = this.errors;
    list.unshift(record);
    if (list.length > 256) list.length = 256;
  }

  /** The strict mode in effect (Set-StrictMode): the nearest scope that set one; 0 when off. */
  strictVersion(): number {
    for (let sc: Scope | null = this.current; sc; sc = sc.parent) if (sc.strictMode !== undefined) return sc.strictMode;
    return 0;
  }

  // ---------- SessionVariables ----------

  setStrictMode(version: number): void { this.current.strictMode = version; }

  get(name: string): unknown {
    const { scope, key } = this.resolve(name);
    if (key === '?') return this.lastSucceeded;
    if (scope === 'env') return process.env[name.slice(name.indexOf(':') + 1)] ?? null;
    const v = scope ? scope.vars.get(key) : this.current.lookup(key);
    return v ? v.value : null;
  }

  has(name: string): boolean {
    const { scope, key } = this.resolve(name);
    if (key === '?') return true;
    if (scope === 'env') return process.env[name.slice(name.indexOf(':') + 1)] !== undefined;
    return scope ? scope.vars.has(key) : this.current.lookup(key) !== undefined;
  }

  set(name: string, value: unknown, scope?: 'Local' | 'Script' | 'Global'): void {
    const r = this.resolve(name);
    if (r.scope === 'env') { const n = name.slice(name.indexOf(':') + 1); if (value === null || value === undefined || value === '') delete process.env[n]; else process.env[n] = toPSString(value); return; }
    const target = r.scope ?? (scope === 'Global' ? this.global : scope === 'Script' ? this.current.scriptScope : this.current);
    target.setKey(r.key, value, r.display);
  }

  remove(name: string): boolean {
    const r = this.resolve(name);
    if (r.scope === 'env') { const n = name.slice(name.indexOf(':') + 1); const had = n in process.env; delete process.env[n]; return had; }
    for (let s: Scope | null = r.scope ?? this.current; s; s = r.scope ? null : s.parent) {
      if (s.vars.delete(r.key)) return true;
    }
    return false;
  }

  list(): { name: string; value: unknown }[] {
    const seen = new Map<string, { name: string; value: unknown }>();
    for (let s: Scope | null = this.current; s; s = s.parent) {
      for (const [k, v] of s.vars) if (!seen.has(k)) seen.set(k, { name: v.name, value: v.value });
    }
    seen.set('?', { name: '?', value: this.lastSucceeded });
    return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-US', { sensitivity: 'base' }));
  }

  private resolve(name: string): { scope: Scope | 'env' | undefined; key: string; display: string } {
    const i = name.indexOf(':');
    let scope: Scope | 'env' | undefined;
    let n = name;
    if (i > 0) {
      const q = name.slice(0, i).toLowerCase();
      n = name.slice(i + 1);
      if (q === 'global') scope = this.global;
      else if (q === 'script') scope = this.current.scriptScope;
      else if (q === 'local') scope = this.current;
      else if (q === 'env') scope = 'env';
    }
    let key = n.toLowerCase();
    if (key === 'psitem') key = '_';
    return { scope, key, display: n };
  }

  // ---------- functions ----------

  defineFunction(name: string, sb: ScriptBlock, scope: Scope = this.current): void {
    scope.functions.set(name.toLowerCase(), sb);
  }

  getFunction(name: string): ScriptBlock | undefined {
    const key = name.toLowerCase().replace(/^function:/, '');
    for (let s: Scope | null = this.current; s; s = s.parent) {
      const f = s.functions.get(key);
      if (f) return f;
    }
    return undefined;
  }

  listFunctions(): { name: string; scriptBlock: ScriptBlock }[] {
    const seen = new Map<string, { name: string; scriptBlock: ScriptBlock }>();
    for (let s: Scope | null = this.current; s; s = s.parent) {
      for (const [k, f] of s.functions) if (!seen.has(k)) seen.set(k, { name: (f as { functionName?: string }).functionName ?? k, scriptBlock: f });
    }
    return [...seen.values()];
  }

  removeFunction(name: string): boolean {
    for (let s: Scope | null = this.current; s; s = s.parent) if (s.functions.delete(name.toLowerCase())) return true;
    return false;
  }
}
