import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/harness.js';
import { createSession, createUser, requestQuestion, type TestUser } from '../support/factories.js';
import { FakeGenerator } from '../support/fake-generator.js';
import {
  createGenerationQueueRepository,
  EARLIER_QUESTIONS,
  RECENT_TURNS,
} from '../../src/modules/operations/generation-queue.repository.js';

// A lease that lapsed a second ago. A lease of 0 ms is not yet lapsed for a claim in the
// same tick of the database clock (PGlite's is coarse), so a test would depend on timing.
const LAPSED = -1_000;

const question = {
  questionText: 'Why?',
  questionType: 'behavioral' as const,
  focus: { requirement: null, evidence: null, summary: 's' },
};

// Leases belong to claims, not to workers: the same worker id claiming twice gets two tokens.
describe('claim leases', () => {
  let t: TestApp;
  let generator: FakeGenerator;
  let user: TestUser;

  beforeAll(async () => {
    generator = new FakeGenerator();
    t = await buildTestApp({ generator });
    user = await createUser(t.app);
  });
  afterAll(() => t.close());

  it('lets only the newest claim finish, even when one worker re-claims its own lapsed lease', async () => {
    const session = await createSession(t.app, user);
    await requestQuestion(t.app, user, session.id);
    const queue = createGenerationQueueRepository(t.deps.db);
    const [stalled] = await queue.claim('same-worker', 10, LAPSED);
    const [current] = await queue.claim('same-worker', 10, 60_000);
    expect(current?.id).toBe(stalled?.id);
    expect(current!.lease_token).not.toBe(stalled!.lease_token);

    expect(await queue.renew(stalled!, 60_000)).toBe(false);
    expect(await queue.complete(stalled!, crypto.randomUUID(), question)).toEqual({ kind: 'lost' });
    expect(await queue.fail(stalled!, 'late')).toBe(false);
    await queue.release(stalled!);
    expect(await queue.renew(current!, 60_000)).toBe(true);
    expect(await queue.complete(current!, crypto.randomUUID(), question)).toEqual({
      kind: 'completed',
    });
    const rows = await t.deps.db.query<{ status: string; attempts: number; n: number }>(
      `SELECT o.status, o.attempts, (SELECT count(*)::int FROM messages m WHERE m.operation_id = o.id) AS n
         FROM operations o WHERE o.id = $1`,
      [current!.id],
    );
    expect(rows).toEqual([{ status: 'completed', attempts: 2, n: 1 }]);
  });

  it('keeps a renewed lease from lapsing, so a slow but live claim is not taken over', async () => {
    const session = await createSession(t.app, user);
    await requestQuestion(t.app, user, session.id);
    const queue = createGenerationQueueRepository(t.deps.db);
    const [held] = await queue.claim('slow-worker', 10, LAPSED);
    expect(await queue.renew(held!, 60_000)).toBe(true);
    expect(await queue.claim('other-worker', 10, 60_000)).toEqual([]);
    expect(await queue.fail(held!, 'done with the probe')).toBe(true);
  });

  it('reads a bounded context: the last turns in full and only the texts of earlier questions', async () => {
    const session = await createSession(t.app, user);
    const turns = RECENT_TURNS + 6; // questions and answers, alternating
    for (let i = 0; i < turns / 2; i++) {
      await requestQuestion(t.app, user, session.id);
      await t.worker.drain();
      const answered = await t.app.inject({
        method: 'POST',
        url: `/api/v1/sessions/${session.id}/answers`,
        headers: { authorization: `Bearer ${user.token}` },
        payload: { content: `Answer ${i}` },
      });
      expect(answered.statusCode).toBe(201);
    }
    await requestQuestion(t.app, user, session.id);
    await t.worker.drain();

    const { transcript } = generator.inputs.at(-1)!;
    const questions = transcript.filter((e) => e.role === 'interviewer');
    const answers = transcript.filter((e) => e.role === 'candidate');
    expect(questions).toHaveLength(turns / 2);
    expect(answers.map((a) => a.content)).toEqual(
      Array.from(
        { length: RECENT_TURNS / 2 },
        (_, k) => `Answer ${turns / 2 - RECENT_TURNS / 2 + k}`,
      ),
    );
    expect(transcript.slice(-RECENT_TURNS).map((e) => e.role)).toEqual(
      Array.from({ length: RECENT_TURNS }, (_, k) => (k % 2 ? 'candidate' : 'interviewer')),
    );
    expect(EARLIER_QUESTIONS).toBeGreaterThan(turns);
  });
});
