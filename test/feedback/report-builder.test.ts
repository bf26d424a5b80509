import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/modules/feedback/report-builder.js';
import type { FeedbackRow } from '../../src/modules/feedback/feedback.repository.js';
import { ratingFor, scoreFromLevels, WEIGHTS, finalise } from '../../src/llm/feedback/rubric.js';
import { postingRequirements } from '../../src/llm/feedback/index.js';

const posting = {
  title: 'Backend Engineer',
  company: 'Acme',
  description:
    'Own our order service. Experience with PostgreSQL and queues. Mentor junior engineers.',
  techStack: 'TypeScript, PostgreSQL',
  experienceLevel: 'senior',
};
const [ownOrders, , , mentor] = postingRequirements(posting);

let seq = 0;
function feedback(
  answer: string,
  question: string,
  score: number | null,
  levels: (number | null)[],
  requirement: FeedbackRow['requirement'] = null,
): FeedbackRow {
  seq += 1;
  const keys = ['relevance', 'structure', 'specificity', 'ownership', 'impact'] as const;
  return {
    id: `f${seq}`,
    seq,
    session_id: 's',
    question_message_id: question,
    answer_message_id: answer,
    status: score === null ? 'not_scored' : 'scored',
    answer_class: score === null ? 'non_answer' : 'substantive',
    score,
    rating: score === null ? null : ratingFor(score),
    summary: '',
    criteria: keys.map((key, i) => ({ key, level: levels[i] ?? null, comment: '', evidence: [] })),
    strengths:
      score === null
        ? []
        : [
            {
              text: `strength of ${answer}`,
              evidence: [{ quote: `quote ${answer}`, start: 0, end: 7 }],
            },
          ],
    improvements: [{ text: `improve ${answer}` }],
    requirement,
    example_answer: null,
    generator: 'offline',
    rubric_version: 1,
    created_at: new Date(),
  };
}

describe('the report arithmetic', () => {
  it('counts questions, takes each question’s best attempt and the rounded mean of the scored ones', () => {
    const report = buildReport({
      posting,
      questions: [
        { id: 'q1', requirement: ownOrders! },
        { id: 'q2', requirement: mentor! },
        { id: 'q3', requirement: null },
        { id: 'q4', requirement: null },
      ],
      answers: [
        { id: 'a1', question_id: 'q1' },
        { id: 'a1b', question_id: 'q1' },
        { id: 'a2', question_id: 'q2' },
        { id: 'a3', question_id: 'q3' },
      ],
      feedback: [
        feedback('a1', 'q1', 50, [2, 1, 1, 2, 1], { text: ownOrders!, status: 'mentioned' }),
        feedback('a1b', 'q1', 81, [3, 3, 2, 2, 3], { text: ownOrders!, status: 'demonstrated' }),
        feedback('a2', 'q2', 64, [2, 2, 2, null, 1], { text: mentor!, status: 'absent' }),
        feedback('a3', 'q3', null, [null, null, null, null, null]),
      ],
    });
    expect(report).toMatchObject({
      questions: 4,
      answered: 3,
      scored: 2,
      overallScore: 73,
      rating: 'solid',
    });
    expect(report.criteria).toEqual([
      { key: 'relevance', mean_level: 2.5, n: 2 },
      { key: 'structure', mean_level: 2.5, n: 2 },
      { key: 'specificity', mean_level: 2, n: 2 },
      { key: 'ownership', mean_level: 2, n: 1 },
      { key: 'impact', mean_level: 2, n: 2 },
    ]);
    const status = Object.fromEntries(report.requirements.map((r) => [r.text, r.status]));
    expect(status[ownOrders!]).toBe('demonstrated');
    expect(status[mentor!]).toBe('absent');
    expect(Object.values(status).filter((s) => s === 'untested').length).toBe(
      report.requirements.length - 2,
    );
    expect(report.practiceNext[0]).toEqual({
      requirement: mentor,
      reason: expect.stringMatching(/did not speak to it/),
    });
    expect(report.practiceNext.every((p) => p.requirement !== ownOrders)).toBe(true);
    expect(report.strengths.map((s) => s.answer_message_id)).toEqual(['a1b', 'a2']);
    expect(report.improvements[0]!.answer_message_id).toBe('a3');
  });

  it('has no overall score when nothing is scored, and says so', () => {
    const report = buildReport({
      posting,
      questions: [{ id: 'q1', requirement: null }],
      answers: [{ id: 'a1', question_id: 'q1' }],
      feedback: [feedback('a1', 'q1', null, [])],
    });
    expect(report).toMatchObject({ answered: 1, scored: 0, overallScore: null, rating: null });
    expect(report.criteria.every((c) => c.mean_level === null && c.n === 0)).toBe(true);
    expect(report.summary).toMatch(/no overall score/);
  });
});

describe('the rubric', () => {
  it('weighs the levels into the score, over the criteria that apply', () => {
    expect(Object.values(WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
    const all = (level: number | null) =>
      (['relevance', 'structure', 'specificity', 'ownership', 'impact'] as const).map((key) => ({
        key,
        level,
      }));
    expect(scoreFromLevels(all(3))).toBe(100);
    expect(scoreFromLevels(all(0))).toBe(0);
    expect(scoreFromLevels(all(null))).toBeNull();
    expect(
      scoreFromLevels([
        { key: 'relevance', level: 3 },
        { key: 'specificity', level: 0 },
      ]),
    ).toBe(56);
    expect([ratingFor(80), ratingFor(79), ratingFor(60), ratingFor(40), ratingFor(39)]).toEqual([
      'strong',
      'solid',
      'solid',
      'developing',
      'weak',
    ]);
  });

  it('never scores a non-answer or an answer without evidence, whatever its levels', () => {
    const criteria = (
      ['relevance', 'structure', 'specificity', 'ownership', 'impact'] as const
    ).map((key) => ({ key, level: 3, comment: '', evidence: [] }));
    const base = {
      summary: 'Not scored: why.',
      criteria,
      strengths: [],
      improvements: [],
      requirement: null,
      exampleAnswer: null,
      generator: 'openai' as const,
    };
    expect(finalise({ ...base, answerClass: 'non_answer' })).toMatchObject({
      status: 'not_scored',
      score: null,
      rating: null,
    });
    expect(finalise({ ...base, answerClass: 'substantive' })).toMatchObject({
      status: 'not_scored',
      score: null,
      summary: expect.stringMatching(/^Not scored/),
    });
  });
});
