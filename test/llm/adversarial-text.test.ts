// Crafted text must cost time in proportion to its length: every exported function of
// src/llm/text and src/llm/analysis (found by listing the modules, so a new export is
// covered without editing this file) and a whole offline generation run on 5,000 and
// 50,000 characters of each input, and the larger may take at most 30 times as long
// (plus a little slack), where a pattern that backtracks over a run would take ~100 times.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobPostingContext } from '../../src/llm/analysis/types.js';
import { GenerationError } from '../../src/llm/generator.js';
import { composeQuestion } from '../../src/llm/offline/offline-generator.js';
import { cpuMs } from '../support/linear-time.js';

const SMALL = 5_000;
const LARGE = 50_000;
const RATIO = 30;
const SLACK_MS = 100;

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

const repeat = (unit: string) => (n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
const between = (filler: string) => (n: number) => `a${filler.repeat(n - 2)}b`;
// A random block repeated, so the small and the large input are alike all through.
const MIXED_BLOCK = (() => {
  const random = seeded(7);
  const alphabet = ' .-,;:aA1\n\t(•Ie';
  return Array.from({ length: 997 }, () => alphabet[Math.floor(random() * alphabet.length)]).join(
    '',
  );
})();
const mixed = repeat(MIXED_BLOCK);

const INPUTS: Record<string, (n: number) => string> = {
  spaces: between(' '),
  dots: between('.'),
  dashes: between('-'),
  letters: repeat('a'),
  'capital letters': repeat('A'),
  'Engineer   x 2020': repeat('Engineer   x 2020\n'),
  'Engineer, spaces, x 2020': (n) => `Engineer${' '.repeat(n - 14)}x 2020`,
  'Word a....x': repeat('Word a....x '),
  'dots and spaces': repeat('. '),
  'a line of words': repeat('Experience with design and the '),
  mixed,
};

const posting = (text: string): JobPostingContext => ({
  title: text,
  company: text,
  description: text,
  techStack: text,
  experienceLevel: text,
});

// How to call the exports whose arguments are not one text. Everything else gets the text.
const CALLS: Record<string, (text: string) => unknown[]> = {
  jaccard: (text) => [new Set(text.split(' ')), new Set(text.split('.'))],
  containment: (text) => [new Set(text.split(' ')), new Set(text.split('.'))],
  softenFirstWord: (text) => [text, new Set(text.split(' '))],
  evidence: (text) => ['achievement', text, 16],
  analysePosting: (text) => [posting(text)],
  analyseContext: (text) => [posting(text), text],
  capText: (text) => [text, 1_000],
  trimEndChars: (text) => [text, ' .-'],
  trimStartChars: (text) => [text, ' .-'],
  createLruCache: () => [4],
  memoise: () => [4, (text: string) => text.length],
};

async function exportedFunctions(): Promise<[string, (...args: unknown[]) => unknown][]> {
  const found: [string, (...args: unknown[]) => unknown][] = [];
  for (const layer of ['text', 'analysis']) {
    const dir = path.resolve(import.meta.dirname, '../../src/llm', layer);
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .sort()) {
      const module = (await import(path.join(dir, file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(module)) {
        if (typeof value === 'function') {
          found.push([`${layer}/${file} ${name}`, value as (...args: unknown[]) => unknown]);
        }
      }
    }
  }
  return found;
}

/** The fastest of three runs, in CPU time: a busy machine taking the processor away does not count. */
function timeOf(run: (round: number) => unknown): number {
  let best = Infinity;
  for (let round = 0; round < 3; round += 1) {
    const started = cpuMs();
    run(round);
    best = Math.min(best, cpuMs() - started);
  }
  return best;
}

function expectLinear(label: string, run: (text: string) => unknown): void {
  for (const [input, make] of Object.entries(INPUTS)) {
    // Each round gets its own text, so a memoised function does the work every time.
    const texts = (n: number) => [0, 1, 2, 3].map((round) => `${make(n - 1)}${round}`);
    const small = texts(SMALL);
    const large = texts(LARGE);
    run(small[3]!); // warm up: JIT, and the NLP library's first load
    const smallMs = timeOf((round) => run(small[round]!));
    const largeMs = timeOf((round) => run(large[round]!));
    expect(
      largeMs,
      `${label} on ${input}: ${largeMs.toFixed(1)} ms at ${LARGE} against ${smallMs.toFixed(2)} ms at ${SMALL}`,
    ).toBeLessThan(RATIO * smallMs + SLACK_MS);
  }
}

describe('text analysis on crafted input', () => {
  it('finds the exported functions of text/ and analysis/', async () => {
    const names = (await exportedFunctions()).map(([name]) => name);
    expect(names).toEqual(
      expect.arrayContaining([
        'text/units.ts splitUnits',
        'text/grammar.ts splitSentences',
        'analysis/posting-analysis.ts analysePosting',
        'analysis/resume-analysis.ts analyseResume',
      ]),
    );
  });

  it('runs every exported function in time proportional to its input', async () => {
    for (const [name, fn] of await exportedFunctions()) {
      const call = CALLS[name.split(' ')[1]!] ?? ((text: string) => [text]);
      expectLinear(name, (text) => fn(...call(text)));
    }
  });

  it('generates a whole offline question in time proportional to its input', () => {
    expectLinear('composeQuestion', (text) => {
      try {
        return composeQuestion({ jobPosting: posting(text), resume: text, transcript: [] });
      } catch (error) {
        if (!(error instanceof GenerationError)) throw error;
        return error;
      }
    });
  });
});
