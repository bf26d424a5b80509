import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/harness.js';
import {
  createSession,
  createUser,
  getOperation,
  requestQuestion,
  type TestUser,
} from '../support/factories.js';

describe('long-polling an operation', () => {
  let t: TestApp;
  let user: TestUser;
  beforeAll(async () => {
    // No periodic re-read during a wait: only the wake-up of a finished operation can answer.
    t = await buildTestApp({ env: { LONG_POLL_RECHECK_MS: '3600000' } });
    user = await createUser(t.app);
  });
  afterAll(() => t.close());

  // Without the wake-up this request would be held for its whole 30 s wait, past this
  // test's own 20 s limit (a hang guard: the wake-up answers in milliseconds).
  it(
    'answers as soon as the operation finishes, woken by the worker',
    { timeout: 20_000 },
    async () => {
      const session = await createSession(t.app, user);
      const op = (await requestQuestion(t.app, user, session.id)).json();
      const polling = getOperation(t.app, user, op.id, '?wait=30');
      // The request is waiting on a pending operation; running the worker finishes it.
      await t.worker.drain();
      const res = await polling;
      expect(res.statusCode).toBe(200);
      expect(res.json().status).toBe('completed');
      expect(res.headers['retry-after']).toBeUndefined();
    },
  );

  it('answers at once for a finished operation', async () => {
    const session = await createSession(t.app, user);
    const op = (await requestQuestion(t.app, user, session.id)).json();
    await t.worker.drain();
    const res = await getOperation(t.app, user, op.id, '?wait=30');
    expect(res.json().status).toBe('completed');
  });

  it('answers with the pending operation and Retry-After when the wait is over', async () => {
    const session = await createSession(t.app, user);
    const op = (await requestQuestion(t.app, user, session.id)).json();
    const res = await getOperation(t.app, user, op.id, '?wait=0.2');
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('pending');
    expect(res.headers['retry-after']).toBe('1');
    await t.worker.drain();
  });

  it('rejects a wait over 30 seconds or below zero with 422', async () => {
    const session = await createSession(t.app, user);
    const op = (await requestQuestion(t.app, user, session.id)).json();
    for (const q of ['?wait=31', '?wait=-1', '?wait=soon']) {
      const res = await getOperation(t.app, user, op.id, q);
      expect(res.statusCode).toBe(422);
      expect(res.json().detail.code).toBe('VALIDATION_ERROR');
    }
    await t.worker.drain();
  });
});

describe('answering questions', () => {
  let t: TestApp;
  let user: TestUser;
  beforeAll(async () => {
    t = await buildTestApp();
    user = await createUser(t.app);
  });
  afterAll(() => t.close());

  const answer = (sessionId: string, content: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/sessions/${sessionId}/answers`,
      headers: user.headers,
      payload: { content },
    });

  it('stores the answer to the open question, then asks for the next question', async () => {
    const session = await createSession(t.app, user);
    expect((await answer(session.id, 'too early')).json().detail.code).toBe('NO_OPEN_QUESTION');
    const op = (await requestQuestion(t.app, user, session.id)).json();
    await t.worker.drain();
    const question = (await getOperation(t.app, user, op.id)).json().result;
    const res = await answer(session.id, '  I would start by measuring.  ');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      role: 'candidate',
      content: 'I would start by measuring.',
      reply_to: question.message_id,
    });
    const again = await answer(session.id, 'second answer');
    expect(again.statusCode).toBe(409);
    expect(again.json().detail.code).toBe('NO_OPEN_QUESTION');

    await requestQuestion(t.app, user, session.id);
    await t.worker.drain();
    expect((await answer(session.id, 'answer two')).statusCode).toBe(201);
    const transcript = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/sessions/${session.id}/messages`,
        headers: user.headers,
      })
    ).json();
    expect(transcript.map((m: { role: string }) => m.role)).toEqual([
      'interviewer',
      'candidate',
      'interviewer',
      'candidate',
    ]);
  });

  it('stores one answer when the same answer is sent twice at once', async () => {
    const session = await createSession(t.app, user);
    await requestQuestion(t.app, user, session.id);
    await t.worker.drain();
    const codes = (await Promise.all([answer(session.id, 'a'), answer(session.id, 'a')])).map(
      (r) => r.statusCode,
    );
    expect(codes.sort()).toEqual([201, 409]);
    const rows = await t.deps.db.query(
      "SELECT id FROM messages WHERE session_id = $1 AND role = 'candidate'",
      [session.id],
    );
    expect(rows).toHaveLength(1);
  });

  it('refuses answers while paused (400) and empty text (422)', async () => {
    const session = await createSession(t.app, user);
    await requestQuestion(t.app, user, session.id);
    await t.worker.drain();
    expect((await answer(session.id, '   ')).statusCode).toBe(422);
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/sessions/${session.id}/pause`,
      headers: user.headers,
    });
    const paused = await answer(session.id, 'an answer');
    expect(paused.statusCode).toBe(400);
    expect(paused.json().detail.code).toBe('SESSION_NOT_ACTIVE');
  });
});
