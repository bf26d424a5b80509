import { describe, expect, it } from 'vitest';
import { evaluateOffline } from '../../../src/llm/feedback/offline-evaluator.js';
import { scoreFromLevels } from '../../../src/llm/feedback/rubric.js';
import { unsupportedSpecifics } from '../../../src/llm/feedback/example-answer.js';
import { isValidSpan } from '../../../src/llm/feedback/spans.js';
import type { Evaluation } from '../../../src/llm/feedback/index.js';
import {
  EXPECTED_CLASS,
  FEEDBACK_CASES,
  inputFor,
  type FeedbackCase,
} from '../../fixtures/feedback-answers.js';

const answerOf = (c: FeedbackCase, kind: string) => c.answers.find((a) => a.kind === kind)?.answer;
const run = (c: FeedbackCase, answer: string) => evaluateOffline(inputFor(c, answer));

function spansOf(e: Evaluation) {
  return [...e.criteria.flatMap((c) => c.evidence), ...e.strengths.flatMap((s) => s.evidence)];
}

describe('offline evaluator on answers of known quality', () => {
  for (const c of FEEDBACK_CASES) {
    describe(c.profile.id, () => {
      it('gives each kind of answer its class, and numbers only to substantive ones', async () => {
        for (const { kind, answer } of c.answers) {
          const e = await run(c, answer);
          const expected = EXPECTED_CLASS[kind];
          if (expected) expect(e.answerClass, kind).toBe(expected);
          if (e.answerClass !== 'substantive') {
            expect(e, kind).toMatchObject({ status: 'not_scored', score: null, rating: null });
            expect(e.summary, kind).toMatch(/^Not scored: /);
          }
          for (const span of spansOf(e)) expect(isValidSpan(answer, span), kind).toBe(true);
        }
      });

      it('orders the scores: strong above real above vague', async () => {
        const strong = (await run(c, answerOf(c, 'strong')!)).score!;
        const vague = (await run(c, answerOf(c, 'vague')!)).score!;
        const real = answerOf(c, 'real');
        expect(strong).toBeGreaterThanOrEqual(70);
        expect(vague).toBeLessThan(40);
        if (real) {
          const realScore = (await run(c, real)).score!;
          expect(strong).toBeGreaterThan(realScore);
          expect(realScore).toBeGreaterThan(vague);
        } else {
          expect(strong).toBeGreaterThan(vague);
        }
      });

      it('is not gamed: STAR labels, repeated "I", pasted keywords and percentages add nothing', async () => {
        const vague = answerOf(c, 'vague')!;
        const base = (await run(c, vague)).score!;
        const strong = (await run(c, answerOf(c, 'strong')!)).score!;
        const tricks = [
          `${vague} Situation, task, action, result.`,
          `${vague} I I I I I I I I I I I I.`,
          `${vague} ${answerOf(c, 'keyword_stuffing')}`,
          `${vague} Result: 40%, 75%, 99%, 3x, 10x, 120%.`,
          `Situation: ${vague} Task: ${vague} Action: ${vague} Result: ${vague}`,
        ];
        for (const trick of tricks) {
          const e = await run(c, trick);
          expect(e.score ?? 0, trick).toBeLessThanOrEqual(base + 5);
          expect(e.score ?? 0, trick).toBeLessThan(strong);
        }
        for (const kind of ['keyword_stuffing', 'star_labels']) {
          expect((await run(c, answerOf(c, kind)!)).score ?? 0, kind).toBeLessThan(base + 5);
        }
      });

      it('ties the strong answer to the requirement and builds an example from known facts only', async () => {
        const answer = answerOf(c, 'strong')!;
        const e = await run(c, answer);
        expect(e.requirement?.text).toBe(c.question.requirement);
        expect(['demonstrated', 'mentioned', 'absent']).toContain(e.requirement?.status);
        expect(e.exampleAnswer).toMatch(/^Situation: /);
        expect(unsupportedSpecifics(e.exampleAnswer!, [answer, c.profile.resume ?? ''])).toEqual(
          [],
        );
        const vague = await run(c, answerOf(c, 'vague')!);
        expect(vague.exampleAnswer).toMatch(/\[[^\]]+\]/); // what it cannot know is a placeholder
        expect(
          unsupportedSpecifics(vague.exampleAnswer!, [
            answerOf(c, 'vague')!,
            c.profile.resume ?? '',
          ]),
        ).toEqual([]);
      });
    });
  }

  it('computes every score from the levels, and scores nothing without evidence', async () => {
    for (const c of FEEDBACK_CASES) {
      for (const { answer } of c.answers) {
        const e = await run(c, answer);
        if (e.status === 'scored') {
          expect(e.score).toBe(scoreFromLevels(e.criteria));
          expect(spansOf(e).length).toBeGreaterThan(0);
        } else {
          expect(e.score).toBeNull();
          expect(e.rating).toBeNull();
        }
      }
    }
  });

  it('marks demonstrated when the requirement is shown in what was done, absent when not named', async () => {
    const c = FEEDBACK_CASES.find((x) => x.profile.id === 'nurse')!;
    expect((await run(c, answerOf(c, 'strong')!)).requirement?.status).toBe('demonstrated');
    expect((await run(c, answerOf(c, 'off_topic')!)).requirement?.status).toBe('absent');
    expect(
      (
        await run(
          c,
          'I believe heparin is a very important drug and I think about it a lot at work.',
        )
      ).requirement?.status,
    ).toBe('mentioned');
  });

  it('says why "I don\'t know", the question repeated back and gibberish are not scored', async () => {
    const c = FEEDBACK_CASES[0]!;
    const dunno = await run(c, "Honestly I don't know, next question please.");
    expect(dunno.summary).toMatch(/do not know/);
    const echo = await run(c, c.question.text);
    expect(echo).toMatchObject({ answerClass: 'non_answer', status: 'not_scored' });
    expect(echo.summary).toMatch(/repeats the question/);
    const short = await run(c, 'I used keys.');
    expect(short).toMatchObject({ answerClass: 'too_short', score: null });
    expect(short.summary).toMatch(/too short/);
  });
});

