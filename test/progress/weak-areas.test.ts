import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeQuestion } from '../../src/llm/offline/offline-generator.js';
import type { GenerationInput } from '../../src/llm/generator.js';
import { buildTestApp, type TestApp } from '../support/harness.js';
import {
  createJobPosting,
  createUser,
  requestQuestion,
  type TestUser,
} from '../support/factories.js';
import { FakeGenerator } from '../support/fake-generator.js';
import { api, STRONG_ANSWER } from '../feedback/support.js';

const DESCRIPTION =
  'Requirements:\n- Design REST APIs in TypeScript\n- Tune PostgreSQL queries\n' +
  '- Mentor junior engineers\n- Run services on Kubernetes';
const POSTING = {
  title: 'Backend Engineer',
  company: 'Acme',
  description: DESCRIPTION,
  techStack: 'TypeScript, PostgreSQL',
  experienceLevel: 'senior',
};
const base: GenerationInput = { jobPosting: POSTING, resume: null, transcript: [] };

describe('the offline plan with a practice history', () => {
  it('asks about a weak requirement before any demonstrated one', () => {
    const plain = composeQuestion(base);
    expect(plain.focus.requirement).toBe('designing REST APIs in TypeScript');
    const shown = ['designing REST APIs in TypeScript', 'Tune PostgreSQL queries'];
    const focused = composeQuestion({
      ...base,
      practice: { demonstrated: shown, weakestCriteria: [], answeredWell: [] },
    });
    expect(focused.focus.requirement).toBe('mentoring junior engineers');
  });

  it('does not repeat a question answered well; the weakest criterion picks the opening type', () => {
    const plain = composeQuestion(base);
    const focused = composeQuestion({
      ...base,
      practice: {
        demonstrated: [],
        weakestCriteria: ['impact'],
        answeredWell: [plain.questionText],
      },
    });
    expect(focused.questionText).not.toBe(plain.questionText);
    expect(focused.questionType).toBe('situational');
  });
});

describe('POST /sessions with focus', () => {
  let t: TestApp;
  let generator: FakeGenerator;
  let alice: TestUser;
  let bob: TestUser;
  let h: ReturnType<typeof api>;
  beforeAll(async () => {
    generator = new FakeGenerator();
    t = await buildTestApp({ generator });
    h = api(t);
    alice = await createUser(t.app);
    bob = await createUser(t.app);
  });
  afterAll(() => t.close());

  it('stores the focus (default all) and 422 for another value, 404 for another user', async () => {
    const posting = await createJobPosting(t.app, alice);
    const plain = await h.call('POST', '/sessions', alice, { job_posting_id: posting.id });
    expect(plain.json()).toMatchObject({ focus: 'all' });
    h.expectError(
      await h.call('POST', '/sessions', alice, { job_posting_id: posting.id, focus: 'bogus' }),
      422,
      'VALIDATION_ERROR',
    );
    h.expectError(
      await h.call('POST', '/sessions', bob, { job_posting_id: posting.id, focus: 'weak_areas' }),
      404,
      'JOB_POSTING_NOT_FOUND',
    );
  });

  it('a weak_areas session gets the earlier sessions of the posting; its first question goes to a weak requirement', async () => {
    const posting = await createJobPosting(t.app, alice, { description: DESCRIPTION });
    const first = (await h.call('POST', '/sessions', alice, { job_posting_id: posting.id })).json();
    generator.then({
      questionText: 'Tell me how you tune PostgreSQL queries.',
      questionType: 'technical',
      focus: { requirement: 'Tune PostgreSQL queries', evidence: null, summary: 'scripted' },
    });
    await h.answerNext(alice, first.id, STRONG_ANSWER);
    await t.worker.drain();
    await h.call('POST', `/sessions/${first.id}/complete`, alice);
    await t.worker.drain();
    const report = (await h.call('GET', `/sessions/${first.id}/report`, alice)).json();
    expect(report.requirements).toContainEqual({
      text: 'Tune PostgreSQL queries',
      status: 'demonstrated',
    });
    const [feedback] = (await h.call('GET', `/sessions/${first.id}/feedback`, alice)).json();

    const res = await h.call('POST', '/sessions', alice, {
      job_posting_id: posting.id,
      focus: 'weak_areas',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ focus: 'weak_areas' });
    expect((await requestQuestion(t.app, alice, res.json().id)).statusCode).toBe(202);
    await t.worker.drain();
    const input = generator.inputs.at(-1)!;
    expect(input.practice).toEqual({
      demonstrated: ['Tune PostgreSQL queries'],
      weakestCriteria: expect.arrayContaining(['relevance', 'impact']),
      answeredWell: feedback.score >= 70 ? ['Tell me how you tune PostgreSQL queries.'] : [],
    });
    // The offline generator, over the context the worker loaded: a weak requirement first.
    const question = composeQuestion(input);
    expect(question.focus.requirement).not.toBe('Tune PostgreSQL queries');
    expect(question.focus.requirement).toBe('designing REST APIs in TypeScript');
    // A session without the focus carries no history.
    const plain = (await h.call('POST', '/sessions', alice, { job_posting_id: posting.id })).json();
    await requestQuestion(t.app, alice, plain.id);
    await t.worker.drain();
    expect(generator.inputs.at(-1)!.practice).toBeUndefined();
  });
});
