import type { CmdletClass } from './cmdlet.js';
import type { CmdletMeta } from './cmdlet-meta.js';

/** A cmdlet known by name, loaded on first use so starting the shell does not load every module. */
export interface CmdletEntry {
  readonly name: string;
  readonly module: string;
  load(): Promise<CmdletClass> | CmdletClass;
}

export interface CommandInfo {
  readonly name: string;
  readonly commandType: 'Cmdlet' | 'Function' | 'Alias';
  readonly module: string;
  /** For an alias, the command it stands for. */
  readonly definition: string;
}

/** Cmdlets and aliases. Functions live in the session (the evaluator's), looked up through `functions`. */
export class CommandRegistry {
  private readonly cmdlets = new Map<string, CmdletEntry>();
  private readonly loaded = new Map<string, CmdletClass>();
  private readonly aliases = new Map<string, { name: string; target: string }>();

  registerCmdlet(entry: CmdletEntry): void { this.cmdlets.set(entry.name.toLowerCase(), entry); }

  registerClass(cls: CmdletClass): void {
    const name = `${cls.meta.verb}-${cls.meta.noun}`;
    this.cmdlets.set(name.toLowerCase(), { name, module: cls.meta.module, load: () => cls });
    this.loaded.set(name.toLowerCase(), cls);
  }

  registerAlias(alias: string, target: string): void { this.aliases.set(alias.toLowerCase(), { name: alias, target }); }

  resolveAlias(name: string): string | undefined { return this.aliases.get(name.toLowerCase())?.target; }
  hasCmdlet(name: string): boolean { return this.cmdlets.has(name.toLowerCase()); }
  cmdletEntry(name: string): CmdletEntry | undefined { return this.cmdlets.get(name.toLowerCase()); }

  async loadCmdlet(name: string): Promise<CmdletClass | undefined> {
    const key = name.toLowerCase();
    const hit = this.loaded.get(key);
    if (hit) return hit;
    const entry = this.cmdlets.get(key);
    if (!entry) return undefined;
    const cls = await entry.load();
    this.loaded.set(key, cls);
    return cls;
  }

  /** Metadata of a cmdlet, loading it if needed (Get-Help, completion of parameter names). */
  async meta(name: string): Promise<CmdletMeta | undefined> {
    const target = this.resolveAlias(name) ?? name;
    return (await this.loadCmdlet(target))?.meta;
  }

  list(): CommandInfo[] {
    const out: CommandInfo[] = [];
    for (const a of this.aliases.values()) out.push({ name: a.name, commandType: 'Alias', module: '', definition: a.target });
    for (const c of this.cmdlets.values()) out.push({ name: c.name, commandType: 'Cmdlet', module: c.module, definition: c.name });
    return out;
  }
}
