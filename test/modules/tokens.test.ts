import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTokenService } from '../../src/modules/auth/tokens.js';

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
