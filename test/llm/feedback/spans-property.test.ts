import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateOffline } from '../../../src/llm/feedback/offline-evaluator.js';
import { fromModelOutput } from '../../../src/llm/feedback/openai-evaluator.js';
import { unsupportedSpecifics } from '../../../src/llm/feedback/example-answer.js';
import { scoreFromLevels } from '../../../src/llm/feedback/rubric.js';
import { isValidSpan, locateQuote } from '../../../src/llm/feedback/spans.js';
import type { Evaluation } from '../../../src/llm/feedback/index.js';
import { FEEDBACK_CASES, inputFor } from '../../fixtures/feedback-answers.js';

const fragments = FEEDBACK_CASES.flatMap((c) =>
  c.answers.flatMap((a) => a.answer.split(/(?<=[.!?])\s+/)),
);
const noise = fc.constantFrom(
  ' ',
  '  ',
  '\n',
  '\t',
  '\n\n',
  ' — ',
  '“',
  '”',
  'é',
  '😀',
  '\u00a0',
  ', ',
  '...',
  'I ',
  'we ',
  '42%',
  "O'Neil",
);
/** Answers made of real sentences, noise and random text, in any order and spacing. */
const answers = fc
  .array(
    fc.oneof(
      fc.constantFrom(...fragments),
      noise,
      fc.string({ maxLength: 30 }),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
    ),
    { minLength: 1, maxLength: 14 },
  )
  .map((parts) => parts.join(''))
  .filter((a) => a.trim().length > 0);

function checkHonest(answer: string, e: Evaluation): void {
  const spans = [
    ...e.criteria.flatMap((c) => c.evidence),
    ...e.strengths.flatMap((s) => s.evidence),
  ];
  for (const s of spans) expect(answer.slice(s.start, s.end)).toBe(s.quote);
  // A comment never names an empty list ("Missing from the story: .").
  for (const c of e.criteria) expect(c.comment).not.toMatch(/:\s*\.$/);
  if (e.status === 'scored') {
    expect(spans.length).toBeGreaterThan(0);
    expect(e.score).toBe(scoreFromLevels(e.criteria));
    expect(Number.isInteger(e.score) && e.score! >= 0 && e.score! <= 100).toBe(true);
  } else {
    expect(e.score).toBeNull();
    expect(e.rating).toBeNull();
  }
}

describe('evidence spans', () => {
  it('are always real pieces of the answer, offline (property, seeded)', async () => {
    await fc.assert(
      fc.asyncProperty(answers, fc.constantFrom(...FEEDBACK_CASES), async (answer, c) => {
        const e = await evaluateOffline(inputFor(c, answer));
        checkHonest(answer, e);
        expect(
          unsupportedSpecifics(e.exampleAnswer ?? '', [answer, c.profile.resume ?? '']),
        ).toEqual([]);
      }),
      { seed: 20261201, numRuns: 150 },
    );
  });

  it('are located in the answer or dropped when a model quotes them (property, seeded)', () => {
    fc.assert(
      fc.property(
        answers,
        fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 40 })), {
          maxLength: 6,
        }),
        (answer, quotes) => {
          // Quotes as a model might return them: changed case and spacing, or invented.
          const sloppy = quotes.map((q, i) =>
            i % 2 === 0 ? q.toUpperCase() : q.replace(/ /g, '  '),
          );
          for (const q of sloppy) {
            const span = locateQuote(answer, q);
            if (span) expect(isValidSpan(answer, span)).toBe(true);
          }
          const c = FEEDBACK_CASES[0]!;
          const e = fromModelOutput(
            {
              answer_class: 'substantive',
              summary: 'From a model.',
              criteria: (
                ['relevance', 'structure', 'specificity', 'ownership', 'impact'] as const
              ).map((key, i) => ({ key, level: i % 4, comment: 'c', quotes: sloppy })),
              strengths: [{ text: 's', quotes: sloppy }],
              improvements: [{ text: 'i' }],
              requirement_status: 'mentioned',
              example_answer: 'Situation: At Initech in 1999 I cut costs by 45%.',
            },
            inputFor(c, answer),
          );
          checkHonest(answer, e);
          expect(
            unsupportedSpecifics(e.exampleAnswer ?? '', [answer, c.profile.resume ?? '']),
          ).toEqual([]);
        },
      ),
      { seed: 20261201, numRuns: 300 },
    );
  });

  it('locates quotes exactly, then ignoring case and white space, and drops the rest', () => {
    const answer = 'I led the   migration to\nPostgreSQL in 2021.';
    expect(locateQuote(answer, 'migration')).toEqual({ quote: 'migration', start: 12, end: 21 });
    const loose = locateQuote(answer, 'THE MIGRATION TO POSTGRESQL');
    expect(loose).toEqual({ quote: 'the   migration to\nPostgreSQL', start: 6, end: 35 });
    expect(locateQuote(answer, 'MySQL')).toBeNull();
    expect(locateQuote(answer, '   ')).toBeNull();
  });
});
