import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/harness.js';
import { createSession, createUser, requestQuestion, type TestUser } from '../support/factories.js';
import { startHousekeeping } from '../../src/modules/operations/housekeeping.js';
import { createOperationsRepository } from '../../src/modules/operations/operations.repository.js';
import { createLogger } from '../../src/platform/logger.js';

describe('housekeeping: old idempotency keys and rate-limit counters', () => {
  let t: TestApp;
  let users: TestUser[];

  beforeAll(async () => {
    t = await buildTestApp();
    users = [await createUser(t.app), await createUser(t.app), await createUser(t.app)];
  });
  afterAll(() => t.close());

  const housekeeping = (batch: number, maxBatches: number) =>
    startHousekeeping({
      repository: createOperationsRepository(t.deps.db),
      log: createLogger('silent'),
      intervalMs: 3_600_000,
      batch,
      maxBatches,
    });

  async function keyed(user: TestUser, key: string, ageHours: number): Promise<string> {
    const session = await createSession(t.app, user);
    const res = await requestQuestion(t.app, user, session.id, { 'idempotency-key': key });
    expect(res.statusCode).toBe(202);
    const id = res.json().id as string;
    await t.deps.db.query(
      `UPDATE operations SET created_at = now() - $2 * interval '1 hour' WHERE id = $1`,
      [id, ageHours],
    );
    return id;
  }
  const keyOf = async (id: string) =>
    (
      await t.deps.db.query<{ k: string | null }>(
        'SELECT idempotency_key AS k FROM operations WHERE id = $1',
        [id],
      )
    )[0]!.k;

  it('frees keys past 24 hours in bounded batches and keeps live ones', async () => {
    const user = users[0]!;
    const old = [
      await keyed(user, 'old-1', 30),
      await keyed(user, 'old-2', 26),
      await keyed(user, 'old-3', 25),
    ];
    const live = await keyed(user, 'live', 23);
    const h = housekeeping(1, 2);
    // One round does at most maxBatches x batch: two of the three, the oldest first.
    expect((await h.runOnce()).keys).toBe(2);
    expect(await keyOf(old[0]!)).toBeNull();
    expect(await keyOf(old[1]!)).toBeNull();
    expect(await keyOf(old[2]!)).toBe('old-3');
    expect((await h.runOnce()).keys).toBe(1);
    expect(await keyOf(old[2]!)).toBeNull();
    expect(await keyOf(live)).toBe('live');
    expect((await h.runOnce()).keys).toBe(0);
    await h.stop();
    // A freed key names a new operation; the live one is still bound to its request.
    const session = await createSession(t.app, user);
    const again = await requestQuestion(t.app, user, session.id, { 'idempotency-key': 'old-1' });
    expect(again.statusCode).toBe(202);
    expect(again.json().id).not.toBe(old[0]);
    const other = await createSession(t.app, user);
    const same = await requestQuestion(t.app, user, other.id, { 'idempotency-key': 'live' });
    expect(same.statusCode, same.body).toBe(422);
    expect(same.json().detail.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('deletes counters whose window is long over, and two processes at once clean each row once', async () => {
    await t.deps.db.query('DELETE FROM generation_quota');
    const [a, b, c] = users;
    await t.deps.db.query(
      `INSERT INTO generation_quota (user_id, window_start, used)
       VALUES ($1, now() - interval '2 hours', 5), ($2, now() - interval '1 day', 9),
              ($3, now() - interval '30 seconds', 1)`,
      [a!.id, b!.id, c!.id],
    );
    const [one, two] = [housekeeping(1, 5), housekeeping(1, 5)];
    const results = await Promise.all([one.runOnce(), two.runOnce()]);
    expect(results[0]!.quotas + results[1]!.quotas).toBe(2);
    const left = await t.deps.db.query<{ user_id: string }>('SELECT user_id FROM generation_quota');
    expect(left.map((r) => r.user_id)).toEqual([c!.id]);
    await Promise.all([one.stop(), two.stop()]);
  });
});
