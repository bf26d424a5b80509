import { jwtVerify, SignJWT } from 'jose';

export interface AccessToken {
  token: string;
  expiresIn: number;
}

export interface TokenService {
  issue(userId: string): Promise<AccessToken>;
  /** The user id the token was issued to, or null for any token that is not valid now. */
  verify(token: string): Promise<string | null>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Verifying a signature costs tens of microseconds, more than the rest of a cheap
// request; a token already verified is remembered until it expires. Only exact
// token strings hit, so a tampered token is always verified afresh.
const CACHE_SIZE = 10_000;

// Named in every token and required on every check, so a token this secret signed for
// something else (another service sharing the secret, a future token kind) is not a login.
export const TOKEN_ISSUER = 'interview-practice';
export const TOKEN_AUDIENCE = 'interview-practice-api';

export function createTokenService(secret: string, ttlSeconds: number): TokenService {
  const key = new TextEncoder().encode(secret);
  const verified = new Map<string, { userId: string; expiresAt: number }>();

  const remember = (token: string, userId: string, expiresAt: number) => {
    if (verified.size >= CACHE_SIZE) verified.delete(verified.keys().next().value!);
    verified.set(token, { userId, expiresAt });
  };

  return {
    async issue(userId) {
      const token = await new SignJWT({})
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(userId)
        .setIssuer(TOKEN_ISSUER)
        .setAudience(TOKEN_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(key);
      return { token, expiresIn: ttlSeconds };
    },
    async verify(token) {
      const hit = verified.get(token);
      if (hit) {
        if (hit.expiresAt > Date.now()) return hit.userId;
        verified.delete(token);
        return null;
      }
      try {
        // Pinning the algorithm rejects alg:none and any key-confusion trick; jose checks exp.
        const { payload } = await jwtVerify(token, key, {
          algorithms: ['HS256'],
          issuer: TOKEN_ISSUER,
          audience: TOKEN_AUDIENCE,
          requiredClaims: ['exp', 'sub'],
        });
        if (!payload.sub || !UUID.test(payload.sub)) return null;
        remember(token, payload.sub, payload.exp! * 1000);
        return payload.sub;
      } catch {
        return null;
      }
    },
  };
}
