import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGenerationQueueRepository } from '../../src/modules/operations/generation-queue.repository.js';
import { tablesWithColumn } from '../../src/platform/db/owned-tables.js';
import { buildTestApp, type TestApp } from '../support/harness.js';
import {
  createJobPosting,
  createSession,
  createUser,
  getOperation,
  requestQuestion,
  saveResume,
  type TestUser,
} from '../support/factories.js';
import { GatedGenerator } from '../support/gated-generator.js';
import { countUserRows } from '../support/user-rows.js';

describe('deleting sessions, postings and accounts', () => {
  let t: TestApp;
  const generator = new GatedGenerator();
  beforeAll(async () => {
    t = await buildTestApp({ generator });
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'DELETE', url: string, user: TestUser, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: user.headers, payload });

  /** A user with a resume, a posting, a session with a question and an answer. */
  async function busyUser() {
    const user = await createUser(t.app);
    const marker = `marker-${randomUUID()}`;
    await saveResume(t.app, user, `Nurse for ten years, ${marker}. Led a ward of twelve.`);
    const posting = await createJobPosting(t.app, user, { description: `Ward lead. ${marker}` });
    const session = await createSession(t.app, user, posting.id);
    expect((await requestQuestion(t.app, user, session.id)).statusCode).toBe(202);
    await t.worker.drain();
    const answer = await t.app.inject({
      method: 'POST',
      url: `/api/v1/sessions/${session.id}/answers`,
      headers: user.headers,
      payload: { content: `I would ask the team first. ${marker}` },
    });
    expect(answer.statusCode, answer.body).toBe(201);
    await t.worker.drain(); // the answer's feedback, so only the test's own work is in flight
    return { user, marker, posting, session };
  }

  /** A generation held inside the generator while the test deletes something. */
  async function generationInFlight(user: TestUser, sessionId: string) {
    const gate = generator.arm();
    const accepted = await requestQuestion(t.app, user, sessionId);
    expect(accepted.statusCode).toBe(202);
    const drained = t.worker.drain();
    await gate.started;
    return { operationId: accepted.json().id as string, gate, drained };
  }

  it('finds the tables that name a user or a session', async () => {
    expect(await tablesWithColumn(t.deps.db, 'user_id')).toEqual(
      expect.arrayContaining(['resumes', 'job_postings', 'interview_sessions', 'operations']),
    );
    expect(await tablesWithColumn(t.deps.db, 'session_id')).toEqual(
      expect.arrayContaining(['messages', 'operations']),
    );
  });

  describe('DELETE /sessions/{id}', () => {
    it('deletes the session with its messages and operations', async () => {
      const { user, session } = await busyUser();
      const ops = await t.deps.db.query<{ id: string }>(
        'SELECT id FROM operations WHERE session_id = $1',
        [session.id],
      );
      const res = await call('DELETE', `/sessions/${session.id}`, user);
      expect(res.statusCode).toBe(204);
      expect((await call('GET', `/sessions/${session.id}`, user)).statusCode).toBe(404);
      expect((await getOperation(t.app, user, ops[0]!.id)).statusCode).toBe(404);
      const left = await countUserRows(t.deps.db, randomUUID(), [session.id], []);
      expect(left).toEqual({});
      // The posting and the resume stay.
      expect((await call('GET', '/job-postings', user)).json()).toHaveLength(1);
      expect((await call('GET', '/users/me/resume', user)).statusCode).toBe(200);
    });

    it("answers 404 for another user's session and keeps it; 422 for a bad id", async () => {
      const { user, session } = await busyUser();
      const other = await createUser(t.app);
      const res = await call('DELETE', `/sessions/${session.id}`, other);
      expect(res.statusCode).toBe(404);
      expect(res.json().detail.code).toBe('SESSION_NOT_FOUND');
      expect((await call('GET', `/sessions/${session.id}/messages`, user)).json()).toHaveLength(2);
      expect((await call('DELETE', '/sessions/nope', user)).statusCode).toBe(422);
      expect((await call('DELETE', `/sessions/${randomUUID()}`, user)).statusCode).toBe(404);
    });

    it('lets a generation in flight end without writing anything', async () => {
      const { user, session } = await busyUser();
      const { gate, drained } = await generationInFlight(user, session.id);
      expect((await call('DELETE', `/sessions/${session.id}`, user)).statusCode).toBe(204);
      gate.open();
      expect(await drained).toBe(1);
      expect(await countUserRows(t.deps.db, randomUUID(), [session.id], [])).toEqual({});
    });
  });

  it('finishing or failing a vanished operation writes nothing and reports it', async () => {
    const queue = createGenerationQueueRepository(t.deps.db);
    const op = {
      id: randomUUID(),
      session_id: randomUUID(),
      user_id: randomUUID(),
      operation_type: 'question_generation' as const,
      answer_message_id: null,
      lease_token: randomUUID(),
      session_status: 'active' as const,
      attempts: 1,
      created_at: new Date(),
      pickup_ms: 0,
    };
    const question = {
      questionText: 'Why?',
      questionType: 'technical' as const,
      focus: { requirement: 'x', evidence: null, summary: 'x' },
    };
    expect(await queue.complete(op, randomUUID(), question)).toEqual({ kind: 'lost' });
    expect(await queue.fail(op, 'gone')).toBe(false);
    expect(await countUserRows(t.deps.db, op.user_id, [op.session_id], [])).toEqual({});
  });

  describe('DELETE /job-postings/{id}', () => {
    it('deletes the posting with its sessions, in flight or not', async () => {
      const { user, posting, session } = await busyUser();
      const second = await createSession(t.app, user, posting.id);
      const { gate, drained } = await generationInFlight(user, second.id);
      expect((await call('DELETE', `/job-postings/${posting.id}`, user)).statusCode).toBe(204);
      gate.open();
      await drained;
      expect((await call('GET', '/sessions', user)).json()).toEqual([]);
      const left = await countUserRows(t.deps.db, randomUUID(), [session.id, second.id], []);
      expect(left).toEqual({});
    });
  });

  describe('DELETE /users/me', () => {
    it('answers 400 WRONG_PASSWORD and keeps everything', async () => {
      const { user, session } = await busyUser();
      const res = await call('DELETE', '/users/me', user, { password: 'not the password' });
      expect(res.statusCode).toBe(400);
      expect(res.json().detail.code).toBe('WRONG_PASSWORD');
      expect((await call('GET', `/sessions/${session.id}/messages`, user)).json()).toHaveLength(2);
      expect((await call('DELETE', '/users/me', user, {})).statusCode).toBe(422);
    });

    it('removes every row of the user, even during a generation; the email can register again', async () => {
      const { user, marker, posting, session } = await busyUser();
      const second = await createSession(t.app, user, posting.id);
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        headers: { authorization: `Bearer ${(await relogin(user)).token}` },
      });
      const bystander = await busyUser();
      const { gate, drained } = await generationInFlight(user, second.id);

      const res = await call('DELETE', '/users/me', user, { password: user.password });
      expect(res.statusCode, res.body).toBe(204);
      expect((await call('GET', '/users/me', user)).statusCode).toBe(401);
      gate.open();
      expect(await drained).toBe(1);

      const left = await countUserRows(
        t.deps.db,
        user.id,
        [session.id, second.id],
        [marker, user.email],
      );
      expect(left).toEqual({});
      // Someone else's data is untouched.
      const theirs = await countUserRows(t.deps.db, bystander.user.id, [bystander.session.id], []);
      expect(theirs.messages).toBe(2);
      expect(theirs.resumes).toBe(1);

      const again = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/register',
        payload: { email: user.email, password: 'a new beginning', full_name: 'Again' },
      });
      expect(again.statusCode).toBe(201);
      expect(again.json().id).not.toBe(user.id);
    });
  });

  async function relogin(user: TestUser) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: user.password },
    });
    return { token: res.json().access_token as string };
  }
});
