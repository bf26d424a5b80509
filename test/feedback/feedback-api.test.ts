import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/harness.js';
import { createSession, createUser, getOperation, type TestUser } from '../support/factories.js';
import { FakeGenerator } from '../support/fake-generator.js';
import { api, STRONG_ANSWER } from './support.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('feedback on answers', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let call: ReturnType<typeof api>['call'];
  let expectError: ReturnType<typeof api>['expectError'];
  let answerNext: ReturnType<typeof api>['answerNext'];
  beforeAll(async () => {
    const generator = new FakeGenerator();
    t = await buildTestApp({ generator });
    ({ call, expectError, answerNext } = api(t));
    alice = await createUser(t.app);
    bob = await createUser(t.app);
  });
  afterAll(() => t.close());

  it('evaluates every answer on the queue: the 201 names the operation, its result names the feedback', async () => {
    const session = await createSession(t.app, alice);
    const answer = await answerNext(alice, session.id);
    expect(answer.feedback_operation_id).toMatch(UUID);
    const pending = (await getOperation(t.app, alice, answer.feedback_operation_id)).json();
    expect(pending).toMatchObject({
      operation_type: 'answer_feedback',
      status: 'pending',
      result: null,
    });

    await t.worker.drain();
    const done = (await getOperation(t.app, alice, answer.feedback_operation_id)).json();
    expect(done.status, done.error_message).toBe('completed');
    const list = await call('GET', `/sessions/${session.id}/feedback`, alice);
    expect(list.statusCode).toBe(200);
    const [feedback] = list.json();
    expect(done.result).toEqual({
      feedback_id: feedback.id,
      answer_message_id: answer.id,
      status: 'scored',
      score: feedback.score,
    });
    expect(feedback).toMatchObject({
      session_id: session.id,
      answer_message_id: answer.id,
      question_message_id: expect.stringMatching(UUID),
      status: 'scored',
      answer_class: 'substantive',
      generator: 'offline',
      rubric_version: 1,
    });
    expect(feedback.score).toBeGreaterThanOrEqual(60);
    expect(['strong', 'solid']).toContain(feedback.rating);
    expect(feedback.criteria.map((c: { key: string }) => c.key)).toEqual([
      'relevance',
      'structure',
      'specificity',
      'ownership',
      'impact',
    ]);
    const spans = [
      ...feedback.criteria.flatMap((c: { evidence: unknown[] }) => c.evidence),
      ...feedback.strengths.flatMap((s: { evidence: unknown[] }) => s.evidence),
    ] as { quote: string; start: number; end: number }[];
    expect(spans.length).toBeGreaterThan(0);
    for (const s of spans) expect(STRONG_ANSWER.slice(s.start, s.end)).toBe(s.quote);
  });

  it('never gives "I don\'t know" a number', async () => {
    const session = await createSession(t.app, alice);
    await answerNext(alice, session.id, "I don't know.");
    await t.worker.drain();
    const [feedback] = (await call('GET', `/sessions/${session.id}/feedback`, alice)).json();
    expect(feedback).toMatchObject({
      status: 'not_scored',
      answer_class: 'non_answer',
      score: null,
      rating: null,
    });
    expect(feedback.summary).toMatch(/not scored/i);
  });

  it('evaluates again on request (202 with Location) and keeps both, oldest first', async () => {
    const session = await createSession(t.app, alice);
    const answer = await answerNext(alice, session.id);
    const again = await call(
      'POST',
      `/sessions/${session.id}/answers/${answer.id}/feedback`,
      alice,
    );
    expect(again.statusCode, again.body).toBe(202);
    expect(again.headers.location).toBe(`/api/v1/operations/${again.json().id}`);
    expect(again.json()).toMatchObject({ operation_type: 'answer_feedback', status: 'pending' });
    await t.worker.drain();
    const list = (await call('GET', `/sessions/${session.id}/feedback`, alice)).json();
    expect(list).toHaveLength(2);
    expect(list.map((f: { answer_message_id: string }) => f.answer_message_id)).toEqual([
      answer.id,
      answer.id,
    ]);
    expect(Date.parse(list[0].created_at)).toBeLessThanOrEqual(Date.parse(list[1].created_at));
  });

  it("answers 404 for another user's session or answer, and for a question's id", async () => {
    const session = await createSession(t.app, alice);
    const answer = await answerNext(alice, session.id);
    await t.worker.drain();
    expectError(
      await call('GET', `/sessions/${session.id}/feedback`, bob),
      404,
      'SESSION_NOT_FOUND',
    );
    expectError(
      await call('POST', `/sessions/${session.id}/answers/${answer.id}/feedback`, bob),
      404,
      'MESSAGE_NOT_FOUND',
    );
    expectError(
      await call('POST', `/sessions/${session.id}/answers/${randomUUID()}/feedback`, alice),
      404,
      'MESSAGE_NOT_FOUND',
    );
    const question = (await call('GET', `/sessions/${session.id}/messages`, alice)).json()[0];
    expectError(
      await call('POST', `/sessions/${session.id}/answers/${question.id}/feedback`, alice),
      404,
      'MESSAGE_NOT_FOUND',
    );
    const other = await createSession(t.app, alice);
    expectError(
      await call('POST', `/sessions/${other.id}/answers/${answer.id}/feedback`, alice),
      404,
      'MESSAGE_NOT_FOUND',
    );
    expectError(
      await getOperation(t.app, bob, answer.feedback_operation_id),
      404,
      'OPERATION_NOT_FOUND',
    );
  });

  it('answers 422 for ids that are not UUIDs and a bad limit, 401 without a token', async () => {
    const session = await createSession(t.app, alice);
    expectError(await call('GET', '/sessions/1/feedback', alice), 422, 'VALIDATION_ERROR');
    expectError(
      await call('POST', `/sessions/${session.id}/answers/x/feedback`, alice),
      422,
      'VALIDATION_ERROR',
    );
    expectError(
      await call('GET', `/sessions/${session.id}/feedback?limit=0`, alice),
      422,
      'VALIDATION_ERROR',
    );
    expectError(
      await call('GET', `/sessions/${session.id}/feedback?limit=501`, alice),
      422,
      'VALIDATION_ERROR',
    );
    expectError(await call('GET', `/sessions/${session.id}/feedback`, null), 401, 'UNAUTHORIZED');
  });

  it('pages with ?limit and a Link to the next page, never overlapping', async () => {
    const session = await createSession(t.app, alice);
    for (let i = 0; i < 3; i += 1) await answerNext(alice, session.id);
    await t.worker.drain();
    const first = await call('GET', `/sessions/${session.id}/feedback?limit=2`, alice);
    expect(first.json()).toHaveLength(2);
    const next = /^<([^>]+)>; rel="next"$/.exec(String(first.headers.link))?.[1];
    expect(next).toMatch(new RegExp(`^/api/v1/sessions/${session.id}/feedback\\?limit=2&cursor=`));
    const second = await t.app.inject({ method: 'GET', url: next!, headers: alice.headers });
    expect(second.json()).toHaveLength(1);
    expect(second.headers.link).toBeUndefined();
    const ids = [...first.json(), ...second.json()].map((f: { id: string }) => f.id);
    expect(new Set(ids).size).toBe(3);
  });
});
