import { randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import type { TokenClaims } from '../../platform/http/auth.js';

export interface AccessToken {
  token: string;
  expiresIn: number;
}

export type { TokenClaims };

/** Whether a token the signature check accepted is still live (not logged out, not superseded). */
export interface RevocationCheck {
  isLive(claims: TokenClaims, version: number): Promise<boolean>;
}

export interface TokenService {
  /** A token of its own for every login, carrying the user's current token version. */
  issue(userId: string, version?: number): Promise<AccessToken>;
  /** The user id the token was issued to, or null for any token that is not valid now. */
  verify(token: string): Promise<string | null>;
  verifyClaims(token: string): Promise<TokenClaims | null>;
  /** Forgets what was remembered about a user's tokens ('' for every user). */
  forget(userId: string): void;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Verifying a signature and asking the database whether the token is still live cost
// more than the rest of a cheap request, so a token found live is remembered. Only
// exact token strings hit, so a tampered token is always verified afresh. A
// revocation forgets the user's entries here and, through a wake channel, in every
// other process; the remember window (TOKEN_CACHE_MS, REMEMBER_MS by default) bounds how long a lost notification can keep a revoked
// token working.
const CACHE_SIZE = 10_000;
export const REMEMBER_MS = 30_000;

// Named in every token and required on every check, so a token this secret signed for
// something else (another service sharing the secret, a future token kind) is not a login.
export const TOKEN_ISSUER = 'interview-practice';
export const TOKEN_AUDIENCE = 'interview-practice-api';

interface Remembered {
  claims: TokenClaims;
  /** Until when the entry may be used: the token's expiry or the remember window, whichever is sooner. */
  until: number;
}

export function createTokenService(
  secret: string,
  ttlSeconds: number,
  revocations?: RevocationCheck,
  rememberMs = REMEMBER_MS,
): TokenService {
  const key = new TextEncoder().encode(secret);
  const verified = new Map<string, Remembered>();
  // Raised by every forget(): a check that raced with a revocation is not remembered.
  let generation = 0;

  const remember = (token: string, claims: TokenClaims) => {
    if (verified.size >= CACHE_SIZE) verified.delete(verified.keys().next().value!);
    const until = Math.min(claims.expiresAt.getTime(), Date.now() + rememberMs);
    verified.set(token, { claims, until });
  };

  async function verifyClaims(token: string): Promise<TokenClaims | null> {
    const hit = verified.get(token);
    if (hit) {
      if (hit.until > Date.now()) return hit.claims;
      verified.delete(token);
    }
    const seen = generation;
    let claims: TokenClaims;
    let version: number;
    try {
      // Pinning the algorithm rejects alg:none and any key-confusion trick; jose checks exp.
      const { payload } = await jwtVerify(token, key, {
        algorithms: ['HS256'],
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        requiredClaims: ['exp', 'sub', 'jti'],
      });
      if (!payload.sub || !UUID.test(payload.sub) || !UUID.test(payload.jti!)) return null;
      if (typeof payload.ver !== 'number') return null;
      version = payload.ver;
      claims = {
        userId: payload.sub,
        tokenId: payload.jti!,
        expiresAt: new Date(payload.exp! * 1000),
      };
    } catch {
      return null;
    }
    if (revocations && !(await revocations.isLive(claims, version))) return null;
    if (generation === seen) remember(token, claims);
    return claims;
  }

  return {
    async issue(userId, version = 0) {
      const token = await new SignJWT({ ver: version })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(userId)
        .setIssuer(TOKEN_ISSUER)
        .setAudience(TOKEN_AUDIENCE)
        .setJti(randomUUID())
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(key);
      return { token, expiresIn: ttlSeconds };
    },
    verifyClaims,
    async verify(token) {
      return (await verifyClaims(token))?.userId ?? null;
    },
    forget(userId) {
      generation += 1;
      if (userId === '') return verified.clear();
      for (const [token, entry] of verified) {
        if (entry.claims.userId === userId) verified.delete(token);
      }
    },
  };
}
