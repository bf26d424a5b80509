import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/harness.js';
import { createUser, loginAs } from '../support/factories.js';

describe('POST /auth/logout-all', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const me = (token: string) =>
    t.app.inject({ method: 'GET', url: '/api/v1/users/me', headers: bearer(token) });
  const logoutAll = (headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/logout-all', headers });

  it('ends every login of the account, this one included; the password still logs in', async () => {
    const user = await createUser(t.app);
    const other = await loginAs(t.app, user.email, user.password);
    const stranger = await createUser(t.app);
    // Both remembered as valid first, so the cache has to be forgotten too.
    expect((await me(user.token)).statusCode).toBe(200);
    expect((await me(other)).statusCode).toBe(200);

    const res = await logoutAll(bearer(other));
    expect(res.statusCode, res.body).toBe(204);
    expect(res.body).toBe('');

    expect((await me(user.token)).statusCode).toBe(401);
    expect((await me(other)).statusCode).toBe(401);
    expect((await me(stranger.token)).statusCode).toBe(200);
    const fresh = await loginAs(t.app, user.email, user.password);
    expect((await me(fresh)).statusCode).toBe(200);
  });

  it('answers 401 without a valid token', async () => {
    const res = await logoutAll();
    expect(res.statusCode).toBe(401);
    expect(res.json().detail.code).toBe('UNAUTHORIZED');
    expect((await logoutAll(bearer('not-a-token'))).statusCode).toBe(401);
  });
});
