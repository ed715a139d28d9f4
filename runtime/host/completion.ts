import type { Engine } from '../engine.js';
import { commonParameters } from '../commands/common-parameters.js';

/**
 * Tab completion as PSReadLine's TabCompleteNext offers it: command names at the start of a
 * command, `-Parameter` names of the command being typed, and enum / ValidateSet values after a
 * parameter that takes them (`-PolicyType De<Tab>` → `Delta`).
 */
export async function completeLine(engine: Engine, line: string): Promise<[string[], string]> {
  const segment = line.split(/[|;{(]/).pop() ?? '';
  const words = segment.trimStart().split(/\s+/);
  const current = words[words.length - 1] ?? '';
  const normalized = current.replace(/^[–—―]/, '-');
  const commandWord = words[0] ?? '';

  if (words.length <= 1) {
    if (current.startsWith('$')) return [variables(engine, current), current];
    const names = commandNames(engine).filter((n) => n.toLowerCase().startsWith(current.toLowerCase()));
    return [names.sort((a, b) => a.localeCompare(b)), current];
  }

  const meta = await engine.registry.meta(commandWord).catch(() => undefined);
  if (normalized.startsWith('-') && meta) {
    const prefix = normalized.slice(1).toLowerCase();
    const names = [...meta.parameters.map((p) => p.name), ...commonParameters.map((p) => p.name)]
      .filter((n) => n.toLowerCase().startsWith(prefix))
      .map((n) => '-' + n);
    return [[...new Set(names)], current];
  }
  if (current.startsWith('$')) return [variables(engine, current), current];

  const previous = (words[words.length - 2] ?? '').replace(/^[–—―]/, '-');
  if (meta && previous.startsWith('-')) {
    const pname = previous.slice(1).toLowerCase();
    const all = [...meta.parameters, ...commonParameters];
    const p = all.find((x) => x.name.toLowerCase() === pname || x.aliases?.some((a) => a.toLowerCase() === pname))
      ?? all.filter((x) => x.name.toLowerCase().startsWith(pname)).at(0);
    const values = p?.type.enumValues ?? p?.validateSet;
    if (values) {
      return [values.filter((v) => v.toLowerCase().startsWith(current.toLowerCase())), current];
    }
  }
  return [[], current];
}

function commandNames(engine: Engine): string[] {
  const list = engine.services.get<{ list(): { name: string }[] }>('commands').list();
  return [...new Set(list.map((c) => c.name))];
}

function variables(engine: Engine, current: string): string[] {
  const prefix = current.slice(1).toLowerCase();
  return engine.session.list().map((v) => '$' + v.name).filter((n) => n.slice(1).toLowerCase().startsWith(prefix));
}
