import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { AppError } from '../errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    userId: string;
    /** The verified token of this request (logout revokes exactly this one). */
    token: TokenClaims;
  }
}

/** What a valid access token says: whose it is, which one it is, until when. */
export interface TokenClaims {
  userId: string;
  /** The token's own id (`jti`): logout revokes exactly this one. */
  tokenId: string;
  expiresAt: Date;
}

/** The claims of an access token, or null for any token that is not valid now. */
export type VerifyToken = (token: string) => Promise<TokenClaims | null>;

const BEARER = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i;

/** The preHandler every protected route uses: a valid bearer token or 401. */
export function createAuthenticate(verify: VerifyToken): preHandlerAsyncHookHandler {
  return async function authenticate(request: FastifyRequest) {
    const match = BEARER.exec(request.headers.authorization ?? '');
    const claims = match?.[1] ? await verify(match[1]) : null;
    if (!claims) {
      throw new AppError('UNAUTHORIZED', 'A valid access token is required. Log in again.');
    }
    request.userId = claims.userId;
    request.token = claims;
  };
}
