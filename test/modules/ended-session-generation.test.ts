import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/harness.js';
import {
  createSession,
  createUser,
  getOperation,
  requestQuestion,
  type TestUser,
} from '../support/factories.js';
import { FakeGenerator, gate } from '../support/fake-generator.js';

// A question is for an active interview only: one that ends first never receives it.
describe('a question for an interview that ended', () => {
  let t: TestApp;
  let generator: FakeGenerator;
  let user: TestUser;

  beforeAll(async () => {
    generator = new FakeGenerator();
    t = await buildTestApp({ generator });
    user = await createUser(t.app);
  });
  afterAll(() => t.close());

  const transcriptOf = async (sessionId: string) => {
    const messages = await t.app.inject({
      method: 'GET',
      url: `/api/v1/sessions/${sessionId}/messages`,
      headers: { authorization: `Bearer ${user.token}` },
    });
    const session = await t.app.inject({
      method: 'GET',
      url: `/api/v1/sessions/${sessionId}`,
      headers: { authorization: `Bearer ${user.token}` },
    });
    return { messages: messages.json(), questionCount: session.json().question_count };
  };

  const transition = (sessionId: string, action: 'complete' | 'pause') =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/sessions/${sessionId}/${action}`,
      headers: { authorization: `Bearer ${user.token}` },
    });

  it.each(['complete', 'pause'] as const)(
    'fails in words when the interview is %sd mid-generation, and stores nothing',
    async (action) => {
      const session = await createSession(t.app, user);
      const g = gate();
      generator.then(g.step);
      const op = (await requestQuestion(t.app, user, session.id)).json();
      const drained = t.worker.drain();
      await g.started;
      expect((await transition(session.id, action)).statusCode).toBe(200);
      g.open();
      await drained;

      const failed = (await getOperation(t.app, user, op.id)).json();
      expect(failed.status).toBe('failed');
      expect(failed.error_message).toBe(
        `The interview was ${action === 'complete' ? 'completed' : 'paused'} before the question was ready.`,
      );
      expect(await transcriptOf(session.id)).toEqual({ messages: [], questionCount: 0 });
    },
  );

  it('is not generated at all when the interview ended before a worker claimed it', async () => {
    const session = await createSession(t.app, user);
    const op = (await requestQuestion(t.app, user, session.id)).json();
    expect((await transition(session.id, 'complete')).statusCode).toBe(200);
    const before = generator.inputs.length;
    await t.worker.drain();

    expect(generator.inputs.length).toBe(before);
    const failed = (await getOperation(t.app, user, op.id)).json();
    expect(failed).toMatchObject({
      status: 'failed',
      error_message: 'The interview was completed before the question was ready.',
    });
    expect(await transcriptOf(session.id)).toEqual({ messages: [], questionCount: 0 });
  });

  it('still completes for an interview that is active', async () => {
    const session = await createSession(t.app, user);
    const op = (await requestQuestion(t.app, user, session.id)).json();
    await t.worker.drain();
    expect((await getOperation(t.app, user, op.id)).json().status).toBe('completed');
    expect((await transcriptOf(session.id)).questionCount).toBe(1);
  });
});
