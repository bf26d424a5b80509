import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/harness.js';
import {
  createSession,
  createUser,
  getOperation,
  requestQuestion,
  saveResume,
  type TestUser,
} from '../support/factories.js';
import { FakeGenerator } from '../support/fake-generator.js';
import { GenerationError } from '../../src/llm/generator.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('POST /sessions/{id}/generate-question and GET /operations/{id}', () => {
  let t: TestApp;
  let generator: FakeGenerator;
  let user: TestUser;

  beforeAll(async () => {
    generator = new FakeGenerator();
    t = await buildTestApp({ generator });
    user = await createUser(t.app);
    await saveResume(t.app, user, 'Led the checkout team. Ten years of TypeScript.');
  });
  afterAll(() => t.close());

  it('answers 202 with a pending operation, its Location and Retry-After, without generating', async () => {
    const session = await createSession(t.app, user);
    const res = await requestQuestion(t.app, user, session.id);
    expect(res.statusCode).toBe(202);
    const op = res.json();
    expect(op).toEqual({
      id: expect.stringMatching(UUID),
      operation_type: 'question_generation',
      status: 'pending',
      session_id: session.id,
      result: null,
      error_message: null,
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    expect(new Date(op.created_at).toISOString()).toBe(op.created_at);
    expect(res.headers.location).toBe(`/api/v1/operations/${op.id}`);
    expect(res.headers['retry-after']).toBe('1');
    expect(generator.inputs).toHaveLength(0);
    await t.worker.drain();
  });

  it('stores the operation owned by the caller for the session', async () => {
    const session = await createSession(t.app, user);
    const op = (await requestQuestion(t.app, user, session.id)).json();
    const [row] = await t.deps.db.query<Record<string, unknown>>(
      'SELECT user_id, session_id, operation_type, status, attempts FROM operations WHERE id = $1',
      [op.id],
    );
    expect(row).toEqual({
      user_id: user.id,
      session_id: session.id,
      operation_type: 'question_generation',
      status: 'pending',
      attempts: 0,
    });
    await t.worker.drain();
  });

  it('completes: the question joins the transcript and the operation carries the result', async () => {
    const session = await createSession(t.app, user);
    const op = (await requestQuestion(t.app, user, session.id)).json();
    expect(await t.worker.drain()).toBe(1);

    const res = await getOperation(t.app, user, op.id);
    expect(res.statusCode).toBe(200);
    expect(res.headers['retry-after']).toBeUndefined();
    const done = res.json();
    expect(done.status).toBe('completed');
    expect(done.error_message).toBeNull();
    expect(done.result).toMatchObject({
      question_text: expect.stringContaining('Backend Engineer'),
      question_type: 'technical',
      message_id: expect.stringMatching(UUID),
    });

    const messages = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/sessions/${session.id}/messages`,
        headers: user.headers,
      })
    ).json();
    expect(messages).toEqual([
      expect.objectContaining({
        id: done.result.message_id,
        role: 'interviewer',
        content: done.result.question_text,
        question_type: 'technical',
        operation_id: op.id,
      }),
    ]);
    const s = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/sessions/${session.id}`,
        headers: user.headers,
      })
    ).json();
    expect(s.question_count).toBe(1);
  });

  it('gives the generator both the posting and the resume', async () => {
    const session = await createSession(t.app, user);
    await requestQuestion(t.app, user, session.id);
    await t.worker.drain();
    const input = generator.inputs.at(-1)!;
    expect(input.jobPosting).toMatchObject({
      title: 'Backend Engineer',
      techStack: 'TypeScript, PostgreSQL',
    });
    expect(input.resume).toBe('Led the checkout team. Ten years of TypeScript.');
  });

  it('records a failure with a message a person can act on', async () => {
    const session = await createSession(t.app, user);
    generator.then(new GenerationError('rejected_key', 'The AI provider rejected the API key.'));
    const op = (await requestQuestion(t.app, user, session.id)).json();
    await t.worker.drain();
    const failed = (await getOperation(t.app, user, op.id)).json();
    expect(failed).toMatchObject({
      status: 'failed',
      result: null,
      error_message: 'The AI provider rejected the API key.',
    });
    const messages = await t.deps.db.query('SELECT id FROM messages WHERE session_id = $1', [
      session.id,
    ]);
    expect(messages).toHaveLength(0);
  });

  it('reports an unexpected error without its internals', async () => {
    const session = await createSession(t.app, user);
    generator.then(new Error('connect ECONNREFUSED /var/run/secret.sock at Object.<anonymous>'));
    const op = (await requestQuestion(t.app, user, session.id)).json();
    await t.worker.drain();
    const failed = (await getOperation(t.app, user, op.id)).json();
    expect(failed.status).toBe('failed');
    expect(failed.error_message).toMatch(/internal error/);
    expect(failed.error_message).not.toMatch(/ECONNREFUSED|\/var|at Object/);
  });

  it.each(['pause', 'complete'] as const)(
    'answers 400 SESSION_NOT_ACTIVE after %s, naming the status',
    async (action) => {
      const session = await createSession(t.app, user);
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/sessions/${session.id}/${action}`,
        headers: user.headers,
      });
      const res = await requestQuestion(t.app, user, session.id);
      expect(res.statusCode).toBe(400);
      expect(res.json().detail.code).toBe('SESSION_NOT_ACTIVE');
      expect(res.json().detail.message).toContain(action === 'pause' ? 'paused' : 'completed');
      const ops = await t.deps.db.query('SELECT id FROM operations WHERE session_id = $1', [
        session.id,
      ]);
      expect(ops).toHaveLength(0);
    },
  );

  it('answers 404 SESSION_NOT_FOUND for an unknown session and for another user’s', async () => {
    const other = await createUser(t.app);
    const theirs = await createSession(t.app, other);
    for (const id of ['00000000-0000-4000-8000-000000000000', theirs.id]) {
      const res = await requestQuestion(t.app, user, id);
      expect(res.statusCode).toBe(404);
      expect(res.json().detail.code).toBe('SESSION_NOT_FOUND');
    }
  });

  it('answers 422 for a session id that is not a UUID', async () => {
    const res = await requestQuestion(t.app, user, 'not-a-uuid');
    expect(res.statusCode).toBe(422);
    expect(res.json().detail.code).toBe('VALIDATION_ERROR');
  });

  it('answers 401 with WWW-Authenticate without a token', async () => {
    const session = await createSession(t.app, user);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/sessions/${session.id}/generate-question`,
    });
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    const poll = await t.app.inject({
      method: 'GET',
      url: `/api/v1/operations/00000000-0000-4000-8000-000000000000`,
    });
    expect(poll.statusCode).toBe(401);
  });

  it('answers 404 OPERATION_NOT_FOUND for an unknown operation and for another user’s', async () => {
    const other = await createUser(t.app);
    const theirSession = await createSession(t.app, other);
    const theirs = (await requestQuestion(t.app, other, theirSession.id)).json();
    for (const id of ['00000000-0000-4000-8000-000000000000', theirs.id]) {
      const res = await getOperation(t.app, user, id);
      expect(res.statusCode).toBe(404);
      expect(res.json().detail.code).toBe('OPERATION_NOT_FOUND');
    }
    await t.worker.drain();
  });

  it('lets one session have several operations, each with its own question', async () => {
    const session = await createSession(t.app, user);
    const a = (await requestQuestion(t.app, user, session.id)).json();
    const b = (await requestQuestion(t.app, user, session.id)).json();
    expect(a.id).not.toBe(b.id);
    await t.worker.drain();
    const [ra, rb] = await Promise.all(
      [a, b].map(async (op) => (await getOperation(t.app, user, op.id)).json()),
    );
    expect(ra.status).toBe('completed');
    expect(rb.status).toBe('completed');
    expect(ra.result.message_id).not.toBe(rb.result.message_id);
  });

  it('lists a session’s operations newest first, and 404 for another user’s session', async () => {
    const session = await createSession(t.app, user);
    const first = (await requestQuestion(t.app, user, session.id)).json();
    const second = (await requestQuestion(t.app, user, session.id)).json();
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/sessions/${session.id}/operations`,
      headers: user.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().map((o: { id: string }) => o.id)).toEqual([second.id, first.id]);
    const other = await createUser(t.app);
    const denied = await t.app.inject({
      method: 'GET',
      url: `/api/v1/sessions/${session.id}/operations`,
      headers: other.headers,
    });
    expect(denied.statusCode).toBe(404);
    expect(denied.json().detail.code).toBe('SESSION_NOT_FOUND');
    await t.worker.drain();
  });
});

describe('bodiless POSTs sent with a JSON content type', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('accept an empty body as no body', async () => {
    const user = await createUser(t.app);
    const session = await createSession(t.app, user);
    const headers = { ...user.headers, 'content-type': 'application/json' };
    const gen = await t.app.inject({
      method: 'POST',
      url: `/api/v1/sessions/${session.id}/generate-question`,
      headers,
      payload: '',
    });
    expect(gen.statusCode).toBe(202);
    const pause = await t.app.inject({
      method: 'POST',
      url: `/api/v1/sessions/${session.id}/pause`,
      headers,
      payload: '',
    });
    expect(pause.statusCode).toBe(200);
    // A route that needs a body still says so.
    const answer = await t.app.inject({
      method: 'POST',
      url: `/api/v1/sessions/${session.id}/answers`,
      headers,
      payload: '',
    });
    expect(answer.statusCode).toBe(422);
    expect(answer.json().detail.code).toBe('VALIDATION_ERROR');
    await t.worker.drain();
  });
});
