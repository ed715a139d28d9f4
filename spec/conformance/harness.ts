// Runs the conformance corpus through a shell under test and reports every difference from the
// recorded oracle answers (expected.jsonl) and from the cited documentation (cited.jsonl).
import { loadCorpus, type Corpus, type ExpectedError } from './corpus.js';
import { lineDiff } from './diff.js';

export { loadCorpus } from './corpus.js';
export type { Corpus, CorpusSnippet, CitedSnippet, ExpectedRecord, ExpectedError } from './corpus.js';

export interface RunnerResult {
  /** Everything the terminal shows, at 120 columns, lines ending in '\n' (as in expected.jsonl). */
  output: string;
  /** Error records shown, in display order. */
  errors: ExpectedError[];
}

export type ScriptRunner = (script: string) => Promise<RunnerResult>;

export interface Mismatch {
  id: string;
  kind: 'oracle' | 'cited';
  script: string;
  /** What differs: 'output', 'errors', or 'exception' (the runner threw). */
  what: 'output' | 'errors' | 'exception';
  diff: string;
}

export interface ConformanceOptions {
  /** Only snippets whose id or area matches. */
  filter?: (id: string, area: string) => boolean;
  includeCited?: boolean;
  includeOracle?: boolean;
}

function errorLines(errors: readonly ExpectedError[]): string {
  return errors.map((e) => `${e.fqid} | ${e.category} | ${e.message}`).join('\n');
}

/** How cited documentation text is compared: docs drop trailing blanks and pad lines inconsistently. */
export function normalizeCited(text: string): string {
  return text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
    .join('\n')
    .replace(/^\n+/, '')
    .replace(/\n+$/, '');
}

/** Compares one result with a recorded oracle answer; returns the mismatches (empty when equal). */
export function compareWithExpected(
  id: string,
  script: string,
  expected: { output: string; errors: readonly ExpectedError[] },
  actual: RunnerResult,
  kind: 'oracle' = 'oracle',
): Mismatch[] {
  const out: Mismatch[] = [];
  if (actual.output !== expected.output) {
    out.push({ id, kind, script, what: 'output', diff: lineDiff(expected.output, actual.output) });
  }
  const e = errorLines(expected.errors);
  const a = errorLines(actual.errors);
  if (e !== a) out.push({ id, kind, script, what: 'errors', diff: lineDiff(e, a) });
  return out;
}

export async function runConformance(
  runner: ScriptRunner,
  opts: ConformanceOptions = {},
  corpus: Corpus = loadCorpus(),
): Promise<Mismatch[]> {
  const mismatches: Mismatch[] = [];
  const keep = opts.filter ?? (() => true);
  if (opts.includeOracle !== false) {
    for (const s of corpus.snippets) {
      if (!keep(s.id, s.area)) continue;
      const exp = corpus.expected.get(s.id);
      if (!exp) {
        mismatches.push({ id: s.id, kind: 'oracle', script: s.script, what: 'output', diff: 'no recorded answer in expected.jsonl' });
        continue;
      }
      let actual: RunnerResult;
      try {
        actual = await runner(s.script);
      } catch (err) {
        mismatches.push({ id: s.id, kind: 'oracle', script: s.script, what: 'exception', diff: String((err as Error)?.stack ?? err) });
        continue;
      }
      mismatches.push(...compareWithExpected(s.id, s.script, exp, actual));
    }
  }
  if (opts.includeCited !== false) {
    for (const c of corpus.cited) {
      if (!keep(c.id, c.area ?? 'cited')) continue;
      let actual: RunnerResult;
      try {
        actual = await runner(c.script);
      } catch (err) {
        mismatches.push({ id: c.id, kind: 'cited', script: c.script, what: 'exception', diff: String((err as Error)?.stack ?? err) });
        continue;
      }
      const e = normalizeCited(c.expected);
      const a = normalizeCited(actual.output);
      if (e !== a) mismatches.push({ id: c.id, kind: 'cited', script: c.script, what: 'output', diff: `source: ${c.source}\n` + lineDiff(e, a) });
    }
  }
  return mismatches;
}

/** A readable report of mismatches, for a failing test's message. */
export function formatMismatches(ms: readonly Mismatch[], limit = 30): string {
  const shown = ms.slice(0, limit).map((m) => `### ${m.id} (${m.kind}, ${m.what})\n${m.script}\n${m.diff}`);
  if (ms.length > limit) shown.push(`... and ${ms.length - limit} more`);
  return shown.join('\n\n');
}
