import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/harness.js';
import { createSession, createUser, requestQuestion, type TestUser } from '../support/factories.js';
import { api, STRONG_ANSWER } from '../feedback/support.js';

const VAGUE = 'I think we usually just try our best with the services and it mostly works out.';

describe('answering a question again', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let h: ReturnType<typeof api>;
  beforeAll(async () => {
    t = await buildTestApp();
    h = api(t);
    alice = await createUser(t.app);
    bob = await createUser(t.app);
  });
  afterAll(() => t.close());

  async function firstQuestion(user: TestUser, sessionId: string): Promise<string> {
    const messages = await h.call('GET', `/sessions/${sessionId}/messages`, user);
    return (messages.json() as { id: string; role: string }[]).find(
      (m) => m.role === 'interviewer',
    )!.id;
  }

  it('a retry is a new attempt with its own feedback; the transcript lists attempts in order; the report counts the best', async () => {
    const session = await createSession(t.app, alice);
    const first = await h.answerNext(alice, session.id, VAGUE);
    const question = await firstQuestion(alice, session.id);
    // The newest question is answered: without an id there is nothing open.
    h.expectError(
      await h.call('POST', `/sessions/${session.id}/answers`, alice, { content: 'Again.' }),
      409,
      'NO_OPEN_QUESTION',
    );
    const retry = await h.call('POST', `/sessions/${session.id}/answers`, alice, {
      content: STRONG_ANSWER,
      question_message_id: question,
    });
    expect(retry.statusCode, retry.body).toBe(201);
    expect(retry.json()).toMatchObject({ reply_to: question, content: STRONG_ANSWER });
    expect(retry.json().feedback_operation_id).not.toBe(first.feedback_operation_id);
    await t.worker.drain();

    const messages = (await h.call('GET', `/sessions/${session.id}/messages`, alice)).json() as {
      id: string;
      reply_to: string | null;
    }[];
    expect(messages.map((m) => m.reply_to)).toEqual([null, question, question]);
    expect(messages.slice(1).map((m) => m.id)).toEqual([first.id, retry.json().id]);

    const feedback = (await h.call('GET', `/sessions/${session.id}/feedback`, alice)).json() as {
      answer_message_id: string;
      score: number | null;
    }[];
    expect(feedback.map((f) => f.answer_message_id)).toEqual([first.id, retry.json().id]);
    const best = Math.max(...feedback.map((f) => f.score ?? 0));

    expect((await h.call('POST', `/sessions/${session.id}/complete`, alice)).statusCode).toBe(200);
    await t.worker.drain();
    const report = (await h.call('GET', `/sessions/${session.id}/report`, alice)).json();
    expect(report).toMatchObject({ questions: 1, answered: 1, scored: 1, overall_score: best });
  });

  it('allows 5 attempts per question, then 409 TOO_MANY_ATTEMPTS', async () => {
    const session = await createSession(t.app, alice);
    await h.answerNext(alice, session.id, VAGUE);
    const question = await firstQuestion(alice, session.id);
    const again = () =>
      h.call('POST', `/sessions/${session.id}/answers`, alice, {
        content: VAGUE,
        question_message_id: question,
      });
    for (let attempt = 2; attempt <= 5; attempt++) expect((await again()).statusCode).toBe(201);
    h.expectError(await again(), 409, 'TOO_MANY_ATTEMPTS');
  });

  it('answers 404 MESSAGE_NOT_FOUND for a question of another session, 404 for another user, 422 for a bad id', async () => {
    const mine = await createSession(t.app, alice);
    await h.answerNext(alice, mine.id);
    const other = await createSession(t.app, alice);
    expect((await requestQuestion(t.app, alice, other.id)).statusCode).toBe(202);
    await t.worker.drain();
    const foreign = await firstQuestion(alice, other.id);
    for (const id of [foreign, randomUUID()]) {
      h.expectError(
        await h.call('POST', `/sessions/${mine.id}/answers`, alice, {
          content: STRONG_ANSWER,
          question_message_id: id,
        }),
        404,
        'MESSAGE_NOT_FOUND',
      );
    }
    h.expectError(
      await h.call('POST', `/sessions/${mine.id}/answers`, bob, {
        content: STRONG_ANSWER,
        question_message_id: await firstQuestion(alice, mine.id),
      }),
      404,
      'SESSION_NOT_FOUND',
    );
    h.expectError(
      await h.call('POST', `/sessions/${mine.id}/answers`, alice, {
        content: STRONG_ANSWER,
        question_message_id: 'nope',
      }),
      422,
      'VALIDATION_ERROR',
    );
  });
});
