import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_SECTIONS, NOT_EXPORTED } from '../../src/modules/account/account-export.js';
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

type Rows = Record<string, unknown>[];

describe('GET /users/me/export', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  const get = (url: string, user: TestUser) =>
    t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: user.headers });
  const ids = (rows: Rows) => rows.map((r) => r.id).sort();

  it('holds every row the API lists for the caller, and nothing of anyone else', async () => {
    const user = await createUser(t.app);
    const other = await createUser(t.app);
    await saveResume(t.app, user, 'Teacher, eight years. Ran the reading programme.');
    await createJobPosting(t.app, other, { title: 'Not mine' });
    const postings = [
      await createJobPosting(t.app, user, { title: 'Year 5 teacher' }),
      await createJobPosting(t.app, user, { title: 'Head of year' }),
    ];
    const session = await createSession(t.app, user, postings[0]!.id);
    const op = (await requestQuestion(t.app, user, session.id)).json();
    await t.worker.drain();
    const answer = await t.app.inject({
      method: 'POST',
      url: `/api/v1/sessions/${session.id}/answers`,
      headers: user.headers,
      payload: { content: 'By grouping readers by level.' },
    });
    const feedbackOp = answer.json().feedback_operation_id as string;
    await t.worker.drain();

    const res = await get('/users/me/export', user);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="interview-practice-export-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const doc = res.json();

    const me = (await get('/users/me', user)).json();
    expect(doc.account).toMatchObject({ id: me.id, email: me.email, full_name: me.full_name });
    expect(doc.resume).toHaveLength(1);
    expect(doc.resume[0].content).toBe((await get('/users/me/resume', user)).json().content);
    expect(ids(doc.job_postings)).toEqual(ids((await get('/job-postings', user)).json()));
    expect(ids(doc.interview_sessions)).toEqual(ids((await get('/sessions', user)).json()));
    const messages = (await get(`/sessions/${session.id}/messages`, user)).json() as Rows;
    expect(messages).toHaveLength(2);
    expect(ids(doc.messages)).toEqual(ids(messages));
    expect((doc.messages as Rows).map((m) => m.content).sort()).toEqual(
      messages.map((m) => m.content).sort(),
    );
    expect(ids(doc.operations).sort()).toEqual([op.id, feedbackOp].sort());
    expect(ids(doc.answer_feedback)).toEqual(
      ids((await get(`/sessions/${session.id}/feedback`, user)).json()),
    );
    expect(doc.operations.find((o: { id: string }) => o.id === op.id).status).toBe(
      (await getOperation(t.app, user, op.id)).json().status,
    );
    expect(res.body).not.toContain('Not mine');
    expect(res.body).not.toContain(other.email);
    expect(res.body).not.toMatch(/argon2|password_hash|token_version/);
  });

  it('answers 401 without a token', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/users/me/export' });
    expect(res.statusCode).toBe(401);
  });

  it('covers every table that names a user or a session (a new table needs a line)', async () => {
    const exported = new Set(EXPORT_SECTIONS.map((s) => s.table));
    const owning = new Set([
      ...(await tablesWithColumn(t.deps.db, 'user_id')),
      ...(await tablesWithColumn(t.deps.db, 'session_id')),
    ]);
    const missing = [...owning].filter((table) => !exported.has(table) && !NOT_EXPORTED[table]);
    expect(missing).toEqual([]);
  });
});