describe('structure comments', () => {
  it('say what to change when every STAR part is there but parts share a sentence', async () => {
    const answer =
      'When our checkout kept failing in 2023, I was asked to fix it and I rewrote the retry logic in the payment service. ' +
      'As a result, failed payments fell by 80% within a month.';
    const e = await run(FEEDBACK_CASES[0]!, answer);
    const structure = e.criteria.find((c) => c.key === 'structure')!;
    expect(structure.comment).toMatch(/^Every part is there, but some share one sentence/);
  });
});

describe('specificity comments', () => {
  const detailsOf = async (answer: string) =>
    (await run(FEEDBACK_CASES[0]!, answer)).criteria.find((c) => c.key === 'specificity')!.comment;

  it('name an amount or a date of several words as one detail', async () => {
    const comment = await detailsOf(
      'At my last job I owned the order service for two years. ' +
        'I cut its cost by $2 million over three months and p99 latency by 40%.',
    );
    expect(comment).toMatch(/^Concrete details: /);
    expect(comment).toContain('two years');
    expect(comment).toContain('$2 million');
    expect(comment).toContain('three months');
    expect(comment).not.toMatch(/\b(?:two|\$2|three), /);
  });

  it('count a lone "one" or "first" as no detail, and "one hour" as one', async () => {
    expect(
      await detailsOf(
        'First I talked to one engineer, and then I changed the first step of the plan.',
      ),
    ).toBe('No numbers, names or concrete details.');
    const comment = await detailsOf('I held the release for one hour and reran the first test.');
    expect(comment).toBe('Concrete details: one hour.');
  });

  it('keep the items of a list apart', async () => {
    const comment = await detailsOf(
      'In 2019, 2020 and 2021 I ran the budget review, and each year we closed it on time.',
    );
    expect(comment).toContain('2019, 2020');
    expect(comment).not.toContain('2019 2020');
  });
});

describe('relevance', () => {
  const nurse = FEEDBACK_CASES.find((x) => x.profile.id === 'nurse')!;
  const question = {
    text: 'The role involves titrating heparin. How would you approach that, step by step, and what would you check first?',
    type: 'situational' as const,
    requirement: 'titrating heparin',
  };
  const relevanceOf = async (answer: string) =>
    (await evaluateOffline({ ...inputFor(nurse, answer), question })).criteria.find(
      (c) => c.key === 'relevance',
    )!;

  it('does not count the words that frame the question', async () => {
    const frameOnly = await relevanceOf(
      'My first step would be to take a calm approach and check with my manager, then check again step by step until I was sure, because that is the approach I always take first.',
    );
    expect(frameOnly.level).toBe(0);
    expect(frameOnly.evidence).toEqual([]);
  });

  it('does not say an answer addressed a requirement it never names', async () => {
    const e = await run(
      FEEDBACK_CASES[0]!,
      'Last spring our payment flow kept timing out at checkout. I moved the card call behind a queue and added a timeout, and payment errors fell by 30% in a month.',
    );
    expect(e.requirement?.status).toBe('absent');
    const relevance = e.criteria.find((c) => c.key === 'relevance')!;
    expect(relevance.level).toBe(2);
    expect(relevance.comment).toBe('Addresses the question, not its requirement.');
  });

  it('counts the subject the question names', async () => {
    const onSubject = await relevanceOf(
      'I would check the heparin order against the nomogram first, then titrate the drip by the latest aPTT and have a second nurse verify the rate.',
    );
    expect(onSubject.level).toBeGreaterThanOrEqual(2);
    expect(onSubject.evidence.length).toBeGreaterThan(0);
  });
});

describe('ownership and impact', () => {
  const criteriaOf = async (answer: string) =>
    Object.fromEntries(
      (await run(FEEDBACK_CASES[0]!, answer)).criteria.map((c) => [c.key, c] as const),
    );

  it('read "I would first check" as something you would do', async () => {
    const c = await criteriaOf(
      'If the payment service failed, I would first check the retry logs for duplicate charges.',
    );
    expect(c.ownership!.comment).toBe('You did: check.');
  });

  it('do not take "first" for a measure of the result', async () => {
    const c = await criteriaOf(
      'When the checkout broke in the spring, I rewrote the retry logic in the payment service and we finished first.',
    );
    expect(c.impact!.comment).toBe('States a result, without a measure.');
  });

  it('read what stopped as a result: "no duplicate charges were reported"', async () => {
    const story =
      'When checkout broke in the spring, I rewrote the retry logic in the payment service.';
    for (const result of [
      'After that, no duplicate charges were reported.',
      'There were no more duplicate charges after that.',
    ])
      expect((await criteriaOf(`${story} ${result}`)).impact!.comment, result).toBe(
        'States a result, without a measure.',
      );
    expect(
      (await criteriaOf(`${story} No duplicate charges were reported for six months.`)).impact!
        .comment,
    ).toBe('States a measured result.');
  });
});
