// Facade: what other modules may import from the conformance suite.
export { loadCorpus, readJsonl, writeJsonl, corpusDir } from './corpus.js';
export type { Corpus, CorpusSnippet, CitedSnippet, ExpectedRecord, ExpectedError } from './corpus.js';
export { runConformance, compareWithExpected, formatMismatches, normalizeCited } from './harness.js';
export type { RunnerResult, ScriptRunner, Mismatch, ConformanceOptions } from './harness.js';
export { generateCases, prng } from './generate.js';
export type { GeneratedCase } from './generate.js';
export { lineDiff } from './diff.js';
export { loadSyncshellRunner, conformanceEnabled } from './syncshell-runner.js';
