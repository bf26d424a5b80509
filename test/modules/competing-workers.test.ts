import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { buildTestApp, type TestApp } from '../support/harness.js';
import { createSession, createUser, requestQuestion } from '../support/factories.js';
import { FakeGenerator, gate } from '../support/fake-generator.js';
import { TEST_DATABASE_URL } from '../support/database.js';
import { createDeps, type Deps } from '../../src/deps.js';
import { createPostgresDatabase } from '../../src/platform/db/client.js';
import { startWorker } from '../../src/start-worker.js';

// Two worker processes share one PostgreSQL: each has its own pool and LISTEN connection.
describe.skipIf(!TEST_DATABASE_URL)('two workers on one PostgreSQL', () => {
  let t: TestApp;
  let second: Deps;
  const generatorA = new FakeGenerator();
  const generatorB = new FakeGenerator();

  beforeAll(async () => {
    t = await buildTestApp({ generator: generatorA, env: { WORKER_CONCURRENCY: '4' } });
    const log = pino({ level: 'silent' });
    second = await createDeps(t.config, {
      log,
      db: createPostgresDatabase(t.databaseUrl!, 8, log),
      generator: generatorB,
    });
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  it('run each of 100 operations exactly once', async () => {
    const user = await createUser(t.app);
    const sessions = [];
    for (let i = 0; i < 25; i++) sessions.push(await createSession(t.app, user));
    const ids: string[] = [];
    for (let round = 0; round < 4; round++) {
      for (const s of sessions) ids.push((await requestQuestion(t.app, user, s.id)).json().id);
    }
    // Worker A's four slots each hold their first operation until B has done some work, so
    // both workers take part however the machine schedules them.
    const gates = Array.from({ length: 4 }, () => gate());
    generatorA.then(...gates.map((g) => g.step));
    const a = await startWorker(t.deps, { autoStart: true, workerId: 'worker-a' });
    await Promise.all(gates.map((g) => g.started));
    const b = await startWorker(second, { autoStart: true, workerId: 'worker-b' });
    await expect.poll(() => generatorB.inputs.length, { timeout: 30_000 }).toBeGreaterThan(0);
    gates.forEach((g) => g.open());
    await expect
      .poll(
        async () =>
          (
            await t.deps.db.query<{ n: number }>(
              "SELECT count(*)::int AS n FROM operations WHERE status = 'completed'",
            )
          )[0]!.n,
        { timeout: 30_000, interval: 100 },
      )
      .toBe(100);
    await Promise.all([a.stop(1_000), b.stop(1_000)]);

    expect(generatorA.inputs.length + generatorB.inputs.length).toBe(100);
    expect(generatorA.inputs.length).toBeGreaterThan(0);
    expect(generatorB.inputs.length).toBeGreaterThan(0);
    const rows = await t.deps.db.query<{ operation_id: string; n: number }>(
      'SELECT operation_id, count(*)::int AS n FROM messages WHERE operation_id IS NOT NULL GROUP BY operation_id',
    );
    expect(rows).toHaveLength(100);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    expect(new Set(rows.map((r) => r.operation_id))).toEqual(new Set(ids));
    const attempts = await t.deps.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM operations WHERE attempts <> 1',
    );
    expect(attempts[0]!.n).toBe(0);
    // Each session still got its four questions in creation order.
    const order = await t.deps.db.query<{ ordered: boolean }>(
      `SELECT bool_and(m_rank = o_rank) AS ordered FROM (
         SELECT rank() OVER (PARTITION BY m.session_id ORDER BY m.seq) AS m_rank,
                rank() OVER (PARTITION BY o.session_id ORDER BY o.seq) AS o_rank
           FROM messages m JOIN operations o ON o.id = m.operation_id) x`,
    );
    expect(order[0]!.ordered).toBe(true);
  });
});
