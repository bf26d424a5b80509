import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  completion,
  startFakeOpenAIServer,
  type FakeOpenAIServer,
} from '../llm/fake-openai-server.js';
import { TEST_DATABASE_URL } from '../support/database.js';
import { createSession, createUser, requestQuestion } from '../support/factories.js';
import { buildTestApp, TEST_JWT_SECRET, type TestApp } from '../support/harness.js';
import { spawnService } from '../support/server-process.js';

const SESSIONS = 4;
const QUESTION = completion(
  JSON.stringify({
    question_text: 'How did you keep the reading groups on track during the curriculum change?',
    question_type: 'experience',
    focus: {
      requirement: 'Year 5 class',
      evidence: 'reading groups',
      summary: 'classroom practice',
    },
  }),
);

// A worker process frozen (SIGSTOP) past its lease, next to a healthy one, then thawed.
describe.skipIf(!TEST_DATABASE_URL)('a stalled worker on PostgreSQL', () => {
  let t: TestApp;
  let model: FakeOpenAIServer;
  const workers: ReturnType<typeof spawnService>[] = [];

  beforeAll(async () => {
    model = await startFakeOpenAIServer();
    t = await buildTestApp(); // the API in this process; its own worker never starts
  });
  afterAll(async () => {
    for (const w of workers) {
      w.proc.kill('SIGCONT');
      w.proc.kill('SIGKILL');
      await w.exited;
    }
    await t.close();
    await model.close();
  });

  // The stalled worker's lease lapses a few seconds into the stall, yet is long enough
  // that, alive on a loaded machine, it renews in time (every third of it). The healthy
  // one's outlasts the test: nothing but the stall may hand an operation over.
  const workerEnv = (leaseMs: number) => ({
    DATABASE_URL: t.databaseUrl!,
    JWT_SECRET: TEST_JWT_SECRET,
    LLM_PROVIDER: 'openai',
    OPENAI_API_KEY: 'test-key',
    OPENAI_BASE_URL: model.baseUrl,
    LLM_TIMEOUT_MS: '120000', // the stalled worker's own generations must outlive the stall
    WORKER_LEASE_MS: String(leaseMs),
    WORKER_CONCURRENCY: String(SESSIONS),
  });
  // Hang guards: a worker's start through tsx takes tens of seconds on a loaded machine.
  const SETTLE = { timeout: 90_000, interval: 200 };
  const query = <T extends object>(sql: string) => t.deps.db.query<T>(sql);

  it('completes each operation exactly once and fails none', async () => {
    const user = await createUser(t.app);
    for (let i = 0; i < SESSIONS; i++) {
      const session = await createSession(t.app, user);
      expect((await requestQuestion(t.app, user, session.id)).statusCode).toBe(202);
    }
    model.reply(...Array.from({ length: SESSIONS }, () => ({ hold: true })));
    const stalled = spawnService('worker', workerEnv(5_000));
    workers.push(stalled);
    // Freeze it only once the model holds all its requests: every operation is under way.
    await expect.poll(() => model.requests.length, SETTLE).toBe(SESSIONS);
    stalled.proc.kill('SIGSTOP');

    model.reply(...Array.from({ length: SESSIONS }, () => QUESTION));
    const healthy = spawnService('worker', workerEnv(600_000));
    workers.push(healthy);
    const completed = async () =>
      (
        await query<{ n: number }>(
          "SELECT count(*)::int AS n FROM operations WHERE status = 'completed'",
        )
      )[0]!.n;
    await expect.poll(completed, SETTLE).toBe(SESSIONS);

    // Thawed, the stalled worker gets its answers at last and tries to complete with its old claims.
    stalled.proc.kill('SIGCONT');
    expect(model.answerHeld(QUESTION)).toBe(SESSIONS);
    await expect
      .poll(() => stalled.output().split('result dropped').length - 1, SETTLE)
      .toBe(SESSIONS);

    const ops = await query<{ status: string; attempts: number; messages: number; count: number }>(
      `SELECT o.status, o.attempts,
              (SELECT count(*)::int FROM messages m WHERE m.operation_id = o.id) AS messages,
              s.question_count AS count
         FROM operations o JOIN interview_sessions s ON s.id = o.session_id`,
    );
    expect(ops).toEqual(
      Array.from({ length: SESSIONS }, () => ({
        status: 'completed',
        attempts: 2,
        messages: 1,
        count: 1,
      })),
    );
    expect(await Promise.all([stalled.stop('SIGTERM'), healthy.stop('SIGTERM')])).toEqual([0, 0]);
  }, 300_000);
});
