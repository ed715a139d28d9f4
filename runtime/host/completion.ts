import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Engine } from '../engine.js';
import { commonParameters } from '../commands/common-parameters.js';
import type { ParameterMeta } from '../commands/parameter.js';
import type { Completion } from './line-editor.js';

/** The command being typed, as completion sees the text left of the cursor. */
export interface CommandContext {
  /** Words of the current command, the last one being the word under the cursor ('' after a space). */
  words: string[];
  /** The word under the cursor sits where a command name goes. */
  commandPosition: boolean;
}

const DASH = /^[-–—―]/;

/**
 * Split the text left of the cursor into the words of the command being typed. A new command
 * starts after `|`, `;`, `{`, `(`, `&&`, `||`, a newline or `$x =`; quotes keep their spaces.
 */
export function commandContext(text: string): CommandContext {
  let words: string[] = [];
  let word = '';
  let quote = '';
  const push = () => { if (word) { words.push(word); word = ''; } };
  const restart = () => { push(); words = []; };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      word += ch;
      if (ch === quote || (quote === "'" && '‘’‚'.includes(ch)) || (quote === '"' && '“”'.includes(ch))) quote = '';
      continue;
    }
    if (ch === "'" || ch === '"' || '‘’‚“”'.includes(ch)) { quote = '‘’‚'.includes(ch) ? "'" : '“”'.includes(ch) ? '"' : ch; word += ch; continue; }
    if ('|;{(\n'.includes(ch) || ch === '}' || ch === ')') { restart(); continue; }
    if (ch === '&' && text[i + 1] === '&') { restart(); i++; continue; }
    if (/\s/.test(ch)) { push(); continue; }
    if (ch === '=' && !word && words.length === 1 && words[0]!.startsWith('$')) { restart(); continue; }
    if (ch === '=' && word.startsWith('$') && words.length === 0 && !/[-+*/%]$/.test(word)) { restart(); continue; }
    word += ch;
  }
  const current = word;
  const done = [...words];
  // `& cmd` and `. cmd` call the command that follows.
  while (done.length && (done[0] === '&' || done[0] === '.')) done.shift();
  return { words: [...done, current], commandPosition: done.length === 0 };
}

/**
 * Tab completion as pwsh's CommandCompletion offers it: command names at the start of a command
 * (sorted), `-Parameter` names of the command being typed (declared order, then the common
 * parameters, leaving out those already given), enum values (sorted) and ValidateSet values after
 * a parameter that takes them (`-PolicyType De<Tab>` → `Delta`), variables after `$`, and file
 * paths everywhere else.
 */
export async function completeLine(engine: Engine, textBeforeCursor: string): Promise<Completion> {
  const { words, commandPosition } = commandContext(textBeforeCursor);
  const current = words[words.length - 1]!;
  const none: Completion = { matches: [], replaceLength: current.length };

  if (current.startsWith('$')) return variables(engine, current);
  if (commandPosition) {
    // Tab on an empty command offers the files here, as pwsh does.
    if (!current || /[\\/]/.test(current) || current.startsWith('.') || current.startsWith('~')) return paths(engine, current);
    const lower = current.toLowerCase();
    const names = commandNames(engine).filter((n) => n.toLowerCase().startsWith(lower)).sort(ordinalIgnoreCase);
    return { matches: names, replaceLength: current.length };
  }

  const commandWord = words[0]!;
  const meta = await engine.registry.meta(commandWord).catch(() => undefined);
  const all: ParameterMeta[] = meta ? [...meta.parameters, ...commonParameters.filter((c) => !meta.parameters.some((p) => p.name === c.name))] : [];
  const given = new Set(words.slice(1, -1).filter((w) => DASH.test(w)).map((w) => findParameter(all, w.replace(DASH, '').split(':')[0]!)?.name));

  // -Name:<value>
  const colon = DASH.test(current) ? current.indexOf(':') : -1;
  if (colon > 0 && meta) {
    const p = findParameter(all, current.slice(1, colon));
    const value = current.slice(colon + 1);
    if (p) { const v = parameterValues(p, value); if (v) return { matches: v, replaceLength: value.length }; }
    return { matches: [], replaceLength: value.length };
  }
  if (DASH.test(current) && meta) {
    const prefix = current.slice(1).toLowerCase();
    const names = all.filter((p) => !given.has(p.name) && p.name.toLowerCase().startsWith(prefix)).map((p) => p.name);
    if (!names.length) return none;
    return { matches: names.map((n) => '-' + n), replaceLength: current.length, listItems: names };
  }

  const previous = words[words.length - 2] ?? '';
  // Get-Help and Get-Command take a command name: pwsh completes one there.
  const target = engine.registry.resolveAlias(commandWord) ?? commandWord;
  if (/^get-(help|command)$/i.test(target) && (words.length === 2 || /^[-–—―]name$/i.test(previous))) {
    const lower = current.toLowerCase();
    return { matches: commandNames(engine).filter((n) => n.toLowerCase().startsWith(lower)).sort(ordinalIgnoreCase), replaceLength: current.length };
  }
  if (meta && DASH.test(previous) && !previous.includes(':')) {
    const p = findParameter(all, previous.replace(DASH, ''));
    // An array value completes its last element: `-EntryType Error,W<Tab>`.
    const element = current.slice(current.lastIndexOf(',') + 1);
    const values = p ? parameterValues(p, element) : undefined;
    if (values) return { matches: values, replaceLength: element.length };
  }
  return paths(engine, current);
}

