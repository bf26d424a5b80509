import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/harness.js';
import {
  createSession,
  createUser,
  getOperation,
  requestQuestion,
  saveResume,
} from '../support/factories.js';

describe('interview flow', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('generates a question, records it and accepts an answer', async () => {
    const user = await createUser(t.app);
    await saveResume(t.app, user);
    const session = await createSession(t.app, user);
    const res = await requestQuestion(t.app, user, session.id);
    expect(res.statusCode, res.body).toBe(202);
    const op = res.json();
    expect(op.status).toBe('pending');
    expect(res.headers.location).toBe(`/api/v1/operations/${op.id}`);
    expect(await t.worker.drain()).toBe(1);
    const done = (await getOperation(t.app, user, op.id)).json();
    expect(done.status).toBe('completed');
    expect(done.result.question_text).toMatch(/Backend Engineer/);
    const messages = await t.app.inject({
      method: 'GET',
      url: `/api/v1/sessions/${session.id}/messages`,
      headers: user.headers,
    });
    expect(messages.json()).toHaveLength(1);
    const answer = await t.app.inject({
      method: 'POST',
      url: `/api/v1/sessions/${session.id}/answers`,
      headers: user.headers,
      payload: { content: 'My answer' },
    });
    expect(answer.statusCode, answer.body).toBe(201);
  });
});
