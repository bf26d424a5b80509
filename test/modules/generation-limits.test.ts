import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/harness.js';
import { createSession, createUser, requestQuestion } from '../support/factories.js';

describe('abuse limits on generate-question', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { GENERATION_RATE_LIMIT: '3' } });
  });
  afterAll(() => t.close());

  it('answers 429 RATE_LIMITED with Retry-After past the per-minute limit, per user', async () => {
    const user = await createUser(t.app);
    const session = await createSession(t.app, user);
    const codes = [];
    for (let i = 0; i < 4; i++)
      codes.push((await requestQuestion(t.app, user, session.id)).statusCode);
    expect(codes).toEqual([202, 202, 202, 429]);
    const limited = await requestQuestion(t.app, user, session.id);
    expect(limited.json().detail.code).toBe('RATE_LIMITED');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const stored = await t.deps.db.query('SELECT id FROM operations WHERE user_id = $1', [user.id]);
    expect(stored).toHaveLength(3);

    const someoneElse = await createUser(t.app);
    const theirSession = await createSession(t.app, someoneElse);
    expect((await requestQuestion(t.app, someoneElse, theirSession.id)).statusCode).toBe(202);
    await t.worker.drain();
  });

  it('holds the limit under concurrent requests', async () => {
    const user = await createUser(t.app);
    const session = await createSession(t.app, user);
    const codes = await Promise.all(
      Array.from(
        { length: 8 },
        async () => (await requestQuestion(t.app, user, session.id)).statusCode,
      ),
    );
    expect(codes.filter((c) => c === 202)).toHaveLength(3);
    expect(codes.filter((c) => c === 429)).toHaveLength(5);
    await t.worker.drain();
  });

  it('starts counting again when the minute is over', async () => {
    const user = await createUser(t.app);
    const session = await createSession(t.app, user);
    for (let i = 0; i < 3; i++) await requestQuestion(t.app, user, session.id);
    expect((await requestQuestion(t.app, user, session.id)).statusCode).toBe(429);
    await t.deps.db.query(
      "UPDATE generation_quota SET window_start = now() - interval '61 seconds' WHERE user_id = $1",
      [user.id],
    );
    expect((await requestQuestion(t.app, user, session.id)).statusCode).toBe(202);
    await t.worker.drain();
  });

  it('returns the same operation for a repeated Idempotency-Key', async () => {
    const user = await createUser(t.app);
    const session = await createSession(t.app, user);
    const first = await requestQuestion(t.app, user, session.id, { 'idempotency-key': 'click-1' });
    const again = await requestQuestion(t.app, user, session.id, { 'idempotency-key': 'click-1' });
    expect(first.statusCode).toBe(202);
    expect(again.statusCode).toBe(202);
    expect(again.json().id).toBe(first.json().id);
    expect(again.headers.location).toBe(first.headers.location);
    const other = await requestQuestion(t.app, user, session.id, { 'idempotency-key': 'click-2' });
    expect(other.json().id).not.toBe(first.json().id);
    await t.worker.drain();
  });

  it('creates one operation for concurrent requests with the same key', async () => {
    const user = await createUser(t.app);
    const session = await createSession(t.app, user);
    const results = await Promise.all(
      Array.from({ length: 3 }, () =>
        requestQuestion(t.app, user, session.id, { 'idempotency-key': 'double-click' }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual([202, 202, 202]);
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
    const stored = await t.deps.db.query('SELECT id FROM operations WHERE session_id = $1', [
      session.id,
    ]);
    expect(stored).toHaveLength(1);
    await t.worker.drain();
  });

  it('answers 422 when a key is reused for another session', async () => {
    const user = await createUser(t.app);
    const a = await createSession(t.app, user);
    const b = await createSession(t.app, user);
    await requestQuestion(t.app, user, a.id, { 'idempotency-key': 'shared' });
    const res = await requestQuestion(t.app, user, b.id, { 'idempotency-key': 'shared' });
    expect(res.statusCode).toBe(422);
    expect(res.json().detail.code).toBe('IDEMPOTENCY_KEY_REUSED');
    await t.worker.drain();
  });

  it('keeps keys per user and lets a key be reused after 24 hours', async () => {
    const alice = await createUser(t.app);
    const bob = await createUser(t.app);
    const sa = await createSession(t.app, alice);
    const sb = await createSession(t.app, bob);
    const fromAlice = (
      await requestQuestion(t.app, alice, sa.id, { 'idempotency-key': 'k' })
    ).json();
    const fromBob = (await requestQuestion(t.app, bob, sb.id, { 'idempotency-key': 'k' })).json();
    expect(fromBob.id).not.toBe(fromAlice.id);
    await t.deps.db.query(
      "UPDATE operations SET created_at = now() - interval '25 hours' WHERE id = $1",
      [fromAlice.id],
    );
    const later = (await requestQuestion(t.app, alice, sa.id, { 'idempotency-key': 'k' })).json();
    expect(later.id).not.toBe(fromAlice.id);
    await t.worker.drain();
  });
});

describe('with the rate limit turned off', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { GENERATION_RATE_LIMIT: '0' } });
  });
  afterAll(() => t.close());

  it('accepts any number of requests', async () => {
    const user = await createUser(t.app);
    const session = await createSession(t.app, user);
    for (let i = 0; i < 40; i++)
      expect((await requestQuestion(t.app, user, session.id)).statusCode).toBe(202);
    await t.worker.drain();
  });
});
