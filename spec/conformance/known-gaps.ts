import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Snippets where syncshell is known to differ from PowerShell, one id per line with the reason after
 * '#'. The conformance test fails on any other difference, and on a listed id that now matches, so
 * the list only shrinks and always says exactly where syncshell stands.
 */
const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../spec/conformance/known-gaps.txt');

export function knownGaps(): Map<string, string> {
  const gaps = new Map<string, string>();
  let text = '';
  try { text = fs.readFileSync(file, 'utf8'); } catch { return gaps; }
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (!t || t.startsWith('#')) continue;
    const [id, ...reason] = t.split('#');
    gaps.set(id!.trim(), reason.join('#').trim());
  }
  return gaps;
}

export const knownGapsFile = file;
