// The conformance corpus: snippets whose expected output was recorded from the real engine
// (expected.jsonl, see ../oracle/) and snippets whose expected text is cited from PowerShell's own
// documentation or tests (cited.jsonl) because they need cmdlets the engine package does not ship.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CorpusSnippet {
  id: string;
  script: string;
  area: string;
}

export interface ExpectedError {
  message: string;
  fqid: string;
  category: string;
}

export interface ExpectedRecord {
  id: string;
  output: string;
  errors: ExpectedError[];
}

export interface CitedSnippet {
  id: string;
  script: string;
  /** What pwsh prints, as the cited source shows it (compared after trimming trailing blank lines and line-end spaces). */
  expected: string;
  /** Where the expected text comes from: repository path or documentation URL, with the section. */
  source: string;
  area?: string;
}

export interface Corpus {
  snippets: CorpusSnippet[];
  expected: Map<string, ExpectedRecord>;
  cited: CitedSnippet[];
}

function findCorpusDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'spec', 'conformance');
    if (fs.existsSync(path.join(candidate, 'snippets.jsonl'))) return candidate;
    const up = path.dirname(dir);
    if (up === dir) throw new Error('conformance: cannot find spec/conformance/snippets.jsonl');
    dir = up;
  }
}

export const corpusDir = findCorpusDir();

export function readJsonl<T>(file: string): T[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      try {
        return JSON.parse(l) as T;
      } catch (e) {
        throw new Error(`${path.basename(file)}:${i + 1}: ${(e as Error).message}`);
      }
    });
}

export function writeJsonl(file: string, rows: readonly unknown[]): void {
  fs.writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
}

export function loadCorpus(): Corpus {
  const snippets = readJsonl<CorpusSnippet>(path.join(corpusDir, 'snippets.jsonl'));
  const expected = new Map(readJsonl<ExpectedRecord>(path.join(corpusDir, 'expected.jsonl')).map((r) => [r.id, r]));
  const cited = readJsonl<CitedSnippet>(path.join(corpusDir, 'cited.jsonl'));
  return { snippets, expected, cited };
}
