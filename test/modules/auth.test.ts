import { randomUUID } from 'node:crypto';
import { SignJWT, base64url } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '../../src/modules/auth/tokens.js';
import { TEST_JWT_SECRET, buildTestApp, type TestApp } from '../support/harness.js';
import { createUser, loginAs } from '../support/factories.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const key = (secret: string) => new TextEncoder().encode(secret);

function sign(
  sub: string,
  { secret = TEST_JWT_SECRET, exp }: { secret?: string; exp?: number } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ ver: 0 })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setJti(randomUUID())
    .setIssuedAt(now - 7200)
    .setExpirationTime(exp ?? now + 600)
    .sign(key(secret));
}

/** Changes one character in the middle of the signature (the last one may carry only padding bits). */
function flipSignature(token: string): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const i = Math.floor(signature.length / 2);
  const flipped = signature[i] === 'A' ? 'B' : 'A';
  return `${header}.${payload}.${signature.slice(0, i)}${flipped}${signature.slice(i + 1)}`;
}

const encode = (value: object) => base64url.encode(JSON.stringify(value));

describe('auth and users', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  const register = (payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload });
  const login = (payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload });
  const me = (authorization?: string) =>
    t.app.inject({
      method: 'GET',
      url: '/api/v1/users/me',
      headers: authorization === undefined ? {} : { authorization },
    });
  const email = () => `user-${randomUUID()}@example.com`;
  const valid = () => ({
    email: email(),
    password: 'correct horse battery',
    full_name: 'Ada Lovelace',
  });

  describe('POST /auth/register', () => {
    it('creates the account and answers 201 with the user, and nothing else', async () => {
      const input = valid();
      const res = await register(input);
      expect(res.statusCode, res.body).toBe(201);
      const user = res.json();
      expect(user).toEqual({
        id: expect.stringMatching(UUID),
        email: input.email,
        full_name: 'Ada Lovelace',
        created_at: expect.stringMatching(ISO),
      });
    });

    it('stores the password as an argon2id hash with the OWASP parameters', async () => {
      const input = valid();
      const { id } = (await register(input)).json();
      const [row] = await t.deps.db.query<{ password_hash: string }>(
        'SELECT password_hash FROM users WHERE id = $1',
        [id],
      );
      expect(row!.password_hash.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
      expect(row!.password_hash).not.toContain(input.password);
    });

    it('answers 409 EMAIL_TAKEN for an email already registered in another case', async () => {
      const input = valid();
      expect((await register(input)).statusCode).toBe(201);
      const again = await register({ ...input, email: input.email.toUpperCase() });
      expect(again.statusCode).toBe(409);
      expect(again.json()).toEqual({
        detail: { code: 'EMAIL_TAKEN', message: expect.any(String) },
      });
      const same = await register(input);
      expect(same.statusCode).toBe(409);
      expect(same.json().detail.code).toBe('EMAIL_TAKEN');
    });

    it('accepts passwords of exactly 8 and 128 characters', async () => {
      expect((await register({ ...valid(), password: 'a'.repeat(8) })).statusCode).toBe(201);
      expect((await register({ ...valid(), password: 'b'.repeat(128) })).statusCode).toBe(201);
    });

    it.each([
      ['a 7-character password', { password: 'a'.repeat(7) }, 'password'],
      ['a 129-character password', { password: 'a'.repeat(129) }, 'password'],
      ['an invalid email', { email: 'not-an-email' }, 'email'],
      ['an empty full name', { full_name: '  ' }, 'full_name'],
      ['a missing email', { email: undefined }, 'email'],
      ['a password that is a number', { password: 12345678 }, 'password'],
    ])('answers 422 VALIDATION_ERROR for %s', async (_label, override, field) => {
      const res = await register({ ...valid(), ...override });
      expect(res.statusCode, res.body).toBe(422);
      const { detail } = res.json();
      expect(detail.code).toBe('VALIDATION_ERROR');
      expect(detail.errors).toEqual(
        expect.arrayContaining([{ field, message: expect.any(String) }]),
      );
    });

    it('creates no account when validation fails', async () => {
      const input = { ...valid(), password: 'short' };
      await register(input);
      const rows = await t.deps.db.query('SELECT 1 FROM users WHERE email = $1', [input.email]);
      expect(rows).toHaveLength(0);
    });
  });

  describe('POST /auth/login', () => {
    it('answers 200 with a bearer token that opens /users/me', async () => {
      const input = valid();
      const { id } = (await register(input)).json();
      const res = await login({ email: input.email, password: input.password });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body).toEqual({
        access_token: expect.any(String),
        token_type: 'bearer',
        expires_in: t.config.accessTokenTtlSeconds,
      });
      const who = await me(`Bearer ${body.access_token}`);
      expect(who.statusCode).toBe(200);
      expect(who.json().id).toBe(id);
    });

    it('accepts the email in another case', async () => {
      const input = valid();
      await register(input);
      const res = await login({ email: input.email.toUpperCase(), password: input.password });
      expect(res.statusCode).toBe(200);
    });

    it('gives identical 401 INVALID_CREDENTIALS answers for an unknown email and a wrong password', async () => {
      const input = valid();
      await register(input);
      const wrongPassword = await login({ email: input.email, password: 'not the password' });
      const unknownEmail = await login({ email: email(), password: input.password });
      for (const res of [wrongPassword, unknownEmail]) {
        expect(res.statusCode).toBe(401);
        expect(res.json().detail.code).toBe('INVALID_CREDENTIALS');
      }
      expect(unknownEmail.body).toBe(wrongPassword.body);
      expect(unknownEmail.headers['www-authenticate']).toBe(
        wrongPassword.headers['www-authenticate'],
      );
    });

    it.each([
      ['a missing password', { email: 'a@example.com' }],
      ['a missing email', { password: 'whatever123' }],
      ['an empty password', { email: 'a@example.com', password: '' }],
      ['an empty body', {}],
    ])('answers 422 VALIDATION_ERROR for %s', async (_label, payload) => {
      const res = await login(payload);
      expect(res.statusCode).toBe(422);
      expect(res.json().detail.code).toBe('VALIDATION_ERROR');
      expect(res.json().detail.errors.length).toBeGreaterThan(0);
    });
  });

  describe('GET /users/me', () => {
    it('answers 200 with the user as registered', async () => {
      const input = valid();
      const registered = (await register(input)).json();
      const token = await loginAs(t.app, input.email, input.password);
      const res = await me(`Bearer ${token}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual(registered);
    });

    describe('answers 401 with WWW-Authenticate: Bearer', () => {
      let userId: string;
      let token: string;
      beforeAll(async () => {
        const user = await createUser(t.app);
        userId = user.id;
        token = user.token;
      });

      const expect401 = async (authorization?: string) => {
        const res = await me(authorization);
        expect(res.statusCode, res.body).toBe(401);
        expect(res.headers['www-authenticate']).toBe('Bearer');
        expect(res.json()).toEqual({
          detail: { code: 'UNAUTHORIZED', message: expect.any(String) },
        });
      };

      it('for a missing token', () => expect401());

      it.each([
        ['an empty header', ''],
        ['no scheme', 'TOKEN'],
        ['the Basic scheme', 'Basic dXNlcjpwYXNz'],
        ['Bearer without a token', 'Bearer '],
        ['two tokens', 'Bearer abc def'],
        ['a token that is not a JWT', 'Bearer not-a-jwt'],
      ])('for a malformed header: %s', (_label, header) => expect401(header));

      it('for an expired token', async () => {
        const expired = await sign(userId, { exp: Math.floor(Date.now() / 1000) - 60 });
        await expect401(`Bearer ${expired}`);
      });

      it('for a token with a tampered signature', async () => {
        await expect401(`Bearer ${flipSignature(token)}`);
        expect((await me(`Bearer ${token}`)).statusCode).toBe(200); // the original still works
      });

      it('for a token whose subject was changed after signing', async () => {
        const other = await createUser(t.app);
        const [header, , signature] = token.split('.');
        const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
        const forged = `${header}.${encode({ ...payload, sub: other.id })}.${signature}`;
        await expect401(`Bearer ${forged}`);
      });

      it('for an unsigned token (alg: none)', async () => {
        const now = Math.floor(Date.now() / 1000);
        const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub: userId, iat: now, exp: now + 600 })}.`;
        await expect401(`Bearer ${unsigned}`);
      });

      it('for a token signed with another secret', async () => {
        const foreign = await sign(userId, {
          secret: 'some-other-secret-that-is-also-long-enough',
        });
        await expect401(`Bearer ${foreign}`);
      });

      it('for a token whose subject is not a user id', async () => {
        await expect401(`Bearer ${await sign('admin')}`);
      });

      it('for a valid token of an account that no longer exists', async () => {
        await expect401(`Bearer ${await sign(randomUUID())}`);
      });
    });

    it('accepts a token signed by the harness secret (the forging helper is sound)', async () => {
      const user = await createUser(t.app);
      expect((await me(`Bearer ${await sign(user.id)}`)).statusCode).toBe(200);
    });
  });
});
