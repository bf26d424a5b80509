import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/harness.js';
import {
  apiCalls,
  createJobPosting,
  createSession,
  createUser,
  requestQuestion,
  type TestUser,
} from '../support/factories.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
type Action = 'pause' | 'resume' | 'complete';

describe('interview sessions', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  beforeAll(async () => {
    t = await buildTestApp();
    alice = await createUser(t.app);
    bob = await createUser(t.app);
  });
  afterAll(() => t.close());

  const { call, expectError } = apiCalls(() => t.app);
  const act = (user: TestUser, id: string, action: Action) =>
    call('POST', `/sessions/${id}/${action}`, user);

  /** A session in the given status, reached through the API. */
  async function sessionIn(status: 'active' | 'paused' | 'completed', user = alice) {
    const session = await createSession(t.app, user);
    if (status === 'paused') expect((await act(user, session.id, 'pause')).statusCode).toBe(200);
    if (status === 'completed')
      expect((await act(user, session.id, 'complete')).statusCode).toBe(200);
    return session;
  }

  /** Asks for a question and runs the worker until it is stored; returns its message id. */
  async function askQuestion(user: TestUser, sessionId: string): Promise<string> {
    const res = await requestQuestion(t.app, user, sessionId);
    expect(res.statusCode, res.body).toBe(202);
    await t.worker.drain();
    const messages = (await call('GET', `/sessions/${sessionId}/messages`, user)).json();
    return messages.at(-1).id;
  }

  describe('POST /sessions', () => {
    it('answers 201 with an active session without questions', async () => {
      const posting = await createJobPosting(t.app, alice);
      const res = await call('POST', '/sessions', alice, { job_posting_id: posting.id });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toEqual({
        id: expect.stringMatching(UUID),
        job_posting_id: posting.id,
        status: 'active',
        question_count: 0,
        focus: 'all',
        created_at: expect.stringMatching(ISO),
        updated_at: expect.stringMatching(ISO),
      });
    });

    it("answers 404 JOB_POSTING_NOT_FOUND for another user's posting and for an unknown one", async () => {
      const posting = await createJobPosting(t.app, alice);
      expectError(
        await call('POST', '/sessions', bob, { job_posting_id: posting.id }),
        404,
        'JOB_POSTING_NOT_FOUND',
      );
      expectError(
        await call('POST', '/sessions', alice, { job_posting_id: randomUUID() }),
        404,
        'JOB_POSTING_NOT_FOUND',
      );
      expect((await call('GET', '/sessions', bob)).json()).toEqual([]);
    });

    it.each([
      ['a missing job_posting_id', {}],
      ['a job_posting_id that is not a UUID', { job_posting_id: 'abc' }],
      ['a job_posting_id that is a number', { job_posting_id: 7 }],
    ])('answers 422 VALIDATION_ERROR for %s', async (_label, payload) => {
      const res = await call('POST', '/sessions', alice, payload);
      expectError(res, 422, 'VALIDATION_ERROR');
      expect(res.json().detail.errors).toEqual([
        { field: 'job_posting_id', message: expect.any(String) },
      ]);
    });

    it('answers 401 without a token, even for an invalid body', async () => {
      const res = await call('POST', '/sessions', null, {});
      expectError(res, 401, 'UNAUTHORIZED');
      expect(res.headers['www-authenticate']).toBe('Bearer');
    });
  });

  describe('GET /sessions', () => {
    it("lists only the caller's own sessions, newest first", async () => {
      const carol = await createUser(t.app);
      const posting = await createJobPosting(t.app, carol);
      const ids: string[] = [];
      for (let i = 0; i < 3; i += 1) ids.push((await createSession(t.app, carol, posting.id)).id);
      await createSession(t.app, bob);
      const res = await call('GET', '/sessions', carol);
      expect(res.statusCode).toBe(200);
      const list = res.json();
      expect(list.map((s: { id: string }) => s.id)).toEqual(ids.reverse());
      expect(list[0]).toEqual((await call('GET', `/sessions/${list[0].id}`, carol)).json());
    });

    it('answers an empty list for a new user and 401 without a token', async () => {
      const dave = await createUser(t.app);
      expect((await call('GET', '/sessions', dave)).json()).toEqual([]);
      expectError(await call('GET', '/sessions', null), 401, 'UNAUTHORIZED');
    });
  });

  describe('GET /sessions/{id}', () => {
    it('answers 200 with the session', async () => {
      const session = await createSession(t.app, alice);
      const res = await call('GET', `/sessions/${session.id}`, alice);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual(session);
    });

    it("answers 404 SESSION_NOT_FOUND for another user's session and an unknown id", async () => {
      const session = await createSession(t.app, alice);
      expectError(await call('GET', `/sessions/${session.id}`, bob), 404, 'SESSION_NOT_FOUND');
      expectError(await call('GET', `/sessions/${randomUUID()}`, alice), 404, 'SESSION_NOT_FOUND');
    });

    it('answers 422 for an id that is not a UUID and 401 without a token', async () => {
      const res = await call('GET', '/sessions/not-a-uuid', alice);
      expectError(res, 422, 'VALIDATION_ERROR');
      expect(res.json().detail.errors).toEqual([{ field: 'id', message: expect.any(String) }]);
      expectError(await call('GET', '/sessions/not-a-uuid', null), 401, 'UNAUTHORIZED');
    });
  });

  describe('status transitions', () => {
    it.each([
      ['active', 'pause', 'paused'],
      ['paused', 'resume', 'active'],
      ['active', 'complete', 'completed'],
      ['paused', 'complete', 'completed'],
    ] as const)(
      'moves %s -> %s -> %s and answers 200 with the session',
      async (from, action, to) => {
        const session = await sessionIn(from);
        const before = (await call('GET', `/sessions/${session.id}`, alice)).json();
        const res = await act(alice, session.id, action);
        expect(res.statusCode, res.body).toBe(200);
        const after = res.json();
        // Completing adds the report operation it created (null: these sessions have no answer).
        const extra = action === 'complete' ? { report_operation_id: null } : {};
        expect(after).toEqual({
          ...before,
          ...extra,
          status: to,
          updated_at: expect.stringMatching(ISO),
        });
        expect(Date.parse(after.updated_at)).toBeGreaterThanOrEqual(Date.parse(before.updated_at));
        expect((await call('GET', `/sessions/${session.id}`, alice)).json().status).toBe(to);
      },
    );

    it.each([
      ['active', 'resume'],
      ['paused', 'pause'],
      ['completed', 'pause'],
      ['completed', 'resume'],
      ['completed', 'complete'],
    ] as const)(
      'refuses to %s->%s with 409 INVALID_STATUS_TRANSITION and keeps the status',
      async (from, action) => {
        const session = await sessionIn(from);
        const res = await act(alice, session.id, action);
        expectError(res, 409, 'INVALID_STATUS_TRANSITION');
        expect((await call('GET', `/sessions/${session.id}`, alice)).json().status).toBe(from);
      },
    );

    it.each(['pause', 'resume', 'complete'] as const)(
      "answers 404 to %s another user's session and leaves it alone",
      async (action) => {
        const session = await sessionIn(action === 'resume' ? 'paused' : 'active');
        expectError(await act(bob, session.id, action), 404, 'SESSION_NOT_FOUND');
        expectError(await act(alice, randomUUID(), action), 404, 'SESSION_NOT_FOUND');
        const status = (await call('GET', `/sessions/${session.id}`, alice)).json().status;
        expect(status).toBe(action === 'resume' ? 'paused' : 'active');
      },
    );

    it.each(['pause', 'resume', 'complete'] as const)(
      'answers 422 to %s a non-UUID id and 401 without a token',
      async (action) => {
        expectError(await call('POST', `/sessions/nope/${action}`, alice), 422, 'VALIDATION_ERROR');
        expectError(
          await call('POST', `/sessions/${randomUUID()}/${action}`, null),
          401,
          'UNAUTHORIZED',
        );
      },
    );
  });

  describe('GET /sessions/{id}/messages', () => {
    it('answers an empty list for a new session', async () => {
      const session = await createSession(t.app, alice);
      const res = await call('GET', `/sessions/${session.id}/messages`, alice);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual([]);
    });

    it('lists question and answer oldest first', async () => {
      const session = await createSession(t.app, alice);
      const questionId = await askQuestion(alice, session.id);
      const answer = (
        await call('POST', `/sessions/${session.id}/answers`, alice, { content: 'My answer' })
      ).json();
      const list = (await call('GET', `/sessions/${session.id}/messages`, alice)).json();
      expect(list.map((m: { id: string; role: string }) => [m.id, m.role])).toEqual([
        [questionId, 'interviewer'],
        [answer.id, 'candidate'],
      ]);
      expect(list[0]).toMatchObject({
        content: expect.any(String),
        question_type: expect.stringMatching(/^(technical|behavioral|situational|experience)$/),
        created_at: expect.stringMatching(ISO),
      });
      const { feedback_operation_id: feedbackOperationId, ...stored } = answer;
      expect(feedbackOperationId).toMatch(UUID);
      expect(list[1]).toEqual(stored);
    });

    it("answers 404 for another user's session, 422 for a non-UUID id, 401 without a token", async () => {
      const session = await createSession(t.app, alice);
      expectError(
        await call('GET', `/sessions/${session.id}/messages`, bob),
        404,
        'SESSION_NOT_FOUND',
      );
      expectError(
        await call('GET', `/sessions/${randomUUID()}/messages`, alice),
        404,
        'SESSION_NOT_FOUND',
      );
      expectError(await call('GET', '/sessions/1/messages', alice), 422, 'VALIDATION_ERROR');
      expectError(await call('GET', `/sessions/${session.id}/messages`, null), 401, 'UNAUTHORIZED');
    });
  });

  describe('POST /sessions/{id}/answers', () => {
    it('answers 201 with the stored candidate message, replying to the open question', async () => {
      const session = await createSession(t.app, alice);
      const questionId = await askQuestion(alice, session.id);
      const res = await call('POST', `/sessions/${session.id}/answers`, alice, {
        content: '  I would shard by tenant.  ',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toEqual({
        id: expect.stringMatching(UUID),
        role: 'candidate',
        content: 'I would shard by tenant.',
        question_type: null,
        focus: null,
        reply_to: questionId,
        operation_id: null,
        created_at: expect.stringMatching(ISO),
        feedback_operation_id: expect.stringMatching(UUID),
      });
    });

    it('answers 409 NO_OPEN_QUESTION before any question', async () => {
      const session = await createSession(t.app, alice);
      const res = await call('POST', `/sessions/${session.id}/answers`, alice, {
        content: 'Hello?',
      });
      expectError(res, 409, 'NO_OPEN_QUESTION');
      expect((await call('GET', `/sessions/${session.id}/messages`, alice)).json()).toEqual([]);
    });

    it('answers 409 NO_OPEN_QUESTION for a second answer to the same question', async () => {
      const session = await createSession(t.app, alice);
      await askQuestion(alice, session.id);
      expect(
        (await call('POST', `/sessions/${session.id}/answers`, alice, { content: 'One' }))
          .statusCode,
      ).toBe(201);
      expectError(
        await call('POST', `/sessions/${session.id}/answers`, alice, { content: 'Two' }),
        409,
        'NO_OPEN_QUESTION',
      );
      expect((await call('GET', `/sessions/${session.id}/messages`, alice)).json()).toHaveLength(2);
    });

    it.each(['paused', 'completed'] as const)(
      'answers 400 SESSION_NOT_ACTIVE in a %s session',
      async (status) => {
        const session = await createSession(t.app, alice);
        await askQuestion(alice, session.id);
        const action = status === 'paused' ? 'pause' : 'complete';
        expect((await act(alice, session.id, action)).statusCode).toBe(200);
        const res = await call('POST', `/sessions/${session.id}/answers`, alice, {
          content: 'Late',
        });
        expectError(res, 400, 'SESSION_NOT_ACTIVE');
        expect((await call('GET', `/sessions/${session.id}/messages`, alice)).json()).toHaveLength(
          1,
        );
      },
    );

    it.each([
      ['empty text', { content: '' }],
      ['blank text', { content: ' \n\t ' }],
      ['a missing content', {}],
      ['text of 20001 characters', { content: 'a'.repeat(20_001) }],
    ])('answers 422 VALIDATION_ERROR for %s', async (_label, payload) => {
      const session = await createSession(t.app, alice);
      await askQuestion(alice, session.id);
      const res = await call('POST', `/sessions/${session.id}/answers`, alice, payload);
      expectError(res, 422, 'VALIDATION_ERROR');
      expect(res.json().detail.errors).toEqual([{ field: 'content', message: expect.any(String) }]);
    });

    it("answers 404 SESSION_NOT_FOUND for another user's session and stores nothing", async () => {
      const session = await createSession(t.app, alice);
      await askQuestion(alice, session.id);
      expectError(
        await call('POST', `/sessions/${session.id}/answers`, bob, { content: 'Mine' }),
        404,
        'SESSION_NOT_FOUND',
      );
      expectError(
        await call('POST', `/sessions/${randomUUID()}/answers`, alice, { content: 'x' }),
        404,
        'SESSION_NOT_FOUND',
      );
      expect((await call('GET', `/sessions/${session.id}/messages`, alice)).json()).toHaveLength(1);
    });

    it('answers 422 for a non-UUID id and 401 without a token', async () => {
      expectError(
        await call('POST', '/sessions/abc/answers', alice, { content: 'x' }),
        422,
        'VALIDATION_ERROR',
      );
      expectError(
        await call('POST', `/sessions/${randomUUID()}/answers`, null, { content: 'x' }),
        401,
        'UNAUTHORIZED',
      );
    });
  });
});
