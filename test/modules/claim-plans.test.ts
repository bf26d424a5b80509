import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import {
  CLAIM_SQL,
  COMPLETE_CLAIM,
} from '../../src/modules/operations/generation-queue.repository.js';

// The queue's statements must read the operations they touch through an index, whatever
// the statistics say. The trap: autovacuum analyses the table while the queue is empty
// (the usual state), so the planner believes no operation is live; then a burst arrives.
// With that belief, a claim scanned the whole table and a completion walked the backlog.
describe('queue plans with statistics taken while the queue was empty', () => {
  let database: TestDatabase;
  const explain = async (sql: string, params: unknown[]) =>
    (await database.db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (COSTS OFF) ${sql}`, params))
      .map((r) => r['QUERY PLAN'])
      .join('\n');

  beforeAll(async () => {
    database = await createTestDatabase(pino({ level: 'silent' }));
    const { db } = database;
    await db.query(`INSERT INTO users (id, email, password_hash, full_name)
                    VALUES (md5('u')::uuid, 'plans@example.com', 'x', 'Plans')`);
    await db.query(`INSERT INTO job_postings (id, user_id, title, description)
                    VALUES (md5('p')::uuid, md5('u')::uuid, 'Backend engineer', 'Build APIs.')`);
    await db.query(`INSERT INTO interview_sessions (id, user_id, job_posting_id)
                    SELECT md5('s' || i)::uuid, md5('u')::uuid, md5('p')::uuid
                      FROM generate_series(1, 64) i`);
    // History, analysed with nothing live...
    await db.query(`INSERT INTO operations (user_id, session_id, status, started_at, finished_at)
                    SELECT md5('u')::uuid, md5('s' || (i % 64 + 1))::uuid, 'completed', now(), now()
                      FROM generate_series(1, 2000) i`);
    await db.query('VACUUM ANALYZE operations');
    // ...then a backlog, a few of it being worked on.
    await db.query(`INSERT INTO operations (user_id, session_id)
                    SELECT md5('u')::uuid, md5('s' || (i % 64 + 1))::uuid
                      FROM generate_series(1, 6400) i`);
    await db.query(`UPDATE operations SET status = 'processing', lease_token = gen_random_uuid(),
                           locked_until = now() + interval '1 minute'
                     WHERE seq IN (SELECT seq FROM operations WHERE status = 'pending'
                                    ORDER BY seq LIMIT 10)`);
  });
  afterAll(() => database.drop());

  it('claims without scanning the table', async () => {
    const plan = await explain(CLAIM_SQL, ['plans', 4, 15_000]);
    expect(plan).not.toMatch(/Seq Scan on operations/);
    expect(plan).toMatch(/operations_pkey/);
  });

  it('completes a claim through the primary key', async () => {
    const plan = await explain(COMPLETE_CLAIM, [
      '00000000-0000-4000-8000-000000000001',
      '00000000-0000-4000-8000-000000000002',
      '{}',
    ]);
    expect(plan).toMatch(/Index Cond: \(id = /);
    expect(plan).toMatch(/operations_pkey/);
  });

  it('keeps a lease token only on an operation being processed', async () => {
    const [held] = await database.db.query<{ id: string }>(
      `SELECT id FROM operations WHERE lease_token IS NOT NULL LIMIT 1`,
    );
    await expect(
      database.db.query(`UPDATE operations SET status = 'completed' WHERE id = $1`, [held!.id]),
    ).rejects.toThrow(/operations_lease_only_while_processing/);
    // The failed statement left the connection usable.
    const [row] = await database.db.query<{ status: string }>(
      'SELECT status FROM operations WHERE id = $1',
      [held!.id],
    );
    expect(row?.status).toBe('processing');
  });
});
