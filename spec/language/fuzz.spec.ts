import { expect } from 'chai';
import fc from 'fast-check';
import { parse, isIncomplete, Evaluator, Session } from '../../runtime/evaluator/index.js';
import { ParseError, RuntimeError } from '../../runtime/values/error-record.js';
import { evaluatorCases } from './cases.js';
import { parseErrorCases } from './parse-error-cases.js';

const ALPHABET = [
  ...'abcxyzABC019_ \t\n\r;,.:|&!?*/%+=<>@$`#\'"(){}[]',
  '-', '\u2013', '\u2014', '\u2015', '\u2018', '\u2019', '\u201c', '\u201d', '\u00a0',
  '-eq', '-and', '-not', '-f', '-split', '-replace', '..', '::', '@(', '@{', '$(', '${', '@"\n', '"@', "@'\n", "'@",
  'if', 'else', 'foreach', 'in', 'while', 'do', 'until', 'switch', 'try', 'catch', 'finally', 'function', 'param',
  'begin', 'process', 'end', 'return', 'break', 'continue', 'throw', 'exit', 'class', 'trap', '[int]', '[string[]]',
  '$_', '$x', '$env:P', '$global:g', '<#', '#>', '0x1F', '1e3', '2kb', '`n', '2>&1', '>$null', '--%',
];

const corpus = [...evaluatorCases.map(([s]) => s), ...parseErrorCases.map(([s]) => s)];

/** Parsing either succeeds or throws a ParseError; anything else is a bug. */
function parsesCleanly(text: string): boolean {
  try {
    parse(text);
  } catch (e) {
    if (!(e instanceof ParseError)) throw new Error(`non-ParseError for ${JSON.stringify(text)}: ${(e as Error)?.stack ?? String(e)}`);
    const d = e.diagnostics[0];
    expect(d, JSON.stringify(text)).to.not.equal(undefined);
    expect(d!.errorId).to.be.a('string').and.not.equal('');
    expect(d!.line).to.be.greaterThan(0);
  }
  isIncomplete(text);
  return true;
}

const randomText = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 40 }).map((a) => a.join(''));

type Mutation = { kind: 'delete' | 'insert' | 'replace' | 'duplicate' | 'truncate'; at: number; len: number; piece: string };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('delete', 'insert', 'replace', 'duplicate', 'truncate'),
  at: fc.nat(),
  len: fc.integer({ min: 1, max: 6 }),
  piece: fc.constantFrom(...ALPHABET),
});

function mutate(text: string, muts: Mutation[]): string {
  let s = text;
  for (const m of muts) {
    const at = s.length ? m.at % (s.length + 1) : 0;
    switch (m.kind) {
      case 'delete': s = s.slice(0, at) + s.slice(at + m.len); break;
      case 'insert': s = s.slice(0, at) + m.piece + s.slice(at); break;
      case 'replace': s = s.slice(0, at) + m.piece + s.slice(at + m.len); break;
      case 'duplicate': s = s.slice(0, at) + s.slice(at, at + m.len * 3) + s.slice(at); break;
      case 'truncate': s = s.slice(0, at); break;
    }
  }
  return s;
}

describe('language: parser fuzz (no JavaScript exception escapes)', function () {
  this.timeout(600_000);

  it('6,000 random token soups parse or fail with a ParseError', () => {
    fc.assert(fc.property(randomText, parsesCleanly), { numRuns: 6000, seed: 20261123 });
  });

  it('6,000 mutations of real snippets parse or fail with a ParseError', () => {
    fc.assert(fc.property(fc.constantFrom(...corpus), fc.array(mutation, { minLength: 1, maxLength: 4 }),
      (text, muts) => parsesCleanly(mutate(text, muts))), { numRuns: 6000, seed: 7 });
  });

  it('deeply nested input is a ParseError, not a stack overflow', () => {
    for (const t of ['('.repeat(20000), '{'.repeat(20000), '@('.repeat(20000), '"$('.repeat(5000), '-'.repeat(20000) + '1', '[' .repeat(5000)]) parsesCleanly(t);
  });
});

// Generated expressions over numbers, strings and arrays, run through the evaluator: every failure is a RuntimeError.
const leaf = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc.constantFrom('0', '1.5', '0x10', '1kb', "'abc'", '"x$(1)"', '$null', '$true', '@()', '@(1,2,3)', '@{a=1}', "'10'", "'a,b'", '[char]65', "[datetime]'2024-01-02'", "[timespan]'01:00:00'"),
);
const ops = ['+', '-', '*', '/', '%', '-eq', '-ne', '-lt', '-gt', '-like', '-match', '-replace', '-split', '-join', '-f', '-contains', '-in', '-and', '-or', '-band', '-is', '-as', '..'];
const expr: fc.Arbitrary<string> = fc.letrec((tie) => ({
  e: fc.oneof({ depthSize: 'small' },
    leaf,
    fc.tuple(tie('e'), fc.constantFrom(...ops), tie('e')).map(([a, o, b]) => `(${a} ${o === '-is' || o === '-as' ? '-as' : o} ${o === '-is' || o === '-as' ? '[int]' : b})`),
    fc.tuple(fc.constantFrom('-not ', '-', '!', ',', '[int]', '[string]', '[bool]', '[double]'), tie('e')).map(([u, a]) => `${u}(${a})`),
    fc.tuple(tie('e'), fc.constantFrom('.Count', '.Length', '.ToString()', '[0]', '[-1]', '.Foo', '.GetType().Name')).map(([a, m]) => `(${a})${m}`),
  ),
})).e as fc.Arbitrary<string>;

describe('language: evaluator fuzz (failures are error records)', function () {
  this.timeout(600_000);
  it('2,000 generated expressions evaluate or raise a RuntimeError', async () => {
    const ev = new Evaluator(new Session(), { runPipeline: async () => ({ succeeded: true }), hasCommand: () => false });
    await fc.assert(fc.asyncProperty(expr, async (text) => {
      const ast = parse(text);
      try {
        await ev.run(ast, () => undefined);
      } catch (e) {
        if (!(e instanceof RuntimeError)) throw new Error(`non-RuntimeError for ${text}: ${(e as Error)?.stack ?? String(e)}`);
        expect(e.record.message).to.be.a('string');
      }
    }), { numRuns: 2000, seed: 42 });
  });
});
