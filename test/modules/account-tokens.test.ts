import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/harness.js';
import { createUser, loginAs } from '../support/factories.js';

describe('logout and password change', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  const me = (token: string) =>
    t.app.inject({ method: 'GET', url: '/api/v1/users/me', headers: bearer(token) });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const changePassword = (token: string, body: Record<string, string>) =>
    t.app.inject({
      method: 'PUT',
      url: '/api/v1/users/me/password',
      headers: bearer(token),
      payload: body,
    });

  it('issues a token of its own for every login', async () => {
    const user = await createUser(t.app);
    const second = await loginAs(t.app, user.email, user.password);
    expect(second).not.toBe(user.token);
  });

  it('logs out only this token, after it was remembered as valid', async () => {
    const user = await createUser(t.app);
    const other = await loginAs(t.app, user.email, user.password);
    expect((await me(user.token)).statusCode).toBe(200); // now in the verified-token cache
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: user.headers,
    });
    expect(out.statusCode).toBe(204);
    expect(out.body).toBe('');
    const after = await me(user.token);
    expect(after.statusCode).toBe(401);
    expect(after.headers['www-authenticate']).toBe('Bearer');
    expect((await me(other)).statusCode).toBe(200);
  });

  it('answers 401 to a logout without a valid token', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout' });
    expect(res.statusCode).toBe(401);
    expect(res.json().detail.code).toBe('UNAUTHORIZED');
  });

  it('changes the password: every earlier token stops working, the new password logs in', async () => {
    const user = await createUser(t.app);
    const other = await loginAs(t.app, user.email, user.password);
    expect((await me(other)).statusCode).toBe(200);
    const res = await changePassword(user.token, {
      current_password: user.password,
      new_password: 'a brand new passphrase',
    });
    expect(res.statusCode, res.body).toBe(204);
    expect((await me(user.token)).statusCode).toBe(401);
    expect((await me(other)).statusCode).toBe(401);

    const oldLogin = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: user.password },
    });
    expect(oldLogin.statusCode).toBe(401);
    const fresh = await loginAs(t.app, user.email, 'a brand new passphrase');
    expect((await me(fresh)).statusCode).toBe(200);
    const [row] = await t.deps.db.query<{ password_hash: string }>(
      'SELECT password_hash FROM users WHERE id = $1',
      [user.id],
    );
    expect(row!.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('answers 400 WRONG_PASSWORD for a wrong current password, and changes nothing', async () => {
    const user = await createUser(t.app);
    const res = await changePassword(user.token, {
      current_password: 'not my password',
      new_password: 'a brand new passphrase',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail.code).toBe('WRONG_PASSWORD');
    expect((await me(user.token)).statusCode).toBe(200);
    await loginAs(t.app, user.email, user.password);
  });

  it('validates the new password as registration does (422)', async () => {
    const user = await createUser(t.app);
    for (const new_password of ['short', 'x'.repeat(129)]) {
      const res = await changePassword(user.token, {
        current_password: user.password,
        new_password,
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().detail.errors[0].field).toMatch(/new_password/);
    }
    const missing = await changePassword(user.token, { new_password: 'long enough pass' });
    expect(missing.statusCode).toBe(422);
    expect((await me(user.token)).statusCode).toBe(200);
  });
});
