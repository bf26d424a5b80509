import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takePasswordHashingPeak } from '../../src/modules/auth/password.js';
import { buildTestApp, type TestApp } from '../support/harness.js';
import { createUser, type TestUser } from '../support/factories.js';

const login = (t: TestApp, email: string, password: string, remoteAddress = '127.0.0.1') =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    remoteAddress,
  });

const register = (t: TestApp, remoteAddress: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload: { email: `r-${randomUUID()}@example.com`, password: 'long enough', full_name: 'R' },
    remoteAddress,
  });

const countEvents = async (t: TestApp) =>
  (await t.deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM auth_throttle_events'))[0]!
    .n;

describe('failed-login throttling', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({
      env: { LOGIN_FAILURES_PER_ACCOUNT: '3', LOGIN_FAILURES_PER_ADDRESS: '6' },
    });
  });
  afterAll(() => t.close());

  it('answers 429 RATE_LIMITED with Retry-After past the per-account limit, even for the right password', async () => {
    const user = await createUser(t.app);
    for (let i = 0; i < 3; i += 1) {
      expect((await login(t, user.email, 'wrong password', '10.0.0.1')).statusCode).toBe(401);
    }
    const refused = await login(t, user.email, user.password, '10.0.0.2');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().detail.code).toBe('RATE_LIMITED');
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
  });

  it('lets another account log in from the same address meanwhile', async () => {
    const locked = await createUser(t.app);
    const other = await createUser(t.app);
    for (let i = 0; i < 3; i += 1) await login(t, locked.email, 'nope nope', '10.0.1.1');
    expect((await login(t, locked.email, locked.password, '10.0.1.1')).statusCode).toBe(429);
    expect((await login(t, other.email, other.password, '10.0.1.1')).statusCode).toBe(200);
  });

  it('never counts a successful login, nor a 429', async () => {
    const user = await createUser(t.app);
    for (let i = 0; i < 5; i += 1) {
      expect((await login(t, user.email, user.password, '10.0.2.1')).statusCode).toBe(200);
    }
    for (let i = 0; i < 3; i += 1) await login(t, user.email, 'wrong password', '10.0.2.1');
    const before = await countEvents(t);
    for (let i = 0; i < 4; i += 1) {
      expect((await login(t, user.email, 'wrong password', '10.0.2.1')).statusCode).toBe(429);
    }
    expect(await countEvents(t)).toBe(before);
  });

  it('answers 429 past the per-address limit across accounts, other addresses unaffected', async () => {
    const users: TestUser[] = [];
    for (let i = 0; i < 3; i += 1) users.push(await createUser(t.app));
    // Two failures each: no account reaches its limit, the address reaches 6.
    for (const u of users) {
      for (let i = 0; i < 2; i += 1) await login(t, u.email, 'wrong password', '10.0.3.1');
    }
    const fresh = await createUser(t.app);
    expect((await login(t, fresh.email, fresh.password, '10.0.3.1')).statusCode).toBe(429);
    expect((await login(t, fresh.email, fresh.password, '10.0.3.2')).statusCode).toBe(200);
  });

  it('counts failures for unknown emails too, the same way', async () => {
    const email = `nobody-${randomUUID()}@example.com`;
    for (let i = 0; i < 3; i += 1) {
      expect((await login(t, email, 'whatever1', '10.0.4.1')).statusCode).toBe(401);
    }
    expect((await login(t, email, 'whatever1', '10.0.4.2')).statusCode).toBe(429);
  });

  it('deletes counter rows older than the window by itself', async () => {
    await t.deps.db.query(
      `INSERT INTO auth_throttle_events (kind, key_hash, created_at)
       VALUES ('login_account', 'old', now() - interval '1 hour')`,
    );
    // A fresh process-level throttle cleans on its first recorded failure.
    const { createLoginThrottle } = await import('../../src/modules/auth/login-throttle.js');
    const throttle = createLoginThrottle({ db: t.deps.db, limits: t.config.auth });
    const failing = throttle.login('a@example.com', '10.0.5.1', async () => {
      const { AppError } = await import('../../src/platform/errors.js');
      throw new AppError('INVALID_CREDENTIALS', 'no');
    });
    await expect(failing).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    const old = await t.deps.db.query(`SELECT 1 FROM auth_throttle_events WHERE key_hash = 'old'`);
    expect(old).toEqual([]);
  });

  it('stores no email or address in the clear', async () => {
    const email = `clear-${randomUUID()}@example.com`;
    await login(t, email, 'wrong password', '10.0.6.1');
    const rows = await t.deps.db.query<{ key_hash: string }>(
      'SELECT key_hash FROM auth_throttle_events',
    );
    expect(rows.some((r) => r.key_hash.includes('clear-') || r.key_hash.includes('10.0.6'))).toBe(
      false,
    );
  });
});

describe('limits turned off', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({
      env: { LOGIN_FAILURES_PER_ACCOUNT: '0', LOGIN_FAILURES_PER_ADDRESS: '0' },
    });
  });
  afterAll(() => t.close());

  it('never throttles logins with both limits at 0 and records nothing', async () => {
    const user = await createUser(t.app);
    for (let i = 0; i < 12; i += 1) await login(t, user.email, 'wrong password');
    expect((await login(t, user.email, user.password)).statusCode).toBe(200);
    expect(await countEvents(t)).toBe(0);
  });
});

describe('registration throttling', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { REGISTRATIONS_PER_ADDRESS_PER_MINUTE: '3' } });
  });
  afterAll(() => t.close());

  it('answers 429 with Retry-After past the per-address limit; other addresses still register', async () => {
    for (let i = 0; i < 3; i += 1) expect((await register(t, '10.1.0.1')).statusCode).toBe(201);
    const refused = await register(t, '10.1.0.1');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().detail.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect((await register(t, '10.1.0.2')).statusCode).toBe(201);
  });
});

describe('password hashing', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { PASSWORD_HASH_CONCURRENCY: '1' } });
  });
  afterAll(() => t.close());

  it('runs at most PASSWORD_HASH_CONCURRENCY hashes at once under a burst of logins', async () => {
    const user = await createUser(t.app);
    takePasswordHashingPeak();
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => login(t, user.email, user.password)),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(6).fill(200));
    expect(takePasswordHashingPeak()).toBe(1);
  });
});