function ordinalIgnoreCase(a: string, b: string): number {
  const x = a.toLowerCase(), y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

function findParameter(all: ParameterMeta[], name: string): ParameterMeta | undefined {
  const n = name.toLowerCase();
  return all.find((x) => x.name.toLowerCase() === n || x.aliases?.some((a) => a.toLowerCase() === n))
    ?? (() => { const m = all.filter((x) => x.name.toLowerCase().startsWith(n)); return m.length === 1 ? m[0] : undefined; })();
}

/** Enum names sorted, as pwsh lists them; a ValidateSet in its declared order. */
function parameterValues(p: ParameterMeta, typed: string): string[] | undefined {
  const lower = typed.replace(/^['"]/, '').toLowerCase();
  const enumValues = p.type.enumValues ?? p.type.element?.enumValues;
  const values = enumValues ? [...enumValues].sort(ordinalIgnoreCase) : p.validateSet ? [...p.validateSet] : undefined;
  if (!values) return undefined;
  return values.filter((v) => v.toLowerCase().startsWith(lower)).map((v) => (/[\s'"$`]/.test(v) ? `'${v.replace(/'/g, "''")}'` : v));
}

function commandNames(engine: Engine): string[] {
  const list = engine.services.get<{ list(): { name: string }[] }>('commands').list();
  return [...new Set(list.map((c) => c.name))];
}

function variables(engine: Engine, current: string): Completion {
  const braced = current.startsWith('${');
  const body = current.slice(braced ? 2 : 1);
  const envMatch = /^env:/i.exec(body);
  let names: string[];
  if (envMatch) {
    const prefix = body.slice(4).toLowerCase();
    names = Object.keys(process.env).filter((k) => k.toLowerCase().startsWith(prefix)).sort(ordinalIgnoreCase).map((k) => body.slice(0, 4) + k);
  } else {
    const prefix = body.toLowerCase();
    names = engine.session.list().map((v) => v.name).filter((n) => n.toLowerCase().startsWith(prefix)).sort(ordinalIgnoreCase);
  }
  const matches = names.map((n) => (braced || /[^\w:?]/.test(n) ? '${' + n + '}' : '$' + n));
  return { matches, replaceLength: current.length, listItems: names };
}

/**
 * File and directory names relative to the current location. As pwsh 7 on Linux completes them:
 * a relative name gets `./`, a directory a trailing `/`, a name with spaces or quotes is quoted.
 */
function paths(engine: Engine, current: string): Completion {
  const quote = /^['"]/.test(current) ? current[0]! : '';
  const typed = current.slice(quote.length).replace(/['"]$/, '');
  const cwd = engine.context.location;
  const home = process.env.HOME ?? '';
  const expanded = typed.startsWith('~') ? home + typed.slice(1) : typed;
  const slash = expanded.lastIndexOf('/');
  const dirTyped = slash >= 0 ? typed.slice(0, typed.lastIndexOf('/') + 1) : '';
  const dirAbs = path.resolve(cwd, slash >= 0 ? expanded.slice(0, slash + 1) || '/' : '.');
  const leaf = (slash >= 0 ? expanded.slice(slash + 1) : expanded).toLowerCase();
  let entries: fs.Dirent[];
  try { entries = fs.readdirSync(dirAbs, { withFileTypes: true }); } catch { return { matches: [], replaceLength: current.length }; }
  const found = entries
    .filter((e) => e.name.toLowerCase().startsWith(leaf) && (leaf.startsWith('.') || !e.name.startsWith('.')))
    .map((e) => ({ name: e.name, dir: e.isDirectory() || (e.isSymbolicLink() && isDir(path.join(dirAbs, e.name))) }))
    // pwsh lists directories first, then files, each sorted
    .sort((a, b) => (a.dir === b.dir ? ordinalIgnoreCase(a.name, b.name) : a.dir ? -1 : 1));
  const prefix = dirTyped || './';
  const matches = found.map((f) => {
    const text = prefix + f.name + (f.dir ? '/' : '');
    return /[\s'"`$&(){};,|]/.test(text) || quote ? `'${text.replace(/'/g, "''")}'` : text;
  });
  return { matches, replaceLength: current.length, listItems: found.map((f) => f.name + (f.dir ? '/' : '')) };
}

function isDir(p: string): boolean { try { return fs.statSync(p).isDirectory(); } catch { return false; } }
