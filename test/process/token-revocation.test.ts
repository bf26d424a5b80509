import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../support/database.js';
import { TEST_JWT_SECRET } from '../support/harness.js';
import { api, startServer, type ServerProcess } from '../support/server-process.js';

// Each API process remembers verified tokens; a revocation on one must reach the other.
// B remembers tokens for ten minutes here, so only the notice can end the wait below; the
// bound is a hang guard, far longer than a notice takes, far shorter than the cache.
const CACHE_MS = 600_000;
const NOTICE_BOUND_MS = 60_000;
describe.skipIf(!TEST_DATABASE_URL)('token revocation across API processes', () => {
  let database: TestDatabase;
  const running: ServerProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(pino({ level: 'silent' }));
    await database.db.close();
  });
  afterAll(async () => {
    await Promise.all(running.map((s) => s.stop('SIGKILL')));
    await database.drop();
  });

  /** Polls until the token is refused, up to the bound; the time it took. */
  async function refusedWithin(url: string, token: string, boundMs: number): Promise<number> {
    const started = Date.now();
    for (;;) {
      const res = await api(url, 'GET', '/api/v1/users/me', undefined, token);
      if (res.status === 401) return Date.now() - started;
      expect(res.status).toBe(200);
      if (Date.now() - started > boundMs)
        throw new Error(`token still accepted after ${boundMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 25)); // a poll interval, not a wait for the result
    }
  }

  it('refuses a token at the other process after a password change or a logout on one', async () => {
    const env = {
      DATABASE_URL: database.url!,
      JWT_SECRET: TEST_JWT_SECRET,
      WORKER_IN_API: 'false',
      // Far longer than the test: only the revocation notice can make B refuse in time.
      TOKEN_CACHE_MS: String(CACHE_MS),
    };
    const [a, b] = await Promise.all([startServer(env), startServer(env)]);
    running.push(a, b);

    const email = `revoke-${Date.now()}@example.com`;
    const password = 'long enough';
    await api(a.url, 'POST', '/api/v1/auth/register', { email, password, full_name: 'R' });
    const login = async () =>
      (await api(a.url, 'POST', '/api/v1/auth/login', { email, password })).json
        .access_token as string;

    // Logout on A: B, which remembered the token as valid, refuses it.
    const first = await login();
    expect((await api(b.url, 'GET', '/api/v1/users/me', undefined, first)).status).toBe(200);
    expect((await api(a.url, 'POST', '/api/v1/auth/logout', undefined, first)).status).toBe(204);
    await refusedWithin(b.url, first, NOTICE_BOUND_MS);

    // Password change on A: B refuses the stolen token it had remembered.
    const stolen = await login();
    expect((await api(b.url, 'GET', '/api/v1/users/me', undefined, stolen)).status).toBe(200);
    const changed = await api(
      a.url,
      'PUT',
      '/api/v1/users/me/password',
      { current_password: password, new_password: 'another long one' },
      stolen,
    );
    expect(changed.status).toBe(204);
    await refusedWithin(b.url, stolen, NOTICE_BOUND_MS);
  });
});
