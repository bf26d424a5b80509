import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeJwt, SignJWT } from 'jose';
import { createTokenService, TOKEN_AUDIENCE, TOKEN_ISSUER } from '../../src/modules/auth/tokens.js';

const USER = '3f1c8a4e-1111-4000-8000-000000000000';

describe('access tokens', () => {
  afterEach(() => vi.useRealTimers());

  it('accepts its own token until it expires, even once remembered', async () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z'), toFake: ['Date'] });
    const tokens = createTokenService('s'.repeat(40), 60);
    const { token, expiresIn } = await tokens.issue(USER);
    expect(expiresIn).toBe(60);
    expect(await tokens.verify(token)).toBe(USER);
    expect(await tokens.verify(token)).toBe(USER);
    vi.setSystemTime(new Date('2026-01-01T00:01:01Z'));
    expect(await tokens.verify(token)).toBeNull();
  });

  it('rejects a token signed with another secret, tampered with, or unsigned', async () => {
    const tokens = createTokenService('s'.repeat(40), 60);
    const foreign = await createTokenService('t'.repeat(40), 60).issue(USER);
    expect(await tokens.verify(foreign.token)).toBeNull();

    const { token } = await tokens.issue(USER);
    expect(await tokens.verify(token)).toBe(USER);
    const [header, payload, signature] = token.split('.');
    const flipped = signature!.startsWith('A')
      ? `B${signature!.slice(1)}`
      : `A${signature!.slice(1)}`;
    expect(await tokens.verify(`${header}.${payload}.${flipped}`)).toBeNull();

    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect(await tokens.verify(`${none}.${payload}.`)).toBeNull();
    expect(await tokens.verify('not.a.token')).toBeNull();
  });
});

describe('token issuer and audience', () => {
  const secret = 's'.repeat(40);
  const key = new TextEncoder().encode(secret);
  const sign = (claims: { iss?: string; aud?: string }) => {
    // Every other claim the service requires (a token id and version) is present.
    let jwt = new SignJWT({ ver: 0 })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(USER)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime('60s');
    if (claims.iss) jwt = jwt.setIssuer(claims.iss);
    if (claims.aud) jwt = jwt.setAudience(claims.aud);
    return jwt.sign(key);
  };

  it('names the service as issuer and its API as audience', async () => {
    const { token } = await createTokenService(secret, 60).issue(USER);
    expect(decodeJwt(token)).toMatchObject({ iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE });
  });

  it('rejects a token of the same secret without them, or with others', async () => {
    const tokens = createTokenService(secret, 60);
    expect(await tokens.verify(await sign({ iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE }))).toBe(USER);
    expect(await tokens.verify(await sign({}))).toBeNull();
    expect(await tokens.verify(await sign({ iss: TOKEN_ISSUER }))).toBeNull();
    expect(await tokens.verify(await sign({ iss: 'elsewhere', aud: TOKEN_AUDIENCE }))).toBeNull();
    expect(await tokens.verify(await sign({ iss: TOKEN_ISSUER, aud: 'other-api' }))).toBeNull();
  });
});
