import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GenerationError } from '../../src/llm/generator.js';
import type { AnswerEvaluator } from '../../src/llm/feedback/index.js';
import { createOfflineEvaluator } from '../../src/llm/feedback/offline-evaluator.js';
import { buildTestApp, type TestApp } from '../support/harness.js';
import {
  createJobPosting,
  createSession,
  createUser,
  getOperation,
  type TestUser,
} from '../support/factories.js';
import { FakeGenerator } from '../support/fake-generator.js';
import { api, STRONG_ANSWER } from './support.js';

const VAGUE =
  'I think we usually just try our best with the services and it mostly works out fine in the end.';

/** The offline evaluator, failing for answers that contain "FAIL". */
function sometimesFailing(): AnswerEvaluator {
  const offline = createOfflineEvaluator();
  return {
    name: 'flaky',
    prepare: () => offline.prepare(),
    evaluate: async (input, options) => {
      if (input.answer.includes('FAIL'))
        throw new GenerationError(
          'rejected_key',
          'The key was rejected by the model provider (HTTP 401).',
        );
      return offline.evaluate(input, options);
    },
  };
}

describe('interview report', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let h: ReturnType<typeof api>;
  beforeAll(async () => {
    const generator = new FakeGenerator();
    t = await buildTestApp({ generator, evaluator: sometimesFailing() });
    h = api(t);
    alice = await createUser(t.app);
    bob = await createUser(t.app);
  });
  afterAll(() => t.close());

  it('completing without an answer creates no report; GET answers 404 REPORT_NOT_FOUND, POST 409', async () => {
    const session = await createSession(t.app, alice);
    const done = await h.call('POST', `/sessions/${session.id}/complete`, alice);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'completed', report_operation_id: null });
    h.expectError(
      await h.call('GET', `/sessions/${session.id}/report`, alice),
      404,
      'REPORT_NOT_FOUND',
    );
    h.expectError(
      await h.call('POST', `/sessions/${session.id}/report`, alice),
      409,
      'NOTHING_TO_REPORT',
    );
  });

  it('completing builds the report after the feedback in flight, with the mean of the scored answers', async () => {
    const posting = await createJobPosting(t.app, alice, {
      title: 'Backend Engineer',
      description:
        'Own our order service. Experience with PostgreSQL and queues. Mentor junior engineers.',
      tech_stack: 'TypeScript, PostgreSQL',
    });
    const session = await createSession(t.app, alice, posting.id);
    await h.answerNext(alice, session.id);
    await h.answerNext(alice, session.id, VAGUE);
    await h.answerNext(alice, session.id, "I don't know.");
    const failing = await h.answerNext(alice, session.id, `${STRONG_ANSWER} FAIL`);
    // Nothing drained yet: the report operation queues behind four feedback operations.
    const done = await h.call('POST', `/sessions/${session.id}/complete`, alice);
    const reportOp = done.json().report_operation_id;
    expect(reportOp).toMatch(/^[0-9a-f-]{36}$/);
    await t.worker.drain();

    const failed = (await getOperation(t.app, alice, failing.feedback_operation_id)).json();
    expect(failed).toMatchObject({ status: 'failed', result: null });
    expect(failed.error_message).toMatch(/key was rejected/);
    const messages = (await h.call('GET', `/sessions/${session.id}/messages`, alice)).json();
    expect(messages.filter((m: { role: string }) => m.role === 'candidate')).toHaveLength(4);

    const feedback = (await h.call('GET', `/sessions/${session.id}/feedback`, alice)).json();
    expect(feedback).toHaveLength(3); // the failed evaluation stored nothing
    const scores = feedback
      .filter((f: { status: string }) => f.status === 'scored')
      .map((f: { score: number }) => f.score);
    expect(scores.length).toBeGreaterThanOrEqual(1);

    const op = (await getOperation(t.app, alice, reportOp)).json();
    expect(op).toMatchObject({ operation_type: 'session_report', status: 'completed' });
    const report = (await h.call('GET', `/sessions/${session.id}/report`, alice)).json();
    expect(op.result).toEqual({
      report_id: report.id,
      overall_score: report.overall_score,
      rating: report.rating,
    });
    const mean = Math.round(scores.reduce((a: number, b: number) => a + b, 0) / scores.length);
    expect(report).toMatchObject({
      session_id: session.id,
      questions: 4,
      answered: 4,
      scored: scores.length,
      overall_score: mean,
      generator: 'offline',
      rubric_version: 1,
    });
    expect(report.criteria.map((c: { key: string }) => c.key)).toEqual([
      'relevance',
      'structure',
      'specificity',
      'ownership',
      'impact',
    ]);
    expect(report.summary).toMatch(/1 answer has no feedback/);
    expect(report.requirements.length).toBeGreaterThan(0);
    for (const r of report.requirements)
      expect(['demonstrated', 'mentioned', 'absent', 'untested']).toContain(r.status);
    expect(report.strengths.length).toBeLessThanOrEqual(5);
    expect(report.improvements.length).toBeLessThanOrEqual(5);
    for (const s of report.strengths) {
      const answer = messages.find((m: { id: string }) => m.id === s.answer_message_id);
      expect(answer.content).toContain(s.quote);
    }

    // GET never recomputes: the same report, however often it is read.
    expect((await h.call('GET', `/sessions/${session.id}/report`, alice)).json()).toEqual(report);
    // Retrying the failed evaluation after completion still runs on the completed session.
    const retry = await h.call(
      'POST',
      `/sessions/${session.id}/answers/${failing.id}/feedback`,
      alice,
    );
    expect(retry.statusCode).toBe(202);
    const again = await h.call('POST', `/sessions/${session.id}/report`, alice);
    expect(again.statusCode, again.body).toBe(202);
    expect(again.headers.location).toBe(`/api/v1/operations/${again.json().id}`);
    await t.worker.drain();
    expect((await getOperation(t.app, alice, retry.json().id)).json().status).toBe('failed');
    const newest = (await h.call('GET', `/sessions/${session.id}/report`, alice)).json();
    expect(newest.id).not.toBe(report.id);
  });

  it("answers 404 for another user's session or report and 422 for a bad id", async () => {
    const session = await createSession(t.app, alice);
    await h.answerNext(alice, session.id);
    await h.call('POST', `/sessions/${session.id}/complete`, alice);
    await t.worker.drain();
    expect((await h.call('GET', `/sessions/${session.id}/report`, alice)).statusCode).toBe(200);
    h.expectError(
      await h.call('GET', `/sessions/${session.id}/report`, bob),
      404,
      'REPORT_NOT_FOUND',
    );
    h.expectError(
      await h.call('POST', `/sessions/${session.id}/report`, bob),
      404,
      'SESSION_NOT_FOUND',
    );
    h.expectError(
      await h.call('POST', `/sessions/${randomUUID()}/report`, alice),
      404,
      'SESSION_NOT_FOUND',
    );
    h.expectError(await h.call('GET', '/sessions/nope/report', alice), 422, 'VALIDATION_ERROR');
    h.expectError(await h.call('POST', '/sessions/nope/report', alice), 422, 'VALIDATION_ERROR');
  });
});

describe('feedback and reports under GENERATION_RATE_LIMIT', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { GENERATION_RATE_LIMIT: '3' } });
  });
  afterAll(() => t.close());

  it('explicit requests count, the automatic feedback does not: 429 with Retry-After', async () => {
    const h = api(t);
    const user = await createUser(t.app);
    const session = await createSession(t.app, user);
    const answer = await h.answerNext(user, session.id); // 1 question counted, its feedback not
    const codes = [
      (await h.call('POST', `/sessions/${session.id}/answers/${answer.id}/feedback`, user))
        .statusCode,
      (await h.call('POST', `/sessions/${session.id}/report`, user)).statusCode,
    ];
    const limited = await h.call('POST', `/sessions/${session.id}/report`, user);
    expect(codes).toEqual([202, 202]);
    h.expectError(limited, 429, 'RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    h.expectError(
      await h.call('POST', `/sessions/${session.id}/answers/${answer.id}/feedback`, user),
      429,
      'RATE_LIMITED',
    );
    await t.worker.drain();
  });
});
